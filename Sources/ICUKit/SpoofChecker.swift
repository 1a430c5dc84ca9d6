internal import CICU

/// Confusable detection from Unicode TR 39 (`uspoof`): the skeleton of a string, and whether two strings look
/// alike ("Ηarvest" with a Greek Eta vs "Harvest").
///
/// Sendable notes: uspoof.h says "The test functions for checking a single identifier, or for testing whether two
/// identifiers are possible confusable, are thread safe." The checker is configured in `init` only (checks:
/// `USPOOF_CONFUSABLE`) and afterwards used through `const USpoofChecker *` calls alone.
public final class SpoofChecker: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Opens a checker for confusables.
    public init() throws(ICUError) {
        var status: Int32 = 0
        let handle = cicu_spoof_open(&status)
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: "opening spoof checker")
        }
        self.handle = handle
    }

    deinit { cicu_spoof_close(handle) }

    private static let cache = HandleCache<Int, SpoofChecker>(limit: 1)

    /// One checker for the whole process, opened on first use.
    public static func shared() throws(ICUError) -> SpoofChecker {
        try cache.value(for: 0) { () throws(ICUError) -> SpoofChecker in try SpoofChecker() }
    }

    /// The TR 39 skeleton: two strings are confusable when their skeletons are equal. Skeletons are keys for
    /// comparison only, not text for people (they are NFD and may mix scripts).
    public func skeleton(_ text: String) throws(ICUError) -> String {
        if text.isEmpty { return text }
        let handle = self.handle
        return try withCheckedUTF16(text, "computing confusable skeleton") {
            (source, length) throws(ICUError) -> String in
            try fillUTF16(capacity: Int(length) * 2 + 8, "computing confusable skeleton") { dest, capacity, status in
                cicu_spoof_skeleton(handle, source, length, dest, capacity, &status)
            }
        }
    }

    /// Whether `a` and `b` could be mistaken for each other (single-, mixed- or whole-script confusables).
    public func areConfusable(_ a: String, _ b: String) throws(ICUError) -> Bool {
        let handle = self.handle
        return try withUTF16(a) { (aUnits, aLength) throws(ICUError) -> Bool in
            try withUTF16(b) { (bUnits, bLength) throws(ICUError) -> Bool in
                var status: Int32 = 0
                let result = cicu_spoof_are_confusable(handle, aUnits, aLength, bUnits, bLength, &status)
                try status.checkICU("comparing strings for confusables")
                return result != 0
            }
        }
    }
}
