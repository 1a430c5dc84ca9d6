/// Candidate pairs for clustering without comparing all pairs: spellings meet when they share a blocking key,
/// a skeleton or a skeleton with one symbol deleted (which finds one insertion, deletion or substitution).
enum Blocking {
    /// Buckets larger than this are not compared all-pairs: their members, sorted by folded key, are compared
    /// with their nearest neighbours only, so a common short skeleton cannot make the cost quadratic.
    static let bucketLimit = 300
    /// Neighbours compared on each side in a large bucket.
    static let window = 12

    /// Calls `body` with pairs (lower index first) of forms sharing a blocking key, in a deterministic order.
    ///
    /// Two spellings with the same skeleton share every deletion key too; rather than remembering the pairs seen
    /// (hundreds of megabytes for 100,000 spellings), a pair is taken only in the smallest bucket key the two
    /// share. Pairs from the windows of large buckets may come twice.
    static func forEachCandidatePair(_ forms: [Form], _ body: (Int32, Int32) -> Void) {
        var buckets: [UInt64: [Int32]] = [:]
        var keysOf: [[UInt64]] = []
        keysOf.reserveCapacity(forms.count)
        var keys: [UInt64] = []
        for (i, form) in forms.enumerated() {
            keys.removeAll(keepingCapacity: true)
            for skeleton in form.skeletons {
                keys.append(pack(skeleton, skipping: -1))
                // A deletion from a 3-symbol skeleton leaves a 2-symbol key most names share.
                if skeleton.count >= 4 {
                    for d in skeleton.indices { keys.append(pack(skeleton, skipping: d)) }
                }
            }
            keys.sort()
            var unique: [UInt64] = []
            for key in keys where key != unique.last {
                buckets[key, default: []].append(Int32(i))
                unique.append(key)
            }
            keysOf.append(unique)
        }
        // Only keys of buckets compared all-pairs decide where a pair is taken.
        for i in keysOf.indices {
            keysOf[i].removeAll { (buckets[$0]?.count ?? 0) > bucketLimit }
        }
        func firstShared(_ a: [UInt64], _ b: [UInt64]) -> UInt64? {
            var i = 0, j = 0
            while i < a.count, j < b.count {
                if a[i] == b[j] { return a[i] }
                if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            return nil
        }
        for key in buckets.keys.sorted() {
            let members = buckets[key]!
            if members.count < 2 { continue }
            if members.count <= bucketLimit {
                for i in 0..<(members.count - 1) {
                    for j in (i + 1)..<members.count
                    where firstShared(keysOf[Int(members[i])], keysOf[Int(members[j])]) == key {
                        body(members[i], members[j])
                    }
                }
                continue
            }
            let sorted = members.sorted { forms[Int($0)].bare < forms[Int($1)].bare }
            for i in sorted.indices {
                for j in (i + 1)..<min(sorted.count, i + 1 + window) {
                    body(min(sorted[i], sorted[j]), max(sorted[i], sorted[j]))
                }
            }
        }
    }
}

extension Blocking {
    /// A skeleton (without the symbol at `skipping`) as a number: 5 bits per symbol for the first 11 symbols and
    /// the length on top. Longer skeletons share keys by their start, which only adds candidates.
    static func pack(_ skeleton: [UInt8], skipping: Int) -> UInt64 {
        var key: UInt64 = 0
        var n: UInt64 = 0
        for (i, symbol) in skeleton.enumerated() where i != skipping {
            n += 1
            if n <= 11 { key = key << 5 | UInt64(code(symbol)) }
        }
        return min(n, 15) << 60 | key
    }

    /// Letters as 1...26, digits folded onto 27...31 (a shared code only adds candidates).
    private static func code(_ symbol: UInt8) -> UInt8 {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return symbol - UInt8(ascii: "A") + 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return (symbol - UInt8(ascii: "0")) % 5 + 27
        default: return 31
        }
    }
}

/// The long vowels of a name, to tell apart short names whose consonants agree across scripts ("Douma" and
/// "دوما", not "Dama"). Arabic writes long vowels (ا و ي) and leaves short ones out, so every long vowel of the
/// Arabic spelling must find a vowel of the same quality, in order, in the Latin one; the Latin spelling may have
/// more.
enum Vowels {
    static let a = UInt8(ascii: "a"), u = UInt8(ascii: "u"), i = UInt8(ascii: "i")

    /// For an Arabic key, its long vowels in order; for a Latin key, one bitmask of qualities per vowel group.
    static func signature(_ key: NameKey) -> [UInt8] {
        let scalars = Array(key.bare.unicodeScalars)
        if key.isArabic {
            var out: [UInt8] = []
            var previousVowel = true  // a word-initial ا, و or ي is a consonant (or a carrier)
            for s in scalars {
                let quality: UInt8? = switch s {
                case "ا", "ى": a
                case "و": u
                case "ي": i
                default: nil
                }
                if let quality, !previousVowel {
                    out.append(quality)
                    previousVowel = true
                } else {
                    previousVowel = false
                }
            }
            return out
        }
        func isVowel(_ k: Int) -> Bool { k >= 0 && k < scalars.count && "aeiou".unicodeScalars.contains(scalars[k]) }
        var out: [UInt8] = []
        var group: UInt8 = 0
        for (k, s) in scalars.enumerated() {
            var mask: UInt8 = 0
            switch s {
            case "a": mask = 1
            case "e": mask = 1 | 4
            case "i": mask = 4
            case "o", "u": mask = 2
            case "y" where k > 0 && !(isVowel(k - 1) && isVowel(k + 1)): mask = 4
            case "w" where k > 0 && !(isVowel(k - 1) && isVowel(k + 1)): mask = 2
            default: mask = 0
            }
            if mask != 0 {
                group |= mask
            } else if group != 0 {
                out.append(group)
                group = 0
            }
        }
        if group != 0 { out.append(group) }
        return out
    }

    /// Whether the name ends in the nisba suffix: Latin "-iya", "-iyah", "-iyyeh", "-ia" (also "-eyya"), Arabic
    /// "-ية" after a consonant.
    static func endsInNisba(_ key: NameKey) -> Bool {
        var scalars = Array(key.bare.unicodeScalars)
        if key.isArabic {
            let n = scalars.count
            guard n >= 3, scalars[n - 1] == "ه", scalars[n - 2] == "ي" else { return false }
            return !"اي".unicodeScalars.contains(scalars[n - 3])
        }
        if scalars.last == "h" { scalars.removeLast() }
        guard let last = scalars.popLast(), last == "a" || last == "e" else { return false }
        var ys = 0
        while scalars.last == "y" {
            scalars.removeLast()
            ys += 1
        }
        guard let vowel = scalars.last else { return false }
        return vowel == "i" || (vowel == "e" && ys > 0)
    }

    /// How the last word ends, as a set of Arabic endings: 1 ة, 2 alif (ا ى اء), 4 ي, 8 و, 16 a consonant. An
    /// Arabic key has one bit; a Latin key has every ending its spelling can stand for ("-ah" is ة, alif or ح; a
    /// French mute "-e" almost anything).
    static func ending(_ key: NameKey) -> UInt8 {
        let all: UInt8 = 31
        guard let word = key.tokens.last, let last = word.unicodeScalars.last else { return all }
        let scalars = Array(word.unicodeScalars)
        if key.isArabic {
            switch last {
            case "ه": return 1
            case "ا", "ى": return 2
            case "ي": return 4
            case "و": return 8
            default: return NameKey.isArabicLetter(last) ? 16 : all
            }
        }
        let before = scalars.count >= 2 ? scalars[scalars.count - 2] : " "
        func vowel(_ s: Unicode.Scalar) -> Bool { "aeiouy".unicodeScalars.contains(s) }
        switch last {
        case "a": return 1 | 2
        case "h" where vowel(before): return before == "a" || before == "e" ? 1 | 2 | 16 : 1 | 16
        case "t" where before == "a" || before == "e": return 1 | 16
        case "e": return before == "e" ? 4 | 1 : 1 | 2 | 4 | 16
        case "i", "y": return before == "a" || before == "e" ? 4 | 16 : 4
        case "o", "u", "w": return 8
        default: return last.properties.isAlphabetic && last.value < 0x250 ? 16 : all
        }
    }

    /// Whether an Arabic and a Latin spelling agree on their long vowels (true for two spellings of one script).
    static func agree(_ x: Form, _ y: Form) -> Bool {
        guard x.isArabic != y.isArabic else { return true }
        let (arabic, latin) = x.isArabic ? (x.vowels, y.vowels) : (y.vowels, x.vowels)
        var k = 0
        for quality in arabic {
            let bit: UInt8 = quality == a ? 1 : (quality == u ? 2 : 4)
            while k < latin.count, latin[k] & bit == 0 { k += 1 }
            if k == latin.count { return false }
            k += 1
        }
        return true
    }
}

/// Letter-level similarity of two folded keys of one script, for confirming a skeleton match: vowels weigh half
/// a consonant and change into one another cheaply, doubled letters count once, and y, w between two vowels are
/// consonants ("Mayadin" is not "Maaden"), which the skeletons leave out. Arabic letters all count fully.
enum Letters {
    static func similarity(_ a: String, _ b: String) -> Double {
        similarity(units(a), units(b))
    }

    static func similarity(_ x: [Unit], _ y: [Unit]) -> Double {
        let longest = max(x.count, y.count)
        if longest == 0 { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        var previous = [Double](repeating: 0, count: y.count + 1)
        var current = previous
        for j in 1...y.count { previous[j] = previous[j - 1] + y[j - 1].weight }
        for i in 1...x.count {
            current[0] = previous[0] + x[i - 1].weight
            for j in 1...y.count {
                let p = x[i - 1], q = y[j - 1]
                let substitution: Double = p.scalar == q.scalar ? 0 : (p.isVowel && q.isVowel ? vowelChange(p, q) : 1)
                current[j] = min(previous[j - 1] + substitution, previous[j] + p.weight, current[j - 1] + q.weight)
            }
            swap(&previous, &current)
        }
        return max(0, 1 - previous[y.count] / Double(longest))
    }

    /// Vowels that transliterations swap for one sound (a/e, e/i, i/y, o/u) are close; others ("Has" and "Hus",
    /// "Duma" and "Dama") are different names.
    static func vowelChange(_ p: Unit, _ q: Unit) -> Double {
        let (x, y) = p.scalar.value < q.scalar.value ? (p.scalar, q.scalar) : (q.scalar, p.scalar)
        switch (x, y) {
        case ("a", "e"), ("e", "i"), ("i", "y"), ("e", "y"), ("o", "u"), ("o", "w"), ("u", "w"):
            return 0.3
        default: return 0.6
        }
    }

    struct Unit {
        var scalar: Unicode.Scalar
        var isVowel: Bool
        var weight: Double { isVowel ? 0.5 : 1 }
    }

    static func units(_ s: String) -> [Unit] {
        let scalars = Array(s.unicodeScalars)
        func plainVowel(_ k: Int) -> Bool {
            k >= 0 && k < scalars.count && "aeiou".unicodeScalars.contains(scalars[k])
        }
        var out: [Unit] = []
        for (k, c) in scalars.enumerated() {
            if let last = out.last, last.scalar == c { continue }
            let vowel: Bool
            switch c {
            // Arabic writes its long vowels every time: a missing ا, و or ي is another name (حزان, حزوان).
            case "a", "e", "i", "o", "u": vowel = true
            case "y", "w": vowel = k > 0 && !(plainVowel(k - 1) && plainVowel(k + 1))
            default: vowel = false
            }
            out.append(Unit(scalar: c, isVowel: vowel))
        }
        return out
    }
}
