/// `application/x-www-form-urlencoded` as browsers and OpenRefine send it, in a URL's query or a POST body.
///
/// Written here rather than taken from Hummingbird because its query parser neither turns `+` into a space
/// nor decodes keys, and because a bad escape or invalid UTF-8 must become a clear 400, not a silent guess.
enum FormDecoding {
    /// The decoded fields in order; a repeated key keeps its first value in ``first(_:in:)``.
    static func fields(_ bytes: some Collection<UInt8>) throws(ReconciliationError) -> [(String, String)] {
        var out: [(String, String)] = []
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            out.append((key, value))
        }
        return out
    }

    /// The first value of `key`.
    static func first(_ key: String, in fields: [(String, String)]) -> String? {
        fields.first { $0.0 == key }?.1
    }

    private static func decode(_ raw: some Collection<UInt8>) throws(ReconciliationError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = raw.startIndex
        var offset = 0
        while i != raw.endIndex {
            let byte = raw[i]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let h = raw.index(after: i)
                let l = h == raw.endIndex ? h : raw.index(after: h)
                guard h != raw.endIndex, l != raw.endIndex, let high = hex(raw[h]), let low = hex(raw[l]) else {
                    throw ReconciliationError(
                        .badRequest, "malformed form encoding",
                        details: "a '%' at byte \(offset) of a parameter is not followed by two hex digits")
                }
                bytes.append(high << 4 | low)
                i = l
                offset += 2
            } else {
                bytes.append(byte)
            }
            i = raw.index(after: i)
            offset += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReconciliationError(
                .badRequest, "a parameter is not valid UTF-8",
                details: "after percent-decoding, byte \(firstInvalidUTF8(bytes)) starts an invalid UTF-8 sequence")
        }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            offset += UTF8.width(scalar)
            consumed = offset
        case .emptyInput:
            return bytes.count
        case .error:
            return consumed
        }
    }
}
