internal import CICU

/// Integers written the way a locale writes them (`unumf`): grouping and native digits.
///
/// ```swift
/// try NumberFormatter(locale: "ar").format(16)     // "١٦"
/// try NumberFormatter(locale: "en").format(1234)   // "1,234"
/// ```
///
/// Sendable notes: unumberformatter.h says a UNumberFormatter "can be shared between threads. Each thread should
/// have its own local UFormattedNumber"; the shim opens and closes that result inside each call.
public final class NumberFormatter: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The locale numbers are formatted for.
    public let locale: String

    /// Opens a formatter with the locale's default number style (use "ar@numbers=latn" for Latin digits).
    public init(locale: String) throws(ICUError) {
        self.locale = locale
        var status: Int32 = 0
        let operation = "opening number formatter for '\(locale)'"
        let handle = try withLocale(locale, operation) { cicu_number_open($0, &status) }
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: operation)
        }
        self.handle = handle
    }

    deinit { cicu_number_close(handle) }

    private static let cache = HandleCache<String, NumberFormatter>()

    /// The shared formatter of `locale`, opened on first use.
    public static func shared(locale: String) throws(ICUError) -> NumberFormatter {
        try cache.value(for: locale) { () throws(ICUError) -> NumberFormatter in try NumberFormatter(locale: locale) }
    }

    /// `number` in the locale's digits and grouping (falls back to ASCII digits if ICU fails, which it does not for
    /// integers).
    public func format(_ number: Int) -> String {
        let handle = self.handle
        let result = try? fillUTF16(capacity: 32, "formatting a number") { dest, capacity, status in
            cicu_number_format(handle, Int64(number), dest, capacity, &status)
        }
        return result ?? String(number)
    }
}
