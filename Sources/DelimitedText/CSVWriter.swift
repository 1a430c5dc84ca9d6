/// Writes RFC 4180 CSV as UTF-8 bytes that spreadsheets open safely.
///
/// - A UTF-8 byte order mark first (on by default: Excel reads Arabic only then), CRLF after every record.
/// - A field is quoted when it contains the delimiter, a quote, CR or LF, or begins or ends with a space;
///   quotes inside are doubled.
/// - **Formula neutralization** (OWASP CSV injection): a `.text` or `.verbatim` cell that begins with `=`, `+`,
///   `-`, `@`, TAB, CR or LF gets a leading `'`, so `=1+1` arrives as the text `'=1+1`.
/// - **Conversion protection**: a `.text` cell that a spreadsheet would turn into a number, date or boolean
///   (`5-6`, `1/2`, `3e5`, `007`, `2017-12`, `Dec-17`, `TRUE`) is written as the formula `="5-6"`, whose value
///   is the text itself. Checked with LibreOffice 7.4 (`soffice --convert-to`): the cell's value is the
///   exact text; where formulas are not evaluated the cell shows `="5-6"`, still text. Excel treats it alike.
///   `CSVWriter.unprotect(_:)` undoes both marks for programs that read the file back.
///
/// ```swift
/// var csv = CSVWriter()
/// csv.writeHeader(["place", "killed_low"])
/// csv.writeRow([.text("معرشورين"), .integer(16)])
/// let bytes = csv.bytes      // EF BB BF "place,killed_low\r\nمعرشورين,16\r\n"
/// ```
public struct CSVWriter: Sendable {
    /// How to write.
    public struct Options: Sendable, Hashable {
        /// The delimiter: `,` by default, `;` for spreadsheets in decimal-comma locales, or TAB.
        public var delimiter: UInt8
        /// Begin with the UTF-8 byte order mark `EF BB BF`.
        public var byteOrderMark: Bool
        /// Record terminator: CRLF (RFC 4180) by default.
        public var lineEnding: [UInt8]
        /// Prefix `'` to text beginning with `=` `+` `-` `@` TAB CR LF.
        public var neutralizesFormulas: Bool
        /// Wrap text a spreadsheet would convert in `="…"`.
        public var protectsConversions: Bool

        /// Creates options; the defaults are the spreadsheet-safe ones.
        public init(
            delimiter: UInt8 = UInt8(ascii: ","),
            byteOrderMark: Bool = true,
            lineEnding: [UInt8] = [0x0D, 0x0A],
            neutralizesFormulas: Bool = true,
            protectsConversions: Bool = true
        ) {
            self.delimiter = delimiter
            self.byteOrderMark = byteOrderMark
            self.lineEnding = lineEnding
            self.neutralizesFormulas = neutralizesFormulas
            self.protectsConversions = protectsConversions
        }

        /// Plain RFC 4180 for programs rather than spreadsheets: no BOM, no neutralization, no protection.
        public static let plain = Options(byteOrderMark: false, neutralizesFormulas: false, protectsConversions: false)
    }

    /// The options in use.
    public let options: Options
    /// Everything written so far, BOM included.
    public private(set) var bytes: [UInt8]

    /// Creates a writer; the BOM, if any, is written at once.
    public init(options: Options = Options()) {
        self.options = options
        self.bytes = options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    }

    /// Writes a header row: names are text cells, so the same rules apply.
    public mutating func writeHeader(_ names: [String]) {
        writeRow(names.map(Cell.text))
    }

    /// Writes one record.
    public mutating func writeRow(_ cells: [Cell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(options.delimiter) }
            switch cell {
            case .empty: break
            case .integer(let n): bytes.append(contentsOf: String(n).utf8)
            case .text(let s): appendField(spreadsheetText(s, protecting: options.protectsConversions))
            case .verbatim(let s): appendField(spreadsheetText(s, protecting: false))
            case .copied(let s): appendField(CSVWriter.isPlainNumber(s) ? s : spreadsheetText(s, protecting: false))
            }
        }
        bytes.append(contentsOf: options.lineEnding)
    }

    /// The text a cell will hold after neutralization and protection, before RFC 4180 quoting.
    public func spreadsheetText(_ s: String, protecting: Bool) -> String {
        if options.neutralizesFormulas, let first = s.utf8.first, CSVWriter.formulaStarts.contains(first) {
            return "'" + s
        }
        if protecting, SpreadsheetConversion.wouldConvert(s) {
            var inner = ""
            for ch in s.unicodeScalars {
                if ch == "\"" { inner += "\"\"" } else { inner.unicodeScalars.append(ch) }
            }
            return "=\"" + inner + "\""
        }
        return s
    }

    /// Undoes `spreadsheetText`: `="007"` becomes `007`, `'=1+1` becomes `=1+1`. Other text is returned
    /// unchanged, so a reader of Gazette's own CSV gets the values Gazette meant.
    public static func unprotect(_ s: String) -> String {
        let u = Array(s.utf8)
        if u.count >= 2, u[0] == UInt8(ascii: "'"), formulaStarts.contains(u[1]) {
            return String(decoding: u[1...], as: UTF8.self)
        }
        if u.count >= 3, u[0] == UInt8(ascii: "="), u[1] == ByteScan.quote, u[u.count - 1] == ByteScan.quote {
            let inner = String(decoding: u[2..<(u.count - 1)], as: UTF8.self)
            return inner.split(separator: "\"\"", omittingEmptySubsequences: false).joined(separator: "\"")
        }
        return s
    }

    /// `-5`, `+3.25`, `12`: a sign, digits, at most one `.` with digits after it.
    static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if let first = u.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { u = u.dropFirst() }
        let parts = u.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }

    static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A,
    ]

    private mutating func appendField(_ s: String) {
        let utf8 = s.utf8
        var needsQuotes = utf8.first == 0x20 || utf8.last == 0x20
        if !needsQuotes {
            for b in utf8 where b == options.delimiter || b == ByteScan.quote || b == ByteScan.cr || b == ByteScan.lf {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(ByteScan.quote)
        for b in utf8 {
            if b == ByteScan.quote { bytes.append(ByteScan.quote) }
            bytes.append(b)
        }
        bytes.append(ByteScan.quote)
    }
}

/// Which text a spreadsheet turns into something else when it opens a CSV.
///
/// Deliberately generous: protecting a value that would have stayed text costs nothing (its value is
/// unchanged), while missing one corrupts data (the gene-name problem: `SEPT2` became a date).
enum SpreadsheetConversion {
    static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    static func wouldConvert(_ s: String) -> Bool {
        let trimmed = s.unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        guard !trimmed.isEmpty else { return false }
        let text = String(String.UnicodeScalarView(trimmed))
        let lower = text.lowercased()
        if lower == "true" || lower == "false" { return true }
        if looksNumeric(text) { return true }
        return looksLikeMonthDate(lower)
    }

    /// Digits with separators, signs, exponent, percent, currency or parentheses, and at least one digit:
    /// numbers (`007`, `3e5`, `1,5`, `(12)`, `50%`), dates (`5-6`, `1/2`, `2017-12`) and times (`12:30`).
    private static func looksNumeric(_ s: String) -> Bool {
        var digits = 0
        var first = true
        for u in s.unicodeScalars {
            switch u {
            case "0"..."9": digits += 1
            case ".", "(", "$", "€", "£": break
            case ",", "-", "/", ":", "+", "%", ")", " ", "e", "E":
                if first { return false }
            default: return false
            }
            first = false
        }
        return digits > 0
    }

    /// `Dec-17`, `5-Jan`, `March 2017`, `1 Sept`: a month name next to a number.
    private static func looksLikeMonthDate(_ s: String) -> Bool {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " || $0 == "." || $0 == "," })
        guard (2...3).contains(parts.count) else { return false }
        var month = false
        var number = false
        for p in parts {
            if months.contains(String(p)) {
                month = true
            } else if p.allSatisfy(\.isASCIIDigitCharacter) {
                number = true
            } else {
                return false
            }
        }
        return month && number
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
