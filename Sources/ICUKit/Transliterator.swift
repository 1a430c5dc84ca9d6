internal import CICU

/// A compiled ICU transform (`utrans`): a system id such as "Any-Latin; Latin-ASCII; Lower", or rules of our own.
///
/// ```swift
/// let toASCII = try Transliterator(id: "Any-Latin; Latin-ASCII")
/// try toASCII.transliterate("معرشورين")   // "m'rshwryn"
/// ```
///
/// Not Sendable: translit.h says "Transliterators are not immutable, so they must be synchronized when shared
/// between threads." Make one per worker (``clone()`` is cheap: about 2 µs, against 23 ms for the first open of a
/// compound id). ICU 72's rule-based transforms also take a process-wide lock, so transliteration does not get
/// faster with more threads: memoize results per distinct string instead.
public final class Transliterator {
    private let handle: OpaquePointer
    /// The id the transform was opened with.
    public let id: String

    /// Opens a system transform by id, e.g. "Any-Latin; Latin-ASCII; Lower" or "NFD; [:Mn:] Remove; NFC".
    public init(id: String) throws(ICUError) {
        self.id = id
        handle = try Self.open(id: id, rules: nil)
    }

    /// Compiles transform `rules` (ICU transform rule syntax, e.g. a file under `Locales/translit`) and names the
    /// result `id`. A syntax error throws `U_RULE_…` / `U_MALFORMED_…` codes with the line and offset.
    public init(id: String, rules: String) throws(ICUError) {
        self.id = id
        handle = try Self.open(id: id, rules: rules)
    }

    private init(id: String, handle: OpaquePointer) {
        self.id = id
        self.handle = handle
    }

    deinit { cicu_transliterator_close(handle) }

    private static func open(id: String, rules: String?) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let handle = withUTF16(id) { idUnits, idLength in
            if let rules {
                return withUTF16(rules) { ruleUnits, rulesLength in
                    cicu_transliterator_open(idUnits, idLength, ruleUnits, rulesLength, &line, &offset, &status)
                }
            }
            return cicu_transliterator_open(idUnits, idLength, nil, 0, &line, &offset, &status)
        }
        guard let handle, status.isICUSuccess else {
            let what = rules == nil
                ? "opening transliterator '\(id)'"
                : "compiling transliterator rules '\(id)' (line \(line), offset \(offset))"
            throw ICUError(code: status.isICUSuccess ? 5 : status, operation: what)  // 5: U_MISSING_RESOURCE_ERROR
        }
        return handle
    }

    /// A separate transform with the same rules, for another worker.
    public func clone() throws(ICUError) -> Transliterator {
        var status: Int32 = 0
        let copy = cicu_transliterator_clone(handle, &status)
        guard let copy, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: "cloning transliterator '\(id)'")
        }
        return Transliterator(id: id, handle: copy)
    }

    /// Applies the transform to all of `text`.
    public func transliterate(_ text: String) throws(ICUError) -> String {
        if text.isEmpty { return text }
        let handle = self.handle
        let id = self.id
        return try withCheckedUTF16(text, "transliterating with '\(id)'") {
            (source, length) throws(ICUError) -> String in
            try fillUTF16(capacity: Int(length) * 2 + 16, "transliterating with '\(id)'") { dest, capacity, status in
                cicu_transliterator_transliterate(handle, source, length, dest, capacity, &status)
            }
        }
    }
}
