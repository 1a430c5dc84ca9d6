internal import CICU

/// A Unicode normalization form, backed by ICU's `unorm2` singletons.
///
/// ```swift
/// try Normalizer.nfkcCasefold.normalize("İdlib")   // "i̇dlib"
/// ```
///
/// Sendable notes: the `unorm2_get*Instance` objects belong to ICU, are never closed, and `unorm2` functions take
/// a `const UNormalizer2 *` (unorm2.h), so one value can be used from any thread. This type stores only the form.
public struct Normalizer: Sendable, Hashable {
    enum Form: Int32, Sendable, Hashable {
        case nfc = 0, nfd = 1, nfkc = 2, nfkcCasefold = 3
    }

    let form: Form

    /// Canonical composition.
    public static let nfc = Normalizer(form: .nfc)
    /// Canonical decomposition.
    public static let nfd = Normalizer(form: .nfd)
    /// Compatibility composition ("ﬁ" → "fi", "ｱ" → "ア").
    public static let nfkc = Normalizer(form: .nfkc)
    /// NFKC with case folding and removal of default ignorables: the form for comparison keys.
    public static let nfkcCasefold = Normalizer(form: .nfkcCasefold)

    /// Returns `text` in this form. ASCII text of the composed and decomposed forms is returned as is.
    public func normalize(_ text: String) throws(ICUError) -> String {
        if text.isASCII {
            // ASCII is invariant under NFC, NFD and NFKC; case folding of ASCII is plain lowercasing.
            guard form == .nfkcCasefold else { return text }
            guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        let form = self.form
        return try withCheckedUTF16(text, "normalizing to \(form)") { (source, length) throws(ICUError) -> String in
            let guess = Int(length) + Int(length) / 2 + 8
            return try fillUTF16(capacity: guess, "normalizing to \(form)") { dest, capacity, status in
                cicu_normalizer_normalize(form.rawValue, source, length, dest, capacity, &status)
            }
        }
    }

    /// Whether `text` is already in this form (no allocation for the answer "yes" on ASCII).
    public func isNormalized(_ text: String) throws(ICUError) -> Bool {
        if text.isASCII {
            return form != .nfkcCasefold || !text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
        }
        let form = self.form
        return try withCheckedUTF16(text, "checking normalization to \(form)") {
            (source, length) throws(ICUError) -> Bool in
            var status: Int32 = 0
            let result = cicu_normalizer_is_normalized(form.rawValue, source, length, &status)
            try status.checkICU("checking normalization to \(form)")
            return result != 0
        }
    }
}
