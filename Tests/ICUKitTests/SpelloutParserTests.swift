import ICUKit
import Testing

@Suite struct SpelloutParserTests {
    static let wholeWords: [(locale: String, text: String, value: Int)] = [
        ("en", "sixteen", 16), ("en", "Twenty-One", 21), ("en", "one hundred and five", 105), ("en", "three", 3),
        ("en", "two thousand", 2_000),
        ("fr", "seize", 16), ("fr", "vingt et un", 21), ("fr", "quatre-vingt-dix", 90), ("fr", "Trois", 3),
        ("ar", "ستة عشر", 16), ("ar", "ست عشرة", 16), ("ar", "ثلاثة", 3), ("ar", "ثلاث", 3), ("ar", "خمس", 5),
        ("ar", "واحد وعشرون", 21), ("ar", "واحد و عشرون", 21), ("ar", "ثلاثين", 30), ("ar", "اثنين", 2),
        ("ar", "مئة", 100), ("ar", "مائة", 100), ("ar", "سبعة وعشرين", 27), ("ar", "أربعة", 4), ("ar", "اربعة", 4),
        ("tr", "on altı", 16), ("tr", "yirmi bir", 21), ("tr", "üç", 3), ("tr", "on alti", 16),
        ("de", "sechzehn", 16), ("de", "einundzwanzig", 21), ("de", "drei", 3), ("de", "ein\u{AD}und\u{AD}zwanzig", 21),
        ("de", "zweitausend", 2_000), ("fr", "mille", 1_000), ("en", "three million", 3_000_000),
        // Beyond the table (0...999 and round thousands/millions): ICU's own lenient parse.
        ("en", "one thousand two hundred", 1_200), ("fr", "deux mille cinq cents", 2_500),
        ("es", "dieciséis", 16), ("es", "veintiuno", 21), ("es", "tres", 3),
        ("it", "sedici", 16), ("it", "ventuno", 21), ("it", "tre", 3),
        ("pt", "dezesseis", 16), ("pt", "vinte e um", 21), ("pt", "três", 3),
        ("pt_PT", "dezasseis", 16),
    ]

    @Test(arguments: wholeWords)
    func parsesWholeText(_ example: (locale: String, text: String, value: Int)) throws {
        let parser = try SpelloutParser(locale: example.locale)
        #expect(parser.parse(example.text) == example.value, "\(example.locale): \(example.text)")
    }

    @Test(arguments: [("en", "dozens"), ("en", "people"), ("en", "first"), ("en", "sixteen people"), ("ar", "عشرات"),
                      ("fr", ""), ("de", "   "),
                      ("en", "a hundred"), ("en", "twenty-first"),
                      ("ar", "لست"), ("ar", "استهدف"), ("ar", "الثلاثاء")])
    func rejectsWhatIsNotAWholeNumber(_ example: (locale: String, text: String)) throws {
        #expect(try SpelloutParser(locale: example.locale).parse(example.text) == nil)
    }

    @Test(arguments: [
        ("en", "sixteen people were killed", 16, " people were killed"),
        ("en", "twenty-one civilians, including", 21, " civilians, including"),
        ("fr", "seize personnes tuées", 16, " personnes tuées"),
        ("ar", "ستة عشر شخصا", 16, " شخصا"),
        ("ar", "ثلاثين مدنيا", 30, " مدنيا"),
        ("ar", "بثلاث غارات", 3, " غارات"),
        ("ar", "وخمسة أطفال", 5, " أطفال"),
        ("ar", "وعشرين جريحا", 20, " جريحا"),
        ("tr", "on altı kişi öldü", 16, " kişi öldü"),
        ("de", "sechzehn Menschen", 16, " Menschen"),
        ("es", "tres personas", 3, " personas"),
        ("en", "three. Five more", 3, ". Five more"),
    ])
    func prefixTellsWhereTheNumberEnds(_ example: (String, String, Int, String)) throws {
        let (locale, text, value, rest) = example
        let parser = try SpelloutParser(locale: locale)
        let result = try #require(parser.parsePrefix(of: text[...]))
        #expect(result.value == value)
        #expect(String(text[result.end...]) == rest)
    }

    @Test func prefixOfASubstringInTheMiddle() throws {
        let parser = try SpelloutParser(locale: "en")
        let text = "At least sixteen people"
        let start = try #require(text.firstRange(of: "sixteen")).lowerBound
        let result = try #require(parser.parsePrefix(of: text[start...]))
        #expect(result.value == 16)
        #expect(text[result.end...] == " people")
        #expect(parser.parsePrefix(of: text[...]) == nil)
    }

    /// A refused first word is remembered by its bytes: asked again, alone or at the start of other text, it is
    /// refused again; more words than the memo has room for are still answered the same way; and a number word
    /// that shares the first letters of a refused word is still read.
    @Test func refusedFirstWordsAreRefusedAgainAndNumbersStillRead() throws {
        let parser = try SpelloutParser(locale: "en")
        for round in 0..<2 {
            #expect(parser.parsePrefix(of: "people were killed"[...]) == nil, "round \(round)")
            #expect(parser.parsePrefix(of: "people"[...]) == nil, "round \(round)")
            #expect(parser.parsePrefix(of: "sixteenth-century walls"[...]) == nil, "round \(round)")
            #expect(parser.parsePrefix(of: "sixteen people"[...])?.value == 16, "round \(round)")
            #expect(parser.parsePrefix(of: "  Sixteen"[...])?.value == 16, "round \(round)")
        }
        // Many different refused words, then the first ones and numbers again.
        for n in 0..<10_000 { #expect(parser.parsePrefix(of: "word\(n) here"[...]) == nil) }
        #expect(parser.parsePrefix(of: "word0 here"[...]) == nil)
        #expect(parser.parsePrefix(of: "three hundred and two"[...])?.value == 302)
        let arabic = try SpelloutParser(locale: "ar")
        #expect(arabic.parsePrefix(of: "قتلى"[...]) == nil)
        #expect(arabic.parsePrefix(of: "قتلى"[...]) == nil)
        #expect(arabic.parsePrefix(of: "ثلاثة قتلى"[...])?.value == 3)
    }
}
