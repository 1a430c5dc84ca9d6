import GazetteModel
import ICUKit

/// The few pieces of Python's string semantics that `score_extract.py` relies on, reproduced scalar by scalar.
///
/// The scorer must give the figures the Python script gives, so these follow CPython rather than Swift:
/// comparisons are by code point (Swift's `String ==` and `contains` work on canonical equivalence and
/// grapheme clusters), whitespace is `str.isspace`, letters and digits are `str.isalpha` / `str.isalnum`.
enum PythonText {
    /// `str.isspace` of one scalar: bidi class WS, B or S, or category Zs (CPython's `_PyUnicode_IsWhitespace`).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.isalpha` of one scalar: a letter of category Lu, Ll, Lt, Lm or Lo.
    static func isAlpha(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `str.isalnum` of one scalar: a letter, or any character with a numeric type (decimal, digit, numeric).
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        isAlpha(s) || s.properties.numericType != nil
    }

    /// `str.strip()`: leading and trailing whitespace removed.
    static func strip(_ text: some StringProtocol) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }

    /// `str.split(sep)` for a one-scalar separator: every piece, empty ones included.
    static func split(_ text: String, on separator: Unicode.Scalar) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == separator {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        pieces.append(String(current))
        return pieces
    }

    /// Whether two strings are the same sequence of code points (Python's `==`).
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// `str.casefold()`: full case folding. Only scalars that change under folding are handed to ICU
    /// (NFKC_Casefold of the single scalar, which equals its folding once the caller decomposes again).
    static func casefold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.isASCII {
                out.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(s.value + 0x20)! : s)
            } else if s.properties.changesWhenCaseFolded,
                let folded = try? Normalizer.nfkcCasefold.normalize(String(s))
            {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// `unicodedata.normalize("NFKC", text)`.
    static func nfkc(_ text: String) -> String {
        (try? Normalizer.nfkc.normalize(text)) ?? text
    }

    /// `unicodedata.normalize("NFKD", text)`: NFD of the NFKC form is the NFKD form.
    static func nfkd(_ text: String) -> String {
        (try? Normalizer.nfd.normalize(nfkc(text))) ?? text
    }

    /// `float(text)`: Python's grammar (sign, digits with single underscores between them, a point, an
    /// exponent, `inf`, `infinity`, `nan`; any Unicode decimal digit counts), nil where Python raises.
    static func float(_ text: String) -> Double? {
        var ascii: [UInt8] = []
        for s in strip(text).unicodeScalars {
            if s.isASCII {
                ascii.append(UInt8(s.value))
            } else if s.properties.numericType == .decimal, let v = s.properties.numericValue, v >= 0, v <= 9 {
                ascii.append(UInt8(ascii: "0") + UInt8(v))
            } else {
                return nil
            }
        }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < ascii.count && ascii[i] >= 0x30 && ascii[i] <= 0x39 }
        // An underscore is allowed only between two digits.
        var cleaned: [UInt8] = []
        for (i, b) in ascii.enumerated() {
            if b == UInt8(ascii: "_") {
                guard isDigit(i - 1), isDigit(i + 1) else { return nil }
            } else {
                cleaned.append(b)
            }
        }
        var i = 0
        if i < cleaned.count, cleaned[i] == UInt8(ascii: "+") || cleaned[i] == UInt8(ascii: "-") { i += 1 }
        let body = String(decoding: cleaned[i...], as: UTF8.self).lowercased()
        if body == "inf" || body == "infinity" || body == "nan" {
            return Double(String(decoding: cleaned, as: UTF8.self).lowercased())
        }
        func digits() -> Int {
            let start = i
            while i < cleaned.count, cleaned[i] >= 0x30, cleaned[i] <= 0x39 { i += 1 }
            return i - start
        }
        var mantissa = digits()
        if i < cleaned.count, cleaned[i] == UInt8(ascii: ".") {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if i < cleaned.count, cleaned[i] == UInt8(ascii: "e") || cleaned[i] == UInt8(ascii: "E") {
            i += 1
            if i < cleaned.count, cleaned[i] == UInt8(ascii: "+") || cleaned[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == cleaned.count else { return nil }
        return Double(String(decoding: cleaned, as: UTF8.self))
    }

    /// `date.fromisoformat(text.strip()[:10])` (Python 3.11): `YYYY-MM-DD`, `YYYYMMDD` and ISO week dates
    /// (`YYYY-Www`, `YYYY-Www-D`, `YYYYWww`, `YYYYWwwD`), as a day number; nil where Python raises.
    static func isoDayNumber(_ text: String) -> Int? {
        let s = Array(strip(text).unicodeScalars.prefix(10))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var n = 0
            for k in range {
                guard s[k].value >= 0x30, s[k].value <= 0x39 else { return nil }
                n = n * 10 + Int(s[k].value - 0x30)
            }
            return n
        }
        func calendar(_ y: Int?, _ m: Int?, _ d: Int?) -> Int? {
            guard let y, let m, let d, y >= 1, let date = CivilDate(year: y, month: m, day: d) else { return nil }
            return date.dayNumber
        }
        func week(_ y: Int?, _ w: Int?, _ d: Int?) -> Int? {
            guard let y, let w, let d, y >= 1, (1...7).contains(d), w >= 1 else { return nil }
            guard let jan4 = CivilDate(year: y, month: 1, day: 4) else { return nil }
            let monday1 = jan4.dayNumber - (jan4.weekday - 1)
            // Week 53 exists only in years whose 1 January or (leap years) 2 January is a Thursday.
            if w > 52 {
                guard w == 53, let jan1 = CivilDate(year: y, month: 1, day: 1) else { return nil }
                guard jan1.weekday == 4 || (CivilDate.isLeapYear(y) && jan1.weekday == 3) else { return nil }
            }
            return monday1 + (w - 1) * 7 + (d - 1)
        }
        let dash = Unicode.Scalar("-")
        let w = Unicode.Scalar("W")
        switch s.count {
        case 10 where s[4] == dash && s[7] == dash:
            return calendar(number(0..<4), number(5..<7), number(8..<10))
        case 10 where s[4] == dash && s[5] == w && s[8] == dash:
            return week(number(0..<4), number(6..<8), number(9..<10))
        case 8 where s[4] == dash && s[5] == w:
            return week(number(0..<4), number(6..<8), 1)
        case 8 where s[4] == w:
            return week(number(0..<4), number(5..<7), number(7..<8))
        case 8:
            return calendar(number(0..<4), number(4..<6), number(6..<8))
        case 7 where s[4] == w:
            return week(number(0..<4), number(5..<7), 1)
        default:
            return nil
        }
    }

    /// Python's `round(x, 3)` as thousandths, for x in [0, 1]: the exact binary value of `x` rounded to the
    /// nearest thousandth, ties to even (as CPython's correctly rounded `round` does; `x * 1000` would add
    /// an error of its own before rounding).
    static func thousandths(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return 0 }
        guard x <= 1, x.isNormal else { return Int((x * 1000).rounded(.toNearestOrEven)) }
        // x = m · 2^(e − 52) with m < 2^53, so m · 1000 < 2^63 fits.
        let m = x.significandBitPattern | (UInt64(1) << 52)
        let shift = 52 - Int(x.exponent)
        let n = m * 1000
        guard shift < 64 else { return 0 }  // n / 2^shift < 2^63 / 2^64 = 1/2
        let q = n >> UInt64(shift)
        let r = n & ((UInt64(1) << UInt64(shift)) - 1)
        let half = UInt64(1) << UInt64(shift - 1)
        return Int(q) + (r > half || (r == half && q & 1 == 1) ? 1 : 0)
    }

    /// How Python prints `round(x, 3)` for x in [0, 1] (`repr` of the float): "0.0", "0.05", "0.667", "1.0".
    static func formatThousandths(_ value: Int) -> String {
        let whole = value / 1000
        var fraction = String(value % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
