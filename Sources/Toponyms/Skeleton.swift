/// The cross-script consonant skeleton (see ``NameKey/skeletons``) and the distance between skeletons.
///
/// Symbols: B T J H D R Z S X(sh) G F K L M N, digits as themselves, and C for a Latin "ch" whose class depends on
/// the language (French "Cheikh" = sh, German "Scheichun" = kh); C expands to X and H in the exact variants and is
/// close to both in ``distance(_:_:)``.
enum Skeleton {
    static let maxVariants = 4

    /// The skeleton variants of a name's words.
    static func variants(of tokens: [String]) -> [String] {
        // Each position is a list of alternatives; the empty string drops the symbol.
        var slots: [[String]] = []
        for token in tokens {
            slots.append(contentsOf: slotsOf(token))
        }
        var results: [[UInt8]] = [[]]
        for slot in slots {
            if slot.count == 1 {
                for i in results.indices { results[i].append(contentsOf: Array(slot[0].utf8)) }
                continue
            }
            var next: [[UInt8]] = []
            for r in results {
                for option in slot where next.count < maxVariants * 4 {
                    next.append(r + Array(option.utf8))
                }
            }
            results = next
        }
        var seen: Set<String> = []
        var out: [String] = []
        let gap = UInt8(ascii: ".")
        for r in results {
            // Double letters collapse ("Maarrat", "Hammura"), but not across a vowel ("Mushashin" keeps both sh).
            var collapsed: [UInt8] = []
            var afterGap = false
            for b in r {
                if b == gap {
                    afterGap = true
                    continue
                }
                if b != collapsed.last || afterGap { collapsed.append(b) }
                afterGap = false
            }
            let s = String(decoding: collapsed, as: UTF8.self)
            if seen.insert(s).inserted { out.append(s) }
            if out.count == maxVariants { break }
        }
        return out
    }

    private static let arabic: [Unicode.Scalar: String] = [
        "ا": ".", "ب": "B", "ت": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "H", "د": "D", "ذ": "D", "ر": "R", "ز": "Z",
        "س": "S", "ش": "X", "ص": "S", "ض": "D", "ط": "T", "ظ": "D", "ع": ".", "غ": "G", "ف": "F", "ق": "K", "ك": "K",
        "ل": "L", "م": "M", "ن": "N", "ه": "H", "و": ".", "ي": ".", "پ": "B", "چ": "J", "گ": "G", "ڤ": "F",
    ]

    private static let latin: [Unicode.Scalar: String] = [
        "a": ".", "e": ".", "i": ".", "o": ".", "u": ".", "y": ".", "w": ".", "b": "B", "c": "K", "d": "D", "f": "F",
        "g": "G", "h": "H", "j": "J", "k": "K", "l": "L", "m": "M", "n": "N", "p": "B", "q": "K", "r": "R", "s": "S",
        "t": "T", "v": "F", "x": "KS", "z": "Z",
    ]

    private static let digraphs: [(String, String)] = [
        ("dsch", "J"), ("sch", "X"), ("tch", "J"), ("sh", "X"), ("ch", "C"), ("kh", "H"), ("gh", "G"), ("th", "T"),
        ("dh", "D"), ("ph", "F"), ("zh", "Z"), ("dj", "J"), ("ck", "K"),
    ]

    private static func slotsOf(_ token: String) -> [[String]] {
        let scalars = Array(token.unicodeScalars)
        guard let first = scalars.first else { return [] }
        if NameKey.isArabicLetter(first) || (0x600...0x6FF).contains(first.value) {
            var out: [[String]] = []
            for (i, s) in scalars.enumerated() {
                if i == scalars.count - 1, s == "ه", scalars.count > 2 { break }  // ة / feminine ه
                if let m = arabic[s] { if !m.isEmpty { out.append([m]) } } else if s.properties.numericType != nil {
                    out.append([String(s)])
                }
            }
            return out
        }
        var out: [[String]] = []
        var i = 0
        let n = scalars.count
        while i < n {
            var matched = false
            for (graph, symbol) in digraphs {
                let g = Array(graph.unicodeScalars)
                if i + g.count <= n, Array(scalars[i..<(i + g.count)]) == g {
                    out.append(symbol == "C" ? ["X", "H"] : [symbol])
                    i += g.count
                    matched = true
                    break
                }
            }
            if matched { continue }
            let s = scalars[i]
            let isLast = i == n - 1
            if isLast, n >= 3, s == "h" || s == "t", NameKey.isLatinVowel(scalars[i - 1]) {
                // "-ah", "-eh" (ة or ح) and the construct "-at", "-et" (Maarat, Maaret): optional.
                let symbol = s == "h" ? "H" : "T"
                if s == "h" || scalars[i - 1] == "a" || scalars[i - 1] == "e", n >= 4 || s == "h" {
                    out.append([symbol, ""])
                } else {
                    out.append([symbol])
                }
                i += 1
                continue
            }
            if let m = latin[s] {
                if !m.isEmpty { out.append([m]) }
            } else if s.properties.numericType != nil {
                out.append([String(s)])
            }
            i += 1
        }
        return out
    }

    /// Substitution cost between two skeleton symbols (0 same ... 1 unrelated): the character equivalence classes
    /// of cross-script name matching.
    static func substitution(_ a: UInt8, _ b: UInt8) -> Double {
        costs[Int(a & 0x7F) << 7 | Int(b & 0x7F)]
    }

    /// The substitution costs as a 128 × 128 table over ASCII symbols, built once.
    private static let costs: [Double] = {
        var table = [Double](repeating: 1, count: 128 * 128)
        for i in 0..<128 { table[i << 7 | i] = 0 }
        let pairs: [(String, Double)] = [
            ("SX", 0.4), ("SZ", 0.4), ("DZ", 0.4), ("GK", 0.4), ("GJ", 0.4), ("HJ", 0.4),
            ("DT", 0.5), ("TZ", 0.5), ("HK", 0.5), ("JK", 0.5), ("JZ", 0.5), ("JX", 0.5),
            ("BF", 0.7), ("MN", 0.7), ("LN", 0.7), ("LR", 0.7),
        ]
        for (pair, cost) in pairs {
            let u = Array(pair.utf8)
            table[Int(u[0]) << 7 | Int(u[1])] = cost
            table[Int(u[1]) << 7 | Int(u[0])] = cost
        }
        return table
    }()

    /// Cost of inserting or deleting a symbol: h is often silent or unwritten, the others count fully.
    @inline(__always)
    static func indel(_ a: UInt8) -> Double { a == UInt8(ascii: "H") ? 0.5 : 1 }

    /// Weighted edit distance between two skeletons, with the equivalence classes above.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a.isEmpty { return b.reduce(0) { $0 + indel($1) } }
        if b.isEmpty { return a.reduce(0) { $0 + indel($1) } }
        let n = b.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (n + 1)) { buffer in
            var previous = buffer.baseAddress!
            var current = previous + (n + 1)
            previous[0] = 0
            for j in 1...n { previous[j] = previous[j - 1] + indel(b[j - 1]) }
            for i in 1...a.count {
                let x = a[i - 1]
                let dx = indel(x)
                current[0] = previous[0] + dx
                for j in 1...n {
                    let y = b[j - 1]
                    current[j] = min(previous[j - 1] + substitution(x, y), previous[j] + dx, current[j - 1] + indel(y))
                }
                swap(&previous, &current)
            }
            return previous[n]
        }
    }

    /// 1 for equal skeletons, down to 0.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let longest = max(a.count, b.count)
        if longest == 0 { return 1 }
        return max(0, 1 - distance(a, b) / Double(longest))
    }
}

/// Letter-level similarity of two folded keys of the same script. Latin vowels count little (OCHA writes "Hbit"
/// for "Habeet", "Bennsh" for "Binnish") and close vowels less (e/i, o/u, a/e); Arabic long vowels are written
/// letters and count more. Works on ``letters(_:)``, computed once per name.
enum Spelling {
    /// The letters compared: English long-vowel spellings ("ee", "ie", "oo", "ou") as one vowel, doubles collapsed.
    static func letters(_ text: String) -> [UInt32] {
        let s = Array(text.unicodeScalars.map(\.value))
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            var c = s[i]
            var step = 1
            if i + 1 < s.count {
                switch (s[i], s[i + 1]) {
                case (0x65, 0x65), (0x69, 0x65):  // ee ie
                    c = 0x69
                    step = 2
                case (0x6F, 0x6F), (0x6F, 0x75):  // oo ou
                    c = 0x75
                    step = 2
                default: break
                }
            }
            if c != out.last { out.append(c) }
            i += step
        }
        return out
    }

    static func similarity(_ a: String, _ b: String) -> Double { similarity(letters(a), letters(b)) }

    static func similarity(_ x: [UInt32], _ y: [UInt32]) -> Double {
        let longest = max(x.count, y.count)
        if longest == 0 { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        let n = y.count
        let distance = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (n + 1)) { buffer in
            var previous = buffer.baseAddress!
            var current = previous + (n + 1)
            previous[0] = 0
            for j in 1...n { previous[j] = previous[j - 1] + weight(y[j - 1]) }
            for i in 1...x.count {
                let c = x[i - 1]
                let wc = weight(c)
                current[0] = previous[0] + wc
                for j in 1...n {
                    let d = y[j - 1]
                    current[j] = min(previous[j - 1] + substitution(c, d), previous[j] + wc, current[j - 1] + weight(d))
                }
                swap(&previous, &current)
            }
            return previous[n]
        }
        return max(0, 1 - distance / Double(longest))
    }

    @inline(__always)
    private static func isLatinVowel(_ s: UInt32) -> Bool {
        switch s {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x77: return true
        default: return false
        }
    }

    @inline(__always)
    private static func isArabicVowel(_ s: UInt32) -> Bool {
        s == 0x627 || s == 0x648 || s == 0x64A || s == 0x639  // ا و ي ع
    }

    @inline(__always)
    private static func substitution(_ a: UInt32, _ b: UInt32) -> Double {
        if a == b { return 0 }
        if isLatinVowel(a), isLatinVowel(b) {
            switch (min(a, b), max(a, b)) {
            case (0x65, 0x69), (0x6F, 0x75), (0x69, 0x79), (0x75, 0x77): return 0.2  // e/i o/u i/y u/w
            case (0x61, 0x65): return 0.3  // a/e
            default: return 0.5
            }
        }
        if isArabicVowel(a), isArabicVowel(b) { return 0.7 }
        return 1
    }

    @inline(__always)
    private static func weight(_ s: UInt32) -> Double {
        if isLatinVowel(s) { return 0.3 }
        if s == 0x68 { return 0.5 }
        if isArabicVowel(s) { return 0.7 }
        return 1
    }
}
