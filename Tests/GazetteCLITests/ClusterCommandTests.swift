import Foundation
import Testing

@Suite struct ClusterCommandTests {
    @Test func groupsSpellingsOfOnePlaceAcrossScriptsAndKeepsOthersApart() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = """
            id;location
            1;Khan Sheikhoun
            2;Khan Cheikhoun
            3;خان شيخون
            4;Khan Shaykhun
            5;Saraqib
            6;سراقب
            7;Saraqeb
            8;Khan Sheikhoun
            9;
            """
        let input = dir.appendingPathComponent("incidents.csv")
        try Data(csv.utf8).write(to: input)
        let result = try GazetteRunner.run(["cluster", input.path, "--column", "location"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.tsvRecords
        #expect(rows.count == 7, "one row per distinct spelling, empty cells left out")
        let cluster = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] ?? "", $0["cluster_id"] ?? "") })
        #expect(Set(["Khan Sheikhoun", "Khan Cheikhoun", "خان شيخون", "Khan Shaykhun"].map { cluster[$0] }).count == 1)
        #expect(Set(["Saraqib", "سراقب", "Saraqeb"].map { cluster[$0] }).count == 1)
        #expect(cluster["Saraqib"] != cluster["Khan Sheikhoun"])
        #expect(rows.first { $0["name"] == "Khan Sheikhoun" }?["count"] == "2")
        #expect(rows.first { $0["name"] == "خان شيخون" }?["place_id"] == "C3987")
    }

    @Test func aMissingColumnIsNamed() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("x.csv")
        try Data("a,b\n1,2\n".utf8).write(to: input)
        let result = try GazetteRunner.run(["cluster", input.path, "--column", "location"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("location"))
        #expect(result.stderr.contains("'a', 'b'"), "the columns found are listed")
    }
}
