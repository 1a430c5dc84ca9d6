import Foundation
import ICUKit
import Testing

/// The transform rules Gazette ships in `Locales/translit/`, compiled by ICU and run on real names.
@Suite struct RuleFileTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Locales/translit/ar-Latn-press.txt")

    static func romanizer() throws -> Transliterator {
        try Transliterator(id: "Gazette-ar-Latn-press", rules: try String(contentsOf: file, encoding: .utf8))
    }

    @Test(arguments: [
        ("الأتارب", "Al-Atarb"),
        ("خان شيخون", "Khan Shikhoun"),
        ("دير الزور", "Dir Al-Zour"),
        ("سراقب", "Sraqb"),
        ("وادي بردى", "Wadi Brda"),
        ("مَعَرَّة", "Mʿra"),
    ])
    func romanizesArabicPlaceNames(arabic: String, latin: String) throws {
        #expect(try Self.romanizer().transliterate(arabic) == latin)
    }

    @Test func leavesNoArabicLetterAndKeepsLatinText() throws {
        let t = try Self.romanizer()
        let out = try t.transliterate("قصف على بلدة معرشورين في ريف إدلب، 2017")
        #expect(!out.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(out)")
        #expect(try t.transliterate("Idlib") == "Idlib")
    }
}
