import DelimitedText
import Foundation
import Testing

/// Opens CSV written by `CSVWriter` in a real spreadsheet (LibreOffice Calc, headless) and checks what it made
/// of every cell: text stays the exact text, numbers are numbers, formulas are not run.
///
/// The round trip is CSV → Calc → CSV with "quote all text cells" on export, so a quoted value in the output is
/// a text cell and an unquoted one a number or date. Skipped when `soffice` is not installed
/// (`apt-get install libreoffice-calc`).
@Suite(.serialized) struct LibreOfficeTests {
    static let soffice: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/soffice"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// What a spreadsheet should hold in column B after opening the file: the exact text, or a number.
    enum Expected: Equatable, CustomStringConvertible {
        case text(String)
        case number(String)
        var description: String {
            switch self {
            case .text(let s): return "text \(s.debugDescription)"
            case .number(let s): return "number \(s)"
            }
        }
    }

    static let rows: [(Cell, Expected)] = [
        (.text("معرشورين"), .text("معرشورين")),
        (.text("Maar Shurin, Idlib"), .text("Maar Shurin, Idlib")),
        (.text("=1+1"), .text("'=1+1")),
        (.text("@SUM(1,2)"), .text("'@SUM(1,2)")),
        (.text("-5"), .text("'-5")),
        (.text("5-6"), .text("5-6")),
        (.text("1/2"), .text("1/2")),
        (.text("3e5"), .text("3e5")),
        (.text("007"), .text("007")),
        (.text("2017-12"), .text("2017-12")),
        (.text("TRUE"), .text("TRUE")),
        (.text("said \"16\""), .text("said \"\"16\"\"")),
        (.integer(16), .number("16")),
        (.integer(-5), .number("-5")),
        (.integer(1_000_000), .number("1000000")),
    ]

    @Test(.enabled(if: soffice != nil, "soffice not found: apt-get install libreoffice-calc to run this test"))
    func calcReadsWhatWeMeant() throws {
        let soffice = try #require(Self.soffice)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        var writer = CSVWriter()
        writer.writeHeader(["row", "value"])
        for (i, row) in Self.rows.enumerated() { writer.writeRow([.text("r\(i)"), row.0]) }
        let input = dir.appendingPathComponent("in.csv")
        try Data(writer.bytes).write(to: input)
        let outDir = dir.appendingPathComponent("out")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(dir.path)/profile", "--headless",
            // Import: comma, double quote, UTF-8 (76), from line 1. Export: the same, quoting all text cells.
            "--infilter=CSV:44,34,76,1",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true",
            "--outdir", outDir.path, input.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let output = try String(contentsOf: outDir.appendingPathComponent("in.csv"), encoding: .utf8)
        let lines = output.split(whereSeparator: \.isNewline).map(String.init)
        try #require(lines.count == Self.rows.count + 1, "LibreOffice wrote: \(output)")
        for (i, row) in Self.rows.enumerated() {
            let expectedLine: String
            switch row.1 {
            case .text(let s): expectedLine = "\"r\(i)\",\"\(s)\""
            case .number(let s): expectedLine = "\"r\(i)\",\(s)"
            }
            #expect(lines[i + 1] == expectedLine, "row \(i): \(row.0) should be \(row.1)")
        }
    }
}
