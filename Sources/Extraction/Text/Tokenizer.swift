/// A word, number or punctuation mark of a text, with its place in the text and its folded form.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punctuation }

    var range: Range<String.Index>
    /// The folded word, the digits' value as ASCII, or the punctuation mark itself.
    var key: String
    var kind: Kind
    /// The value of a number token (any decimal digits: ASCII, Arabic-Indic, Persian).
    var number: Int?
    /// True when no space separates this token from the previous one (`13مدنيا`, `al-Atareb`).
    var glued: Bool
    /// What the rule set knows of the key (`WordInfo`): nil for a token no rule set has looked at.
    var info: WordInfo? = nil
    /// The readings rule words are compared with (as written, without a clitic, without the article), worked
    /// out once per token when the language has clitics; empty otherwise. Setting them drops what else the
    /// token knew of its key.
    var readings: [String] {
        get { info?.readings ?? [] }
        set { info = newValue.isEmpty ? nil : WordInfo(readings: newValue) }
    }
    /// The bits of the phrase tables that may match at this token (`CompiledRules.markTables`); all set
    /// until the token has been looked up.
    var tables: UInt64 = .max
    /// False when no reading of this word begins a gazetteer name (`WordMarks(rules:places:)`); true until
    /// looked up.
    var mayStartPlace = true

    /// `Folding.isArabic(key)`, known without looking at the key when a rule set has looked at the token.
    var isArabic: Bool {
        if let info, info.owner != nil { return info.isArabic }
        return Folding.isArabic(key)
    }

    /// Tokens compare by what they say, their readings included, not by how much of it was worked out ahead.
    static func == (a: Token, b: Token) -> Bool {
        a.range == b.range && a.key == b.key && a.kind == b.kind && a.number == b.number && a.glued == b.glued
            && a.readings == b.readings && a.tables == b.tables && a.mayStartPlace == b.mayStartPlace
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(key)
        hasher.combine(readings)
    }
}

/// What a rule set knows of one token key, worked out once per key by a worker (`WordMarks`) and shared by
/// every token with that key: a text repeats its words, and a dozen phrase tables ask about each token.
final class WordInfo: Sendable {
    /// `Token.readings`.
    let readings: [String]
    /// For each table of one `CompiledRules` (by `PhraseTable.bitIndex`), the orders of its phrases whose
    /// first word may match the key when the rule set's clitics are tried, as `PhraseTable` would find them by
    /// looking the readings up; empty when not worked out.
    let starts: [[Int32]]
    /// The same for each `PhraseEndings` of the `CompiledRules` (by `PhraseEndings.slot`): the phrases whose
    /// last word may match the key.
    let endings: [[Int]]
    /// The `CompiledRules` the starts are of (`CompiledRules.owner`); nil without starts.
    let owner: TableOwner?
    /// `Folding.isArabic(key)`.
    let isArabic: Bool
    /// Whether the key is one of the owner's rule set's conjunctions (`RuleSet.conjunctions.contains`).
    let isConjunction: Bool
    /// For a word, the variants `PlaceIndex.keyWords` gives the key alone with the owner's clitics (Arabic:
    /// `PlaceIndex.arabicVariants`; other scripts: the key itself); empty when not worked out.
    let placeVariants: [String]

    init(
        readings: [String], starts: [[Int32]] = [], endings: [[Int]] = [], owner: TableOwner? = nil,
        isArabic: Bool = false, isConjunction: Bool = false, placeVariants: [String] = []
    ) {
        self.isConjunction = isConjunction
        self.readings = readings
        self.starts = starts
        self.endings = endings
        self.owner = owner
        self.isArabic = isArabic
        self.placeVariants = placeVariants
    }
}

/// Splits text into tokens: runs of letters, runs of decimal digits (in any script, with thousands
/// separators), and single punctuation marks. A change between letters and digits splits a token, so
/// `13مدنيًّا` is a number followed by a word.
enum Tokenizer {
    /// The tokens with their readings filled in for a language with `clitics`.
    /// - Parameter memo: a worker's memo of readings (nil: worked out for every token).
    static func withReadings(_ tokens: [Token], clitics: [String], memo: FoldMemo? = nil) -> [Token] {
        guard !clitics.isEmpty else { return tokens }
        var out = tokens
        if let memo {
            memo.fillReadings(&out, clitics: clitics)
            return out
        }
        for i in out.indices where out[i].kind == .word {
            out[i].readings = PhraseTable<Bool>.readings(of: out[i].key, clitics: clitics)
        }
        return out
    }

    /// - Parameter folds: a worker's memo of folded words (nil: every word folded afresh).
    /// - Parameter marks: a worker's memo of a rule set (`WordMarks(rules:)`): word tokens then come with the
    ///   readings and table bits `CompiledRules.annotate` would give them, found with one look-up of the word
    ///   as written.
    static func tokens(
        of text: String, in range: Range<String.Index>? = nil, folds: FoldMemo? = nil,
        marks: WordMarks? = nil
    ) -> [Token] {
        let bounds = range ?? text.startIndex..<text.endIndex
        if let found = text.utf8.withContiguousStorageIfAvailable({
            tokens(of: text, bytes: $0, in: bounds, folds: folds, marks: marks)
        }) {
            return found
        }
        return characterTokens(of: text, in: bounds, folds: folds, marks: marks)
    }

    /// `tokens(of:in:folds:marks:)` read from the text's UTF-8 bytes at integer offsets: the same steps as
    /// `characterTokens`, without a `String.Index` to validate and advance at every byte. Characters the
    /// byte tests cannot settle (combining marks, three- and four-byte scalars, CR LF) are read as
    /// `Character`s there, as `characterTokens` reads them.
    private static func tokens(
        of text: String, bytes buf: UnsafeBufferPointer<UInt8>, in bounds: Range<String.Index>, folds: FoldMemo?,
        marks: WordMarks?
    ) -> [Token] {
        let utf8 = text.utf8
        let base = utf8.startIndex
        // Offsets and indices of native UTF-8 text convert in constant time.
        func index(_ p: Int) -> String.Index { utf8.index(base, offsetBy: p) }
        func offset(_ i: String.Index) -> Int { utf8.distance(from: base, to: i) }
        let end = buf.count
        var p = offset(bounds.lowerBound)
        let upper = offset(bounds.upperBound)
        var out: [Token] = []
        out.reserveCapacity((upper - p) / 4 + 1)
        var lastEnd = -1
        // The static tables taken once: read through their globals, each byte would pay a `swift_once` check.
        let twoByteScalars = Tokenizer.twoByteScalars
        let asciiKinds = Tokenizer.asciiKinds
        let asciiKeys = Tokenizer.asciiKeys
        func startsCharacter(_ n: Int) -> Bool {
            let b = buf[n]
            guard b & 0xE0 == 0xC0 else { return false }
            return !twoByteScalars[Int(b & 0x1F) << 6 | Int(buf[n + 1] & 0x3F)].extends
        }
        /// As `step` in `characterTokens`.
        func step(_ p: Int) -> (kind: Token.Kind?, next: Int) {
            let b = buf[p]
            if b < 0x80 {
                let n = p + 1
                if n == end || (buf[n] < 0x80 && !(b == 0x0D && buf[n] == 0x0A)) || (b != 0x0D && startsCharacter(n)) {
                    return (asciiKinds[Int(b)], n)
                }
            } else if b & 0xE0 == 0xC0 {
                let n = p + 2
                let info = twoByteScalars[Int(b & 0x1F) << 6 | Int(buf[p + 1] & 0x3F)]
                if !info.prepend, n == end || buf[n] < 0x80 || startsCharacter(n) {
                    return (info.kind, n)
                }
            }
            let i = index(p)
            return (kind(of: text[i]), offset(text.index(after: i)))
        }
        while p < upper {
            let (kindOrNil, afterFirst) = step(p)
            guard let kind = kindOrNil else {
                p = afterFirst
                continue
            }
            let start = p
            var j = afterFirst
            if kind == .word {
                while j < upper {
                    // An ASCII letter followed by an ASCII byte is a whole character and a word's (what `step`
                    // says of it, without the call).
                    let b = buf[j]
                    if j + 1 < end, buf[j + 1] < 0x80, (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A {
                        j += 1
                        continue
                    }
                    let (k, n) = step(j)
                    guard k == .word else { break }
                    j = n
                }
            } else if kind == .number {
                while j < upper {
                    let (k, n) = step(j)
                    if k == .number {
                        j = n
                        continue
                    }
                    // "1,300" and "1.300": a separator (a character of its own: "," "." or "٬") followed by
                    // exactly three digits continues the number.
                    let separator =
                        (n == j + 1 && (buf[j] == UInt8(ascii: ",") || buf[j] == UInt8(ascii: ".")))
                        || (n == j + 2 && buf[j] == 0xD9 && buf[j + 1] == 0xAC)
                    if separator {
                        var k = n
                        var count = 0
                        while k < upper, count < 4 {
                            let (kk, nk) = step(k)
                            guard kk == .number else { break }
                            k = nk
                            count += 1
                        }
                        if count == 3 {
                            j = k
                            continue
                        }
                    }
                    break
                }
            }
            let range = index(start)..<index(j)
            let glued = lastEnd == start
            if kind == .word, let marks {
                let e = marks.wordEntry(
                    bytes: UnsafeBufferPointer(rebasing: buf[start..<j]), raw: text[range], folds: folds)
                out.append(
                    Token(
                        range: range, key: e.key, kind: .word, number: nil, glued: glued, info: e.info,
                        tables: e.mask, mayStartPlace: e.startsPlace))
            } else if kind == .punctuation, j == start + 1 {
                // One byte, so ASCII: the key `token` gives it, without the call.
                let b = buf[start]
                out.append(
                    Token(
                        range: range, key: asciiKeys[Int(b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b)],
                        kind: .punctuation, number: nil, glued: glued))
            } else {
                out.append(token(kind, text, range, glued: glued, folds: folds))
            }
            lastEnd = j
            p = j
        }
        return out
    }

    /// The kind of token a character begins: the plain reading the byte tables agree with.
    static func kind(of c: Character) -> Token.Kind? {
        if let s = c.unicodeScalars.first, s.properties.numericType == .decimal { return .number }
        if c.isLetter { return .word }
        if c.isWhitespace { return nil }
        if let s = c.unicodeScalars.first, s.properties.generalCategory == .nonspacingMark { return .word }
        return .punctuation
    }

    /// The token of `kind` over `range` of `text`, without a worker's rule-set memo: the word folded, the
    /// number's value read, the punctuation mark given its canonical key.
    static func token(
        _ kind: Token.Kind, _ text: String, _ range: Range<String.Index>, glued: Bool, folds: FoldMemo?
    ) -> Token {
        // The substring only for words and numbers: a punctuation mark is keyed from its byte or character.
        switch kind {
        case .word:
            let raw = text[range]
            return Token(
                range: range, key: folds?.fold(raw) ?? Folding.fold(raw), kind: .word, number: nil, glued: glued)
        case .number:
            let raw = text[range]
            if let token = asciiNumber(raw, range, glued: glued) { return token }
            var value = 0
            var digits: [UInt8] = []
            var overflow = false
            for s in raw.unicodeScalars {
                let d: Int
                if s.isASCII {
                    // ASCII: only 0-9 are decimal digits; no property look-up needed.
                    guard (0x30...0x39).contains(s.value) else { continue }
                    d = Int(s.value - 0x30)
                } else {
                    guard s.properties.numericType == .decimal else { continue }
                    d = Int(s.properties.numericValue ?? 0)
                }
                digits.append(UInt8(0x30 + d))
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                overflow = overflow || o1 || o2
                value = a
            }
            return Token(
                range: range, key: String(decoding: digits, as: UTF8.self), kind: .number,
                number: overflow ? nil : value, glued: glued)
        case .punctuation:
            let key: String
            let utf8 = text.utf8
            if range.upperBound == utf8.index(after: range.lowerBound) {
                // One ASCII byte (a one-byte token is one): of the marks below only the backquote is ASCII.
                let b = utf8[range.lowerBound]
                key = asciiKeys[Int(b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b)]
            } else {
                // Compared as characters, as `"’‘ʼ`´".contains(c)` would, without walking a string per mark.
                switch text[range.lowerBound] {
                case "’", "‘", "ʼ", "`", "´": key = "'"
                case "‐", "‑", "–", "—": key = "-"
                case "،": key = ","
                case "؛": key = ";"
                case let c: key = String(c)
                }
            }
            return Token(range: range, key: key, kind: .punctuation, number: nil, glued: glued)
        }
    }

    /// Each ASCII character as a one-character string, made once: `String(UnicodeScalar(b))` for every comma
    /// and full stop of a text costs more than the rest of reading it.
    static let asciiKeys: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// A number written in ASCII digits only, with its separators (the usual case), read from its bytes: the
    /// same key and value the scalar-by-scalar reading gives; nil for other numbers and for more than 18
    /// digits (which may overflow).
    private static func asciiNumber(_ raw: Substring, _ range: Range<String.Index>, glued: Bool) -> Token? {
        let utf8 = raw.utf8
        guard utf8.count <= 24 else { return nil }
        var value = 0
        var digits = 0
        for b in utf8 {
            if b >= 0x30 && b <= 0x39 {
                value = value * 10 + Int(b - 0x30)
                digits += 1
            } else if b >= 0x80 {
                return nil
            }
        }
        guard digits <= 18 else { return nil }
        let key =
            digits == utf8.count
            ? String(raw) : String(decoding: utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
        return Token(range: range, key: key, kind: .number, number: value, glued: glued)
    }

    /// The tokens read character by character with `String.Index`: the reading `tokens(of:bytes:...)` must
    /// agree with, used for text that is not stored as contiguous UTF-8.
    static func characterTokens(
        of text: String, in bounds: Range<String.Index>, folds: FoldMemo? = nil, marks: WordMarks? = nil
    ) -> [Token] {
        let utf8 = text.utf8
        var out: [Token] = []
        var i = bounds.lowerBound
        var lastEnd: String.Index? = nil
        /// The kind of the character at `i` and where the next one starts. Most text is ASCII, and an ASCII
        /// byte followed by another ASCII byte is a whole character (CR LF aside), so it is classified from
        /// the byte; grapheme breaking and Unicode property look-ups are left to the other characters.
        /// The same holds for a two-byte scalar (Latin accents, Greek, Cyrillic, Hebrew, Arabic) that is not a
        /// prepended mark, followed by an ASCII byte or another two-byte scalar that is not a combining mark.
        func step(_ i: String.Index) -> (kind: Token.Kind?, next: String.Index) {
            let b = utf8[i]
            if b < 0x80 {
                let n = utf8.index(after: i)
                if n == text.endIndex || (utf8[n] < 0x80 && !(b == 0x0D && utf8[n] == 0x0A))
                    || (b != 0x0D && Tokenizer.startsCharacter(utf8, at: n))
                {
                    return (Tokenizer.asciiKinds[Int(b)], n)
                }
            } else if b & 0xE0 == 0xC0 {
                let n = utf8.index(i, offsetBy: 2)
                let s = Int(b & 0x1F) << 6 | Int(utf8[utf8.index(after: i)] & 0x3F)
                let info = Tokenizer.twoByteScalars[s]
                if !info.prepend, n == text.endIndex || utf8[n] < 0x80 || Tokenizer.startsCharacter(utf8, at: n) {
                    return (info.kind, n)
                }
            }
            return (kind(of: text[i]), text.index(after: i))
        }
        while i < bounds.upperBound {
            let (kindOrNil, afterFirst) = step(i)
            guard let kind = kindOrNil else {
                i = afterFirst
                continue
            }
            let start = i
            var j = afterFirst
            if kind == .word {
                while j < bounds.upperBound {
                    let (k, n) = step(j)
                    guard k == .word else { break }
                    j = n
                }
            } else if kind == .number {
                while j < bounds.upperBound {
                    let (k, n) = step(j)
                    if k == .number {
                        j = n
                        continue
                    }
                    // "1,300" and "1.300": a separator followed by exactly three digits continues the number.
                    let c = text[j]
                    if c == "," || c == "." || c == "٬" {
                        var k = text.index(after: j)
                        var count = 0
                        while k < bounds.upperBound, count < 4 {
                            let (kk, nk) = step(k)
                            guard kk == .number else { break }
                            k = nk
                            count += 1
                        }
                        if count == 3 {
                            j = k
                            continue
                        }
                    }
                    break
                }
            }
            let glued = lastEnd == start
            if kind == .word, let marks {
                let e = marks.wordEntry(text[start..<j], folds: folds)
                out.append(
                    Token(
                        range: start..<j, key: e.key, kind: .word, number: nil, glued: glued,
                        info: e.info, tables: e.mask, mayStartPlace: e.startsPlace))
            } else {
                out.append(token(kind, text, start..<j, glued: glued, folds: folds))
            }
            lastEnd = j
            i = j
        }
        return out
    }

    /// Whether the two-byte scalar at `n` (a scalar boundary, not the end) surely begins a new character after
    /// a scalar that is not a prepended mark or a CR: it is no combining mark (the only grapheme extenders
    /// below U+0800 are nonspacing and enclosing marks; spacing marks and joiners come later).
    @inline(__always)
    static func startsCharacter(_ utf8: String.UTF8View, at n: String.Index) -> Bool {
        let b = utf8[n]
        guard b & 0xE0 == 0xC0 else { return false }
        let s = Int(b & 0x1F) << 6 | Int(utf8[utf8.index(after: n)] & 0x3F)
        return !twoByteScalars[s].extends
    }

    /// What the tokenizer needs of each scalar below U+0800 standing alone as a character: its kind (as
    /// `kind(of:)` gives it for that one-scalar character), whether it extends the character before it (a
    /// nonspacing or enclosing mark), and whether it joins the character after it (the prepended Arabic and
    /// Syriac number marks, U+0600–U+0605, U+06DD, U+070F).
    static let twoByteScalars: [(kind: Token.Kind?, extends: Bool, prepend: Bool)] = (0..<0x800).map { v in
        guard v >= 0x80, let s = Unicode.Scalar(UInt32(v)) else { return (nil, false, true) }
        let c = Character(s)
        let kind: Token.Kind?
        if s.properties.numericType == .decimal {
            kind = .number
        } else if c.isLetter {
            kind = .word
        } else if c.isWhitespace {
            kind = nil
        } else if s.properties.generalCategory == .nonspacingMark {
            kind = .word
        } else {
            kind = .punctuation
        }
        let category = s.properties.generalCategory
        let extends = category == .nonspacingMark || category == .enclosingMark || category == .spacingMark
        let prepend = (0x0600...0x0605).contains(v) || v == 0x06DD || v == 0x070F
        return (kind, extends, prepend)
    }

    /// The kind of each ASCII character, as `kind(of:)` gives it (digits, letters, white space, the rest).
    static let asciiKinds: [Token.Kind?] = (0..<128).map { b in
        switch UInt8(b) {
        case 0x30...0x39: return .number
        case 0x41...0x5A, 0x61...0x7A: return .word
        case 0x09...0x0D, 0x20: return nil
        default: return .punctuation
        }
    }
}
