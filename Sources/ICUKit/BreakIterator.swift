internal import CICU

/// Text segmentation (`ubrk`): sentences, words or grapheme clusters by the rules of a locale.
///
/// ```swift
/// let words = try BreakIterator(kind: .word, locale: "fr")
/// let text = "Seize civils tués à Alep."
/// words.segments(of: text).map { text[$0] }   // ["Seize", "civils", "tués", "à", "Alep"]
/// ```
///
/// Not Sendable: a `UBreakIterator` holds the text and a position (ubrk.h), so each worker needs its own.
public final class BreakIterator {
    /// What to segment into.
    public enum Kind: Sendable {
        /// Sentences (UBRK_SENTENCE), with CLDR's abbreviation suppressions ("Mr.", "U.S.") unless the locale id
        /// says otherwise (`@ss=none`).
        case sentence
        /// Words (UBRK_WORD); spaces and punctuation between them are dropped.
        case word
        /// User-perceived characters (UBRK_CHARACTER, extended grapheme clusters).
        case character
    }

    private let handle: OpaquePointer
    /// The kind of segments produced.
    public let kind: Kind
    /// The locale whose rules are used.
    public let locale: String

    /// Opens an iterator for `kind` in `locale`.
    public init(kind: Kind, locale: String) throws(ICUError) {
        self.kind = kind
        self.locale = locale
        let type: Int32 = switch kind {
        case .character: 0
        case .word: 1
        case .sentence: 3
        }
        var id = locale
        if kind == .sentence && !locale.contains("ss=") {
            // CLDR's sentence-break suppressions keep "Mr. Smith" and "U.S. forces" in one sentence.
            id += locale.contains("@") ? ";ss=standard" : "@ss=standard"
        }
        var status: Int32 = 0
        let operation = "opening \(kind) break iterator for '\(locale)'"
        let handle = try withLocale(id, operation) { cicu_break_open(type, $0, &status) }
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: operation)
        }
        self.handle = handle
    }

    deinit { cicu_break_close(handle) }

    /// Sentences / graphemes: all segments. Words: only word-like segments (rule status != UBRK_WORD_NONE), so
    /// words, numbers, kana and ideographs, but not spaces or punctuation.
    public func segments(of text: String) -> [Range<String.Index>] {
        if text.isEmpty { return [] }
        let units = Array(text.utf16)
        var capacity = units.count + 2
        var boundaries: [Int32] = []
        var statuses: [Int32] = []
        for _ in 0..<2 {
            boundaries = [Int32](repeating: 0, count: capacity)
            statuses = [Int32](repeating: 0, count: capacity)
            var status: Int32 = 0
            let count = units.withUnsafeBufferPointer { source in
                boundaries.withUnsafeMutableBufferPointer { b in
                    statuses.withUnsafeMutableBufferPointer { s in
                        Int(cicu_break_boundaries(handle, source.baseAddress!, Int32(source.count),
                                                  b.baseAddress!, s.baseAddress!, Int32(capacity), &status))
                    }
                }
            }
            if status.isICUSuccess && count <= capacity {
                boundaries.removeSubrange(count...)
                break
            }
            if status != bufferOverflowCode { return [] }  // cannot happen for valid UTF-16 input
            capacity = count
        }
        // Boundaries ascend, so walking the UTF-16 view once maps them all to String indices.
        var result: [Range<String.Index>] = []
        var index = text.utf16.startIndex
        var offset = 0
        for i in boundaries.indices.dropFirst() {
            let start = index
            let end = text.utf16.index(index, offsetBy: Int(boundaries[i]) - offset)
            offset = Int(boundaries[i])
            index = end
            if kind == .word && statuses[i] < 100 { continue }  // UBRK_WORD_NONE_LIMIT
            result.append(start..<end)
        }
        return result
    }
}
