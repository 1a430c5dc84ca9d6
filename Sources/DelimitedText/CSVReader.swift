/// One record of delimited text, with where it started so later stages can name the line in their messages.
public struct DelimitedRecord: Sendable, Hashable {
    /// The fields, decoded from UTF-8, quotes removed.
    public var fields: [String]
    /// 1-based line on which the record starts.
    public var line: Int
    /// 0-based byte offset at which the record starts.
    public var byteOffset: Int

    /// Creates a record; readers make these, tests and callers may too.
    public init(fields: [String], line: Int, byteOffset: Int) {
        self.fields = fields
        self.line = line
        self.byteOffset = byteOffset
    }
}

/// What a reader does with bytes that are not valid UTF-8.
public enum InvalidUTF8Policy: Sendable, Hashable {
    /// Stop with a `DelimitedTextError` of kind `.invalidUTF8` naming the line, column and byte.
    case fail
    /// Replace each bad sequence with U+FFFD and go on.
    case replace
}

/// An RFC 4180 reader over UTF-8 bytes.
///
/// Works on bytes, not `Character`s: a delimiter followed by a combining mark (`x,\u{301}y` in NFD data)
/// is still a delimiter. Accepts CRLF, LF or lone CR line ends, quoted fields with doubled quotes and embedded
/// line ends, a UTF-8 byte order mark, and a last line without a line end. Lines with no bytes at all are
/// skipped by default. A quote inside an unquoted field is kept as a literal character (`12" pipe`), as
/// spreadsheets do.
///
/// ```swift
/// var reader = CSVReader(bytes: Array("name,killed\r\n\"Maar Shurin, Idlib\",16\r\n".utf8))
/// while let record = try reader.next() { print(record.fields) }
/// // ["name", "killed"]
/// // ["Maar Shurin, Idlib", "16"]
/// ```
public struct CSVReader: Sendable {
    /// How to read.
    public struct Options: Sendable, Hashable {
        /// The delimiter byte (`,`, `;`, TAB), or nil to choose from the first line (see `CSVReader.sniff`).
        public var delimiter: UInt8?
        /// The name used in error messages, e.g. the file name.
        public var origin: String
        /// What to do with invalid UTF-8.
        public var invalidUTF8: InvalidUTF8Policy
        /// Require every record to have as many fields as the first one.
        public var strictFieldCount: Bool
        /// Skip lines that contain no bytes at all (a quoted empty field `""` is not an empty line).
        public var skipsEmptyLines: Bool

        /// Creates options; the defaults read comma-separated text strictly as UTF-8.
        public init(
            delimiter: UInt8? = UInt8(ascii: ","),
            origin: String = "",
            invalidUTF8: InvalidUTF8Policy = .fail,
            strictFieldCount: Bool = false,
            skipsEmptyLines: Bool = true
        ) {
            self.delimiter = delimiter
            self.origin = origin
            self.invalidUTF8 = invalidUTF8
            self.strictFieldCount = strictFieldCount
            self.skipsEmptyLines = skipsEmptyLines
        }
    }

    private let bytes: [UInt8]
    private let options: Options
    /// The delimiter in use: the one given, or the one sniffed from the first line.
    public let delimiter: UInt8
    private var position: Int
    private var line = 1
    private var lineStart: Int
    private var expectedFieldCount: Int?

    /// Creates a reader over `bytes`. A leading UTF-8 byte order mark is skipped.
    public init(bytes: [UInt8], options: Options = Options()) {
        self.bytes = bytes
        self.options = options
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.position = start
        self.lineStart = start
        self.delimiter = options.delimiter ?? CSVReader.sniff(bytes[start...])
    }

    /// Chooses the delimiter of a file from its first line: whichever of `,` `;` TAB occurs most often
    /// outside quotes, comma on a tie or when none occurs.
    public static func sniff(_ bytes: some Collection<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, ByteScan.tab: 0]
        var inQuotes = false
        for b in bytes {
            if b == ByteScan.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == ByteScan.lf || b == ByteScan.cr { break }
                counts[b]? += 1
            }
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), ByteScan.tab] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return best
    }

    /// Reads every record at once.
    public static func records(
        _ bytes: [UInt8], options: Options = Options()
    ) throws(DelimitedTextError) -> [DelimitedRecord] {
        var reader = CSVReader(bytes: bytes, options: options)
        var out: [DelimitedRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(DelimitedTextError) -> DelimitedRecord? {
        let result = bytes.withUnsafeBufferPointer { buf in parseRecord(buf) }
        let record = try result.get()
        if let record, options.strictFieldCount {
            if let expected = expectedFieldCount {
                if record.fields.count != expected {
                    // Records start at the start of a line, so the column is always 1.
                    throw DelimitedTextError(
                        kind: .fieldCountMismatch(expected: expected, found: record.fields.count),
                        origin: options.origin, line: record.line, column: 1, byteOffset: record.byteOffset)
                }
            } else {
                expectedFieldCount = record.fields.count
            }
        }
        return record
    }

    private func error(
        _ kind: DelimitedTextError.Kind, _ buf: UnsafeBufferPointer<UInt8>, at offset: Int,
        line: Int, lineStart: Int
    ) -> DelimitedTextError {
        let where_ = ByteScan.locate(buf, offset: offset, fromLine: line, lineStart: lineStart)
        return DelimitedTextError(
            kind: kind, origin: options.origin, line: where_.line, column: where_.column, byteOffset: offset)
    }

    // One pass over the bytes of a record. Line counting happens here, so positions in errors are exact even
    // after quoted fields that span lines.
    private mutating func parseRecord(
        _ buf: UnsafeBufferPointer<UInt8>
    ) -> Result<DelimitedRecord?, DelimitedTextError> {
        let end = buf.count
        let delimiter = self.delimiter
        let replacing = options.invalidUTF8 == .replace
        if options.skipsEmptyLines {
            while position < end, buf[position] == ByteScan.lf || buf[position] == ByteScan.cr {
                consumeLineEnd(buf)
            }
        }
        guard position < end else { return .success(nil) }
        let recordLine = line
        let recordOffset = position
        var fields: [String] = []
        var scratch: [UInt8] = []
        while true {
            let fieldLine = line
            let fieldLineStart = lineStart
            let fieldStart = position
            if position < end, buf[position] == ByteScan.quote {
                position += 1
                scratch.removeAll(keepingCapacity: true)
                var segment = position
                while true {
                    guard position < end else {
                        return .failure(
                            error(
                                .unterminatedQuote, buf, at: fieldStart,
                                line: fieldLine, lineStart: fieldLineStart))
                    }
                    let b = buf[position]
                    if b == ByteScan.quote {
                        if position + 1 < end, buf[position + 1] == ByteScan.quote {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segment...position]))
                            position += 2
                            segment = position
                            continue
                        }
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segment..<position]))
                        position += 1
                        break
                    } else if b == ByteScan.lf || b == ByteScan.cr {
                        consumeLineEnd(buf)
                    } else {
                        position += 1
                    }
                }
                guard let text = ByteScan.string(scratch, replacing: replacing) else {
                    let bad = ByteScan.firstInvalidUTF8(buf, fieldStart..<position) ?? fieldStart
                    return .failure(error(.invalidUTF8, buf, at: bad, line: fieldLine, lineStart: fieldLineStart))
                }
                fields.append(text)
                if position < end {
                    let b = buf[position]
                    if b != delimiter && b != ByteScan.lf && b != ByteScan.cr {
                        return .failure(
                            error(
                                .characterAfterClosingQuote, buf, at: position,
                                line: fieldLine, lineStart: fieldLineStart))
                    }
                }
            } else {
                while position < end {
                    let b = buf[position]
                    if b == delimiter || b == ByteScan.lf || b == ByteScan.cr { break }
                    position += 1
                }
                guard let text = ByteScan.string(buf, fieldStart..<position, replacing: replacing) else {
                    let bad = ByteScan.firstInvalidUTF8(buf, fieldStart..<position) ?? fieldStart
                    return .failure(error(.invalidUTF8, buf, at: bad, line: fieldLine, lineStart: fieldLineStart))
                }
                fields.append(text)
            }
            if position >= end { break }
            if buf[position] == delimiter {
                position += 1
                continue
            }
            consumeLineEnd(buf)
            break
        }
        return .success(DelimitedRecord(fields: fields, line: recordLine, byteOffset: recordOffset))
    }

    /// Steps over one LF, CRLF or lone CR at `position` and starts a new line.
    private mutating func consumeLineEnd(_ buf: UnsafeBufferPointer<UInt8>) {
        if buf[position] == ByteScan.cr, position + 1 < buf.count, buf[position + 1] == ByteScan.lf {
            position += 2
        } else {
            position += 1
        }
        line += 1
        lineStart = position
    }
}
