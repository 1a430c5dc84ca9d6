import Foundation

extension String {
    /// The index of the first byte `byte` of the UTF-8 text in `range` (the whole text when nil), found with
    /// `memchr` where the text is stored as contiguous UTF-8: `utf8.firstIndex(of:)` walks the view a byte at
    /// a time at some thirty instructions a byte. For an ASCII byte of a text read from bytes (always valid
    /// UTF-8) the index is on a scalar boundary.
    func firstIndex(ofByte byte: UInt8, in range: Range<String.Index>? = nil) -> String.Index? {
        let utf8 = self.utf8
        let bounds = range ?? startIndex..<endIndex
        let found: Int?? = utf8.withContiguousStorageIfAvailable { buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            let lower = utf8.distance(from: utf8.startIndex, to: bounds.lowerBound)
            let upper = utf8.distance(from: utf8.startIndex, to: bounds.upperBound)
            guard lower < upper, let p = memchr(base + lower, Int32(byte), upper - lower) else { return nil }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
        if let found {
            return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        }
        return utf8[bounds].firstIndex(of: byte)
    }

    /// Whether the UTF-8 text holds the byte `byte` (`firstIndex(ofByte:)`).
    func containsByte(_ byte: UInt8) -> Bool { firstIndex(ofByte: byte) != nil }
}
