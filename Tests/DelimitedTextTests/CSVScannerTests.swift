import DelimitedText
import Testing

@Suite struct CSVScannerTests {
    static let sample =
        "\u{FEFF}id,date,n,name\r\n1,2017-12-19,16,\"Maar \"\"Shurin\"\"\"\r\n\n"
        + "2, 2017-11-13 ,-41,\"a\r\nb\"\r\n3,2017-13-01,x,\r\n4,,,معرشورين"

    @Test func scanAgreesWithNext() throws {
        let bytes = Array(Self.sample.utf8)
        var seen: [DelimitedRecord] = []
        try CSVReader.scan(bytes) { r in
            seen.append(DelimitedRecord(fields: r.fields, line: r.line, byteOffset: r.byteOffset))
        }
        #expect(seen == (try CSVReader.records(bytes)))
        #expect(seen.map(\.line) == [1, 2, 4, 6, 7])
    }

    @Test func typedFields() throws {
        var dates: [String] = []
        var numbers: [Int?] = []
        var empties: [Bool] = []
        var header = true
        try CSVReader.scan(Array(Self.sample.utf8)) { r in
            if header {
                header = false
                return
            }
            dates.append(r.isoDate(1).map { "\($0.year)/\($0.month)/\($0.day)" } ?? "-")
            numbers.append(r.integer(2))
            empties.append(r.isEmpty(3))
        }
        #expect(dates == ["2017/12/19", "2017/11/13", "-", "-"])
        #expect(numbers == [16, -41, nil, nil])
        #expect(empties == [false, false, true, false])
    }

    @Test func integerOverflowIsNil() throws {
        var value: Int? = 0
        try CSVReader.scan(Array("99999999999999999999999\n".utf8)) { value = $0.integer(0) }
        #expect(value == nil)
    }

    @Test func scanReportsErrorsLikeNext() throws {
        let error = #expect(throws: DelimitedTextError.self) {
            try CSVReader.scan(Array("a\nb,\"open\n".utf8), options: .init(origin: "x.csv")) { _ in }
        }
        #expect(error?.description == "x.csv:2:3: unterminated quoted field")
        var bad = Array("a,b\nc,d\ne,".utf8)
        bad.append(0xFF)
        let utf8 = #expect(throws: DelimitedTextError.self) { try CSVReader.scan(bad) { _ in } }
        #expect(utf8?.line == 3 && utf8?.column == 3 && utf8?.byteOffset == 10)
    }

    @Test(arguments: [1, 2, 3, 7])
    func chunksCoverEveryRecordOnce(count: Int) throws {
        // Quoted fields with line breaks and delimiters near every boundary candidate.
        var text = "id,text\r\n"
        for i in 0..<6000 { text += "\(i),\"line\nbreak, \"\"q\"\" \(i)\"\r\n" }
        let bytes = Array(text.utf8)
        let chunks = CSVReader.chunks(of: bytes, count: count)
        #expect(chunks.count == (bytes.count > 1 << 16 ? count : 1))
        #expect(chunks.first?.range.lowerBound == 0 && chunks.last?.range.upperBound == bytes.count)
        for (a, b) in zip(chunks, chunks.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
        #expect(try scanned(bytes, chunks) == (try CSVReader.records(bytes)))
    }

    /// Chunks know when they are all ASCII (their UTF-8 is then not checked again); a bad byte in one region
    /// leaves the chunks around it to be checked, and the error still names its line.
    @Test func asciiChunksAndABadByte() throws {
        var text = "id,text\n"
        for i in 0..<20000 { text += "\(i),plain \(i)\n" }
        var bytes = Array(text.utf8)
        let clean = CSVReader.chunks(of: bytes, count: 4)
        #expect(clean.count == 4 && clean.allSatisfy(\.isASCII))
        let bad = bytes.count / 2
        bytes[bad] = 0xFF
        let chunks = CSVReader.chunks(of: bytes, count: 4)
        #expect(chunks.contains { $0.isASCII })
        let holding = try #require(chunks.first { $0.range.contains(bad) })
        #expect(!holding.isASCII)
        let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
        let error = #expect(throws: DelimitedTextError.self) {
            try CSVReader.scan(bytes, chunk: holding) { _ in }
        }
        #expect(error?.kind == .invalidUTF8 && error?.line == line)
    }

    /// A quoted field longer than several regions: boundaries that would fall inside it move past it, and
    /// line numbers stay those of the sequential reader.
    @Test(arguments: [4, 16])
    func chunksStepOverLongQuotedFields(count: Int) throws {
        var text = "id,text\n"
        for i in 0..<2000 { text += "\(i),plain \(i)\n" }
        text += "long,\"" + String(repeating: "x,\"\"\n\r\n", count: 30000) + "\"\n"
        for i in 0..<2000 { text += "\(i),\"q\nq\"\n" }
        let bytes = Array(text.utf8)
        let chunks = CSVReader.chunks(of: bytes, count: count)
        #expect(chunks.count > 1 && chunks.count <= count)
        for (a, b) in zip(chunks, chunks.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
        #expect(try scanned(bytes, chunks) == (try CSVReader.records(bytes)))
    }

    /// The records of `bytes` read chunk by chunk, in order.
    private func scanned(_ bytes: [UInt8], _ chunks: [CSVChunk]) throws -> [DelimitedRecord] {
        var records: [DelimitedRecord] = []
        for chunk in chunks {
            try CSVReader.scan(bytes, chunk: chunk) { r in
                records.append(DelimitedRecord(fields: r.fields, line: r.line, byteOffset: r.byteOffset))
            }
        }
        return records
    }
}
