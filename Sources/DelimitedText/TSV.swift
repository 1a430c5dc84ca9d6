/// Tab-separated values as Gazette's commands print them (`gazette match`, `gazette extract`).
///
/// The dialect of "linear TSV" (and PostgreSQL's text format) rather than CSV: one record per line, fields
/// separated by TAB, no quoting; a backslash, TAB, LF or CR inside a field is written as `\\`, `\t`, `\n`,
/// `\r`. No byte order mark, LF line ends. Nothing else is transformed, so `cut -f` and `awk -F'\t'` work.
public struct TSVWriter: Sendable {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// Writes one record: fields escaped, joined by TAB, ended by LF.
    public mutating func writeRow(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { endField() }
            writePart(field)
        }
        endRow()
    }

    /// Writes `text`, escaped, as (more of) the current field: a field made of several pieces is written without
    /// joining them into one string first. ``endField()`` and ``endRow()`` end it.
    public mutating func writePart(_ text: String) {
        // Most text has nothing to escape: its bytes are copied in runs rather than one at a time.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { write($0) }
        if copied == nil { write(Array(text.utf8)) }
    }

    /// Ends the current field; the next part starts the next field of the record.
    public mutating func endField() {
        bytes.append(ByteScan.tab)
    }

    /// Ends the current field and the record.
    public mutating func endRow() {
        bytes.append(ByteScan.lf)
    }

    /// Forgets what was written and keeps the memory, for writing the next block of rows of a long output.
    public mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for k in 0..<utf8.count {
            let escaped: UInt8
            switch utf8[k] {
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case ByteScan.tab: escaped = UInt8(ascii: "t")
            case ByteScan.lf: escaped = UInt8(ascii: "n")
            case ByteScan.cr: escaped = UInt8(ascii: "r")
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escaped)
            start = k + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    private mutating func write(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { write($0) }
    }

    /// One record as a `String` line including its LF, for printing as rows are produced.
    public static func line(_ fields: [String]) -> String {
        var writer = TSVWriter()
        writer.writeRow(fields)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Reads the TSV dialect `TSVWriter` writes. Also accepts CRLF line ends and a UTF-8 byte order mark, since
/// TSV files made by hand or by spreadsheets have them. A backslash before any other character is kept as is.
public struct TSVReader: Sendable {
    private let bytes: [UInt8]
    private let options: CSVReader.Options
    private var position: Int
    private var line = 1
    private var expectedFieldCount: Int?

    /// Creates a reader. Of the options, `origin`, `invalidUTF8`, `strictFieldCount` and `skipsEmptyLines`
    /// apply; the delimiter is always TAB.
    public init(bytes: [UInt8], options: CSVReader.Options = CSVReader.Options()) {
        self.bytes = bytes
        self.options = options
        self.position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Reads every record at once.
    public static func records(
        _ bytes: [UInt8], options: CSVReader.Options = CSVReader.Options()
    ) throws(DelimitedTextError) -> [DelimitedRecord] {
        var reader = TSVReader(bytes: bytes, options: options)
        var out: [DelimitedRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(DelimitedTextError) -> DelimitedRecord? {
        let result = bytes.withUnsafeBufferPointer { buf in parseLine(buf) }
        let record = try result.get()
        if let record, options.strictFieldCount {
            if let expected = expectedFieldCount, record.fields.count != expected {
                throw DelimitedTextError(
                    kind: .fieldCountMismatch(expected: expected, found: record.fields.count),
                    origin: options.origin, line: record.line, column: 1, byteOffset: record.byteOffset)
            }
            expectedFieldCount = expectedFieldCount ?? record.fields.count
        }
        return record
    }

    private mutating func parseLine(_ buf: UnsafeBufferPointer<UInt8>) -> Result<DelimitedRecord?, DelimitedTextError> {
        let end = buf.count
        while true {
            guard position < end else { return .success(nil) }
            var lineEnd = position
            while lineEnd < end, buf[lineEnd] != ByteScan.lf { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > position, buf[contentEnd - 1] == ByteScan.cr { contentEnd -= 1 }
            let start = position
            let recordLine = line
            position = next
            line += 1
            if contentEnd == start, options.skipsEmptyLines { continue }
            if options.invalidUTF8 == .fail, let bad = ByteScan.firstInvalidUTF8(buf, start..<contentEnd) {
                let column = ByteScan.locate(buf, offset: bad, fromLine: recordLine, lineStart: start).column
                return .failure(
                    DelimitedTextError(
                        kind: .invalidUTF8, origin: options.origin, line: recordLine, column: column, byteOffset: bad))
            }
            var fields: [String] = []
            var field: [UInt8] = []
            var i = start
            while i < contentEnd {
                let b = buf[i]
                if b == ByteScan.tab {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                } else if b == UInt8(ascii: "\\"), i + 1 < contentEnd {
                    let e = buf[i + 1]
                    switch e {
                    case UInt8(ascii: "t"): field.append(ByteScan.tab)
                    case UInt8(ascii: "n"): field.append(ByteScan.lf)
                    case UInt8(ascii: "r"): field.append(ByteScan.cr)
                    case UInt8(ascii: "\\"): field.append(e)
                    default: field.append(contentsOf: [b, e])
                    }
                    i += 1
                } else {
                    field.append(b)
                }
                i += 1
            }
            fields.append(String(decoding: field, as: UTF8.self))
            return .success(DelimitedRecord(fields: fields, line: recordLine, byteOffset: start))
        }
    }
}
