/// Byte-level helpers shared by the readers: UTF-8 checks and locating an offset as line and column.
enum ByteScan {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let quote: UInt8 = 0x22
    /// A byte in every byte of a word, for comparing eight at a time.
    static let lfs: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    static let crs: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    /// The offset of the first byte that starts an invalid UTF-8 sequence in `range`, or nil when all is valid.
    ///
    /// Follows the Unicode table of well-formed sequences (no overlongs, no surrogates, nothing above U+10FFFF),
    /// the same rule `String(validating:)` applies, so the two never disagree.
    static func firstInvalidUTF8(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // ASCII eight bytes at a time: most of a large table.
            if i + 8 <= end,
                UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
                continue
            }
            let b = buf[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                high = 0x9F
            case 0xF0:
                need = 3
                low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                high = 0x8F
            default: return i
            }
            // A sequence cut short by the end of the range is invalid too.
            guard i + need < end else { return i }
            let second = buf[i + 1]
            guard second >= low, second <= high else { return i }
            var k = 2
            while k <= need {
                let c = buf[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// 0x80 in exactly the bytes of `v` that are zero (no borrow from one byte into the next).
    @inline(__always)
    static func zeroBytes(_ v: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((v & low7) &+ low7) | v | low7)
    }

    /// How many quotes and line feeds `range` holds, and whether all its bytes are ASCII, eight at a time.
    static func quotesAndLineFeeds(
        _ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> (quotes: Int, lineFeeds: Int, isASCII: Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        var q = 0
        var l = 0
        var high: UInt64 = 0
        while i + 8 <= end {
            let v = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
            q &+= zeroBytes(v ^ 0x2222_2222_2222_2222).nonzeroBitCount
            l &+= zeroBytes(v ^ lfs).nonzeroBitCount
            high |= v
            i += 8
        }
        while i < end {
            if buf[i] == quote { q &+= 1 }
            if buf[i] == lf { l &+= 1 }
            high |= UInt64(buf[i])
            i += 1
        }
        return (q, l, high & 0x8080_8080_8080_8080 == 0)
    }

    /// Line and column of `offset`, counting from a known line start. Columns count Unicode scalars.
    static func locate(
        _ buf: UnsafeBufferPointer<UInt8>, offset: Int, fromLine line: Int, lineStart: Int
    ) -> (line: Int, column: Int) {
        var line = line
        var lineStart = lineStart
        var i = lineStart
        while i < offset {
            let b = buf[i]
            if b == lf || (b == cr && !(i + 1 < buf.count && buf[i + 1] == lf)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        i = lineStart
        while i < offset {
            if buf[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// Decodes `range` as UTF-8: strictly (nil when invalid) or replacing bad bytes with U+FFFD.
    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, replacing: Bool) -> String? {
        let slice = UnsafeBufferPointer(rebasing: buf[range])
        if replacing { return String(decoding: slice, as: UTF8.self) }
        return String(validating: slice, as: UTF8.self)
    }

    static func string(_ bytes: [UInt8], replacing: Bool) -> String? {
        if replacing { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }
}
