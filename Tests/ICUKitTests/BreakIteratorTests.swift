import ICUKit
import Testing

@Suite struct BreakIteratorTests {
    @Test func frenchWordsSkipSpacesAndPunctuation() throws {
        let words = try BreakIterator(kind: .word, locale: "fr")
        let text = "Seize civils tués à Alep, le 3 mars."
        #expect(words.segments(of: text).map { String(text[$0]) }
            == ["Seize", "civils", "tués", "à", "Alep", "le", "3", "mars"])
    }

    @Test func arabicWords() throws {
        let words = try BreakIterator(kind: .word, locale: "ar")
        let text = "قتل ١٦ مدنياً في إدلب."
        #expect(words.segments(of: text).map { String(text[$0]) } == ["قتل", "١٦", "مدنياً", "في", "إدلب"])
    }

    @Test func sentencesKeepAbbreviationsTogether() throws {
        let sentences = try BreakIterator(kind: .sentence, locale: "en")
        let text = "Mr. Smith arrived. Sixteen people were killed! Was it a strike? Yes."
        let parts = sentences.segments(of: text).map { String(text[$0]) }
        #expect(parts == ["Mr. Smith arrived. ", "Sixteen people were killed! ", "Was it a strike? ", "Yes."])
        // Sentence segments cover the whole text.
        #expect(parts.joined() == text)
    }

    @Test func charactersAreGraphemeClusters() throws {
        let characters = try BreakIterator(kind: .character, locale: "en")
        let text = "e\u{301}🇸🇾ﾃ"
        #expect(characters.segments(of: text).map { String(text[$0]) } == ["e\u{301}", "🇸🇾", "ﾃ"])
        #expect(characters.segments(of: "").isEmpty)
    }

    @Test func reusableAcrossTexts() throws {
        let words = try BreakIterator(kind: .word, locale: "de")
        #expect(words.segments(of: "sechzehn Menschen").count == 2)
        #expect(words.segments(of: "  ").isEmpty)
        #expect(words.segments(of: String(repeating: "Wort ", count: 10_000)).count == 10_000)
    }
}
