public import DelimitedText
public import GazetteModel
public import ICUKit
public import Tally

/// One CSV file of a report: its file name (`monthly-governorates.csv`) and its bytes.
public struct CSVFile: Sendable, Hashable {
    public var name: String
    public var bytes: [UInt8]

    /// Creates a file value.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Turns events into a report's CSV files and plain text, following a `ReportDefinition`, in one locale.
///
/// Library code: it returns bytes and text; the caller writes files. Locale-sensitive work (collation of names,
/// month names, numbers, plurals) goes through ICUKit.
///
/// ```swift
/// let definition = try ReportDefinition(parsing: monthlyReportText, origin: "Reports/monthly.report")
/// let strings = try ReportStrings(parsing: frText, origin: "Locales/fr/report.strings")
///     .falling(back: try ReportStrings(parsing: enText, origin: "Locales/en/report.strings"))
/// let renderer = try ReportRenderer(definition: definition, locale: "fr", strings: strings)
/// let events = Consolidation().events(from: incidents)
/// for file in renderer.csvFiles(for: events) { /* write file.bytes to DIR/file.name */ }
/// print(renderer.text(for: events))     // write to DIR/<renderer.textFileName>
/// ```
public struct ReportRenderer: Sendable {
    public let definition: ReportDefinition
    /// An ICU locale id (`en`, `ar`, `fr`, `ar_SY`).
    public let locale: String
    public let strings: ReportStrings
    /// The period in use: the definition's unless the caller overrides it (`--period`).
    public var period: Period
    /// The first and last day counted (`--from`, `--to`); nil: the data's range.
    public var from: CivilDate?
    public var to: CivilDate?
    /// Place id → district name, for `by: district`.
    public var districtOfPlace: [String: String]
    /// Group id (place P-code, governorate name) → name in the report's language, for the text only; the CSV
    /// keeps the names as given so its values do not depend on the language.
    public var displayNames: [String: String]

    private let collator: Collator
    private let numbers: NumberFormatter
    private let plurals: PluralRules
    private let months: [String]
    private let digits: [String]

    /// Opens the ICU services for `locale`.
    public init(
        definition: ReportDefinition, locale: String, strings: ReportStrings, period: Period? = nil,
        from: CivilDate? = nil, to: CivilDate? = nil, districtOfPlace: [String: String] = [:],
        displayNames: [String: String] = [:]
    ) throws(ICUError) {
        self.definition = definition
        self.locale = locale
        self.strings = strings
        self.period = period ?? definition.period
        self.from = from
        self.to = to
        self.districtOfPlace = districtOfPlace
        self.displayNames = displayNames
        self.collator = try Collator(locale: locale)
        self.numbers = try NumberFormatter(locale: locale)
        self.plurals = try PluralRules(locale: locale)
        self.months = try DateSymbols(locale: locale).months
        let numbers = self.numbers
        self.digits = (0...9).map { numbers.format($0) }
    }

    /// `<report>.txt`.
    public var textFileName: String { "\(definition.name).txt" }

    /// The grouping of `section` with this renderer's period and range.
    public func grouping(for section: ReportDefinition.Section) -> Grouping {
        Grouping(
            period: period, dimensions: section.dimensions, from: from, to: to,
            emptyPeriods: section.emptyPeriods, districtOfPlace: districtOfPlace)
    }

    /// One table per section, names ordered by the locale's collation.
    public func tables(for events: [Event]) -> [(section: ReportDefinition.Section, table: TallyTable)] {
        let collator = self.collator
        return definition.sections.map { section in
            (
                section,
                Tally.table(
                    events, grouping: grouping(for: section),
                    areInIncreasingOrder: { collator.compare($0, $1) < 0 })
            )
        }
    }

    // MARK: CSV

    /// One CSV file per section, named `<report>-<section>.csv`, in the long shape: one row per period × group.
    public func csvFiles(for events: [Event], options: CSVWriter.Options = CSVWriter.Options()) -> [CSVFile] {
        tables(for: events).map { section, table in
            CSVFile(
                name: "\(definition.name)-\(section.name).csv",
                bytes: csv(
                    section: section, table: table,
                    options: options))
        }
    }

    /// The CSV column names of `section`, in order (documented in `Reports/README.md`).
    public static func csvHeader(for section: ReportDefinition.Section) -> [String] {
        var header = ["period", "period_start", "period_end"]
        for d in section.dimensions {
            switch d {
            case .place: header += ["place_id", "place"]
            default: header.append(d.rawValue)
            }
        }
        return header + section.columns.map(\.rawValue)
    }

    /// The CSV of one section's table.
    public func csv(
        section: ReportDefinition.Section, table: TallyTable, options: CSVWriter.Options = CSVWriter.Options()
    ) -> [UInt8] {
        var writer = CSVWriter(options: options)
        writer.writeHeader(ReportRenderer.csvHeader(for: section))
        for row in table.rows {
            var cells: [Cell] = [
                .text(row.period.description), .verbatim(row.period.start.iso),
                .verbatim(row.period.end.iso),
            ]
            for (d, value) in zip(section.dimensions, row.groups) {
                if d == .place { cells.append(.text(value.id)) }
                cells.append(.text(value.name))
            }
            cells += section.columns.map { ReportRenderer.value(of: $0, in: row.figures) }.map(Cell.integer)
            writer.writeRow(cells)
        }
        return writer.bytes
    }

    /// The figure of `column`; nil for an open upper bound.
    static func value(of column: ReportDefinition.Column, in f: Figures) -> Int? {
        switch column {
        case .incidents: return f.incidents
        case .killedLow: return f.killedLow
        case .killedHigh: return f.killedHigh
        case .injuredLow: return f.injuredLow
        case .injuredHigh: return f.injuredHigh
        case .documents: return f.documents
        case .disputed: return f.disputed
        }
    }

    // MARK: Words and numbers

    /// `n` in the locale's digits and grouping.
    public func number(_ n: Int) -> String { numbers.format(n) }

    /// `n` in the locale's digits without grouping (years: 2017, not 2,017).
    func plainNumber(_ n: Int) -> String {
        String(n).map { ch in ch.wholeNumberValue.map { digits[$0] } ?? String(ch) }.joined()
    }

    /// A plural-aware phrase: `{n}` is `n` formatted, the form chosen by ICU's plural rules for `n`.
    public func counted(_ key: String, _ n: Int) -> String {
        strings.plural(key, category: plurals.category(for: n), ["n": number(n)])
    }

    /// The period in words: `December 2017`, `décembre 2017`, `Q4 2017`, `week 51 of 2017`.
    public func label(_ key: PeriodKey) -> String {
        let year = plainNumber(key.year)
        switch key.period {
        case .day:
            let d = key.start
            return strings.string(
                "period.day", ["day": plainNumber(d.day), "month": months[d.month - 1], "year": year])
        case .week: return strings.string("period.week", ["week": plainNumber(key.index), "year": year])
        case .month: return strings.string("period.month", ["month": months[key.index - 1], "year": year])
        case .quarter: return strings.string("period.quarter", ["quarter": plainNumber(key.index), "year": year])
        case .year: return strings.string("period.year", ["year": year])
        }
    }

    /// "December 2017: 5 incidents, at least 40 killed and 60 injured in 4 places."
    public func headline(_ key: PeriodKey, figures: Figures, places: Int) -> String {
        let text: String
        if figures.incidents == 0 {
            text = strings.string("headline.none", ["period": label(key)])
        } else {
            text = strings.string(
                "headline",
                [
                    "period": label(key), "incidents": counted("incidents", figures.incidents),
                    "killed": counted("killed", figures.killedLow), "injured": counted("injured", figures.injuredLow),
                    "places": counted("places", places),
                ])
        }
        return capitalizedFirst(text)
    }

    /// Compares two names by the report locale's collation (-1, 0, 1).
    public func collatorCompare(_ a: String, _ b: String) -> Int { collator.compare(a, b) }

    func capitalizedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
