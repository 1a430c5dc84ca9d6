public import GazetteModel

/// How to group events into a table: the period, the dimensions, the range and what to do with empty periods.
public struct Grouping: Sendable, Hashable {
    /// What a period with no events becomes, so a series has no holes.
    public enum EmptyPeriods: String, Sendable, Hashable, CaseIterable {
        /// One row of zeros with unknown (empty) group values.
        case zeroRow = "zero-row"
        /// A row of zeros for every group seen anywhere in the table: a full period × group grid, for pivots.
        case everyGroup = "every-group"
    }

    public var period: Period
    public var dimensions: [Dimension]
    /// The first and last day counted; nil means the first or last event date.
    public var from: CivilDate?
    public var to: CivilDate?
    public var emptyPeriods: EmptyPeriods
    /// Place id → district, for `Dimension.district`.
    public var districtOfPlace: [String: String]

    /// Creates a grouping.
    public init(
        period: Period = .month,
        dimensions: [Dimension] = [],
        from: CivilDate? = nil,
        to: CivilDate? = nil,
        emptyPeriods: EmptyPeriods = .zeroRow,
        districtOfPlace: [String: String] = [:]
    ) {
        self.period = period
        self.dimensions = dimensions
        self.from = from
        self.to = to
        self.emptyPeriods = emptyPeriods
        self.districtOfPlace = districtOfPlace
    }
}

/// The figures of one table row.
///
/// `killedLow` adds the events' low bounds, counting an unknown low as 0. `killedHigh` adds the high bounds and
/// is nil — open, no upper bound, written as an empty cell — as soon as one event in the row has no upper bound
/// ("at least 16" has none). A row with no events has highs of 0.
public struct Figures: Sendable, Hashable {
    /// Events (consolidated incidents).
    public var incidents: Int
    public var killedLow: Int
    public var killedHigh: Int?
    public var injuredLow: Int
    public var injuredHigh: Int?
    /// Distinct source documents of the row's events.
    public var documents: Int
    /// Events whose sources state different figures.
    public var disputed: Int

    /// Creates figures.
    public init(
        incidents: Int = 0, killedLow: Int = 0, killedHigh: Int? = 0, injuredLow: Int = 0, injuredHigh: Int? = 0,
        documents: Int = 0, disputed: Int = 0
    ) {
        self.incidents = incidents
        self.killedLow = killedLow
        self.killedHigh = killedHigh
        self.injuredLow = injuredLow
        self.injuredHigh = injuredHigh
        self.documents = documents
        self.disputed = disputed
    }

    /// A row of zeros.
    public static let zero = Figures()
}

/// One row: a period, one value per dimension, the figures, and the events and documents behind them.
public struct TallyRow: Sendable, Hashable {
    public var period: PeriodKey
    /// One value per dimension of the grouping, in its order.
    public var groups: [GroupValue]
    public var figures: Figures
    /// The ids of the events counted, in date order.
    public var events: [String]
    /// The distinct source documents, sorted.
    public var documents: [String]

    /// Creates a row.
    public init(period: PeriodKey, groups: [GroupValue], figures: Figures, events: [String], documents: [String]) {
        self.period = period
        self.groups = groups
        self.figures = figures
        self.events = events
        self.documents = documents
    }
}

/// A table of figures by period × dimensions, with a total per period and for the whole range.
public struct TallyTable: Sendable, Hashable {
    public var grouping: Grouping
    /// Every period from the first to the last, without holes.
    public var periods: [PeriodKey]
    /// Ordered by period, then by each dimension's name (the caller's order, unknown last), then id.
    public var rows: [TallyRow]
    /// One row per period (groups empty): the period's figures. Its `documents` counts distinct documents over
    /// the whole period, which can be fewer than the sum of the rows' (one document may report two places).
    public var periodTotals: [TallyRow]
    /// The figures of the whole range.
    public var total: Figures
    /// Events not counted because none of their reports has a date.
    public var undated: [String]
    /// Events not counted because they fall outside `from`...`to`.
    public var outOfRange: [String]

    /// The total row of `period`.
    public func total(of period: PeriodKey) -> TallyRow? { periodTotals.first { $0.period == period } }

    /// The rows of `period`, in order.
    public func rows(of period: PeriodKey) -> [TallyRow] { rows.filter { $0.period == period } }
}

/// Aggregation of events into tables.
public enum Tally {
    /// Groups `events` by `grouping`.
    ///
    /// - Parameter areInIncreasingOrder: the order of group names; pass a collator's order for the report's
    ///   locale. Unknown (empty) values come last, and ties are broken by id, so the order never depends on
    ///   the order of the input.
    public static func table(
        _ events: [Event], grouping: Grouping, areInIncreasingOrder: (String, String) -> Bool = { $0 < $1 }
    ) -> TallyTable {
        var builder = TallyBuilder(grouping: grouping)
        for event in events.sorted(by: { Event.reportOrder($0.primary, $1.primary) }) {
            builder.add(event)
        }
        return builder.table(areInIncreasingOrder: areInIncreasingOrder)
    }
}

/// Builds a table one event (or one row of an incident table) at a time, without keeping the events: the
/// streaming path for large inputs (`gazette tally` of millions of rows), and what `Tally.table` uses.
///
/// ```swift
/// var builder = TallyBuilder(grouping: Grouping(period: .month, dimensions: [.governorate]))
/// builder.add(date: day, groups: [GroupValue("Idlib")], killed: Count(low: 16, high: nil),
///             injured: .unknown, documents: ["en-002"])
/// let table = builder.table()
/// ```
public struct TallyBuilder: Sendable {
    public let grouping: Grouping
    /// Keep the event ids and document names of each row (`TallyRow.events`, `TallyRow.documents`); turn off
    /// for millions of rows, where only the counts are wanted.
    public var keepsTrace: Bool

    // Groups and documents are numbered as they come, so each row hashes its strings once and the cells
    // hold small integers: the difference between 6 s and 1 s on two million rows.
    private struct Key: Hashable {
        var period: PeriodKey
        var group: Int
    }
    private var groupNumbers: [[GroupValue]: Int] = [:]
    private var groupList: [[GroupValue]] = []
    private var documentNumbers: [String: Int32] = [:]
    private var documentList: [String] = []
    /// One more than the highest document number given by a caller (`add(date:groupNumber:...)`).
    private var documentBound = 0
    private var cells: [Key: Accumulator] = [:]
    private var totals: [PeriodKey: Accumulator] = [:]
    private var all = Accumulator()
    private var undated: [String] = []
    private var outOfRange: [String] = []
    private var first: PeriodKey?
    private var last: PeriodKey?
    /// Distinct documents of the whole range, when a caller counted them (`add(summedOverall:...)`).
    private var summedDocuments: Int?

    /// Creates an empty builder.
    public init(grouping: Grouping, keepsTrace: Bool = true) {
        self.grouping = grouping
        self.keepsTrace = keepsTrace
    }

    /// Counts a consolidated event; its groups come from its first report.
    public mutating func add(_ event: Event) {
        let groups = grouping.dimensions.map { $0.value(of: event, districtOfPlace: grouping.districtOfPlace) }
        add(
            date: event.date, groups: groups, killed: Count(low: event.killed.low, high: event.killed.high),
            injured: Count(low: event.injured.low, high: event.injured.high),
            documents: event.documents,
            disputed: event.killed.sourcesDisagree || event.injured.sourcesDisagree, eventID: event.id)
    }

    /// Counts one event given by its parts: `groups` has one value per dimension of the grouping, in order.
    public mutating func add(
        date: CivilDate?, groups: [GroupValue], killed: Count, injured: Count, documents: [String],
        disputed: Bool = false, eventID: String = ""
    ) {
        guard let period = period(of: date, eventID: eventID) else { return }
        var numbers: [Int32] = []
        numbers.reserveCapacity(documents.count)
        for d in documents { numbers.append(documentNumber(d)) }
        record(
            period: period, groups: groups, killed: killed, injured: injured, documents: numbers,
            disputed: disputed, eventID: eventID)
    }

    /// Counts one event reported by one document: the same as `add(date:groups:...documents:)` without the
    /// array, for rows of a large incident table.
    public mutating func add(
        date: CivilDate?, groups: [GroupValue], killed: Count, injured: Count, document: String,
        disputed: Bool = false, eventID: String = ""
    ) {
        guard let period = period(of: date, eventID: eventID) else { return }
        record(
            period: period, groups: groups, killed: killed, injured: injured,
            documents: CollectionOfOne(documentNumber(document)), disputed: disputed, eventID: eventID)
    }

    /// Adds everything `other` counted (built with the same grouping), as if its events had been added here:
    /// for tallying parts of a large input on several threads.
    public mutating func merge(_ other: TallyBuilder) {
        var documentMap: [Int32] = []
        documentMap.reserveCapacity(other.documentList.count)
        for d in other.documentList { documentMap.append(documentNumber(d)) }
        merge(other, map: documentMap)
    }

    /// Adds everything `other` counted, for builders whose documents the caller numbered: `documentNumbers[n]`
    /// is the number in this builder of `other`'s document `n`.
    public mutating func merge(_ other: TallyBuilder, documentNumbers: [Int32]) {
        for n in documentNumbers where Int(n) >= documentBound { documentBound = Int(n) + 1 }
        merge(other, map: documentNumbers)
    }

    private mutating func merge(_ other: TallyBuilder, map documentMap: [Int32]) {
        precondition(other.grouping == grouping, "merging tallies of different groupings")
        undated += other.undated
        outOfRange += other.outOfRange
        if let f = other.first, first.map({ PeriodKey.precedes(f, $0) }) ?? true { first = f }
        if let l = other.last, last.map({ PeriodKey.precedes($0, l) }) ?? true { last = l }
        func renumbered(_ acc: Accumulator) -> Accumulator {
            var copy = acc
            copy.documents = acc.documents.map { documentMap[Int($0)] }
            return copy
        }
        for (key, acc) in other.cells {
            let group = groupNumber(other.groupList[key.group])
            cells[Key(period: key.period, group: group), default: Accumulator()].merge(renumbered(acc))
        }
        for (period, acc) in other.totals {
            totals[period, default: Accumulator()].merge(renumbered(acc))
        }
        all.merge(other.all)
    }

    private mutating func period(of date: CivilDate?, eventID: String) -> PeriodKey? {
        guard let date else {
            undated.append(eventID)
            return nil
        }
        if let from = grouping.from, date < from {
            outOfRange.append(eventID)
            return nil
        }
        if let to = grouping.to, to < date {
            outOfRange.append(eventID)
            return nil
        }
        let period = grouping.period.containing(date)
        if first.map({ PeriodKey.precedes(period, $0) }) ?? true { first = period }
        if last.map({ PeriodKey.precedes($0, period) }) ?? true { last = period }
        return period
    }

    /// Counts one event whose group was numbered beforehand with `groupNumber(_:)` and whose documents the
    /// caller numbers itself (0, 1, 2, … with no gaps to speak of: the numbers size a table): the fastest way in
    /// for rows read from bytes, which number their own keys without making a `String` per row. Rows then keep
    /// no document names; do not mix with the adds that take names in one builder. Merge such builders with
    /// `merge(_:documentNumbers:)`.
    public mutating func add(
        date: CivilDate?, groupNumber: Int, killed: Count, injured: Count, documentNumbers: some Collection<Int32>
    ) {
        guard let period = period(of: date, eventID: "") else { return }
        for n in documentNumbers where Int(n) >= documentBound { documentBound = Int(n) + 1 }
        record(
            period: period, group: groupNumber, killed: killed, injured: injured, documents: documentNumbers,
            disputed: false, eventID: "")
    }

    /// Adds the figures of one cell summed elsewhere, as if its events had been added one by one: for readers
    /// that sum a large table themselves (`IncidentTable`'s dense path). `figures.documents` is taken as the
    /// cell's number of distinct documents, which the caller counted; no document names are kept. Do not mix
    /// with the other adds in one builder.
    public mutating func add(period: PeriodKey, groupNumber: Int, summed figures: Figures) {
        notePeriod(period)
        cells[Key(period: period, group: groupNumber), default: Accumulator()].add(summed: figures)
    }

    /// Adds the figures of every event of `period` summed elsewhere (see `add(period:groupNumber:summed:)`);
    /// `figures.documents` is the period's number of distinct documents.
    public mutating func add(period: PeriodKey, summedTotal figures: Figures) {
        notePeriod(period)
        totals[period, default: Accumulator()].add(summed: figures)
    }

    /// Adds the figures of the whole range summed elsewhere (see `add(period:groupNumber:summed:)`), with the
    /// number of distinct documents over the range, and how many events had no date or fell outside the range
    /// (their ids are not known: they count as empty ids).
    public mutating func add(summedOverall figures: Figures, undated: Int, outOfRange: Int) {
        all.add(summed: figures)
        summedDocuments = (summedDocuments ?? 0) + figures.documents
        self.undated += repeatElement("", count: undated)
        self.outOfRange += repeatElement("", count: outOfRange)
    }

    private mutating func notePeriod(_ period: PeriodKey) {
        if first.map({ PeriodKey.precedes(period, $0) }) ?? true { first = period }
        if last.map({ PeriodKey.precedes($0, period) }) ?? true { last = period }
    }

    /// The builder's number for document `d`, given on first sight (for `add(date:groupNumber:...)`).
    public mutating func documentNumber(_ d: String) -> Int32 {
        if let n = documentNumbers[d] { return n }
        let n = Int32(documentList.count)
        documentNumbers[d] = n
        documentList.append(d)
        return n
    }

    /// The builder's number for a combination of group values, one per dimension, given on first sight (for
    /// `add(date:groupNumber:...)`).
    public mutating func groupNumber(_ groups: [GroupValue]) -> Int {
        if let n = groupNumbers[groups] { return n }
        let n = groupList.count
        groupNumbers[groups] = n
        groupList.append(groups)
        return n
    }

    private mutating func record<D: Collection<Int32>>(
        period: PeriodKey, groups: [GroupValue], killed: Count, injured: Count, documents: D, disputed: Bool,
        eventID: String
    ) {
        record(
            period: period, group: groupNumber(groups), killed: killed, injured: injured, documents: documents,
            disputed: disputed, eventID: eventID)
    }

    private mutating func record<D: Collection<Int32>>(
        period: PeriodKey, group: Int, killed: Count, injured: Count, documents: D, disputed: Bool,
        eventID: String
    ) {
        let id = keepsTrace ? eventID : nil
        cells[Key(period: period, group: group), default: Accumulator()]
            .add(killed: killed, injured: injured, documents: documents, disputed: disputed, id: id)
        totals[period, default: Accumulator()]
            .add(killed: killed, injured: injured, documents: documents, disputed: disputed, id: id)
        all.add(killed: killed, injured: injured, documents: EmptyCollection(), disputed: disputed, id: nil)
    }

    /// The table so far. `areInIncreasingOrder` orders group names (see `Tally.table`).
    public func table(areInIncreasingOrder: (String, String) -> Bool = { $0 < $1 }) -> TallyTable {
        var periods: [PeriodKey] = []
        let first = grouping.from.map(grouping.period.containing) ?? self.first
        let last = grouping.to.map(grouping.period.containing) ?? self.last
        if let first, let last { periods = PeriodKey.series(from: first, through: last) }

        var cells = self.cells
        var groupList = self.groupList
        let unknownGroups = grouping.dimensions.map { _ in GroupValue.unknown }
        let unknownNumber: Int
        if let n = groupNumbers[unknownGroups] {
            unknownNumber = n
        } else {
            unknownNumber = groupList.count
            groupList.append(unknownGroups)
        }
        let seenGroups = Set(cells.keys.map(\.group))
        for period in periods {
            switch grouping.emptyPeriods {
            case .zeroRow:
                if totals[period] == nil { cells[Key(period: period, group: unknownNumber)] = Accumulator() }
            case .everyGroup:
                for group in seenGroups.isEmpty ? [unknownNumber] : seenGroups.sorted()
                where cells[Key(period: period, group: group)] == nil {
                    cells[Key(period: period, group: group)] = Accumulator()
                }
            }
        }

        let documentList = self.documentList
        let keepsTrace = self.keepsTrace
        var seen = [Bool](repeating: false, count: max(documentList.count, documentBound))
        // Documents numbered by the caller have no names here.
        let named = keepsTrace && documentBound <= documentList.count
        func names(_ numbers: [Int32]) -> [String] { named ? numbers.map { documentList[Int($0)] }.sorted() : [] }
        var rows: [TallyRow] = []
        rows.reserveCapacity(cells.count)
        for (key, acc) in cells {
            let distinct = acc.distinctDocuments(seen: &seen, sorted: named)
            var figures = acc.figures
            if !acc.summed { figures.documents = distinct.count }
            rows.append(
                TallyRow(
                    period: key.period, groups: groupList[key.group], figures: figures, events: acc.events,
                    documents: names(distinct)))
        }
        rows.sort { a, b in
            if a.period != b.period { return a.period < b.period }
            return groupsPrecede(a.groups, b.groups, areInIncreasingOrder)
        }
        var periodTotals: [TallyRow] = []
        for period in periods {
            let acc = totals[period] ?? Accumulator()
            let distinct = acc.distinctDocuments(seen: &seen, sorted: named)
            var figures = acc.figures
            if !acc.summed { figures.documents = distinct.count }
            periodTotals.append(
                TallyRow(
                    period: period, groups: [], figures: figures, events: acc.events, documents: names(distinct)))
        }
        // Every counted document is in its period's total, so the distinct documents of the whole range are
        // those of the period totals: marked once here instead of a hash-set insert per row.
        var total = all.figures
        var distinctAll = 0
        for acc in totals.values {
            for n in acc.documents where !seen[Int(n)] {
                seen[Int(n)] = true
                distinctAll += 1
            }
        }
        total.documents = summedDocuments ?? distinctAll
        return TallyTable(
            grouping: grouping, periods: periods, rows: rows, periodTotals: periodTotals, total: total,
            undated: undated, outOfRange: outOfRange)
    }
}

/// Orders group values: known before unknown, then names by the caller's order, then ids.
func groupsPrecede(
    _ a: [GroupValue], _ b: [GroupValue], _ areInIncreasingOrder: (String, String) -> Bool
) -> Bool {
    for (x, y) in zip(a, b) where x != y {
        if x.name.isEmpty != y.name.isEmpty { return y.name.isEmpty }
        if x.name != y.name {
            if areInIncreasingOrder(x.name, y.name) { return true }
            if areInIncreasingOrder(y.name, x.name) { return false }
        }
        if x.id != y.id { return x.id < y.id }
        return x.name < y.name
    }
    return a.count < b.count
}

/// Running sums for one cell of a table. Documents are kept as a list of numbers with repeats and made
/// distinct once, at the end: a hash set per cell costs a cache miss per row on large inputs.
struct Accumulator: Sendable {
    var figures = Figures()
    var events: [String] = []
    var documents: [Int32] = []
    /// Whether `figures.documents` was counted by a caller (`add(summed:)`) rather than from `documents`.
    var summed = false

    /// Adds figures summed elsewhere, documents counted.
    mutating func add(summed other: Figures) {
        summed = true
        var acc = Accumulator()
        acc.figures = other
        let documents = figures.documents + other.documents
        merge(acc)
        figures.documents = documents
    }

    mutating func add(
        killed: Count, injured: Count, documents: some Collection<Int32>, disputed: Bool, id: String?
    ) {
        figures.incidents += 1
        figures.killedLow += killed.low ?? 0
        if let sum = figures.killedHigh { figures.killedHigh = killed.high.map { sum + $0 } }
        figures.injuredLow += injured.low ?? 0
        if let sum = figures.injuredHigh { figures.injuredHigh = injured.high.map { sum + $0 } }
        if disputed { figures.disputed += 1 }
        if let id { events.append(id) }
        if documents.count == 1 {
            self.documents.append(documents.first!)
        } else {
            self.documents.append(contentsOf: documents)
        }
    }

    mutating func merge(_ other: Accumulator) {
        figures.incidents += other.figures.incidents
        figures.killedLow += other.figures.killedLow
        if let sum = figures.killedHigh { figures.killedHigh = other.figures.killedHigh.map { sum + $0 } }
        figures.injuredLow += other.figures.injuredLow
        if let sum = figures.injuredHigh { figures.injuredHigh = other.figures.injuredHigh.map { sum + $0 } }
        figures.disputed += other.figures.disputed
        events += other.events
        documents += other.documents
    }

    /// The distinct document numbers, ascending. `seen` is scratch space with one `false` per document number,
    /// left all `false` again on return: marking is linear where sorting each cell's list was not.
    func distinctDocuments(seen: inout [Bool], sorted: Bool = true) -> [Int32] {
        var distinct: [Int32] = []
        for n in documents where !seen[Int(n)] {
            seen[Int(n)] = true
            distinct.append(n)
        }
        for n in distinct { seen[Int(n)] = false }
        return sorted ? distinct.sorted() : distinct
    }
}

extension PeriodKey {
    /// Order of two keys of the same period kind without computing their first days: (year, index) is
    /// monotonic in time for every kind (day numbers, ISO week-years and weeks, months, quarters).
    static func precedes(_ a: PeriodKey, _ b: PeriodKey) -> Bool {
        a.year != b.year ? a.year < b.year : a.index < b.index
    }
}
