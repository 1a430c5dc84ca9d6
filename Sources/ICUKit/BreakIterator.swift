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
        var text = text
        // Native strings are UTF-8: transcoded by hand (the UTF-16 view works a scalar at a time), and the
        // boundaries mapped back by counting units along the bytes.
        let utf8 = text.withUTF8 { Array($0) }
        let units = Self.utf16(ofValidUTF8: utf8)
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
        // Boundaries ascend, so walking the bytes once maps them all to String indices (ICU breaks between
        // scalars, never inside a surrogate pair).
        var result: [Range<String.Index>] = []
        var index = text.startIndex
        var byte = 0
        var unit = 0
        for i in boundaries.indices.dropFirst() {
            let start = index
            let target = Int(boundaries[i])
            while unit < target, byte < utf8.count {
                let b = utf8[byte]
                byte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                unit += b >= 0xF0 ? 2 : 1
            }
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: byte)
            index = end
            if kind == .word && statuses[i] < 100 { continue }  // UBRK_WORD_NONE_LIMIT
            result.append(start..<end)
        }
        return result
    }

    /// The UTF-16 code units of valid UTF-8 (what a `String` holds).
    static func utf16(ofValidUTF8 bytes: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = UInt32(bytes[i])
            if b < 0x80 {
                units.append(UInt16(b))
                i += 1
            } else if b < 0xE0 {
                units.append(UInt16((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)))
                i += 2
            } else if b < 0xF0 {
                let v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                units.append(UInt16(v))
                i += 3
            } else {
                let v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F)
                let w = v - 0x10000
                units.append(UInt16(0xD800 + (w >> 10)))
                units.append(UInt16(0xDC00 + (w & 0x3FF)))
                i += 4
            }
        }
        return units
    }
}
