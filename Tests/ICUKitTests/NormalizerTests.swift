import ICUKit
import Testing

@Suite struct NormalizerTests {
    @Test func casefoldFoldsTurkishDottedCapitalAndModifierLetters() throws {
        // İ (U+0130) folds to i + combining dot above; ʿ (U+02BF) is a letter and is kept.
        #expect(try Normalizer.nfkcCasefold.normalize("İdlib") == "i\u{307}dlib")
        #expect(try Normalizer.nfkcCasefold.normalize("Maʿarrat") == "maʿarrat")
        #expect(try Normalizer.nfkcCasefold.normalize("STRAẞE") == "strasse")
        #expect(try Normalizer.nfkcCasefold.normalize("ALEPPO") == "aleppo")
    }

    @Test func compatibilityFormsFoldWidthAndLigatures() throws {
        #expect(try Normalizer.nfkc.normalize("ﾃｽﾄ") == "テスト")
        #expect(try Normalizer.nfkc.normalize("ﬁle") == "file")
        // Arabic presentation forms (as pasted from old PDFs) become ordinary letters.
        #expect(try Normalizer.nfkc.normalize("\u{FEE3}\u{FECC}\u{FEAE}\u{FE8E}") == "معرا")
    }

    @Test func composeAndDecompose() throws {
        let decomposed = "Re\u{301}my"
        #expect(try Normalizer.nfc.normalize(decomposed).unicodeScalars.count == 4)
        #expect(try Normalizer.nfd.normalize("Rémy").unicodeScalars.count == 5)
        #expect(try Normalizer.nfc.isNormalized("Rémy"))
        #expect(try !Normalizer.nfc.isNormalized(decomposed))
        #expect(try !Normalizer.nfkcCasefold.isNormalized("Idlib"))
        #expect(try Normalizer.nfkcCasefold.isNormalized("idlib"))
        #expect(try Normalizer.nfc.normalize("") == "")
    }

    @Test func longTextSurvivesTheBufferRetry() throws {
        // Decomposition makes the text longer than the first buffer guess; the retry must keep every unit.
        let text = String(repeating: "ǖ", count: 5_000)
        let nfd = try Normalizer.nfd.normalize(text)
        #expect(nfd.unicodeScalars.count == 15_000)
        #expect(try Normalizer.nfc.normalize(nfd) == text)
    }
}
