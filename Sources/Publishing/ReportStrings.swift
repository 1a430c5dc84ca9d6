public import GazetteModel
/// The words of a report in one language, read from `Locales/<lang>/report.strings`.
///
/// Format: one `key = value` per line; `#` starts a comment line; blank lines are ignored. Values may use
/// `{name}` placeholders and the escapes `\n`, `\t`, `\\` and `\u{XXXX}` (for invisible characters such as the
/// narrow no-break space French puts before a colon). A plural-aware string has one key per CLDR plural
/// category — `killed.one`, `killed.other`, and for Arabic also `.zero`, `.two`, `.few`, `.many` — and
/// `ReportStrings.plural(_:count:)` picks the form through ICU's plural rules, falling back to `.other`.
public struct ReportStrings: Sendable, Hashable {
    /// Every key and its value, escapes resolved.
    public private(set) var values: [String: String]

    /// Creates strings from a dictionary.
    public init(values: [String: String] = [:]) { self.values = values }

    /// Parses the strings format.
    ///
    /// - Throws: `PublishingError` for a line without ` = `, a repeated key or a bad escape.
    public init(parsing text: String, origin: String) throws(PublishingError) {
        var values: [String: String] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw PublishingError(origin: origin, line: offset + 1, message: "expected 'key = value'")
            }
            let key = String(line[..<eq]).trimmingSpaces
            guard !key.isEmpty, !key.contains(" ") else {
                throw PublishingError(origin: origin, line: offset + 1, message: "bad key '\(key)'")
            }
            guard values[key] == nil else {
                throw PublishingError(origin: origin, line: offset + 1, message: "key '\(key)' is defined twice")
            }
            guard let value = ReportStrings.unescape(String(line[line.index(after: eq)...]).trimmingSpaces) else {
                throw PublishingError(origin: origin, line: offset + 1, message: "bad escape in the value of '\(key)'")
            }
            values[key] = value
        }
        self.values = values
    }

    /// These strings, with `fallback`'s for keys missing here.
    public func falling(back fallback: ReportStrings) -> ReportStrings {
        ReportStrings(values: values.merging(fallback.values) { mine, _ in mine })
    }

    /// The value of `key` with `{name}` placeholders replaced; the key itself when missing, so a missing string
    /// shows up in the output instead of vanishing.
    public func string(_ key: String, _ arguments: [String: String] = [:]) -> String {
        ReportStrings.fill(values[key] ?? key, arguments)
    }

    /// The value of `key` if present.
    public func optional(_ key: String) -> String? { values[key] }

    /// The plural form of `key` for `category` (`one`, `few`, ...), else `.other`, else the bare key.
    public func plural(_ key: String, category: String, _ arguments: [String: String] = [:]) -> String {
        let value = values["\(key).\(category)"] ?? values["\(key).other"] ?? values[key] ?? key
        return ReportStrings.fill(value, arguments)
    }

    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    static func unescape(_ s: String) -> String? {
        guard s.contains("\\") else { return s }
        var out = String.UnicodeScalarView()
        var scalars = s.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\\" else {
                out.append(c)
                continue
            }
            switch scalars.next() {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "\\": out.append("\\")
            case "u":
                guard scalars.next() == "{" else { return nil }
                var hex = ""
                while let h = scalars.next(), h != "}" { hex.unicodeScalars.append(h) }
                guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { return nil }
                out.append(scalar)
            default: return nil
            }
        }
        return String(out)
    }
}
