internal import CICU

/// Locale-sensitive string comparison (`ucol`): sort place names the way readers of a language expect.
///
/// ```swift
/// let french = try Collator(locale: "fr")
/// french.sorted(["Zarzour", "Édleb", "Alep"])   // ["Alep", "Édleb", "Zarzour"]
/// ```
///
/// Sendable notes: ucol.h documents `ucol_strcoll` and `ucol_getSortKey` as taking a `const UCollator *`, and ICU's
/// rule is that const functions are thread safe. The strength is set in `init` only (the one mutating call,
/// `ucol_setStrength`), so one instance can be shared by all workers.
public final class Collator: @unchecked Sendable {
    /// Which differences count.
    public enum Strength: Sendable {
        /// Base letters only: "a" = "á" = "A".
        case primary
        /// Base letters and accents: "a" = "A" ≠ "á".
        case secondary
        /// Letters, accents and case.
        case tertiary
    }

    private let handle: OpaquePointer
    /// The locale the collator was opened for.
    public let locale: String
    /// The strength it compares with.
    public let strength: Strength

    /// Opens a collator for an ICU locale id ("fr", "ar", "tr", "de@collation=phonebook").
    /// An unknown locale falls back to ICU's root order (a warning, not an error).
    public init(locale: String, strength: Strength = .tertiary) throws(ICUError) {
        self.locale = locale
        self.strength = strength
        let level: Int32 = switch strength {
        case .primary: 0
        case .secondary: 1
        case .tertiary: 2
        }
        var status: Int32 = 0
        let operation = "opening collator for '\(locale)'"
        let handle = try withLocale(locale, operation) { cicu_collator_open($0, level, &status) }
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: operation)
        }
        self.handle = handle
    }

    deinit { cicu_collator_close(handle) }

    private struct Configuration: Hashable, Sendable {
        var locale: String
        var strength: Strength
    }

    private static let cache = HandleCache<Configuration, Collator>()

    /// The shared collator for `locale` and `strength`, opened on first use (opening costs far more than comparing).
    public static func shared(locale: String, strength: Strength = .tertiary) throws(ICUError) -> Collator {
        try cache.value(for: Configuration(locale: locale, strength: strength)) { () throws(ICUError) -> Collator in
            try Collator(locale: locale, strength: strength)
        }
    }

    /// -1 when `a` sorts before `b`, 0 when they are equal at this strength, 1 otherwise.
    public func compare(_ a: String, _ b: String) -> Int {
        withUTF16(a) { aUnits, aLength in
            withUTF16(b) { bUnits, bLength in
                Int(cicu_collator_compare(handle, aUnits, aLength, bUnits, bLength))
            }
        }
    }

    /// The binary sort key (without ICU's terminating zero byte): comparing keys byte by byte gives the same order
    /// as ``compare(_:_:)``. Compute keys once when sorting or indexing many strings.
    public func sortKey(_ text: String) -> [UInt8] {
        withUTF16(text) { units, length in
            var capacity = Int(length) * 4 + 16
            for _ in 0..<2 {
                var key = [UInt8](repeating: 0, count: capacity)
                let needed = key.withUnsafeMutableBufferPointer {
                    Int(cicu_collator_sort_key(handle, units, length, $0.baseAddress, Int32(capacity)))
                }
                if needed <= capacity {
                    key.removeSubrange(max(needed - 1, 0)...)
                    return key
                }
                capacity = needed
            }
            return []  // unreachable: the second call has the size ICU asked for
        }
    }

    /// `items` in this collator's order. Strings equal at this strength keep a deterministic order (by code
    /// points), so the output never depends on the input order.
    public func sorted(_ items: [String]) -> [String] {
        let keyed = items.map { (key: sortKey($0), text: $0) }
        return keyed.sorted { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key.lexicographicallyPrecedes(rhs.key) }
            return lhs.text.unicodeScalars.lexicographicallyPrecedes(rhs.text.unicodeScalars)
        }.map(\.text)
    }
}
