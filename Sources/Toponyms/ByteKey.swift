/// A string hashed and compared by its UTF-8 bytes, as a dictionary key.
///
/// `String`'s own hashing and equality follow canonical equivalence, which costs a normalization check of every
/// non-ASCII key: a fifth of building the matcher's index and a few percent of each query, most of it on Arabic
/// names. The keys the matcher looks up are made by ``NameKey`` (NFKC case-folded), so names that are canonically
/// equal give the same bytes; in its caches of raw input, two spellings equal only canonically are two entries with
/// the same answer.
struct ByteKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        let fast: Bool? = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && x.elementsEqual(y) }
        } ?? nil
        return fast ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if done == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
