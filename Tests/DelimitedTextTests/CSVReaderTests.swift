import DelimitedText
import Testing

@Suite struct CSVReaderTests {
    func fields(_ text: String, _ options: CSVReader.Options = .init()) throws -> [[String]] {
        try CSVReader.records(Array(text.utf8), options: options).map(\.fields)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let expected: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain CRLF", input: "a,b\r\nc,d\r\n", expected: [["a", "b"], ["c", "d"]]),
        Case(name: "LF, last line without newline", input: "a,b\nc,d", expected: [["a", "b"], ["c", "d"]]),
        Case(name: "lone CR", input: "a,b\rc,d\r", expected: [["a", "b"], ["c", "d"]]),
        Case(
            name: "quoted delimiter and doubled quote", input: "\"x, \"\"y\"\"\",z\r\n",
            expected: [["x, \"y\"", "z"]]),
        Case(
            name: "embedded CRLF and LF", input: "\"line 1\r\nline 2\nline 3\",n\r\nnext,row\r\n",
            expected: [["line 1\r\nline 2\nline 3", "n"], ["next", "row"]]),
        Case(name: "trailing empty field with newline", input: "a,b,\r\n", expected: [["a", "b", ""]]),
        Case(name: "trailing empty field at end of input", input: "a,b,", expected: [["a", "b", ""]]),
        Case(name: "empty quoted field", input: "\"\",x", expected: [["", "x"]]),
        Case(name: "BOM stripped", input: "\u{FEFF}name,n\r\nحلب,1\r\n", expected: [["name", "n"], ["حلب", "1"]]),
        Case(name: "combining mark right after a comma", input: "x,\u{301}y\n", expected: [["x", "\u{301}y"]]),
        Case(name: "blank lines skipped", input: "a\n\n\r\nb\n", expected: [["a"], ["b"]]),
        Case(name: "bare quote inside unquoted field kept", input: "12\" pipe,x\n", expected: [["12\" pipe", "x"]]),
        Case(name: "Arabic and French", input: "معرشورين,Maarchourine\n", expected: [["معرشورين", "Maarchourine"]]),
        Case(name: "empty input", input: "", expected: []),
    ]

    @Test(arguments: cases)
    func reads(_ c: Case) throws {
        #expect(try fields(c.input) == c.expected)
    }

    @Test func semicolonAndTabDelimiters() throws {
        #expect(try fields("a;b,c\n1;2,5\n", .init(delimiter: UInt8(ascii: ";"))) == [["a", "b,c"], ["1", "2,5"]])
        #expect(try fields("a\tb\n", .init(delimiter: 9)) == [["a", "b"]])
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", UInt8(ascii: ";")),
        ("a,b,c\n", UInt8(ascii: ",")),
        ("a\tb,c\td\n", UInt8(9)),
        ("\"x;y;z\",b\n", UInt8(ascii: ",")),  // delimiters inside quotes do not count
        ("single\n", UInt8(ascii: ",")),
    ])
    func sniffsDelimiter(input: String, expected: UInt8) throws {
        let reader = CSVReader(bytes: Array(input.utf8), options: .init(delimiter: nil))
        #expect(reader.delimiter == expected)
    }

    @Test func sniffedSemicolonReadsRecords() throws {
        #expect(
            try fields("\u{FEFF}place;killed\nHalab;3\n", .init(delimiter: nil)) == [
                ["place", "killed"], ["Halab", "3"],
            ])
    }

    @Test func recordLinesCountEmbeddedNewlines() throws {
        let records = try CSVReader.records(Array("h\n\"a\nb\"\nc\n".utf8))
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records.map(\.byteOffset) == [0, 2, 8])
    }

    @Test func unterminatedQuoteNamesLineAndColumn() throws {
        let input = "a,b\nc,d\nokay,\"never closed\nmore\n"
        let error = #expect(throws: DelimitedTextError.self) {
            try CSVReader.records(Array(input.utf8), options: .init(origin: "input.csv"))
        }
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 3)
        #expect(error?.column == 6)
        #expect(error?.byteOffset == 13)
        #expect(error?.description == "input.csv:3:6: unterminated quoted field")
    }

    @Test func characterAfterClosingQuote() throws {
        let error = #expect(throws: DelimitedTextError.self) { try fields("\"ab\"c,d\n") }
        #expect(error?.kind == .characterAfterClosingQuote)
        #expect(error?.line == 1)
        #expect(error?.column == 5)
    }

    @Test func invalidUTF8IsReportedWithLineAndByte() throws {
        // Line 2 holds "café" written in Latin-1: a lone 0xE9 byte after "ok,caf".
        var bytes = Array("h1,h2\nok,caf".utf8)
        bytes.append(0xE9)
        bytes += Array(",x\n".utf8)
        let error = #expect(throws: DelimitedTextError.self) {
            try CSVReader.records(bytes, options: .init(origin: "latin1.csv"))
        }
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.line == 2)
        #expect(error?.column == 7)
        #expect(error?.byteOffset == 12)
        #expect(error?.description == "latin1.csv:2:7: invalid UTF-8 (byte offset 12)")
    }

    @Test func invalidUTF8InsideMultilineQuotedField() throws {
        var bytes = Array("a\n\"x\ny".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        bytes += Array("\"\n".utf8)
        let error = #expect(throws: DelimitedTextError.self) { try CSVReader.records(bytes) }
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.byteOffset == 6)
    }

    @Test func invalidUTF8CanBeReplaced() throws {
        let bytes: [UInt8] = Array("a,".utf8) + [0xFF] + Array("b\n".utf8)
        let records = try CSVReader.records(bytes, options: .init(invalidUTF8: .replace))
        #expect(records.map(\.fields) == [["a", "\u{FFFD}b"]])
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],  // overlong NUL
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE2, 0x82],  // truncated at end of input
    ])
    func rejectsIllFormedSequences(_ bad: [UInt8]) throws {
        let error = #expect(throws: DelimitedTextError.self) { try CSVReader.records(Array("ab".utf8) + bad) }
        #expect(error?.byteOffset == 2)
    }

    @Test func strictFieldCount() throws {
        let input = "a,b\n1,2\n3\n"
        #expect(try fields(input).count == 3)
        let error = #expect(throws: DelimitedTextError.self) {
            try CSVReader.records(Array(input.utf8), options: .init(origin: "t.csv", strictFieldCount: true))
        }
        #expect(error?.kind == .fieldCountMismatch(expected: 2, found: 1))
        #expect(error?.description == "t.csv:3:1: expected 2 fields, found 1")
    }

    @Test func largeInputStreams() throws {
        var text = "id,name,n\r\n"
        for i in 0..<20_000 { text += "\(i),\"Ma'arrat, \"\"al\"\" Nu'man\",\(i % 7)\r\n" }
        var reader = CSVReader(bytes: Array(text.utf8))
        var count = 0
        var sum = 0
        while let record = try reader.next() {
            count += 1
            if count > 1 { sum += Int(record.fields[2])! }
            #expect(record.fields.count == 3)
        }
        #expect(count == 20_001)
        #expect(sum == (0..<20_000).reduce(0) { $0 + $1 % 7 })
    }
}
