internal import CICU

/// CLDR plural categories (`upluralrules`), for choosing the right form of "1 person killed" / "3 people".
///
/// ```swift
/// try PluralRules(locale: "ar").category(for: 3)    // "few"
/// ```
///
/// Sendable notes: upluralrules.h declares `uplrules_select` on a `const UPluralRules *`, and const ICU functions
/// are thread safe; nothing mutates the rules after `init`.
public final class PluralRules: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The locale of the rules.
    public let locale: String

    /// Opens the cardinal plural rules of `locale`.
    public init(locale: String) throws(ICUError) {
        self.locale = locale
        var status: Int32 = 0
        let operation = "opening plural rules for '\(locale)'"
        let handle = try withLocale(locale, operation) { cicu_plural_open($0, &status) }
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: operation)
        }
        self.handle = handle
    }

    deinit { cicu_plural_close(handle) }

    private static let cache = HandleCache<String, PluralRules>()

    /// The shared rules of `locale`, opened on first use.
    public static func shared(locale: String) throws(ICUError) -> PluralRules {
        try cache.value(for: locale) { () throws(ICUError) -> PluralRules in try PluralRules(locale: locale) }
    }

    /// "zero", "one", "two", "few", "many" or "other" ("other" if ICU fails, which it does not for integers).
    public func category(for number: Int) -> String {
        let handle = self.handle
        let result = try? fillUTF16(capacity: 16, "selecting plural category") { dest, capacity, status in
            cicu_plural_select(handle, Double(number), dest, capacity, &status)
        }
        return result ?? "other"
    }
}
