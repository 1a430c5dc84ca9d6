/// The unit of time a report groups by.
public enum Period: String, Sendable, Hashable, CaseIterable {
    case day, week, month, quarter, year

    /// The period that contains `date`.
    public func containing(_ date: CivilDate) -> PeriodKey {
        switch self {
        case .day: return PeriodKey(period: self, year: date.year, index: date.dayNumber)
        case .week:
            let w = date.isoWeek
            return PeriodKey(period: self, year: w.year, index: w.week)
        case .month: return PeriodKey(period: self, year: date.year, index: date.month)
        case .quarter: return PeriodKey(period: self, year: date.year, index: date.quarter)
        case .year: return PeriodKey(period: self, year: date.year, index: 1)
        }
    }
}

/// One period: a day, ISO week, month, quarter or year. Ordered in time, labelled in ISO style
/// (`2017-12-19`, `2017-W51`, `2017-12`, `2017-Q4`, `2017`).
public struct PeriodKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let period: Period
    public let year: Int
    /// Day number for `.day`, week for `.week`, month for `.month`, quarter for `.quarter`, 1 for `.year`.
    public let index: Int

    public init(period: Period, year: Int, index: Int) {
        self.period = period
        self.year = year
        self.index = index
    }

    /// The first day of the period.
    public var start: CivilDate {
        switch period {
        case .day: return CivilDate(dayNumber: index)
        case .week:
            // ISO week 1 is the week with the year's first Thursday.
            let jan4 = CivilDate(year: year, month: 1, day: 4)!
            let week1Monday = jan4.adding(days: 1 - jan4.weekday)
            return week1Monday.adding(days: (index - 1) * 7)
        case .month: return CivilDate(year: year, month: index, day: 1)!
        case .quarter: return CivilDate(year: year, month: (index - 1) * 3 + 1, day: 1)!
        case .year: return CivilDate(year: year, month: 1, day: 1)!
        }
    }

    /// The period right after this one.
    public var next: PeriodKey {
        switch period {
        case .day: return PeriodKey(period: .day, year: CivilDate(dayNumber: index + 1).year, index: index + 1)
        case .week: return period.containing(start.adding(days: 7))
        case .month: return index == 12 ? PeriodKey(period: .month, year: year + 1, index: 1)
            : PeriodKey(period: .month, year: year, index: index + 1)
        case .quarter: return index == 4 ? PeriodKey(period: .quarter, year: year + 1, index: 1)
            : PeriodKey(period: .quarter, year: year, index: index + 1)
        case .year: return PeriodKey(period: .year, year: year + 1, index: 1)
        }
    }

    /// The last day of the period.
    public var end: CivilDate { next.start.adding(days: -1) }

    /// Every period from `first` to `last` inclusive, with no holes.
    public static func series(from first: PeriodKey, through last: PeriodKey) -> [PeriodKey] {
        var out: [PeriodKey] = []
        var k = first
        while k <= last {
            out.append(k)
            k = k.next
        }
        return out
    }

    public var description: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch period {
        case .day: return start.iso
        case .week: return "\(year)-W\(pad(index))"
        case .month: return "\(year)-\(pad(index))"
        case .quarter: return "\(year)-Q\(index)"
        case .year: return "\(year)"
        }
    }

    public static func < (a: PeriodKey, b: PeriodKey) -> Bool { a.start < b.start }
}
