public import DelimitedText
import Dispatch
public import GazetteModel
public import Tally

/// Incident tables read back from CSV or TSV: Gazette's own output or another dataset's export, through a
/// mapping of column names (`gazette tally FILE`).
public enum IncidentTable {
    /// Which column holds what. Only `date` is required; a column named here but absent from the file is an
    /// error, a column left nil is simply not read.
    public struct ColumnMapping: Sendable, Hashable {
        public var eventID: String?
        /// The incident's number within its document (`gazette extract`'s `incident`).
        public var index: String?
        public var date: String
        public var placeID: String?
        /// The place as written.
        public var place: String?
        /// The gazetteer's name of the place; when nil, `place` is used.
        public var placeName: String?
        public var governorate: String?
        public var killedLow: String?
        /// When nil, the high bound is the low bound (a dataset with one figure per event, like ACLED's
        /// `fatalities`, states it as exact).
        public var killedHigh: String?
        public var injuredLow: String?
        public var injuredHigh: String?
        public var perpetrator: String?
        public var weapon: String?
        /// Source documents, several separated by `;`.
        public var sources: String?
        /// The sentence the incident was read from, and the texts of the figures, kept for tracing.
        public var evidence: String?
        public var killedText: String?
        public var injuredText: String?

        /// Creates a mapping.
        public init(
            eventID: String? = nil, index: String? = nil, date: String, placeID: String? = nil,
            place: String? = nil, placeName: String? = nil, governorate: String? = nil, killedLow: String? = nil,
            killedHigh: String? = nil, injuredLow: String? = nil, injuredHigh: String? = nil,
            perpetrator: String? = nil, weapon: String? = nil, sources: String? = nil, evidence: String? = nil,
            killedText: String? = nil, injuredText: String? = nil
        ) {
            self.eventID = eventID
            self.index = index
            self.date = date
            self.placeID = placeID
            self.place = place
            self.placeName = placeName
            self.evidence = evidence
            self.killedText = killedText
            self.injuredText = injuredText
            self.governorate = governorate
            self.killedLow = killedLow
            self.killedHigh = killedHigh
            self.injuredLow = injuredLow
            self.injuredHigh = injuredHigh
            self.perpetrator = perpetrator
            self.weapon = weapon
            self.sources = sources
        }

        /// Gazette's incident table: `event_id, date, place_id, place, governorate, killed_low, killed_high,
        /// injured_low, injured_high, perpetrator, weapon, sources` (columns missing from a file are skipped).
        public static let gazette = ColumnMapping(
            eventID: "event_id", date: "date", placeID: "place_id", place: "place", governorate: "governorate",
            killedLow: "killed_low", killedHigh: "killed_high", injuredLow: "injured_low",
            injuredHigh: "injured_high", perpetrator: "perpetrator", weapon: "weapon", sources: "sources")

        /// `gazette extract` output (the evaluation labels' columns and more): `doc, incident, date, place,
        /// governorate, killed_min, killed_max, killed_text, injured_min, injured_max, injured_text, perpetrator,
        /// weapon, place_id, place_name, evidence`.
        public static let extract = ColumnMapping(
            index: "incident", date: "date", placeID: "place_id", place: "place", placeName: "place_name",
            governorate: "governorate", killedLow: "killed_min", killedHigh: "killed_max", injuredLow: "injured_min",
            injuredHigh: "injured_max", perpetrator: "perpetrator", weapon: "weapon", sources: "doc",
            evidence: "evidence", killedText: "killed_text", injuredText: "injured_text")

        /// An ACLED export: `event_id_cnty, event_date, admin1, location, fatalities, actor1, sub_event_type,
        /// source`. ACLED's fatalities are one figure: low = high.
        public static let acled = ColumnMapping(
            eventID: "event_id_cnty", date: "event_date", place: "location", governorate: "admin1",
            killedLow: "fatalities", perpetrator: "actor1", weapon: "sub_event_type", sources: "source")

        /// The named columns, for checking a header.
        var named: [(role: String, column: String)] {
            let all: [(String, String?)] = [
                ("event id", eventID), ("index", index), ("date", date), ("place id", placeID), ("place", place),
                ("place name", placeName), ("evidence", evidence), ("killed text", killedText),
                ("injured text", injuredText),
                ("governorate", governorate), ("killed low", killedLow), ("killed high", killedHigh),
                ("injured low", injuredLow), ("injured high", injuredHigh), ("perpetrator", perpetrator),
                ("weapon", weapon), ("sources", sources),
            ]
            return all.compactMap { role, column in column.map { (role, $0) } }
        }
    }

    /// How the table is written: RFC 4180 CSV (delimiter sniffed unless given), or the TSV dialect of
    /// `gazette extract` (backslash escapes, no quoting).
    public enum Format: String, Sendable, Hashable, CaseIterable { case csv, tsv }

    /// A row that cannot be read, named by file, line and column.
    public typealias ReadError = InputError

    /// Column positions of a mapping in one file's header.
    struct Columns: Sendable {
        var eventID, index, date, placeID, place, placeName, governorate, killedLow, killedHigh, injuredLow,
            injuredHigh, perpetrator, weapon, sources, evidence, killedText, injuredText: Int?

        init(header: [String], mapping: ColumnMapping, origin: String, required: Bool) throws(ReadError) {
            func find(_ name: String?) -> Int? { name.flatMap { n in header.firstIndex { $0 == n } } }
            guard find(mapping.date) != nil else {
                throw ReadError(
                    origin: origin, line: 1,
                    message: "no column '\(mapping.date)' for the date (columns: \(header.joined(separator: ", ")))")
            }
            if required {
                for (role, column) in mapping.named where find(column) == nil {
                    throw ReadError(
                        origin: origin, line: 1,
                        message: "no column '\(column)' for the \(role) (columns: \(header.joined(separator: ", ")))")
                }
            }
            eventID = find(mapping.eventID)
            index = find(mapping.index)
            date = find(mapping.date)
            placeID = find(mapping.placeID)
            place = find(mapping.place)
            placeName = find(mapping.placeName) ?? place
            evidence = find(mapping.evidence)
            killedText = find(mapping.killedText)
            injuredText = find(mapping.injuredText)
            governorate = find(mapping.governorate)
            killedLow = find(mapping.killedLow)
            killedHigh = find(mapping.killedHigh)
            injuredLow = find(mapping.injuredLow)
            injuredHigh = find(mapping.injuredHigh)
            perpetrator = find(mapping.perpetrator)
            weapon = find(mapping.weapon)
            sources = find(mapping.sources)
            // One figure for both bounds when the mapping names no high column.
            if mapping.killedHigh == nil { killedHigh = killedLow }
            if mapping.injuredHigh == nil { injuredHigh = injuredLow }
        }
    }

    /// Tallies an incident table straight from its bytes, each row one event, without making incidents: the
    /// fast path for large tables. Reads `threads` parts in parallel (each a `TallyBuilder`, merged).
    ///
    /// - Parameters:
    ///   - strict: every column the mapping names must exist (else only `date` must).
    /// - Throws: `ReadError` naming the line of a bad date or number, `DelimitedTextError` for malformed CSV.
    public static func tally(
        _ bytes: [UInt8], origin: String, mapping: ColumnMapping = .gazette, grouping: Grouping,
        format: Format = .csv, csv options: CSVReader.Options = CSVReader.Options(delimiter: nil), threads: Int = 1,
        strict: Bool = false, areInIncreasingOrder: (String, String) -> Bool = { $0 < $1 }
    ) throws -> TallyTable {
        var options = options
        options.origin = origin
        if format == .tsv {
            let records = try TSVReader.records(bytes, options: options)
            guard let header = records.first else {
                throw ReadError(origin: origin, line: 0, message: "empty file: expected a header row")
            }
            let columns = try Columns(header: header.fields, mapping: mapping, origin: origin, required: strict)
            var builder = TallyBuilder(grouping: grouping, keepsTrace: false)
            for record in records.dropFirst() { try add(record, columns, &builder, origin: origin) }
            return builder.table(areInIncreasingOrder: areInIncreasingOrder)
        }
        var headerReader = CSVReader(bytes: bytes, options: options)
        guard let header = try headerReader.next() else {
            throw ReadError(origin: origin, line: 0, message: "empty file: expected a header row")
        }
        options.delimiter = headerReader.delimiter
        let columns = try Columns(header: header.fields, mapping: mapping, origin: origin, required: strict)
        let chunks = CSVReader.chunks(of: bytes, count: max(1, threads))
        let readOptions = options
        let results = Results(count: chunks.count)
        let work: @Sendable (Int) -> Void = { i in
            var builder = TallyBuilder(grouping: grouping, keepsTrace: false)
            do {
                try CSVReader.scan(bytes, chunk: chunks[i], options: readOptions) { row in
                    if row.byteOffset == header.byteOffset { return }
                    try add(row, columns, &builder, origin: origin)
                }
                results.set(i, .success(builder))
            } catch {
                results.set(i, .failure(error))
            }
        }
        if chunks.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks.count, execute: work)
        }
        var merged = TallyBuilder(grouping: grouping, keepsTrace: false)
        for result in results.all {
            switch result {
            case .success(let b): merged.merge(b)
            case .failure(let e): throw e
            case nil: break
            }
        }
        return merged.table(areInIncreasingOrder: areInIncreasingOrder)
    }

    /// Reads every row as an `Incident` (index 1 within its first source document), for consolidation and the
    /// full report.
    public static func incidents(
        _ bytes: [UInt8], origin: String, mapping: ColumnMapping = .gazette, format: Format = .csv,
        csv options: CSVReader.Options = CSVReader.Options(delimiter: nil), strict: Bool = false
    ) throws -> [Incident] {
        var options = options
        options.origin = origin
        var columns: Columns?
        var out: [Incident] = []
        var perDocument: [String: Int] = [:]
        func each(_ body: (any RowAccess) throws -> Void) throws {
            if format == .tsv {
                for record in try TSVReader.records(bytes, options: options) { try body(record) }
            } else {
                try CSVReader.scan(bytes, options: options) { try body($0) }
            }
        }
        try each { row in
            guard let c = columns else {
                let header = (0..<row.count).map { row.string($0) }
                columns = try Columns(header: header, mapping: mapping, origin: origin, required: strict)
                return
            }
            func text(_ i: Int?) -> String { i.flatMap { $0 < row.count ? row.string($0) : nil } ?? "" }
            let date = try parseDate(row, c.date!, origin: origin)
            let sources = text(c.sources).split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            let document = sources.first ?? (c.eventID.map { row.string($0) } ?? "line \(row.line)")
            perDocument[document, default: 0] += 1
            let index = c.index.flatMap { $0 < row.count ? row.integer($0) : nil } ?? perDocument[document]!
            let killedLow = try number(row, c.killedLow, origin: origin)
            let injuredLow = try number(row, c.injuredLow, origin: origin)
            let written = text(c.place)
            var incident =
                Incident(
                    document: document, index: index, date: date, datePrecision: date == nil ? .unknown : .day,
                    place: written.isEmpty ? text(c.placeName) : written, governorate: text(c.governorate),
                    killed: Count(
                        low: killedLow, high: try number(row, c.killedHigh, origin: origin),
                        text: text(c.killedText)),
                    injured: Count(
                        low: injuredLow, high: try number(row, c.injuredHigh, origin: origin),
                        text: text(c.injuredText)),
                    perpetrator: text(c.perpetrator).isEmpty ? "unknown" : text(c.perpetrator), weapon: text(c.weapon),
                    evidence: text(c.evidence), placeID: text(c.placeID), placeName: text(c.placeName),
                    source: sources.joined(separator: ";"))
            incident.otherDocuments = Array(sources.dropFirst())
            out.append(incident)
        }
        return out
    }

    private static func parseDate(_ row: some RowAccess, _ i: Int, origin: String) throws(ReadError) -> CivilDate? {
        guard i < row.count, !row.isEmpty(i) else { return nil }
        guard let d = row.isoDate(i), let date = CivilDate(year: d.year, month: d.month, day: d.day) else {
            throw ReadError(origin: origin, line: row.line, message: "'\(row.string(i))' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    private static func number(_ row: some RowAccess, _ i: Int?, origin: String) throws(ReadError) -> Int? {
        guard let i, i < row.count, !row.isEmpty(i) else { return nil }
        guard let n = row.integer(i) else {
            throw ReadError(origin: origin, line: row.line, message: "'\(row.string(i))' is not a whole number")
        }
        return n
    }

    private static func add(
        _ row: some RowAccess, _ c: Columns, _ builder: inout TallyBuilder, origin: String
    ) throws(ReadError) {
        let date = try parseDate(row, c.date!, origin: origin)
        var groups: [GroupValue] = []
        groups.reserveCapacity(builder.grouping.dimensions.count)
        func text(_ i: Int?) -> String { i.flatMap { $0 < row.count ? row.string($0) : nil } ?? "" }
        for d in builder.grouping.dimensions {
            switch d {
            case .governorate: groups.append(GroupValue(text(c.governorate)))
            case .place:
                let id = text(c.placeID)
                let name = text(c.placeName)
                groups.append(GroupValue(id: id, name: name.isEmpty ? text(c.place) : name))
            case .district: groups.append(GroupValue(builder.grouping.districtOfPlace[text(c.placeID)] ?? ""))
            case .perpetrator:
                let p = text(c.perpetrator)
                groups.append(GroupValue(p.lowercased() == "unknown" ? "" : p))
            case .weapon: groups.append(GroupValue(text(c.weapon)))
            }
        }
        let killed = Count(
            low: try number(row, c.killedLow, origin: origin),
            high: try number(row, c.killedHigh, origin: origin))
        let injured = Count(
            low: try number(row, c.injuredLow, origin: origin),
            high: try number(row, c.injuredHigh, origin: origin))
        let sources = text(c.sources)
        if sources.utf8.contains(UInt8(ascii: ";")) {
            let documents = sources.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            builder.add(date: date, groups: groups, killed: killed, injured: injured, documents: documents)
        } else if sources.isEmpty {
            builder.add(date: date, groups: groups, killed: killed, injured: injured, documents: [])
        } else {
            builder.add(date: date, groups: groups, killed: killed, injured: injured, document: sources)
        }
    }
}

/// One slot per chunk, written by the worker of that chunk only.
private final class Results: @unchecked Sendable {
    // Safe without a lock: each slot is written by exactly one worker, and read only after all have finished
    // (DispatchQueue.concurrentPerform returns only then). Raw memory, so no worker touches a shared Array.
    private let slots: UnsafeMutableBufferPointer<Result<TallyBuilder, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ value: Result<TallyBuilder, any Error>) { slots[i] = value }

    var all: [Result<TallyBuilder, any Error>?] { Array(slots) }
}

/// What the readers need of a row, from a CSV view in place or from a decoded TSV record.
protocol RowAccess {
    var count: Int { get }
    var line: Int { get }
    func isEmpty(_ i: Int) -> Bool
    func string(_ i: Int) -> String
    func integer(_ i: Int) -> Int?
    func isoDate(_ i: Int) -> (year: Int, month: Int, day: Int)?
}

extension CSVRecordView: RowAccess {}

extension DelimitedRecord: RowAccess {
    var count: Int { fields.count }
    func isEmpty(_ i: Int) -> Bool { fields[i].isEmpty }
    func string(_ i: Int) -> String { fields[i] }

    func integer(_ i: Int) -> Int? {
        let t = fields[i].trimmingSpaces
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        return Int(t)
    }

    func isoDate(_ i: Int) -> (year: Int, month: Int, day: Int)? {
        let parts = fields[i].trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m),
            (1...31).contains(d)
        else { return nil }
        return (y, m, d)
    }
}
