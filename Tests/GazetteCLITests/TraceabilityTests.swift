import Foundation
import Testing

/// Issue 4's promise on real documents: every event's figures lead back to documents and sentences, and the text
/// report's totals are the CSV's. Reads the development corpus from ../shared (never copied here).
@Suite struct TraceabilityTests {
    static let corpus = GazetteRunner.shared.appendingPathComponent("eval/corpus")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "needs ../shared/eval/corpus"))
    func everyEventOfTheDevelopmentCorpusIsTracedToSentences() throws {
        let result = try GazetteRunner.run(["events", Self.corpus.path])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        let events = result.tsvRecords
        #expect(events.count > 100)
        let explained = try GazetteRunner.run(["events", Self.corpus.path, "--explain"])
        for event in events {
            let id = try #require(event["event_id"])
            for report in (event["reports"] ?? "").split(separator: ";") {
                #expect(
                    explained.stdout.contains("  \(report)  "), "report \(report) of event \(id) is explained")
            }
            for bound in ["killed_low_source", "killed_high_source", "injured_low_source", "injured_high_source"] {
                let source = event[bound] ?? ""
                if !source.isEmpty {
                    #expect((event["reports"] ?? "").contains(source), "\(bound) of \(id) is one of its reports")
                }
            }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "needs ../shared/eval/corpus"))
    func textTotalsEqualTheCSVOnTheDevelopmentCorpus() throws {
        let out = try GazetteRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try GazetteRunner.run([
            "report", Self.corpus.path, "--period", "year", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        let csv = String(
            decoding: try Data(contentsOf: out.appendingPathComponent("monthly-overview.csv")).dropFirst(3),
            as: UTF8.self)
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = lines[0].map(String.init)
        var totals: [Int] = []
        for name in ["incidents", "killed_low"] {
            let column = try #require(header.firstIndex(of: name))
            totals.append(lines.dropFirst().compactMap { Int($0[column]) }.reduce(0, +))
        }
        let text = try String(contentsOf: out.appendingPathComponent("monthly.txt"), encoding: .utf8)
        let totalLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Total") })
        let numbers = totalLine.split(separator: " ").compactMap { Int($0.filter { $0 != "," }) }
        #expect(Array(numbers.prefix(2)) == totals, "\(totalLine) vs CSV \(totals)")
    }
}
