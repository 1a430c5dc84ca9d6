internal import CICU

/// Month and weekday names of a locale, from CLDR through `udat_getSymbols`: use these instead of hand-written
/// month lists.
///
/// ```swift
/// try DateSymbols(locale: "ar_SY").months[10]   // "تشرين الثاني"
/// try DateSymbols(locale: "fr").weekdays[0]     // "lundi"
/// ```
///
/// The symbols are those of the Gregorian calendar: unless the locale id names a calendar (`@calendar=…`), one is
/// added, because some locales default to another one (e.g. "ar_SA" to islamic-umalqura) and press releases date
/// events in the Gregorian calendar.
public struct DateSymbols: Sendable, Hashable {
    /// The locale id the symbols were read for, as given.
    public let locale: String
    /// 12 wide format names, January first ("ar_SY": كانون الثاني, شباط, ...).
    public let months: [String]
    /// 12 wide stand-alone names (differ from `months` in e.g. Slavic languages; "ar": same).
    public let standaloneMonths: [String]
    /// 12 abbreviated format names.
    public let shortMonths: [String]
    /// 7 wide format names, Monday first (ISO 8601 order).
    public let weekdays: [String]
    /// 7 abbreviated format names, Monday first.
    public let shortWeekdays: [String]

    /// Reads the symbols of `locale` ("en", "ar_SY", "fr", "tr" ...).
    public init(locale: String) throws(ICUError) {
        self.locale = locale
        var id = locale
        if !locale.contains("calendar=") {
            id += locale.contains("@") ? ";calendar=gregorian" : "@calendar=gregorian"
        }
        var status: Int32 = 0
        let operation = "opening date symbols for '\(locale)'"
        let handle = try withLocale(id, operation) { cicu_date_open($0, &status) }
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: operation)
        }
        defer { cicu_date_close(handle) }

        func symbols(_ kind: Int32, _ indices: [Int32]) throws(ICUError) -> [String] {
            var result: [String] = []
            for index in indices {
                result.append(try fillUTF16(capacity: 32, operation) { dest, capacity, status in
                    cicu_date_symbol(handle, kind, index, dest, capacity, &status)
                })
            }
            return result
        }
        let monthIndices = Array(Int32(0)..<12)
        let mondayFirst: [Int32] = [2, 3, 4, 5, 6, 7, 1]  // ICU numbers weekdays 1 = Sunday ... 7 = Saturday
        months = try symbols(0, monthIndices)
        standaloneMonths = try symbols(1, monthIndices)
        shortMonths = try symbols(2, monthIndices)
        weekdays = try symbols(3, mondayFirst)
        shortWeekdays = try symbols(4, mondayFirst)
    }
}
