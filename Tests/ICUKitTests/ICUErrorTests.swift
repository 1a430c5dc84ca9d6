import ICUKit
import Testing

@Suite struct ICUErrorTests {
    @Test func namesAndDescription() {
        let error = ICUError(code: 1, operation: "testing")
        #expect(error.name == "U_ILLEGAL_ARGUMENT_ERROR")
        #expect(error.description == "U_ILLEGAL_ARGUMENT_ERROR (testing)")
        #expect(ICUError(code: 15, operation: "x").name == "U_BUFFER_OVERFLOW_ERROR")
        #expect(error == ICUError(code: 1, operation: "testing"))
        #expect(error != ICUError(code: 1, operation: "other"))
    }

    @Test func localeWithNULIsRejected() {
        let error = #expect(throws: ICUError.self) { try Collator(locale: "fr\u{0}de") }
        #expect(error?.name == "U_ILLEGAL_ARGUMENT_ERROR")
    }

    @Test func unknownLocaleFallsBackInsteadOfThrowing() throws {
        // ICU answers an unknown locale with root data and a warning; warnings are success.
        #expect(try PluralRules(locale: "xx_YY").category(for: 1) == "other")
    }

    @Test func unpairedSurrogatesDoNotCrash() throws {
        // Swift strings are valid Unicode; a lone surrogate from bad input arrives as U+FFFD and passes through.
        let text = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62] as [UInt8], as: UTF8.self)
        #expect(try Normalizer.nfc.normalize(text).unicodeScalars.contains("\u{FFFD}"))
        #expect(try Transliterator(id: "Latin-ASCII").transliterate(text).hasPrefix("a"))
    }
}
