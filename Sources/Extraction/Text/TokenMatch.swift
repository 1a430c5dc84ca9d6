import Foundation

/// Matching folded rule phrases against a token stream.
enum TokenMatch {
    /// Does `word` (a folded rule word, maybe ending in `*`) match the folded `key`?
    static func word(_ word: String, matches key: String) -> Bool {
        // The byte test first: most rule words do not end in "*", and `hasSuffix` compares characters.
        if isStarred(word), word.hasSuffix("*") {
            return hasPrefix(key, word.dropLast()) && key.count >= word.count - 1
        }
        return key.sameBytes(word)
    }

    /// Whether the word's last byte is "*", read from its bytes where they lie (`utf8.last` on a string costs
    /// some seventy instructions, and every rule word compared asks).
    @inline(__always)
    static func isStarred(_ word: String) -> Bool {
        let star = UInt8(ascii: "*")
        return word.utf8.withContiguousStorageIfAvailable { $0.last == star } ?? (word.utf8.last == star)
    }

    /// Like `word(_:matches:)`, also trying the key with one leading clitic removed (Arabic `و`, `ب`, `وب`)
    /// and, for Arabic, with the article `ال` added or removed.
    static func word(_ word: String, matchesToken key: String, clitics: [String]) -> Bool {
        if Self.word(word, matches: key) { return true }
        guard !clitics.isEmpty else { return false }
        for c in clitics where key.hasPrefix(c) && key.count > c.count + 1 {
            let rest = String(key.dropFirst(c.count))
            if Self.word(word, matches: rest) { return true }
            if rest.hasPrefix("ال"), Self.word(word, matches: String(rest.dropFirst(2))) { return true }
            if c == "ل", Self.word(word, matches: "ا" + rest) { return true }  // لل = ل + ال
        }
        if key.hasPrefix("ال"), key.count > 3, Self.word(word, matches: String(key.dropFirst(2))) { return true }
        return false
    }

    /// The number of tokens `phrase` spans when it matches at `tokens[i...]`, else nil. Punctuation in
    /// the phrase must match punctuation in the text; `#` and `@` never match here.
    static func matches(_ phrase: [String], _ tokens: [Token], at i: Int, clitics: [String] = []) -> Int? {
        guard !phrase.isEmpty, i + phrase.count <= tokens.count else { return nil }
        for (k, w) in phrase.enumerated() {
            // The token's fields are read where they lie: a copy of it would retain its key and info.
            if w.isASCII(UInt8(ascii: "#")) || w.isASCII(UInt8(ascii: "@")) { return nil }
            // Readings worked out once per token (same set as the clitic rules below).
            if !clitics.isEmpty, let readings = tokens[i + k].info?.readings, !readings.isEmpty {
                if isStarred(w), w.hasSuffix("*") {
                    let stem = w.dropLast()
                    if !readings.contains(where: { hasPrefix($0, stem) }) { return nil }
                } else if !readings.contains(where: { $0.sameBytes(w) }) {
                    return nil
                }
                continue
            }
            let ok =
                k == 0
                ? word(w, matchesToken: tokens[i + k].key, clitics: clitics)
                : word(
                    w, matchesToken: tokens[i + k].key,
                    clitics: tokens[i + k].kind == .word ? clitics : [])
            if !ok { return nil }
        }
        return phrase.count
    }

    /// `key.hasPrefix(stem)`, answered on the bytes when both are made only of ASCII letters and digits and the
    /// Arabic letters U+0621–U+064A: each such scalar is a character of its own (no combining mark, no CR) and
    /// canonically equivalent to no other such scalar, so comparing characters is comparing bytes. Other text
    /// is compared by characters, as `hasPrefix` does.
    static func hasPrefix(_ key: String, _ stem: Substring) -> Bool {
        var key = key
        var stem = stem
        let plain = key.withUTF8 { k in
            stem.withUTF8 { s -> Bool? in
                guard isPlain(k), isPlain(s) else { return nil }
                return s.count <= k.count && (s.isEmpty || memcmp(k.baseAddress!, s.baseAddress!, s.count) == 0)
            }
        }
        return plain ?? key.hasPrefix(stem)
    }

    /// `key.hasPrefix(prefix)` (clitics, the article), by `hasPrefix(_:_:)` above.
    static func hasPrefix(_ key: String, _ prefix: String) -> Bool { hasPrefix(key, Substring(prefix)) }

    /// Whether every scalar of the UTF-8 text is an ASCII letter or digit or an Arabic letter U+0621–U+064A.
    @inline(__always)
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                guard (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) else {
                    return false
                }
                i += 1
            } else if i + 1 < bytes.count, b == 0xD8 || b == 0xD9 {
                // U+0621–U+063F is D8 A1–D8 BF; U+0640–U+064A is D9 80–D9 8A.
                let c = bytes[i + 1]
                guard b == 0xD8 ? (0xA1...0xBF).contains(c) : (0x80...0x8A).contains(c) else { return false }
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    /// Like `matches`, but the phrase must end exactly at `end` (exclusive): the start index, or nil.
    static func matchesEnding(_ phrase: [String], _ tokens: [Token], at end: Int, clitics: [String] = []) -> Int? {
        let start = end - phrase.count
        guard start >= 0, matches(phrase, tokens, at: start, clitics: clitics) != nil else { return nil }
        return start
    }
}

/// A few punctuation marks a scan stops at (",", ".", ";" ...), for testing a token against them on its byte.
///
/// `["," , "."].contains(key)` builds the array and compares strings by canonical equivalence; most keys are
/// one ASCII byte, tested here against a bit set. Other keys are compared as before, and only for punctuation
/// tokens: a word or a number is never canonically equivalent to a punctuation mark.
struct Marks: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private let marks: [String]

    init(_ marks: [String]) {
        self.marks = marks
        for m in marks where m.utf8.count == 1 {
            let b = m.utf8.first!
            if b < 64 { low |= 1 << UInt64(b) } else if b < 128 { high |= 1 << UInt64(b - 64) }
        }
    }

    /// Whether `token`'s key is one of the marks (as `marks.contains(token.key)` says).
    @inline(__always)
    func contains(_ token: Token) -> Bool {
        let utf8 = token.key.utf8
        if utf8.count == 1, let b = utf8.first, b < 0x80 {
            return b < 64 ? low & (1 << UInt64(b)) != 0 : high & (1 << UInt64(b - 64)) != 0
        }
        return token.kind == .punctuation && marks.contains(token.key)
    }
}
