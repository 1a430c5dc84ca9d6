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
        if a == b { return 0 }
        let pair = a < b ? (a, b) : (b, a)
        switch (Character(Unicode.Scalar(pair.0)), Character(Unicode.Scalar(pair.1))) {
        case ("S", "X"), ("S", "Z"), ("D", "Z"), ("G", "K"), ("G", "J"), ("H", "J"): return 0.4
        case ("D", "T"), ("T", "Z"), ("H", "K"), ("J", "K"), ("J", "Z"), ("J", "X"): return 0.5
        case ("B", "F"), ("M", "N"), ("L", "N"), ("L", "R"): return 0.7
        default: return 1
        }
    }

    /// Cost of inserting or deleting a symbol: h is often silent or unwritten, the others count fully.
    static func indel(_ a: UInt8) -> Double { a == UInt8(ascii: "H") ? 0.5 : 1 }

    /// Weighted edit distance between two skeletons, with the equivalence classes above.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a.isEmpty { return b.reduce(0) { $0 + indel($1) } }
        if b.isEmpty { return a.reduce(0) { $0 + indel($1) } }
        var previous = [Double](repeating: 0, count: b.count + 1)
        var current = previous
        for j in 1...b.count { previous[j] = previous[j - 1] + indel(b[j - 1]) }
        for i in 1...a.count {
            current[0] = previous[0] + indel(a[i - 1])
            for j in 1...b.count {
                let sub = previous[j - 1] + substitution(a[i - 1], b[j - 1])
                let del = previous[j] + indel(a[i - 1])
                let ins = current[j - 1] + indel(b[j - 1])
                current[j] = min(sub, del, ins)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
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
/// letters and count more.
enum Spelling {
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = collapse(longVowels(Array(a.unicodeScalars)))
        let y = collapse(longVowels(Array(b.unicodeScalars)))
        let longest = max(x.count, y.count)
        if longest == 0 { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        var previous = [Double](repeating: 0, count: y.count + 1)
        var current = previous
        for j in 1...y.count { previous[j] = previous[j - 1] + weight(y[j - 1]) }
        for i in 1...x.count {
            current[0] = previous[0] + weight(x[i - 1])
            for j in 1...y.count {
                current[j] = min(
                    previous[j - 1] + substitution(x[i - 1], y[j - 1]),
                    previous[j] + weight(x[i - 1]),
                    current[j - 1] + weight(y[j - 1]))
            }
            swap(&previous, &current)
        }
        return max(0, 1 - previous[y.count] / Double(longest))
    }

    /// English writes long vowels doubled or as digraphs ("Habeet", "Hallouz", "Jisreen"), OCHA as one letter.
    private static func longVowels(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if i + 1 < s.count {
                switch (s[i], s[i + 1]) {
                case ("e", "e"), ("i", "e"):
                    out.append("i")
                    i += 2
                    continue
                case ("o", "o"), ("o", "u"):
                    out.append("u")
                    i += 2
                    continue
                default: break
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    private static func collapse(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for c in s where c != out.last { out.append(c) }
        return out
    }

    private static func isLatinVowel(_ s: Unicode.Scalar) -> Bool { "aeiouyw".unicodeScalars.contains(s) }

    private static func isArabicVowel(_ s: Unicode.Scalar) -> Bool { s == "ا" || s == "و" || s == "ي" || s == "ع" }

    private static func substitution(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        if a == b { return 0 }
        if isLatinVowel(a), isLatinVowel(b) {
            switch (min(a.value, b.value), max(a.value, b.value)) {
            case (0x65, 0x69), (0x6F, 0x75), (0x69, 0x79), (0x75, 0x77): return 0.2  // e/i o/u i/y u/w
            case (0x61, 0x65): return 0.3  // a/e
            default: return 0.5
            }
        }
        if isArabicVowel(a), isArabicVowel(b) { return 0.7 }
        return 1
    }

    private static func weight(_ s: Unicode.Scalar) -> Double {
        if isLatinVowel(s) { return 0.3 }
        if s == "h" { return 0.5 }
        if isArabicVowel(s) { return 0.7 }
        return 1
    }
}
