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
        var undated: [String] = []
        var outOfRange: [String] = []
        var dated: [(PeriodKey, Event)] = []
        for event in events.sorted(by: { Event.reportOrder($0.primary, $1.primary) }) {
            guard let date = event.date else {
                undated.append(event.id)
                continue
            }
            if let from = grouping.from, date < from {
                outOfRange.append(event.id)
                continue
            }
            if let to = grouping.to, to < date {
                outOfRange.append(event.id)
                continue
            }
            dated.append((grouping.period.containing(date), event))
        }

        var periods: [PeriodKey] = []
        let first = grouping.from.map(grouping.period.containing) ?? dated.map(\.0).min()
        let last = grouping.to.map(grouping.period.containing) ?? dated.map(\.0).max()
        if let first, let last { periods = PeriodKey.series(from: first, through: last) }

        struct Key: Hashable {
            var period: PeriodKey
            var groups: [GroupValue]
        }
        var cells: [Key: Accumulator] = [:]
        var totals: [PeriodKey: Accumulator] = [:]
        var all = Accumulator()
        var seenGroups = Set<[GroupValue]>()
        for (period, event) in dated {
            let groups = grouping.dimensions.map { $0.value(of: event, districtOfPlace: grouping.districtOfPlace) }
            seenGroups.insert(groups)
            cells[Key(period: period, groups: groups), default: Accumulator()].add(event)
            totals[period, default: Accumulator()].add(event)
            all.add(event)
        }

        let unknownGroups = grouping.dimensions.map { _ in GroupValue.unknown }
        for period in periods {
            switch grouping.emptyPeriods {
            case .zeroRow:
                if totals[period] == nil { cells[Key(period: period, groups: unknownGroups)] = Accumulator() }
            case .everyGroup:
                for groups in seenGroups.isEmpty ? [unknownGroups] : Array(seenGroups)
                where cells[Key(period: period, groups: groups)] == nil {
                    cells[Key(period: period, groups: groups)] = Accumulator()
                }
            }
        }

        let rows = cells.map { key, acc in
            TallyRow(
                period: key.period, groups: key.groups, figures: acc.figures, events: acc.events,
                documents: acc.sortedDocuments)
        }.sorted { a, b in
            if a.period != b.period { return a.period < b.period }
            return groupsPrecede(a.groups, b.groups, areInIncreasingOrder)
        }
        let periodTotals = periods.map { period in
            let acc = totals[period] ?? Accumulator()
            return TallyRow(
                period: period, groups: [], figures: acc.figures, events: acc.events,
                documents: acc.sortedDocuments)
        }
        return TallyTable(
            grouping: grouping, periods: periods, rows: rows, periodTotals: periodTotals, total: all.figures,
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

/// Running sums for one cell of a table.
struct Accumulator {
    var figures = Figures()
    var events: [String] = []
    var documents = Set<String>()

    mutating func add(_ event: Event) {
        figures.incidents += 1
        figures.killedLow += event.killed.low ?? 0
        figures.killedHigh = figures.killedHigh.flatMap { sum in event.killed.high.map { sum + $0 } }
        figures.injuredLow += event.injured.low ?? 0
        figures.injuredHigh = figures.injuredHigh.flatMap { sum in event.injured.high.map { sum + $0 } }
        if event.killed.sourcesDisagree || event.injured.sourcesDisagree { figures.disputed += 1 }
        events.append(event.id)
        for report in event.reports { documents.insert(report.document) }
        figures.documents = documents.count
    }

    var sortedDocuments: [String] { documents.sorted() }
}
