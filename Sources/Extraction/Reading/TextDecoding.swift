import Foundation  // memcmp

/// Bytes to text: BOM sniffing, UTF-8 with replacement of invalid sequences, UTF-16 with a BOM.
enum TextDecoding {
    struct Decoded {
        var text: String
        /// Byte offsets of sequences replaced by U+FFFD.
        var invalidOffsets: [Int]
        var encoding: String
    }

    static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return utf16(bytes, from: 2, littleEndian: true) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return utf16(bytes, from: 2, littleEndian: false) }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        return utf8(bytes, from: start)
    }

    /// A strict UTF-8 decoder that remembers where it replaced bytes (the standard library's repairing
    /// initializer does not say where).
    static func utf8(_ bytes: [UInt8], from start: Int) -> Decoded {
        let encoding = start == 3 ? "UTF-8 (BOM)" : "UTF-8"
        // Nearly every file is valid: the standard library's decoder, which only repairs what is invalid,
        // then gives the very same text, and nothing needs to be remembered. (A repair always changes the
        // bytes, so equal bytes mean there was none.)
        let whole = String(decoding: bytes[start...], as: UTF8.self)
        // Compared with memcmp: `elementsEqual` goes a byte at a time through two generic iterators.
        let count = bytes.count - start
        let same =
            whole.utf8.count == count
            && (whole.utf8.withContiguousStorageIfAvailable { a in
                bytes.withUnsafeBufferPointer { b in
                    count == 0 || memcmp(a.baseAddress!, b.baseAddress! + start, count) == 0
                }
            } ?? whole.utf8.elementsEqual(bytes[start...]))
        if same {
            return Decoded(text: whole, invalidOffsets: [], encoding: encoding)
        }
        var scalars = String.UnicodeScalarView()
        var bad: [Int] = []
        var i = start
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                scalars.append(Unicode.Scalar(b0))
                i += 1
                continue
            }
            var need = 0
            var value: UInt32 = 0
            var minValue: UInt32 = 0
            switch b0 {
            case 0xC2...0xDF:
                need = 1
                value = UInt32(b0 & 0x1F)
                minValue = 0x80
            case 0xE0...0xEF:
                need = 2
                value = UInt32(b0 & 0x0F)
                minValue = 0x800
            case 0xF0...0xF4:
                need = 3
                value = UInt32(b0 & 0x07)
                minValue = 0x10000
            default: need = -1
            }
            var ok = need > 0
            if ok {
                for k in 1...need {
                    guard i + k < n, bytes[i + k] & 0xC0 == 0x80 else {
                        ok = false
                        break
                    }
                    value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                }
            }
            if ok, value >= minValue, let s = Unicode.Scalar(value) {
                scalars.append(s)
                i += need + 1
            } else {
                bad.append(i)
                scalars.append("\u{FFFD}")
                // Skip the lead byte and any continuation bytes that follow it.
                i += 1
                while i < n, bytes[i] & 0xC0 == 0x80, i - bad.last! < 4 { i += 1 }
            }
        }
        return Decoded(text: String(scalars), invalidOffsets: bad, encoding: start == 3 ? "UTF-8 (BOM)" : "UTF-8")
    }

    static func utf16(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var bad: [Int] = []
        if i < bytes.count { bad.append(i) }
        var scalars = String.UnicodeScalarView()
        var k = 0
        while k < units.count {
            let u = units[k]
            if (0xD800...0xDBFF).contains(u), k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) {
                let v = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[k + 1] - 0xDC00)
                scalars.append(Unicode.Scalar(v)!)
                k += 2
            } else if let s = Unicode.Scalar(u) {
                scalars.append(s)
                k += 1
            } else {
                bad.append(start + 2 * k)
                scalars.append("\u{FFFD}")
                k += 1
            }
        }
        if i < bytes.count { scalars.append("\u{FFFD}") }
        return Decoded(text: String(scalars), invalidOffsets: bad, encoding: littleEndian ? "UTF-16LE" : "UTF-16BE")
    }
}
