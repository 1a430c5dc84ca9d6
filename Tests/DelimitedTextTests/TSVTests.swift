import DelimitedText
import Testing

@Suite struct TSVTests {
    @Test func escapesAndRoundTrips() throws {
        var writer = TSVWriter()
        writer.writeRow(["query", "context"])
        writer.writeRow(["a\tb", "line\nnext\r\\end"])
        writer.writeRow(["معرشورين", ""])
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "query\tcontext\na\\tb\tline\\nnext\\r\\\\end\nمعرشورين\t\n")
        #expect(
            try TSVReader.records(writer.bytes).map(\.fields)
                == [["query", "context"], ["a\tb", "line\nnext\r\\end"], ["معرشورين", ""]])
    }

    /// Fields longer than a small string, escapes at both ends and side by side, and a field of escapes only.
    @Test func escapesLongFieldsAtEveryPosition() throws {
        let fields = [
            "\tat the start of a longer field, then two\t\tand at the end\n", "\r\n\\",
            String(repeating: "x", count: 40),
        ]
        var writer = TSVWriter()
        writer.writeRow(fields)
        #expect(String(decoding: writer.bytes, as: UTF8.self)
            == "\\tat the start of a longer field, then two\\t\\tand at the end\\n\t\\r\\n\\\\\t"
                + String(repeating: "x", count: 40) + "\n")
        #expect(try TSVReader.records(writer.bytes).map(\.fields) == [fields])
    }

    /// A field written in pieces is the field written whole.
    @Test func aFieldWrittenInPartsIsTheFieldWrittenWhole() {
        var whole = TSVWriter()
        whole.writeRow(["C1 Duma (Duma, Rural Damascus) 0.84; C2\tDuma 0.8", "ambiguous"])
        var parts = TSVWriter()
        for piece in ["C1 Duma (Duma, Rural Damascus)", " ", "0.84", "; ", "C2\tDuma", " ", "0.8"] {
            parts.writePart(piece)
        }
        parts.endField()
        parts.writePart("ambiguous")
        parts.endRow()
        #expect(parts.bytes == whole.bytes)
        parts.clear()
        #expect(parts.bytes.isEmpty)
        parts.writeRow(["next", "block"])
        #expect(parts.bytes == Array("next\tblock\n".utf8))
    }

    @Test func readsCRLFBOMAndKeepsUnknownEscapes() throws {
        let records = try TSVReader.records(Array("\u{FEFF}q\tc\r\nC:\\dir\tx\r\n\r\nlast\tline".utf8))
        #expect(records.map(\.fields) == [["q", "c"], ["C:\\dir", "x"], ["last", "line"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func invalidUTF8() throws {
        let bytes: [UInt8] = Array("a\tb\nc\t".utf8) + [0xFE] + Array("\n".utf8)
        let error = #expect(throws: DelimitedTextError.self) {
            try TSVReader.records(bytes, options: .init(origin: "q.tsv"))
        }
        #expect(error?.description == "q.tsv:2:3: invalid UTF-8 (byte offset 6)")
    }
}
