import DelimitedText
import Testing

@Suite struct CSVWriterTests {
    func written(_ rows: [[Cell]], _ options: CSVWriter.Options = .init()) -> String {
        var writer = CSVWriter(options: options)
        for row in rows { writer.writeRow(row) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func bomCRLFAndQuoting() {
        var writer = CSVWriter()
        writer.writeHeader(["place", "note", "killed_low"])
        writer.writeRow([.text("Maar Shurin, Idlib"), .text("said \"16\"\nthen more"), .integer(16)])
        writer.writeRow([.text(" padded"), .empty, .integer(nil)])
        #expect(Array(writer.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(
            String(decoding: writer.bytes.dropFirst(3), as: UTF8.self) == """
                place,note,killed_low\r
                "Maar Shurin, Idlib","said ""16""\nthen more",16\r
                " padded",,\r

                """)
    }

    @Test func noBOMWhenAsked() {
        #expect(written([["a"]], .init(byteOrderMark: false)) == "a\r\n")
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("+33 6 12", "'+33 6 12"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
    ])
    func neutralizesFormulaText(input: String, expected: String) {
        #expect(written([[.text(input)]], .init(byteOrderMark: false)) == expected + "\r\n")
    }

    @Test func numbersStayNumbers() {
        #expect(written([[.integer(-5), .integer(0), 7]], .init(byteOrderMark: false)) == "-5,0,7\r\n")
    }

    @Test(arguments: [
        "5-6", "1/2", "3e5", "007", "2017-12", "12:30", "1,5", "50%", "Dec-17", "5 March", "TRUE",
        "false", "(12)", ".5", "16",
    ])
    func protectsTextASpreadsheetWouldConvert(_ text: String) {
        let out = written([[.text(text)]], .init(byteOrderMark: false))
        #expect(out == "\"=\"\"\(text.replacingAll("\"", "\"\""))\"\"\"\r\n" || out.hasPrefix("\"=\"\""))
        #expect(CSVWriter.unprotect(try! #require(CSVReader.records(Array(out.utf8)).first?.fields.first)) == text)
    }

    @Test(arguments: ["Maar Shurin", "معرشورين", "C3978", "SY07", "2017-W51", "May", "Route 5", "e5", "Idlib 2"])
    func leavesOrdinaryTextAlone(_ text: String) {
        #expect(written([[.text(text)]], .init(byteOrderMark: false)) == text + "\r\n")
    }

    @Test func verbatimIsNotProtectedButIsNeutralized() {
        #expect(
            written([[.verbatim("2017-12-19"), .verbatim("=cmd")]], .init(byteOrderMark: false))
                == "2017-12-19,'=cmd\r\n")
    }

    @Test func semicolonDelimiterQuotesSemicolons() {
        #expect(
            written([[.text("a;b"), .text("c,d")]], .init(delimiter: UInt8(ascii: ";"), byteOrderMark: false))
                == "\"a;b\";c,d\r\n")
    }

    @Test func roundTripThroughReader() throws {
        let rows: [[String]] = [
            ["name", "text"], ["حلب", "line\r\nbreak"], ["x,\u{301}y", "\"quoted\""], ["", " spaced "],
        ]
        var writer = CSVWriter(options: .plain)
        for row in rows { writer.writeRow(row.map(Cell.text)) }
        #expect(try CSVReader.records(writer.bytes).map(\.fields) == rows)
    }

    @Test func unprotectLeavesOtherTextAlone() {
        #expect(CSVWriter.unprotect("'quoted'") == "'quoted'")
        #expect(CSVWriter.unprotect("=\"a\"\"b\"") == "a\"b")
        #expect(CSVWriter.unprotect("'=1+1") == "=1+1")
    }
}

extension String {
    fileprivate func replacingAll(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
