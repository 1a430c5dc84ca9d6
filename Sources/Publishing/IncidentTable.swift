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
        return try bytes.withUnsafeBufferPointer { buffer in
            try tally(
                buffer: buffer, origin: origin, mapping: mapping, groupings: [grouping], csv: options,
                threads: threads, strict: strict, areInIncreasingOrder: areInIncreasingOrder)[0]
        }
    }

    /// Tallies an incident CSV for several groupings at once (the sections of a report) in one pass over bytes
    /// the caller holds, such as a memory-mapped file: no copy of the input, no `String` per row. Reads
    /// `threads` parts in parallel; gives one table per grouping, in order.
    ///
    /// Documents and group values are numbered from their bytes as they come; only a new group value becomes a
    /// `String`. The figures are those of `tally(_:origin:...)` for each grouping on its own.
    ///
    /// - Parameter release: called with byte ranges the reader is done with (from any thread), so that a caller
    ///   holding a memory-mapped file can give their pages back (`madvise`): the input is then read in parts of
    ///   a few megabytes and does not count whole against the memory of the process.
    /// - Throws: `ReadError` naming the line of a bad date or number, `DelimitedTextError` for malformed CSV.
    public static func tally(
        buffer bytes: UnsafeBufferPointer<UInt8>, origin: String, mapping: ColumnMapping = .gazette,
        groupings: [Grouping], csv options: CSVReader.Options = CSVReader.Options(delimiter: nil), threads: Int = 1,
        strict: Bool = false, areInIncreasingOrder: (String, String) -> Bool = { $0 < $1 },
        release: (@Sendable (Range<Int>) -> Void)? = nil
    ) throws -> [TallyTable] {
        var options = options
        options.origin = origin
        // The header is read from a copy of its own line(s) only.
        var headerReader = CSVReader(bytes: Array(bytes[..<headerEnd(bytes)]), options: options)
        guard let header = try headerReader.next() else {
            throw ReadError(origin: origin, line: 0, message: "empty file: expected a header row")
        }
        options.delimiter = headerReader.delimiter
        let columns = try Columns(header: header.fields, mapping: mapping, origin: origin, required: strict)
        let workers = max(1, threads)
        // Parts of ~4 MB when pages are given back, each worker taking every workers-th part in order.
        let parts = release == nil ? workers : workers * max(1, min(64, (bytes.count >> 22) / workers))
        let chunks = IncidentTable.chunks(of: bytes, count: parts, threads: workers)
        release?(0..<bytes.count)
        let readOptions = options
        if let plan = DensePlan(groupings: groupings, columns: columns) {
            return try denseTally(
                input: bytes, chunks: chunks, headerOffset: header.byteOffset, plan: plan, groupings: groupings,
                options: readOptions, workers: workers, origin: origin, areInIncreasingOrder: areInIncreasingOrder,
                release: release)
        }
        let results = Results<FastTally>(count: workers)
        // The buffer outlives the workers: concurrentPerform returns only when all have finished.
        nonisolated(unsafe) let input = bytes
        let work: @Sendable (Int) -> Void = { w in
            var state = FastTally(groupings: groupings, columns: columns)
            do {
                for i in stride(from: w, to: chunks.count, by: workers) {
                    try CSVReader.scan(buffer: input, chunk: chunks[i], options: readOptions) { row in
                        if row.byteOffset == header.byteOffset { return }
                        try state.add(row, origin: origin)
                    }
                    release?(chunks[i].range)
                }
                results.set(w, .success(state))
            } catch {
                results.set(w, .failure(error))
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        var merged: FastTally?
        for result in results.all {
            switch result {
            case .success(let part):
                if merged == nil { merged = part } else { merged!.merge(part) }
            case .failure(let e): throw e
            case nil: break
            }
        }
        let builders = merged?.builders ?? groupings.map { TallyBuilder(grouping: $0, keepsTrace: false) }
        return builders.map { $0.table(areInIncreasingOrder: areInIncreasingOrder) }
    }

    /// `CSVReader.chunks(of:count:)` with the regions' quotes and line feeds counted on `threads` threads.
    static func chunks(of bytes: UnsafeBufferPointer<UInt8>, count: Int, threads: Int) -> [CSVChunk] {
        guard threads > 1, count > 1 else { return CSVReader.chunks(of: bytes, count: count) }
        let counts = Results<CSVRegionCounts>(count: count)
        nonisolated(unsafe) let input = bytes
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for k in stride(from: t, to: count, by: threads) {
                counts.set(k, .success(CSVReader.regionCounts(of: input, region: k, of: count)))
            }
        }
        let regionCounts = counts.all.map { result -> CSVRegionCounts in
            guard case .success(let c)? = result else { return CSVRegionCounts(quotes: 0, lineFeeds: 0) }
            return c
        }
        return CSVReader.chunks(of: bytes, count: count, regionCounts: regionCounts)
    }

    /// The end of the first record (after the byte order mark and any empty lines): one past its LF, or the end.
    private static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var p = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while p < bytes.count, bytes[p] == 0x0A || bytes[p] == 0x0D { p += 1 }
        var quoted = false
        while p < bytes.count {
            let b = bytes[p]
            p += 1
            if b == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, b == 0x0A || b == 0x0D {
                if b == 0x0D, p < bytes.count, bytes[p] == 0x0A { p += 1 }
                break
            }
        }
        return p
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
            let document = sources.first ?? IncidentTable.standIn(row, c)
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

    static func number(_ row: some RowAccess, _ i: Int?, origin: String) throws(ReadError) -> Int? {
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
            case .perpetrator: groups.append(GroupValue(Dimension.actorLabel(text(c.perpetrator))))
            case .weapon: groups.append(GroupValue(Dimension.actorLabel(text(c.weapon))))
            }
        }
        let killed = IncidentTable.count(
            try number(row, c.killedLow, origin: origin), try number(row, c.killedHigh, origin: origin))
        let injured = IncidentTable.count(
            try number(row, c.injuredLow, origin: origin), try number(row, c.injuredHigh, origin: origin))
        let sources = text(c.sources)
        if sources.utf8.contains(UInt8(ascii: ";")) || sources.utf8.first == 0x20 || sources.utf8.last == 0x20
            || sources.utf8.first == 0x09 || sources.utf8.last == 0x09 || sources.utf8.last == 0x0D
        {
            var documents = sources.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            if documents.isEmpty { documents = [standIn(row, c)] }
            builder.add(date: date, groups: groups, killed: killed, injured: injured, documents: documents)
        } else if sources.isEmpty {
            builder.add(date: date, groups: groups, killed: killed, injured: injured, document: standIn(row, c))
        } else {
            builder.add(date: date, groups: groups, killed: killed, injured: injured, document: sources)
        }
    }

    /// The document a row without sources is counted under, as `incidents` names its report: the event id, or
    /// the line when the table has no event ids. (Each such row is then one document of its own, unless rows
    /// share an event id.)
    static func standIn(_ row: some RowAccess, _ c: Columns) -> String {
        guard let i = c.eventID else { return "line \(row.line)" }
        return i < row.count ? row.string(i) : ""
    }

    /// A row's figure as the event path reads it (`Estimate(combining:)` of one report): a high bound below
    /// the low bound is no bound.
    @inline(__always)
    static func count(_ low: Int?, _ high: Int?) -> Count {
        if let low, let high, high < low { return Count(low: low, high: nil) }
        return Count(low: low, high: high)
    }
}

/// One slot per chunk, written by the worker of that chunk only.
final class Results<Value>: @unchecked Sendable {
    // Safe without a lock: each slot is written by exactly one worker, and read only after all have finished
    // (DispatchQueue.concurrentPerform returns only then). Raw memory, so no worker touches a shared Array.
    private let slots: UnsafeMutableBufferPointer<Result<Value, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ value: Result<Value, any Error>) { slots[i] = value }

    var all: [Result<Value, any Error>?] { Array(slots) }
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

extension IncidentTable {
    /// One worker's state on the fast path: a builder per grouping, and the numbering of documents and group
    /// values by their bytes.
    struct FastTally: Sendable {
        /// How one grouping finds a row's group number.
        enum GroupPlan: Sendable {
            /// No dimensions: one group.
            case none
            /// One dimension read from one column (nil: absent, always empty): values numbered by bytes, each
            /// mapped once to the builder's group.
            case column(Int?, Dimension)
            /// Anything else (places, several dimensions): group values made per row, as on the full path.
            case general
        }

        var builders: [TallyBuilder]
        let columns: Columns
        let plans: [GroupPlan]
        /// The columns numbered by bytes, and per grouping its value number → group number (-1: not yet seen).
        var values: [ByteInterner?]
        var groupOfValue: [[Int]]
        var documents = ByteInterner(capacity: 1 << 16)
        private var rowDocuments: [Int32] = []
        private var scratch: [UInt8] = []

        init(groupings: [Grouping], columns: Columns) {
            builders = groupings.map { TallyBuilder(grouping: $0, keepsTrace: false) }
            self.columns = columns
            plans = groupings.map { g in
                guard let d = g.dimensions.first else { return .none }
                guard g.dimensions.count == 1 else { return .general }
                switch d {
                case .governorate: return .column(columns.governorate, d)
                case .district: return .column(columns.placeID, d)
                case .perpetrator: return .column(columns.perpetrator, d)
                case .weapon: return .column(columns.weapon, d)
                case .place: return .general
                }
            }
            groupOfValue = groupings.map { _ in [] }
            values = []
            for case .column(let c?, _) in plans {
                if values.count <= c { values += repeatElement(nil, count: c + 1 - values.count) }
                if values[c] == nil { values[c] = ByteInterner() }
            }
        }

        /// The number of field `i`'s text among the values of its column (an absent field is empty).
        private mutating func valueNumber(_ row: CSVRecordView, _ i: Int?) -> Int32 {
            guard let i else { return 0 }
            if i >= row.count { return values[i]!.intern(UnsafeBufferPointer(start: nil, count: 0)).number }
            if row.hasDoubledQuotes(i) {
                var text = row.string(i)
                return text.withUTF8 { values[i]!.intern($0).number }
            }
            return row.withBytes(i) { values[i]!.intern($0).number }
        }

        static func groupValue(_ d: Dimension, _ text: String, grouping: Grouping) -> GroupValue {
            switch d {
            case .governorate: return GroupValue(text)
            case .district: return GroupValue(grouping.districtOfPlace[text] ?? "")
            case .perpetrator, .weapon: return GroupValue(Dimension.actorLabel(text))
            case .place: return GroupValue(text)  // not planned by column
            }
        }

        mutating func add(_ row: CSVRecordView, origin: String) throws(ReadError) {
            let c = columns
            let date = try IncidentTable.parseDate(row, c.date!, origin: origin)
            let killed = IncidentTable.count(
                try IncidentTable.number(row, c.killedLow, origin: origin),
                try IncidentTable.number(row, c.killedHigh, origin: origin))
            let injured = IncidentTable.count(
                try IncidentTable.number(row, c.injuredLow, origin: origin),
                try IncidentTable.number(row, c.injuredHigh, origin: origin))
            readDocuments(row)
            for k in builders.indices {
                let group: Int
                switch plans[k] {
                case .none:
                    if let n = groupOfValue[k].first {
                        group = n
                    } else {
                        group = builders[k].groupNumber([])
                        groupOfValue[k] = [group]
                    }
                case .column(let column, let d):
                    let v = Int(valueNumber(row, column))
                    if v < groupOfValue[k].count, groupOfValue[k][v] >= 0 {
                        group = groupOfValue[k][v]
                    } else {
                        group = newGroup(k, value: v, row: row, column: column, dimension: d)
                    }
                case .general:
                    group = builders[k].groupNumber(IncidentTable.groups(of: row, c, builders[k].grouping))
                }
                builders[k].add(
                    date: date, groupNumber: group, killed: killed, injured: injured, documentNumbers: rowDocuments)
            }
        }

        /// The group of a column value seen for the first time by grouping `k`.
        private mutating func newGroup(
            _ k: Int, value: Int, row: CSVRecordView, column: Int?, dimension: Dimension
        ) -> Int {
            if value >= groupOfValue[k].count {
                groupOfValue[k] += repeatElement(-1, count: value + 1 - groupOfValue[k].count)
            }
            let text = column.map { $0 < row.count ? row.string($0) : "" } ?? ""
            let groups = [FastTally.groupValue(dimension, text, grouping: builders[k].grouping)]
            let n = builders[k].groupNumber(groups)
            groupOfValue[k][value] = n
            return n
        }

        /// The row's documents: its sources split at `;`, each trimmed of spaces, tabs and CRs, empties left out.
        private mutating func readDocuments(_ row: CSVRecordView) {
            rowDocuments.removeAll(keepingCapacity: true)
            if let i = columns.sources, i < row.count, !row.isEmpty(i) {
                if row.hasDoubledQuotes(i) {
                    scratch = Array(row.string(i).utf8)
                    scratch.withUnsafeBufferPointer { split($0) }
                } else {
                    row.withBytes(i) { split($0) }
                }
            }
            if rowDocuments.isEmpty {
                var name = IncidentTable.standIn(row, columns)
                rowDocuments.append(name.withUTF8 { documents.intern($0).number })
            }
        }

        private mutating func split(_ field: UnsafeBufferPointer<UInt8>) {
            var start = 0
            while start <= field.count {
                var end = start
                while end < field.count, field[end] != UInt8(ascii: ";") { end += 1 }
                var a = start
                var b = end
                while a < b, field[a] == 0x20 || field[a] == 0x09 || field[a] == 0x0D { a += 1 }
                while b > a, field[b - 1] == 0x20 || field[b - 1] == 0x09 || field[b - 1] == 0x0D { b -= 1 }
                if a < b { rowDocuments.append(documents.intern(UnsafeBufferPointer(rebasing: field[a..<b])).number) }
                start = end + 1
            }
        }

        /// Adds another worker's counts: its documents renumbered into this one's.
        mutating func merge(_ other: FastTally) {
            var map: [Int32] = []
            map.reserveCapacity(other.documents.count)
            for n in 0..<Int32(other.documents.count) {
                map.append(other.documents.bytes(of: n).withUnsafeBufferPointer { documents.intern($0).number })
            }
            for k in builders.indices { builders[k].merge(other.builders[k], documentNumbers: map) }
        }
    }

    /// The group values of a row for `grouping`'s dimensions, as `add` makes them.
    static func groups(of row: some RowAccess, _ c: Columns, _ grouping: Grouping) -> [GroupValue] {
        func text(_ i: Int?) -> String { i.flatMap { $0 < row.count ? row.string($0) : nil } ?? "" }
        return grouping.dimensions.map { d in
            switch d {
            case .governorate: return GroupValue(text(c.governorate))
            case .place:
                let name = text(c.placeName)
                return GroupValue(id: text(c.placeID), name: name.isEmpty ? text(c.place) : name)
            case .district: return GroupValue(grouping.districtOfPlace[text(c.placeID)] ?? "")
            case .perpetrator: return GroupValue(Dimension.actorLabel(text(c.perpetrator)))
            case .weapon: return GroupValue(Dimension.actorLabel(text(c.weapon)))
            }
        }
    }
}
/// Numbers byte strings as they come (0, 1, 2, …), hashing the bytes in place: the fast path's way to count
/// distinct documents and groups without making a `String` per row. Open addressing, linear probing; the bytes
/// of each key are kept once in one arena and compared only when the hashes agree.
struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    /// Start of key n in `arena`; key n ends where key n + 1 starts (one extra entry at the end).
    private var offsets: [Int32] = [0]
    /// Slot → the key's hash in the high half and its number + 1 in the low half (0 is empty): a probe reads
    /// the arena only when the hashes agree.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// How many distinct keys have been seen.
    var count: Int { offsets.count - 1 }

    /// The bytes of key `n`.
    func bytes(of n: Int32) -> ArraySlice<UInt8> { arena[Int(offsets[Int(n)])..<Int(offsets[Int(n) + 1])] }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // Keys of up to 15 bytes (governorates, most ids) packed into two words and mixed once, rather than a
        // multiply per byte.
        if key.count <= 15 {
            let k = IncidentTable.DocumentKey.make(key)
            return UInt32(truncatingIfNeeded: IncidentTable.DocumentKey.hash(k.a, k.b) >> 32)
        }
        // FNV-1a, 64-bit, folded.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        // FNV's low bits depend only on the keys' low bits; a multiply-shift spreads every bit into the slot.
        return UInt32(truncatingIfNeeded: ((h ^ (h >> 32)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The number of `key` and whether it was new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int32, isNew: Bool) {
        let h = ByteInterner.hash(key)
        var slot = Int(h) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if UInt32(truncatingIfNeeded: entry >> 32) == h {
                    let n = Int(UInt32(truncatingIfNeeded: entry)) - 1
                    if equals(n, key) { return n }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return (Int32(found), false) }
        let n = Int32(count)
        arena.append(contentsOf: key)
        precondition(arena.count < Int(Int32.max), "more than 2 GB of distinct keys")
        offsets.append(Int32(arena.count))
        slots[slot] = UInt64(h) << 32 | UInt64(n + 1)
        if count * 2 > slots.count { grow() }
        return (n, true)
    }

    private func equals(_ n: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[n])
        let end = Int(offsets[n + 1])
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var i = 0
            while i < key.count {
                if a[start &+ i] != key[i] { return false }
                i &+= 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let m = size - 1
        for entry in slots where entry != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: entry >> 32)) & m
            while fresh[slot] != 0 { slot = (slot + 1) & m }
            fresh[slot] = entry
        }
        slots = fresh
        mask = m
    }
}
