import Foundation
import Testing

@Suite struct ReportCommandTests {
    @Test func theSampleCorpusGivesAReportOverThreeMonths() throws {
        let out = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try GazetteRunner.run(["report", "Reports/sample-corpus", "--period", "month", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        for month in ["October 2017", "November 2017", "December 2017"] {
            #expect(result.stdout.contains(month))
        }
        let csv = try Data(contentsOf: out.appendingPathComponent("monthly-governorates.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM for Excel")
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("\r\n"), "CRLF line ends")
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        let period = try #require(header.firstIndex(of: "period_start"))
        let months = Set(rows.dropFirst().map { String($0[period].prefix(7)) })
        #expect(months.isSuperset(of: ["2017-10", "2017-11", "2017-12"]))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("monthly.txt").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left behind")
    }

    @Test func totalsInTheTextEqualTheCSV() throws {
        let out = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try GazetteRunner.run(["report", "Reports/sample-corpus", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("monthly-overview.csv")).dropFirst(3),
                         as: UTF8.self)
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = lines[0].map(String.init)
        let incidents = try #require(header.firstIndex(of: "incidents"))
        let killed = try #require(header.firstIndex(of: "killed_low"))
        let totalIncidents = lines.dropFirst().compactMap { Int($0[incidents]) }.reduce(0, +)
        let totalKilled = lines.dropFirst().compactMap { Int($0[killed]) }.reduce(0, +)
        let text = try String(contentsOf: out.appendingPathComponent("monthly.txt"), encoding: .utf8)
        let totalLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Total") })
        let numbers = totalLine.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.first == totalIncidents)
        #expect(numbers.dropFirst().first == totalKilled)
    }

    @Test func aSecondRunReplacesTheFilesWhole() throws {
        let out = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try GazetteRunner.run(["report", "Reports/sample-corpus", "--out", out.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: out.appendingPathComponent("monthly-places.csv"))
        let second = try GazetteRunner.run([
            "report", "Reports/sample-corpus", "--out", out.path, "--quiet", "--locale", "fr",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("monthly-places.csv")) == before, "CSV is not localized")
        let text = try String(contentsOf: out.appendingPathComponent("monthly.txt"), encoding: .utf8)
        #expect(text.contains("octobre 2017"), "the text was replaced by the French one")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["monthly-governorates.csv", "monthly-overview.csv", "monthly-places.csv", "monthly.txt"])
    }

    @Test func anUnwritableOutputFolderIsNamed() throws {
        let dir = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("not a folder".utf8).write(to: blocker)
        let result = try GazetteRunner.run(["report", "Reports/sample-corpus", "--out", blocker.path + "/out"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot write"))
    }

    @Test func aBadDateIsAUsageError() throws {
        let result = try GazetteRunner.run(["report", "Reports/sample-corpus", "--from", "2017-13-01"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--from"))
    }
}
