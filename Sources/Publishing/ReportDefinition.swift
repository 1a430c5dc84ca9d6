public import GazetteModel
public import Tally

/// What a report contains: its period and its sections, each a grouping and columns. Read from a definition
/// file in `Reports/` (format in `Reports/README.md`), so a user can make their own report without Swift.
///
/// ```text
/// report: monthly
/// title: title.monthly
/// period: month
///
/// section: governorates
/// title: section.governorates
/// by: governorate
/// columns: incidents, killed_low, killed_high, injured_low, injured_high, documents
/// ```
public struct ReportDefinition: Sendable, Hashable {
    /// A figure column of a section. The raw values are the CSV column names: an interface, keep them stable.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        case incidents
        case killedLow = "killed_low"
        case killedHigh = "killed_high"
        case injuredLow = "injured_low"
        case injuredHigh = "injured_high"
        case documents
        case disputed
    }

    /// One table of the report.
    public struct Section: Sendable, Hashable {
        /// Used in file names (`monthly-governorates.csv`): letters, digits, `-` and `_`.
        public var name: String
        /// A key of the strings file, or literal text when no string has that key.
        public var title: String
        /// Grouping besides the period; empty for one row per period (the period totals).
        public var dimensions: [Dimension]
        public var columns: [Column]
        public var emptyPeriods: Grouping.EmptyPeriods

        /// Creates a section.
        public init(
            name: String, title: String, dimensions: [Dimension], columns: [Column],
            emptyPeriods: Grouping.EmptyPeriods = .zeroRow
        ) {
            self.name = name
            self.title = title
            self.dimensions = dimensions
            self.columns = columns
            self.emptyPeriods = emptyPeriods
        }
    }

    /// Used in file names: `monthly` gives `monthly.txt` and `monthly-<section>.csv`.
    public var name: String
    /// A key of the strings file, or literal text.
    public var title: String
    public var period: Period
    public var sections: [Section]

    /// Creates a definition.
    public init(name: String, title: String, period: Period, sections: [Section]) {
        self.name = name
        self.title = title
        self.period = period
        self.sections = sections
    }

    /// Parses the definition format: `key: value` lines, `#` comments, blank lines ignored; report keys first,
    /// then one block per `section:` line.
    ///
    /// - Throws: `PublishingError` naming `origin` and the line of an unknown key or value, a missing
    ///   `report:` or `columns:`, or a repeated section name.
    public init(parsing text: String, origin: String) throws(PublishingError) {
        var name: String?
        var title: String?
        var period = Period.month
        var sections: [Section] = []
        var current: (section: Section, line: Int, hasColumns: Bool)?

        func fail(_ line: Int, _ message: String) -> PublishingError {
            PublishingError(origin: origin, line: line, message: message)
        }
        func closeSection() throws(PublishingError) {
            guard let c = current else { return }
            guard c.hasColumns else { throw fail(c.line, "section '\(c.section.name)' has no 'columns:' line") }
            guard !sections.contains(where: { $0.name == c.section.name }) else {
                throw fail(c.line, "section '\(c.section.name)' is defined twice")
            }
            sections.append(c.section)
            current = nil
        }

        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(lineNumber, "expected 'key: value', found '\(line)'")
            }
            let key = String(line[..<colon]).trimmingSpaces.lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces
            let list = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }

            if key == "section" {
                try closeSection()
                guard ReportDefinition.isFileName(value) else {
                    throw fail(lineNumber, "section name '\(value)' must be letters, digits, '-' or '_'")
                }
                current = (Section(name: value, title: value, dimensions: [], columns: []), lineNumber, false)
                continue
            }
            if var c = current {
                switch key {
                case "title": c.section.title = value
                case "by":
                    var dims: [Dimension] = []
                    for item in list {
                        guard let d = Dimension(rawValue: item.lowercased()) else {
                            let known = Dimension.allCases.map(\.rawValue).joined(separator: ", ")
                            throw fail(lineNumber, "unknown dimension '\(item)' (known: \(known))")
                        }
                        dims.append(d)
                    }
                    c.section.dimensions = dims
                case "columns":
                    var columns: [Column] = []
                    for item in list {
                        guard let col = Column(rawValue: item.lowercased()) else {
                            let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
                            throw fail(lineNumber, "unknown column '\(item)' (known: \(known))")
                        }
                        columns.append(col)
                    }
                    guard !columns.isEmpty else { throw fail(lineNumber, "'columns:' names no column") }
                    c.section.columns = columns
                    c.hasColumns = true
                case "empty":
                    guard let e = Grouping.EmptyPeriods(rawValue: value.lowercased()) else {
                        throw fail(lineNumber, "unknown value '\(value)' for 'empty' (known: zero-row, every-group)")
                    }
                    c.section.emptyPeriods = e
                default:
                    throw fail(lineNumber, "unknown section key '\(key)' (known: title, by, columns, empty)")
                }
                current = c
                continue
            }
            switch key {
            case "report":
                guard ReportDefinition.isFileName(value) else {
                    throw fail(lineNumber, "report name '\(value)' must be letters, digits, '-' or '_'")
                }
                name = value
            case "title": title = value
            case "period":
                guard let p = Period(rawValue: value.lowercased()) else {
                    throw fail(lineNumber, "unknown period '\(value)' (known: day, week, month, quarter, year)")
                }
                period = p
            default:
                throw fail(lineNumber, "unknown report key '\(key)' (known: report, title, period, section)")
            }
        }
        try closeSection()
        guard let name else { throw fail(0, "no 'report:' line naming the report") }
        guard !sections.isEmpty else { throw fail(0, "no 'section:' in the report") }
        self.init(name: name, title: title ?? name, period: period, sections: sections)
    }

    static func isFileName(_ s: String) -> Bool {
        !s.isEmpty
            && s.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and CR.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
