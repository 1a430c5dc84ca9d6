import Foundation
import ICUKit

/// Arabic names in the Latin letters of the press, by the ICU transform rules in
/// `Locales/translit/ar-Latn-press.txt`: a display form for names that have no gazetteer entry.
struct ArabicRomanizer {
    let transliterator: Transliterator

    static func load() throws -> ArabicRomanizer {
        let url = try Resources.locate().locales.appendingPathComponent("translit/ar-Latn-press.txt")
        return try Files.parse(url) { rules in
            ArabicRomanizer(transliterator: try Transliterator(id: "Gazette-ar-Latn-press", rules: rules))
        }
    }

    /// `name` romanized when it is written in Arabic script; any other name as it is.
    func romanize(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) else { return name }
        return (try? transliterator.transliterate(name)) ?? name
    }
}
