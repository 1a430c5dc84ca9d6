import ICUKit
import Testing

@Suite struct CollatorTests {
    @Test func frenchOrderIgnoresAccentsAtFirstLevel() throws {
        let french = try Collator(locale: "fr")
        #expect(french.sorted(["Zarzour", "Édleb", "Alep", "Damas", "éducation"])
            == ["Alep", "Damas", "Édleb", "éducation", "Zarzour"])
        #expect(french.compare("Édleb", "Zarzour") == -1)
        #expect(french.compare("Zarzour", "Édleb") == 1)
    }

    @Test func arabicOrderFollowsTheAlphabetNotCodePoints() throws {
        let arabic = try Collator(locale: "ar")
        // Code point order would put ي (U+064A) after ه (U+0647) and آ (U+0622) first; the alphabet agrees here,
        // but Latin names sort before Arabic ones in "ar" as in root, while Arabic letters follow ا ب ت ... ي.
        let names = ["يبرود", "حلب", "إدلب", "دمشق", "بنش", "تفتناز"]
        #expect(arabic.sorted(names) == ["إدلب", "بنش", "تفتناز", "حلب", "دمشق", "يبرود"])
    }

    @Test func turkishDotlessIOrdersBeforeI() throws {
        let turkish = try Collator(locale: "tr")
        let root = try Collator(locale: "en")
        // Turkish: ı < i as separate letters; English treats them as variants of i ordered after "h".
        #expect(turkish.compare("ılgın", "ihsan") == -1)
        #expect(turkish.sorted(["Çorum", "Zonguldak", "Cizre"]) == ["Cizre", "Çorum", "Zonguldak"])
        #expect(root.sorted(["Çorum", "Zonguldak", "Cizre"]) == ["Cizre", "Çorum", "Zonguldak"])
        #expect(turkish.sorted(["Şanlıurfa", "Sinop", "Tokat"]) == ["Sinop", "Şanlıurfa", "Tokat"])
    }

    @Test func strengthDecidesWhatIsEqual() throws {
        let primary = try Collator(locale: "fr", strength: .primary)
        let secondary = try Collator(locale: "fr", strength: .secondary)
        let tertiary = try Collator(locale: "fr")
        #expect(primary.compare("Édleb", "edleb") == 0)
        #expect(secondary.compare("Édleb", "edleb") != 0)
        #expect(secondary.compare("EDLEB", "edleb") == 0)
        #expect(tertiary.compare("EDLEB", "edleb") != 0)
    }

    @Test func sortKeysAgreeWithCompare() throws {
        let german = try Collator(locale: "de")
        let words = ["Äpfel", "Apfel", "Zucker", "Öl", "ober", "Straße", "Strasse", ""]
        for a in words {
            for b in words {
                let byKey = german.sortKey(a).lexicographicallyPrecedes(german.sortKey(b)) ? -1
                    : german.sortKey(a) == german.sortKey(b) ? 0 : 1
                #expect(byKey == german.compare(a, b), "\(a) vs \(b)")
            }
        }
        #expect(german.sortKey("").isEmpty == false || german.compare("", "a") == -1)
    }

    @Test func sortedIsDeterministicForTies() throws {
        let primary = try Collator(locale: "en", strength: .primary)
        #expect(primary.sorted(["b", "A", "a"]) == primary.sorted(["a", "b", "A"]))
        #expect(primary.sorted(["b", "A", "a"]) == ["A", "a", "b"])
    }

    @Test func longTextSortKeyNeedsTheRetry() throws {
        let collator = try Collator(locale: "ar")
        let long = String(repeating: "حلب ", count: 2_000)
        #expect(collator.sortKey(long).count > 8_000)
        #expect(collator.compare(long, long + "ا") == -1)
    }
}
