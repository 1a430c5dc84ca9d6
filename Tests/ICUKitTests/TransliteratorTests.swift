import ICUKit
import Testing

@Suite struct TransliteratorTests {
    @Test func arabicToASCII() throws {
        let t = try Transliterator(id: "Any-Latin; Latin-ASCII")
        // ICU 72 writes ع as U+02BF (modifier letter left half ring), which Latin-ASCII leaves alone: callers that
        // need pure ASCII fold it with their own rules (see customRules).
        #expect(try t.transliterate("معرشورين") == "m\u{2BF}rshwryn")
        #expect(try t.transliterate("إدلب") == "adlb")
    }

    @Test func lowerAndStripDiacritics() throws {
        let t = try Transliterator(id: "Any-Latin; Latin-ASCII; Lower")
        #expect(try t.transliterate("Maʿarrat al-Nuʿmān") == "ma\u{2BF}arrat al-nu\u{2BF}man")
        #expect(try t.transliterate("Şanlıurfa Köln") == "sanliurfa koln")
        #expect(try t.transliterate("") == "")
    }

    @Test func customRules() throws {
        let t = try Transliterator(id: "Test-Alef", rules: "[أإآٱ] > ا ; ة > ه ;")
        #expect(try t.transliterate("إدلب المدينة") == "ادلب المدينه")
    }

    @Test func compoundRulesWithGlobalFilters() throws {
        // The shape of a rule file under Locales/translit: normalization steps around our own rules, comments.
        let rules = #"""
        # Arabic name key: strip harakat, fold letter variants, then Latin.
        :: NFD ;
        :: [\u064B-\u0652\u0670] Remove ;
        :: NFC ;
        [أإآٱ] > ا ;
        ة > ه ;
        :: Arabic-Latin ;
        :: Latin-ASCII ;
        """#
        let t = try Transliterator(id: "Gazette-ArabicKey", rules: rules)
        #expect(try t.transliterate("مَعَرَّة") == t.transliterate("معره"))
        #expect(try t.transliterate("إدلب") == t.transliterate("ادلب"))
        #expect(try t.transliterate("إدلب").utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func growthBeyondTheFirstBufferGuess() throws {
        // Each Han character becomes several Latin letters: the output is far longer than twice the input.
        let t = try Transliterator(id: "Han-Latin")
        let out = try t.transliterate(String(repeating: "爨", count: 400))
        #expect(out.count > 1_600)
    }

    @Test func cloneWorksIndependently() throws {
        let t = try Transliterator(id: "Latin-ASCII")
        let copy = try t.clone()
        #expect(try copy.transliterate("Hélène") == "Helene")
        #expect(copy.id == "Latin-ASCII")
    }

    @Test func invalidIdThrowsWithCodeName() throws {
        let error = #expect(throws: ICUError.self) { try Transliterator(id: "No-Such-Transform") }
        #expect(error?.name == "U_INVALID_ID")
        #expect(error?.operation.contains("No-Such-Transform") == true)
        #expect(error.map { String(describing: $0) }?.hasPrefix("U_INVALID_ID") == true)
    }

    @Test func badRulesThrowWithPosition() throws {
        let error = #expect(throws: ICUError.self) { try Transliterator(id: "Bad", rules: "a > ;\nb > > c ;") }
        #expect(error?.code ?? 0 > 0)
        #expect(error?.operation.contains("line") == true)
    }
}
