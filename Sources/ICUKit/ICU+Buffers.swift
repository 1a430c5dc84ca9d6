// Moving text between Swift strings and ICU's UTF-16 buffers.

extension String {
    /// True when every byte is ASCII: the input for the free fast paths (NFC, display width ...).
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

/// Calls `body` with the UTF-16 of `text` and its length as `Int32`. ICU lengths are `int32_t`: text beyond
/// 2³¹−1 UTF-16 units is cut there (the non-throwing APIs: comparison, sort keys); see ``withCheckedUTF16``.
@inline(__always)
func withUTF16<R, E: Error>(
    _ text: String, _ body: (UnsafePointer<UInt16>, Int32) throws(E) -> R
) throws(E) -> R {
    var units = Array(text.utf16)
    let count = Int32(clamping: units.count)
    if units.isEmpty { units.append(0) }  // a valid pointer even for "", with length 0
    return try units.withUnsafeBufferPointer { (buffer) throws(E) -> R in
        try body(buffer.baseAddress!, count)
    }
}

/// ``withUTF16``, but text too long for ICU's `int32_t` lengths throws `U_INDEX_OUTOFBOUNDS_ERROR` instead of being
/// cut.
@inline(__always)
func withCheckedUTF16<R>(
    _ text: String, _ operation: @autoclosure () -> String,
    _ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> R
) throws(ICUError) -> R {
    // Results may grow (NFD, transliteration): leave ICU room to report the size it needs. UTF-8 is never shorter
    // than UTF-16, so the common case costs no UTF-16 count.
    if text.utf8.count > Int(Int32.max) / 4 && text.utf16.count > Int(Int32.max) / 4 {
        throw ICUError(code: 8, operation: operation())  // U_INDEX_OUTOFBOUNDS_ERROR
    }
    return try withUTF16(text, body)
}

/// Runs an ICU "fill this buffer" call: first with `capacity` units, then, on `U_BUFFER_OVERFLOW_ERROR`, once more
/// with the length ICU reported. `body(dest, capacity, &status)` returns the full length of the result.
func fillUTF16(
    capacity: Int, _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var capacity = max(capacity, 16)
    for attempt in 0..<2 {
        var status: Int32 = 0
        let result: String? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { buffer in
            let length = body(buffer.baseAddress!, Int32(capacity), &status)
            guard status.isICUSuccess, Int(length) <= capacity else {
                if status.isICUSuccess || status == bufferOverflowCode {
                    status = bufferOverflowCode
                    capacity = Int(length) + 1
                }
                return nil
            }
            return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: Int(length)),
                          as: UTF16.self)
        }
        if let result { return result }
        if status != bufferOverflowCode || attempt == 1 { try status.checkICU(operation()) }
    }
    throw ICUError(code: bufferOverflowCode, operation: operation())
}

/// Locale identifiers go to ICU as C strings; an embedded NUL would silently truncate the id.
func withLocale<R>(_ locale: String, _ operation: @autoclosure () -> String,
                   _ body: (UnsafePointer<CChar>) -> R) throws(ICUError) -> R {
    if locale.utf8.contains(0) { throw ICUError(code: 1, operation: operation()) }  // U_ILLEGAL_ARGUMENT_ERROR
    return locale.withCString(body)
}
