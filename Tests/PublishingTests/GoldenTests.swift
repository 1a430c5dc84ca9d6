import DelimitedText
import Foundation
import Publishing
import Testing

/// The example reports in `Reports/examples/<lang>/`, regenerated from `Fixture` and compared byte for byte.
/// Run with `UPDATE_GOLDEN=1` to rewrite them after an intended change, and review the diff.
@Suite struct GoldenTests {
    static let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    @Test(arguments: ["en", "ar", "fr"])
    func examplesMatch(language: String) throws {
        let renderer = try Fixture.renderer(language)
        let events = Fixture.events
        var files: [(String, Data)] = renderer.csvFiles(for: events).map { ($0.name, Data($0.bytes)) }
        files.append((renderer.textFileName, Data(renderer.text(for: events).utf8)))
        let dir = Fixture.repository.appendingPathComponent("Reports/examples/\(language)")
        if Self.update {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            if Self.update {
                try data.write(to: url)
                continue
            }
            let golden = try #require(
                try? Data(contentsOf: url), "missing \(url.path): run the tests with UPDATE_GOLDEN=1")
            #expect(
                data == golden,
                "\(language)/\(name) differs from the golden file; if intended, rerun with UPDATE_GOLDEN=1")
        }
    }
}
