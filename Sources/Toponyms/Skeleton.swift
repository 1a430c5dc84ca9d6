/// The cross-script consonant skeleton (see ``NameKey/skeletons``) and the distance between skeletons.
///
/// Symbols: B T J H D R Z S X(sh) G F K L M N, digits as themselves, and C for a Latin "ch" whose class depends on
/// the language (French "Cheikh" = sh, German "Scheichun" = kh); C expands to X and H in the exact variants and is
/// close to both in ``distance(_:_:)``.
enum Skeleton {
    static let maxVariants = 4

    /// One position of a skeleton: a symbol, or two alternatives (`second` 0 = the symbol is optional).
    struct Slot {
        var first: UInt8
        var second: UInt8 = Slot.fixed
        static let fixed: UInt8 = 0xFF
    }

    private static let gap = UInt8(ascii: ".")

    /// The skeleton variants of a name's words.
    static func variants(of tokens: [String]) -> [String] {
        var slots: [Slot] = []
        for token in tokens { appendSlots(of: token, to: &slots) }
        let choices = slots.indices.filter { slots[$0].second != Slot.fixed }
        // Up to 16 combinations of the first four choices; later choices take their first option.
        let combinations = 1 << min(choices.count, 4)
        var seen: Set<String> = []
        var out: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(slots.count)
        for mask in 0..<combinations {
            buffer.removeAll(keepingCapacity: true)
            var afterGap = false
            var choice = 0
            for slot in slots {
                var symbol = slot.first
                if slot.second != Slot.fixed {
                    if choice < 4, mask & (1 << choice) != 0 { symbol = slot.second }
                    choice += 1
                }
                if symbol == 0 { continue }
                if symbol == gap {
                    afterGap = true
                    continue
                }
                // Double letters collapse ("Maarrat", "Hammura"), not across a vowel ("Mushashin" keeps both sh).
                if symbol != buffer.last || afterGap { buffer.append(symbol) }
                afterGap = false
            }
            let s = String(decoding: buffer, as: UTF8.self)
            if seen.insert(s).inserted { out.append(s) }
            if out.count == maxVariants { break }
        }
        return out
    }

    /// Symbol of each Arabic letter U+0600...U+06FF: 0 = none, "." = a vowel letter (a gap between consonants).
    private static let arabic: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        let map: [(Unicode.Scalar, Character)] = [
            ("ا", "."), ("ب", "B"), ("ت", "T"), ("ث", "T"), ("ج", "J"), ("ح", "H"), ("خ", "H"), ("د", "D"), ("ذ", "D"),
            ("ر", "R"), ("ز", "Z"), ("س", "S"), ("ش", "X"), ("ص", "S"), ("ض", "D"), ("ط", "T"), ("ظ", "D"), ("ع", "."),
            ("غ", "G"), ("ف", "F"), ("ق", "K"), ("ك", "K"), ("ل", "L"), ("م", "M"), ("ن", "N"), ("ه", "H"), ("و", "."),
            ("ي", "."), ("پ", "B"), ("چ", "J"), ("گ", "G"), ("ڤ", "F"),
        ]
        for (letter, symbol) in map { table[Int(letter.value - 0x600)] = symbol.asciiValue! }
        return table
    }()

    /// Symbol of each lower-case ASCII letter or digit.
    private static let latin: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for v in "aeiouyw".utf8 { table[Int(v)] = gap }
        let map: [(Character, Character)] = [
            ("b", "B"), ("c", "K"), ("d", "D"), ("f", "F"), ("g", "G"), ("h", "H"), ("j", "J"), ("k", "K"), ("l", "L"),
            ("m", "M"), ("n", "N"), ("p", "B"), ("q", "K"), ("r", "R"), ("s", "S"), ("t", "T"), ("v", "F"), ("z", "Z"),
        ]
        for (letter, symbol) in map { table[Int(letter.asciiValue!)] = symbol.asciiValue! }
        for d in "0123456789".utf8 { table[Int(d)] = d }
        return table
    }()

    private static func appendSlots(of token: String, to slots: inout [Slot]) {
        let v = Array(token.unicodeScalars.map(\.value))
        guard let first = v.first else { return }
        let n = v.count
        if (0x600...0x6FF).contains(first) {
            for (i, c) in v.enumerated() {
                if i == n - 1, c == 0x647, n > 2 { break }  // ة / feminine ه
                if (0x600...0x6FF).contains(c) {
                    let symbol = arabic[Int(c - 0x600)]
                    if symbol != 0 { slots.append(Slot(first: symbol)) }
                } else if c < 128, latin[Int(c)] != 0 {
                    slots.append(Slot(first: latin[Int(c)]))
                }
            }
            return
        }
        func at(_ i: Int) -> UInt32 { i < n ? v[i] : 0 }
        func isVowel(_ c: UInt32) -> Bool { c < 128 && latin[Int(c)] == gap }
        let h: UInt32 = 0x68, s: UInt32 = 0x73, c: UInt32 = 0x63, d: UInt32 = 0x64, t: UInt32 = 0x74
        var i = 0
        while i < n {
            let x = v[i], y = at(i + 1)
            // Digraphs: dsch sch tch sh ch kh gh th dh ph zh dj ck.
            if x == d, y == s, at(i + 2) == c, at(i + 3) == h {
                slots.append(Slot(first: UInt8(ascii: "J"))); i += 4; continue
            }
            if x == s, y == c, at(i + 2) == h { slots.append(Slot(first: UInt8(ascii: "X"))); i += 3; continue }
            if x == t, y == c, at(i + 2) == h { slots.append(Slot(first: UInt8(ascii: "J"))); i += 3; continue }
            if y == h {
                var symbol: Character?
                switch x {
                case s: symbol = "X"
                case c:
                    // French "Cheikh" (sh) or German "Scheichun" (kh): both variants.
                    slots.append(Slot(first: UInt8(ascii: "X"), second: UInt8(ascii: "H")))
                    i += 2
                    continue
                case 0x6B: symbol = "H"  // kh
                case 0x67: symbol = "G"  // gh
                case t: symbol = "T"
                case d: symbol = "D"
                case 0x70: symbol = "F"  // ph
                case 0x7A: symbol = "Z"  // zh
                default: break
                }
                if let symbol {
                    slots.append(Slot(first: symbol.asciiValue!))
                    i += 2
                    continue
                }
            }
            if x == d, y == 0x6A { slots.append(Slot(first: UInt8(ascii: "J"))); i += 2; continue }  // dj
            if x == c, y == 0x6B { slots.append(Slot(first: UInt8(ascii: "K"))); i += 2; continue }  // ck
            if i == n - 1, n >= 3, x == h || x == t, isVowel(v[i - 1]) {
                // "-ah", "-eh" (ة or ح) and the construct "-at", "-et" (Maarat, Maaret): optional.
                let symbol = x == h ? UInt8(ascii: "H") : UInt8(ascii: "T")
                let aOrE = v[i - 1] == 0x61 || v[i - 1] == 0x65
                if x == h || (aOrE && n >= 4) {
                    slots.append(Slot(first: symbol, second: 0))
                } else {
                    slots.append(Slot(first: symbol))
                }
                i += 1
                continue
            }
            if x == c {
                // "c" is k in most spellings, but j in Turkish ("Cisr", "Cerablus").
                slots.append(Slot(first: UInt8(ascii: "K"), second: UInt8(ascii: "J")))
            } else if x == 0x78 {  // x
                slots.append(Slot(first: UInt8(ascii: "K")))
                slots.append(Slot(first: UInt8(ascii: "S")))
            } else if x < 128, latin[Int(x)] != 0 {
                slots.append(Slot(first: latin[Int(x)]))
            }
            i += 1
        }
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
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in distance(a, b) } }
    }

    /// ``distance(_:_:)`` over symbols stored elsewhere (the flat tables of a ``MatcherIndex``).
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        weightedDistance(a, b, indel: indel, substitution: substitution)
    }

    /// The weighted Levenshtein distance both layers use: skeleton symbols (`UInt8`) and letters (`UInt32`)
    /// differ only in their insertion/deletion weight and substitution cost. Two rows, no allocation.
    @inline(__always)
    static func weightedDistance<Symbol>(
        _ a: UnsafeBufferPointer<Symbol>, _ b: UnsafeBufferPointer<Symbol>, indel: (Symbol) -> Double,
        substitution: (Symbol, Symbol) -> Double
    ) -> Double {
        if a.isEmpty { return b.reduce(0) { $0 + indel($1) } }
        if b.isEmpty { return a.reduce(0) { $0 + indel($1) } }
        let n = b.count
        // The weights of `b` once, not once per cell.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * (n + 1)) { buffer in
            var previous = buffer.baseAddress!
            var current = previous + (n + 1)
            let weights = current + (n + 1)
            previous[0] = 0
            for j in 1...n {
                weights[j] = indel(b[j - 1])
                previous[j] = previous[j - 1] + weights[j]
            }
            for i in 1...a.count {
                let x = a[i - 1]
                let dx = indel(x)
                current[0] = previous[0] + dx
                for j in 1...n {
                    current[j] = min(
                        previous[j - 1] + substitution(x, b[j - 1]), previous[j] + dx, current[j - 1] + weights[j])
                }
                swap(&previous, &current)
            }
            return previous[n]
        }
    }

    /// 1 for equal skeletons, down to 0.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b) } }
    }

    /// ``similarity(_:_:)`` over symbols stored elsewhere.
    static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
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
            // German "dsch" and "sch", French "dj": the English "j" and "sh" of the OCHA names.
            if i + 3 < s.count, s[i] == 0x64, s[i + 1] == 0x73, s[i + 2] == 0x63, s[i + 3] == 0x68 {
                out.append(0x6A)
                i += 4
                continue
            }
            if i + 2 < s.count, s[i] == 0x73, s[i + 1] == 0x63, s[i + 2] == 0x68 {
                out.append(0x73)
                out.append(0x68)
                i += 3
                continue
            }
            if i + 1 < s.count, s[i] == 0x64, s[i + 1] == 0x6A {
                out.append(0x6A)
                i += 2
                continue
            }
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
        x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in similarity(x, y) } }
    }

    /// ``similarity(_:_:)`` over letters stored elsewhere (the flat tables of a ``MatcherIndex``).
    static func similarity(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>) -> Double {
        let longest = max(x.count, y.count)
        if longest == 0 { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        // Letters the two share at the start and at the end cost nothing and can be set aside: with these weights
        // no letter is cheaper to delete through another (weight(p) <= substitution(p, q) + weight(q)), so an
        // optimal alignment pairs them. Close spellings (the usual candidates) leave a few letters to compare.
        var start = 0
        while start < x.count, start < y.count, x[start] == y[start] { start += 1 }
        var endX = x.count, endY = y.count
        while endX > start, endY > start, x[endX - 1] == y[endY - 1] {
            endX -= 1
            endY -= 1
        }
        let distance = Skeleton.weightedDistance(
            UnsafeBufferPointer(rebasing: x[start..<endX]), UnsafeBufferPointer(rebasing: y[start..<endY]),
            indel: weight, substitution: substitution)
        return max(0, 1 - distance / Double(longest))
    }

    /// The weighted distance over every letter, without setting shared ends aside: what tests compare with.
    static func distanceOverAllLetters(_ x: [UInt32], _ y: [UInt32]) -> Double {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                Skeleton.weightedDistance(x, y, indel: weight, substitution: substitution)
            }
        }
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
