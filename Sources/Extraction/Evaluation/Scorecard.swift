/// The figures of one scoring run, per language (the document-id prefix) and for `all`, as
/// `score_extract.py` reports them.
public struct Scorecard: Sendable, Hashable {
    /// The bucket that sums every language.
    public static let allLanguages = "all"

    /// The figures the script prints, in its table's column order.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        case documents = "docs", gold, predicted, precision, recall, f1
        case dateExact = "date_exact", dateWithinDay = "date_1day"
        case governorate
        case killedMin = "killed_min", killedMax = "killed_max", injuredMin = "injured_min"

        /// The order of the script's `--json` objects (its table uses `allCases` order).
        public static let jsonOrder: [Column] = [
            .documents, .gold, .predicted, .precision, .recall, .f1,
            .governorate, .killedMin, .killedMax, .injuredMin, .dateExact, .dateWithinDay,
        ]

        /// Whether the figure is a count (printed as an integer) rather than a share.
        public var isCount: Bool { self == .documents || self == .gold || self == .predicted }
    }

    /// Counts for one language; the shares are computed from them.
    public struct Tally: Sendable, Hashable {
        public var documents = 0
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// Matched pairs whose label has a date the document supports (precision not `unknown`).
        public var dated = 0
        public var dateExact = 0
        public var dateWithinDay = 0
        /// Matched pairs that agree on the governorate, killed_min, killed_max, injured_min.
        public var governorate = 0
        public var killedMin = 0
        public var killedMax = 0
        public var injuredMin = 0

        /// An empty tally.
        public init() {}

        mutating func add(_ other: Tally) {
            documents += other.documents
            truePositives += other.truePositives
            falsePositives += other.falsePositives
            falseNegatives += other.falseNegatives
            dated += other.dated
            dateExact += other.dateExact
            dateWithinDay += other.dateWithinDay
            governorate += other.governorate
            killedMin += other.killedMin
            killedMax += other.killedMax
            injuredMin += other.injuredMin
        }

        /// Labelled incidents.
        public var gold: Int { truePositives + falseNegatives }
        /// Predicted incidents (of documents in the labels).
        public var predicted: Int { truePositives + falsePositives }

        /// The unrounded figure, computed with the script's floating-point operations in its order.
        public func exactValue(_ column: Column) -> Double {
            func share(_ n: Int, _ d: Int) -> Double { d > 0 ? Double(n) / Double(d) : 0 }
            switch column {
            case .documents: return Double(documents)
            case .gold: return Double(gold)
            case .predicted: return Double(predicted)
            case .precision: return share(truePositives, predicted)
            case .recall: return share(truePositives, gold)
            case .f1:
                let p = exactValue(.precision)
                let r = exactValue(.recall)
                return p + r > 0 ? 2 * p * r / (p + r) : 0
            case .dateExact: return share(dateExact, dated)
            case .dateWithinDay: return share(dateWithinDay, dated)
            case .governorate: return share(governorate, truePositives)
            case .killedMin: return share(killedMin, truePositives)
            case .killedMax: return share(killedMax, truePositives)
            case .injuredMin: return share(injuredMin, truePositives)
            }
        }

        /// The figure as the script reports it: counts as they are, shares rounded to three decimals
        /// (Python's `round(x, 3)`).
        public func value(_ column: Column) -> Double {
            column.isCount ? exactValue(column) : Double(PythonText.thousandths(exactValue(column))) / 1000
        }

        /// The figure as the script prints it: "121", "0.8", "0.667", "1.0", "0.0".
        public func text(_ column: Column) -> String {
            switch column {
            case .documents: return String(documents)
            case .gold: return String(gold)
            case .predicted: return String(predicted)
            default: return PythonText.formatThousandths(PythonText.thousandths(exactValue(column)))
            }
        }
    }

    /// Language (or `all`) and its tally, in the script's order: sorted by code point, `all` among the
    /// language codes ("all", "ar", "de", "en" ...).
    public let tallies: [(language: String, tally: Tally)]

    /// Creates a scorecard from tallies already in order.
    public init(tallies: [(String, Tally)]) {
        self.tallies = tallies.map { (language: $0.0, tally: $0.1) }
    }

    /// The tally of one language prefix, or of `all`.
    public func figures(_ language: String) -> Tally? {
        tallies.first { PythonText.same($0.language, language) }?.tally
    }

    /// The script's table: a header line, then one TAB-separated line per language.
    public func table() -> String {
        var out = "lang\t" + Column.allCases.map(\.rawValue).joined(separator: "\t") + "\n"
        for (language, tally) in tallies {
            out += language + "\t" + Column.allCases.map(tally.text).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The script's `--json` output (`json.dumps(report, ensure_ascii=False, indent=1)` and a line end).
    public func json() -> String {
        guard !tallies.isEmpty else { return "{}\n" }
        var out = "{\n"
        for (n, (language, tally)) in tallies.enumerated() {
            out += " \(Self.jsonString(language)): {\n"
            for (k, column) in Column.jsonOrder.enumerated() {
                let comma = k + 1 < Column.jsonOrder.count ? "," : ""
                out += "  \(Self.jsonString(column.rawValue)): \(tally.text(column))\(comma)\n"
            }
            out += n + 1 < tallies.count ? " },\n" : " }\n"
        }
        return out + "}\n"
    }

    public static func == (a: Scorecard, b: Scorecard) -> Bool {
        a.tallies.count == b.tallies.count
            && zip(a.tallies, b.tallies).allSatisfy {
                PythonText.same($0.language, $1.language) && $0.tally == $1.tally
            }
    }

    public func hash(into hasher: inout Hasher) {
        for (language, tally) in tallies {
            hasher.combine(language)
            hasher.combine(tally)
        }
    }

    /// A JSON string literal as Python's `json.dumps(..., ensure_ascii=False)` writes it.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if s.value < 0x20 {
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
