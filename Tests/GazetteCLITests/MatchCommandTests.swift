import Foundation
import Testing

@Suite struct MatchCommandTests {
    @Test func reconcilesTheSeedPlacesInBothScripts() throws {
        let names = ["Maar Shoureen", "معرشورين", "Atareb", "الأتارب", "Khan Sheikhoun", "خان شيخون"]
        let result = try GazetteRunner.run(["match"] + names)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.tsvRecords
        try #require(rows.count == names.count)
        #expect(rows.map { $0["query"] } == names)
        #expect(rows.map { $0["place_id"] } == ["C3978", "C3978", "C1022", "C1022", "C3987", "C3987"])
        #expect(rows.allSatisfy { $0["status"] == "matched" })
        #expect(rows[0]["admin1"] == rows[1]["admin1"])
    }

    @Test func readsATableWithContextFromStandardInput() throws {
        let table = "query\tcontext\nDuma\tRural Damascus\nDuma\tHama\nEastern Ghouta\t\n"
        let result = try GazetteRunner.run(["match"], stdin: table)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.tsvRecords
        try #require(rows.count == 3)
        #expect(rows[0]["place_id"] == "C2338")
        #expect(rows[1]["place_id"] == "C3076")
        #expect(rows[2]["status"] == "unmatched")
    }

    @Test func aHomonymWithoutContextIsLeftForReview() throws {
        let result = try GazetteRunner.run(["match", "Duma"])
        let rows = result.tsvRecords
        try #require(rows.count == 1)
        #expect(rows[0]["status"] == "ambiguous")
        #expect(rows[0]["candidates"]?.contains("C2338") == true)
        #expect(rows[0]["candidates"]?.contains("C3076") == true)
    }

    @Test func aTableWithoutAQueryColumnIsAClearError() throws {
        let result = try GazetteRunner.run(["match"], stdin: "name\tcontext\nDuma\t\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("query"))
        #expect(result.stdout.isEmpty)
    }

    @Test func timingGoesToStandardErrorAndLeavesTheTableAlone() throws {
        let plain = try GazetteRunner.run(["match", "Atareb", "Duma"])
        let timed = try GazetteRunner.run(["match", "--timing", "Atareb", "Duma"])
        #expect(timed.status == 0, "\(timed.stderr)")
        #expect(timed.stdout == plain.stdout)
        let line = try #require(timed.stderr.split(separator: "\n").first { $0.hasPrefix("timing:") })
        #expect(line.contains("matched 2 names in"))
        #expect(line.contains("places)"))
        #expect(!plain.stderr.contains("timing:"))
        // Atareb is one place; Duma is several (ambiguous without a context): one name in each group, and both
        // answered by the exact layer.
        let groups = try #require(timed.stderr.split(separator: "\n").first { $0.contains("by places listed:") })
        #expect(groups.contains("1 place 1 names"))
        #expect(groups.contains("2-3 places 1 names") != groups.contains("4-8 places 1 names"))
        #expect(!groups.contains("unmatched"))
        #expect(groups.contains("by layer: exact 2 names"))
    }
}
