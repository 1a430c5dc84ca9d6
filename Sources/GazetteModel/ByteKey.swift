/// A string as a dictionary key, hashed and compared by its UTF-8 bytes.
///
/// `String`'s own hashing and equality follow canonical equivalence, which costs a normalization check of every
/// non-ASCII key: most of the cost of a `[String: …]` look-up with an Arabic or accented key. Use it where the
/// strings compared come from the same folding (the keys of Toponyms' `NameKey`, Extraction's folded words: both
/// NFKC case-fold first, so canonically equivalent spellings have the same bytes), or as a memo of raw text, where
/// two spellings equal only canonically are merely two entries with the same answer.
public struct ByteKey: Hashable, Sendable {
    public let text: String

    @inlinable
    public init(text: String) {
        self.text = text
    }

    @inlinable
    public static func == (a: ByteKey, b: ByteKey) -> Bool {
        let fast: Bool? = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && x.elementsEqual(y) }
        } ?? nil
        return fast ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if done == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
