import Extraction
import Foundation
import GazetteModel
import Testing

/// Issue 2's acceptance on the two press releases in `../shared/seeds`, read at test time.
@Suite struct SeedTests {
    @Test func seedIncidents() throws {
        let dir = Fixtures.shared.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        try #require(files.count == 2)
        var all: [Incident] = []
        for f in files {
            for doc in try Fixtures.read(f) { all += Fixtures.extractor.extract(doc) }
        }
        let maar = try #require(all.first { $0.place.contains("Maar Shoureen") })
        #expect(maar.date?.iso == "2017-12-19")
        #expect(maar.datePrecision == .day)
        #expect(maar.killed.low == 16)
        #expect(maar.governorate == "Idlib")
        let atareb = try #require(all.first { $0.place.contains("Atareb") })
        #expect(atareb.date?.iso == "2017-11-13")
        #expect(atareb.killed.low == 41)
        #expect(atareb.killed.high == nil)
        #expect(atareb.injured.low == 200)
        #expect(atareb.governorate == "Aleppo")
        #expect(atareb.perpetrator.hasPrefix("Russian"))
    }
}
