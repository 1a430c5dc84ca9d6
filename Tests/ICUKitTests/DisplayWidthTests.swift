import ICUKit
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("Aleppo", 6), ("ﾃｽﾄ", 3), ("テスト", 6), ("日本", 4), ("e\u{301}", 1), ("é", 1),
        ("حلب", 3), ("\u{2067}حلب\u{2069}", 3), ("\u{2068}إدلب\u{2069} 16", 7), ("مَعَرَّة", 4),
        ("a\u{200B}b", 2), ("\u{200F}", 0), ("İdlib", 5), ("👍", 2), ("🇸🇾", 2), ("❤\u{FE0F}", 2), ("\t", 0),
        ("Ｓｙｒｉａ", 10), ("한국", 4),
    ])
    func columns(_ example: (String, Int)) {
        #expect(DisplayWidth.of(example.0) == example.1, "\(example.0.unicodeScalars.map { $0.value })")
    }

    @Test func combiningSequencesInArabicAndLatin() {
        // Harakat are nonspacing marks; NFD Latin accents too.
        let nfd = "Ma\u{2BF}arrat al-Nu\u{2BF}ma\u{304}n"
        #expect(DisplayWidth.of(nfd) == 18)
        #expect(DisplayWidth.of("ٱلرَّقَّة") == 5)
    }
}
