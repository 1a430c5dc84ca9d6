import GazetteModel

/// Picks a document's language: Arabic script by its letters, Latin-script languages by counting each rule
/// set's stop words. Good enough to choose a rule set, which is all it is for.
enum LanguageDetector {
    /// - Parameters:
    ///   - folds: a worker's memo of folded words (nil: every word folded afresh).
    ///   - stopwords: `Stopwords(ruleSets)`, built once (nil: each rule set's list is asked).
    static func detect(
        _ text: String, ruleSets: [RuleSet], folds: FoldMemo? = nil, stopwords: Stopwords? = nil
    ) -> String {
        var arabic = 0
        var latin = 0
        // ASCII letters are told from the byte; only other scalars need the Unicode property. The first 20,000
        // scalars are counted off while iterating (a `prefix` slice validates every index it steps through).
        var seen = 0
        let alphabetic = LanguageDetector.alphabetic
        for s in text.unicodeScalars {
            if seen == 20_000 { break }
            seen += 1
            let letter =
                s.isASCII
                ? (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
                : s.value < 0x800 ? alphabetic[Int(s.value)] : s.properties.isAlphabetic
            guard letter else { continue }
            if (0x0600...0x06FF).contains(s.value) { arabic += 1 } else if s.value < 0x250 { latin += 1 }
        }
        if arabic > latin { return "ar" }
        var counts: [String: Int] = [:]
        // A character has at least one byte: a text of at most 20,000 bytes is its own prefix.
        let head = text.utf8.count <= 20_000 ? text : String(text.prefix(20_000))
        let tokens = Tokenizer.tokens(of: head, folds: folds)
        if let stopwords {
            // One look-up per word in a table of every language's stop words, instead of one per language. The
            // words are read where they lie (a copy of a token retains its key).
            var perLanguage = [Int](repeating: 0, count: stopwords.languages.count)
            for i in tokens.indices where tokens[i].kind == .word {
                guard var mask = stopwords.masks[ByteKey(text: tokens[i].key)] else { continue }
                while mask != 0 {
                    perLanguage[mask.trailingZeroBitCount] += 1
                    mask &= mask - 1
                }
            }
            for (i, language) in stopwords.languages.enumerated() { counts[language] = perLanguage[i] }
        } else {
            let words = tokens.filter { $0.kind == .word }
            for r in ruleSets where !r.stopwords.isEmpty && r.language != "ar" {
                counts[r.language] = words.reduce(0) { $0 + (r.stopwords.contains($1.key) ? 1 : 0) }
            }
        }
        let best = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first
        if let best, best.value > 0 { return best.key }
        return arabic > 0 ? "ar" : "en"
    }

    /// `properties.isAlphabetic` of each scalar below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic), looked
    /// up once instead of for every letter of an Arabic page.
    static let alphabetic: [Bool] = (0..<0x800).map { v in
        Unicode.Scalar(UInt32(v)).map { $0.properties.isAlphabetic } ?? false
    }
}

/// The stop words of the rule sets `LanguageDetector` counts (those with stop words, Arabic aside), by word:
/// the bit of each language whose list holds it. At most 64 languages (`DocumentReader` builds none past
/// that). Words compare by their bytes: text and lists are folded alike.
struct Stopwords: Sendable {
    let languages: [String]
    let masks: [ByteKey: UInt64]

    init(_ ruleSets: [RuleSet]) {
        var languages: [String] = []
        var masks: [ByteKey: UInt64] = [:]
        for r in ruleSets where !r.stopwords.isEmpty && r.language != "ar" {
            let bit = UInt64(1) << UInt64(languages.count)
            languages.append(r.language)
            for w in r.stopwords { masks[ByteKey(text: w), default: 0] |= bit }
            if languages.count == 64 { break }
        }
        self.languages = languages
        self.masks = masks
    }
}
