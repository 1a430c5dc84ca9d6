import Foundation
import Testing

@Suite struct EventsAndTallyTests {
    /// Three documents of the sample corpus report the October Maar Shoureen strike in three languages; the
    /// report must count it once and say where each figure came from.
    @Test func reportsOfOneIncidentBecomeOneEventWithTracedFigures() throws {
        let result = try GazetteRunner.run(["events", "Reports/sample-corpus"])
        #expect(result.status == 0, "\(result.stderr)")
        let events = result.tsvRecords
        let maar = events.filter { $0["place_id"] == "C3978" && $0["date"]?.hasPrefix("2017-10") == true }
        try #require(maar.count == 1, "one event, not one per report: \(maar)")
        let reports = maar[0]["reports"]?.split(separator: ";") ?? []
        #expect(reports.count >= 2)
        #expect(maar[0]["reasons"]?.contains("same place C3978") == true)
        #expect(maar[0]["killed_low_source"]?.isEmpty == false)
        let low = try #require(Int(maar[0]["killed_low"] ?? ""))
        #expect(low >= 12)
    }

    @Test func explainTracesEveryEventToSentences() throws {
        let result = try GazetteRunner.run(["events", "Reports/sample-corpus", "--explain"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("C3978"))
        #expect(result.stdout.contains("why:"))
    }

    /// `extract` then `tally` gives the same monthly totals as `report` when each row is its own event.
    @Test func tallyOfExtractOutputMatchesTheRowsItWasGiven() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let extract = try GazetteRunner.run(["extract", "Reports/sample-corpus", "--no-background"])
        #expect(extract.status == 0, "\(extract.stderr)")
        let table = dir.appendingPathComponent("incidents.tsv")
        try Data(extract.stdout.utf8).write(to: table)
        let killed = extract.tsvRecords.filter { !($0["date"] ?? "").isEmpty }
            .compactMap { Int($0["killed_min"] ?? "") }.reduce(0, +)

        let tally = try GazetteRunner.run([
            "tally", table.path, "--mapping", "extract", "--by", "governorate", "--out", dir.path, "--quiet",
        ])
        #expect(tally.status == 0, "\(tally.stderr)")
        let csv = String(decoding: try Data(contentsOf: dir.appendingPathComponent("monthly-overview.csv")).dropFirst(3),
                         as: UTF8.self)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(rows[0].firstIndex(of: "killed_low"))
        #expect(rows.dropFirst().compactMap { Int($0[column]) }.reduce(0, +) == killed)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("monthly-by-governorate.csv").path))
    }

    @Test func theFastPathGivesTheSameCSVAsTheFullOne() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("incidents.csv")
        let rows = [
            "event_id,date,place_id,governorate,killed_low,killed_high,injured_low,injured_high,perpetrator,weapon,sources",
            "e1,2017-11-13,C1022,Aleppo,41,,200,,Russian air force,airstrikes,a",
            "e2,2017-11-20,C1022,Aleppo,3,3,5,6,Assad regime,shelling,b",
            "e3,2017-12-19,C3978,Idlib,16,,24,,Russian air force,airstrikes,c;d",
            "e4,2018-02-02,C3978,Idlib,1,1,0,0,unknown,,e",
        ]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: table)
        let full = dir.appendingPathComponent("full")
        let fast = dir.appendingPathComponent("fast")
        for (out, extra) in [(full, [String]()), (fast, ["--csv-only"])] {
            let r = try GazetteRunner.run(["tally", table.path, "--by", "governorate", "--out", out.path, "--quiet"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in ["monthly-overview.csv", "monthly-by-governorate.csv"] {
            let a = try Data(contentsOf: full.appendingPathComponent(name))
            let b = try Data(contentsOf: fast.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between the fast and the full path")
        }
        let overview = try String(contentsOf: full.appendingPathComponent("monthly-overview.csv"), encoding: .utf8)
        #expect(overview.contains("2018-01-01,2018-01-31,0,0,0,0,0,0"), "an empty month is a row of zeros")
    }
}
