import Foundation
import Testing

@Suite struct ExtractCommandTests {
    /// The two press releases the project started from, read from ../shared (never copied here).
    static let seeds = GazetteRunner.shared.appendingPathComponent("seeds")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds.path), "needs ../shared/seeds"))
    func findsTheSeedIncidentsWithTheirDatesTollsAndGovernorates() throws {
        let seeds = Self.seeds
        let result = try GazetteRunner.run(["extract", seeds.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.tsvRecords
        let maar = try #require(rows.first { $0["place_id"] == "C3978" })
        #expect(maar["date"] == "2017-12-19")
        #expect(maar["killed_min"] == "16")
        #expect(maar["governorate"] == "Idlib")
        #expect(maar["evidence"]?.contains("16") == true)
        let atareb = try #require(rows.first { $0["place_id"] == "C1022" })
        #expect(atareb["date"] == "2017-11-13")
        #expect(atareb["killed_min"] == "41")
        #expect(atareb["governorate"] == "Aleppo")
    }

    @Test func badFilesAreNamedAndTheOthersStillProcessed() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = """
            SOURCE: Test Monitor

            Saturday, 14 October 2017
            Regime helicopters dropped barrel bombs on the town of Kafranbel in rural Idlib on Saturday, \
            killing at least 7 civilians and injuring 12 others.
            """
        try Data(good.utf8).write(to: dir.appendingPathComponent("good.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x00, 0x7F, 0x00]).write(to: dir.appendingPathComponent("binary.txt"))
        var invalid = Array("Airstrikes on Saraqib in rural Idlib killed 5 people on Friday ".utf8)
        invalid += [0xC3, 0x28, 0xFF]
        invalid += Array(" and injured 9.\n".utf8)
        try Data(invalid).write(to: dir.appendingPathComponent("invalid-utf8.txt"))
        let missing = dir.appendingPathComponent("missing.txt").path

        let result = try GazetteRunner.run(["extract", dir.path, missing])
        #expect(result.status == 65, "exit status says something failed")
        #expect(result.stderr.contains("empty.txt"))
        #expect(result.stderr.contains("binary.txt"))
        #expect(result.stderr.contains("missing.txt"))
        #expect(result.stderr.contains("invalid-utf8.txt"), "replaced bytes are reported with the file")
        let rows = result.tsvRecords
        let kafranbel = try #require(rows.first { $0["doc"] == "good" })
        #expect(kafranbel["killed_min"] == "7")
        #expect(kafranbel["date"] == "2017-10-14")
        #expect(rows.contains { $0["doc"] == "invalid-utf8" }, "a file with bad bytes is still read")
    }
}
