import Foundation
import Testing

@Suite struct ReconcileCommandTests {
    /// A spreadsheet export as analysts have them: `;`, a BOM, a quoted comma, Arabic, an empty name, a region,
    /// a formula, a number with a sign — and one line with a byte that is not UTF-8.
    static func sampleCSV() -> [UInt8] {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("id;village;governorate;note\r\n".utf8)
        bytes += Array("1;Maarat Alnouman;Idlib;-35.5\r\n".utf8)
        bytes += Array("2;Duma;;=1+1\r\n".utf8)
        bytes += Array("3;\"Kafr, Nabl\";Idleb;\r\n".utf8)
        bytes += Array("4;;;empty name\r\n".utf8)
        bytes += Array("5;Eastern Ghouta;Rif Dimashq;a region\r\n".utf8)
        bytes += Array("6;معرشورين;إدلب;\r\n".utf8)
        bytes += Array("7;Sarmin".utf8) + [0xFF] + Array(";Idlib;bad byte\r\n".utf8)
        bytes += Array("8;\(String(repeating: "Maar Shurin ", count: 900));;very long\r\n".utf8)
        bytes += Array("9;Sara\u{0007}qib\u{0000};;control characters\r\n".utf8)
        bytes += Array("10;Khan شيخون;;mixed scripts\r\n".utf8)
        return bytes
    }

    @Test func keepsEveryRowAndColumnAndAppendsTheMatch() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("sites.csv")
        try Data(Self.sampleCSV()).write(to: input)
        let result = try GazetteRunner.run([
            "reconcile", input.path, "--column", "village", "--context-column", "governorate",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("sites.csv:8"), "the line with a bad byte is named: \(result.stderr)")

        let out = try Data(contentsOf: dir.appendingPathComponent("sites-reconciled.csv"))
        #expect(Array(out.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: out.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        try #require(lines.count == 11, "header + 10 rows, nothing dropped")
        #expect(lines[0].hasPrefix("id;village;governorate;note;place_id;place_name_en;place_name_ar;admin1"))
        #expect(lines[1].hasPrefix("1;Maarat Alnouman;Idlib;-35.5;C"), "the signed number stays a number")
        #expect(lines[2].contains("'=1+1"), "a formula in the user's file is neutralized")
        #expect(lines[2].contains(";ambiguous;"))
        #expect(lines[3].hasPrefix("3;Kafr, Nabl;Idleb;;C4068;"), "no quotes needed with ;")
        #expect(lines[4].contains(";unmatched;"))
        #expect(lines[5].contains(";unmatched;"), "a region is not a place")
        #expect(lines[6].hasPrefix("6;معرشورين;إدلب;;C3978;"))
        #expect(lines[7].hasPrefix("7;Sarmin\u{FFFD};Idlib;bad byte;"))
        for line in lines[8...10] {
            let statuses = ["matched", "ambiguous", "unmatched"].filter { line.contains(";\($0);") }
            #expect(statuses.count == 1, "one status for: \(line.prefix(40))")
        }

        let review = try String(contentsOf: dir.appendingPathComponent("sites-review.tsv"), encoding: .utf8)
        let reviewRows = review.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(reviewRows.first == "name\tcontext\tplace_id\tnote")
        #expect(reviewRows.contains { $0.hasPrefix("Duma\t") })
        #expect(!reviewRows.contains { $0.hasPrefix("معرشورين") }, "matched names need no review")
    }

    @Test func decisionsFromTheReviewFileAreReplayed() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("sites.csv")
        try Data(Self.sampleCSV()).write(to: input)
        let decisions = dir.appendingPathComponent("decisions.tsv")
        try Data("name\tcontext\tplace_id\tnote\nDuma\t\tC3076\tthe Hama one, per the field team\n".utf8)
            .write(to: decisions)
        let result = try GazetteRunner.run([
            "reconcile", input.path, "--column", "village", "--decisions", decisions.path,
            "--out", dir.appendingPathComponent("coded.csv").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let out = try String(contentsOf: dir.appendingPathComponent("coded.csv"), encoding: .utf8)
        let duma = try #require(out.components(separatedBy: "\r\n").first { $0.hasPrefix("2;Duma;") })
        #expect(duma.contains(";C3076;"))
        #expect(duma.contains(";matched;decision:"))
    }

    @Test func aMissingColumnListsTheColumnsAndWritesNothing() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("sites.csv")
        try Data(Self.sampleCSV()).write(to: input)
        let result = try GazetteRunner.run(["reconcile", input.path, "--column", "town"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no column 'town'"))
        #expect(result.stderr.contains("village"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sites-reconciled.csv").path))
    }
}
