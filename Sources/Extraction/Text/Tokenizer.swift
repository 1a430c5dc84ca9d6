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
    /// The readings rule words are compared with (as written, without a clitic, without the article), worked
    /// out once per token when the language has clitics; empty otherwise.
    var readings: [String] = []
}

/// Splits text into tokens: runs of letters, runs of decimal digits (in any script, with thousands
/// separators), and single punctuation marks. A change between letters and digits splits a token, so
/// `13مدنيًّا` is a number followed by a word.
enum Tokenizer {
    /// The tokens with their readings filled in for a language with `clitics`.
    static func withReadings(_ tokens: [Token], clitics: [String]) -> [Token] {
        guard !clitics.isEmpty else { return tokens }
        var out = tokens
        for i in out.indices where out[i].kind == .word {
            out[i].readings = PhraseTable<Bool>.readings(of: out[i].key, clitics: clitics)
        }
        return out
    }

    static func tokens(of text: String, in range: Range<String.Index>? = nil) -> [Token] {
        let bounds = range ?? text.startIndex..<text.endIndex
        var out: [Token] = []
        var i = bounds.lowerBound
        var lastEnd: String.Index? = nil
        func kindOf(_ c: Character) -> Token.Kind? {
            if let s = c.unicodeScalars.first, s.properties.numericType == .decimal { return .number }
            if c.isLetter { return .word }
            if c.isWhitespace { return nil }
            if let s = c.unicodeScalars.first, s.properties.generalCategory == .nonspacingMark { return .word }
            return .punctuation
        }
        while i < bounds.upperBound {
            let c = text[i]
            guard let kind = kindOf(c) else {
                i = text.index(after: i)
                continue
            }
            let start = i
            var j = text.index(after: i)
            if kind == .word {
                while j < bounds.upperBound, kindOf(text[j]) == .word { j = text.index(after: j) }
            } else if kind == .number {
                while j < bounds.upperBound {
                    if kindOf(text[j]) == .number {
                        j = text.index(after: j)
                        continue
                    }
                    // "1,300" and "1.300": a separator followed by exactly three digits continues the number.
                    if text[j] == "," || text[j] == "." || text[j] == "٬" {
                        var k = text.index(after: j)
                        var n = 0
                        while k < bounds.upperBound, kindOf(text[k]) == .number, n < 4 {
                            k = text.index(after: k)
                            n += 1
                        }
                        if n == 3 {
                            j = k
                            continue
                        }
                    }
                    break
                }
            }
            let raw = text[start..<j]
            let glued = lastEnd == start
            switch kind {
            case .word:
                out.append(Token(range: start..<j, key: Folding.fold(raw), kind: .word, number: nil, glued: glued))
            case .number:
                var value = 0
                var digits = ""
                var overflow = false
                for s in raw.unicodeScalars where s.properties.numericType == .decimal {
                    let d = Int(s.properties.numericValue ?? 0)
                    digits.append(Character(String(d)))
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(d)
                    overflow = overflow || o1 || o2
                    value = a
                }
                out.append(
                    Token(
                        range: start..<j, key: digits, kind: .number, number: overflow ? nil : value,
                        glued: glued))
            case .punctuation:
                var key = String(c)
                if "’‘ʼ`´".contains(c) { key = "'" }
                if "‐‑–—".contains(c) { key = "-" }
                if c == "،" { key = "," }
                if c == "؛" { key = ";" }
                out.append(Token(range: start..<j, key: key, kind: .punctuation, number: nil, glued: glued))
            }
            lastEnd = j
            i = j
        }
        return out
    }
}
