import GazetteModel
import Testing

@testable import Extraction

/// The indexes that spare the extractor string comparisons find exactly what asking every phrase finds.
@Suite struct IndexedMatchingTests {
    /// A text made of the phrases' own words (stems given an ending, slots a number), each phrase followed by
    /// a number and a comma, plus the same words with a clitic in front for Arabic: every phrase ends
    /// somewhere, and most tokens end none.
    static func text(of phrases: [Phrase], language: String) -> [Token] {
        var words: [String] = []
        for phrase in phrases.prefix(60) {
            let written = phrase.map { $0.hasSuffix("*") ? String($0.dropLast()) + "xx" : $0 == "#" ? "12" : $0 }
            words += written + ["12", ","]
            if language == "ar", let last = written.last { words += ["و" + last, "بال" + last, "."] }
        }
        words += ["ordinary", "words", "١٢", "—", "؛", "\u{37E}", "🙂"]
        let rules = Fixtures.ruleSets.first { $0.language == language }
        return Tokenizer.withReadings(
            Tokenizer.tokens(of: words.joined(separator: " ")), clitics: rules?.clitics ?? [])
    }

    /// For each list looked up by its last word: the first phrase ending at every position, asked of the index
    /// and of every phrase in rule order, with and without the clitics.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func endingsByLastWordAreTheFirstEnding(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let lists: [(String, [Phrase], PhraseEndings)] = [
            ("subgroups", rules.subgroups, compiled.subgroupEndings),
            ("combined", rules.combined, compiled.combinedEndings),
            ("directions", rules.directions, compiled.directionEndings),
            ("date blockers", rules.dateBlockers, compiled.dateBlockerEndings),
            ("context cues", compiled.contextCues, compiled.contextCueEndings),
            ("quantifiers", compiled.quantifiers.map(\.before), compiled.quantifierBefores),
        ]
        var found = 0
        for (name, phrases, table) in lists {
            #expect(table.phrases == phrases, "\(name)")
            let tokens = Self.text(of: phrases, language: language)
            for clitics in [rules.clitics, []] {
                for end in 0...tokens.count + 1 {
                    let naive = phrases.firstIndex {
                        TokenMatch.matchesEnding($0, tokens, at: end, clitics: clitics) != nil
                    }
                    let indexed = table.first(tokens, endingAt: end, clitics: clitics)
                    #expect(naive == indexed, "\(language) \(name) at \(end)")
                    #expect(table.contains(tokens, endingAt: end, clitics: clitics) == (naive != nil))
                    if naive != nil { found += 1 }
                }
            }
        }
        #expect(found > 0)
    }

    /// The marks a scan stops at answer as `contains` on the keys does, for ASCII, other punctuation and
    /// a key canonically equivalent to an ASCII mark (U+037E, the Greek question mark, is ";").
    @Test func marksAgreeWithStringComparison() {
        let lists = [
            [",", ".", ";", "(", ")", ":"], [",", "-", ")", "—", ";", "."], [".", ";", ":", "!", "?", "(", ")", "|"],
        ]
        let tokens = Tokenizer.tokens(
            of: "a , b. c; (d) e: f! g? h| i - j — k ، l ؛ m \u{37E} n ' o \" 12 ١٢ 🙂 \u{FFFD} x\u{301}")
        #expect(tokens.count > 30)
        for list in lists {
            let marks = Marks(list)
            for t in tokens { #expect(marks.contains(t) == list.contains(t.key), "\(t.key) in \(list)") }
        }
    }
}
