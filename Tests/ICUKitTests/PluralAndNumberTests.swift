import ICUKit
import Testing

@Suite struct PluralRulesTests {
    @Test(arguments: [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (10, "few"), (11, "many"), (99, "many"),
                      (100, "other"), (102, "other"), (103, "few")])
    func arabicHasSixCategories(_ example: (Int, String)) throws {
        #expect(try PluralRules(locale: "ar").category(for: example.0) == example.1)
    }

    @Test func otherLocales() throws {
        let english = try PluralRules(locale: "en")
        #expect(english.category(for: 1) == "one")
        #expect(english.category(for: 0) == "other")
        let french = try PluralRules(locale: "fr")
        #expect(french.category(for: 0) == "one")  // French: 0 and 1 are singular
        #expect(french.category(for: 2) == "other")
        #expect(try PluralRules(locale: "tr").category(for: 5) == "other")
    }
}

@Suite struct NumberFormatterTests {
    @Test func arabicUsesArabicIndicDigits() throws {
        let arabic = try NumberFormatter(locale: "ar")
        #expect(arabic.format(16) == "١٦")
        #expect(arabic.format(0) == "٠")
        #expect(arabic.format(1234) == "١٬٢٣٤")
        #expect(arabic.format(-3) == "\u{61C}-٣")
    }

    @Test func groupingPerLocale() throws {
        #expect(try NumberFormatter(locale: "en").format(1234) == "1,234")
        #expect(try NumberFormatter(locale: "de").format(1234567) == "1.234.567")
        #expect(try NumberFormatter(locale: "fr").format(1234) == "1\u{202F}234")
        #expect(try NumberFormatter(locale: "ar@numbers=latn").format(16) == "16")
        #expect(try NumberFormatter(locale: "en").format(Int.max) == "9,223,372,036,854,775,807")
    }
}
