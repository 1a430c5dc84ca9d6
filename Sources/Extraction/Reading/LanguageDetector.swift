/// Picks a document's language: Arabic script by its letters, Latin-script languages by counting each rule
/// set's stop words. Good enough to choose a rule set, which is all it is for.
enum LanguageDetector {
    /// - Parameter folds: a worker's memo of folded words (nil: every word folded afresh).
    static func detect(_ text: String, ruleSets: [RuleSet], folds: FoldMemo? = nil) -> String {
        var arabic = 0
        var latin = 0
        // ASCII letters are told from the byte; only other scalars need the Unicode property.
        for s in text.unicodeScalars.prefix(20_000)
        where s.isASCII ? (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) : s.properties.isAlphabetic
        {
            if (0x0600...0x06FF).contains(s.value) { arabic += 1 } else if s.value < 0x250 { latin += 1 }
        }
        if arabic > latin { return "ar" }
        var counts: [String: Int] = [:]
        // A character has at least one byte: a text of at most 20,000 bytes is its own prefix.
        let head = text.utf8.count <= 20_000 ? text : String(text.prefix(20_000))
        let words = Tokenizer.tokens(of: head, folds: folds).filter { $0.kind == .word }
        for r in ruleSets where !r.stopwords.isEmpty && r.language != "ar" {
            counts[r.language] = words.reduce(0) { $0 + (r.stopwords.contains($1.key) ? 1 : 0) }
        }
        let best = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first
        if let best, best.value > 0 { return best.key }
        return arabic > 0 ? "ar" : "en"
    }
}
