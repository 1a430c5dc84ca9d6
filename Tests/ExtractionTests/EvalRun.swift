import Foundation
import GazetteModel
import Testing

@testable import Extraction

/// Runs extraction over `../shared/eval/corpus` and writes the predictions as TSV (the columns of
/// labels-dev.tsv plus place_name) to `/tmp/gazette-extract-pred.tsv` for `score_extract.py`.
@Suite struct EvalRun {
    static let columns = [
        "doc", "incident", "date", "date_precision", "place", "place_context", "governorate",
        "killed_min", "killed_max", "killed_text", "injured_min", "injured_max", "injured_text", "perpetrator",
        "weapon", "place_en", "notes", "place_name", "place_id", "background", "evidence",
    ]

    @Test func extractDevelopmentCorpus() throws {
        let dir = Fixtures.shared.appendingPathComponent("eval/corpus")
        guard FileManager.default.fileExists(atPath: dir.path) else { return }
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        var lines = [Self.columns.joined(separator: "\t")]
        var withIncidents = 0
        let session = Fixtures.extractor.session()
        for f in files {
            for doc in try Fixtures.read(f) {
                let incidents = session.extract(doc)
                if !incidents.isEmpty { withIncidents += 1 }
                for i in incidents {
                    func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
                    let cells = [
                        doc.id, String(i.index), i.date?.iso ?? "", i.datePrecision.rawValue, i.place,
                        i.placeContext, i.governorate, n(i.killed.low), n(i.killed.high), i.killed.text,
                        n(i.injured.low), n(i.injured.high), i.injured.text, i.perpetrator, i.weapon, "", "",
                        i.placeName, i.placeID, i.isBackground ? "1" : "0", i.evidence,
                    ]
                    lines.append(
                        cells.map {
                            $0.replacingOccurrences(of: "\t", with: " ")
                                .replacingOccurrences(of: "\n", with: " ")
                        }.joined(separator: "\t"))
                }
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: "/tmp/gazette-extract-pred.tsv", atomically: true,
            encoding: .utf8)
        if ProcessInfo.processInfo.environment["GAZETTE_TIMING"] != nil {
            let docs = try files.flatMap { try Fixtures.read($0) }
            let bytes = docs.reduce(0) { $0 + $1.body.utf8.count }
            let clock = ContinuousClock()
            let t = clock.measure { for d in docs { _ = session.extract(d) } }
            print("TIMING \(docs.count) documents, \(bytes) bytes in \(t)")
        }
        // Most documents of the set report an incident; an extractor finding them in few is broken.
        #expect(withIncidents * 2 > files.count)
    }
}

/// Prints what extraction makes of the files named in `GAZETTE_DEBUG_FILES` (paths separated by `:`), for
/// a developer reading the rules' effect on one document. Does nothing when the variable is unset.
@Suite struct DebugDump {
    @Test func dump() throws {
        guard let list = ProcessInfo.processInfo.environment["GAZETTE_DEBUG_FILES"] else { return }
        for path in list.split(separator: ":") {
            for doc in try Fixtures.read(URL(fileURLWithPath: String(path))) {
                print(
                    "== \(doc.id) lang=\(doc.language) dateline=\(doc.dateline?.iso ?? "-") \(doc.metadata["dateline_source"] ?? "")"
                )
                if ProcessInfo.processInfo.environment["GAZETTE_DEBUG_CLAUSES"] != nil {
                    let ex = Fixtures.extractor
                    let rules = ex.ruleSets[doc.language] ?? ex.ruleSets["en"]!
                    let a = DocumentAnalysis(
                        extractor: ex, rules: rules, finder: ex.finders[rules.language]!,
                        icu: ICUWorker(), matcher: nil, document: doc)
                    for c in a.readClauses() {
                        print("  [\(c.sentence)] \(c.text.prefix(90))")
                        print(
                            "     fig=\(c.figures.map { "\($0.category):\($0.low ?? -1)-\($0.high ?? -1)" }) places="
                                + "\(c.places.map(\.text)) ctx=\(c.contexts.map(\.text)) dates=\(c.dates.map { $0.date?.iso ?? "-" }) "
                                + "attack=\(c.attack)")
                    }
                }
                for i in Fixtures.extractor.extract(doc) {
                    print(
                        "  #\(i.index) \(i.date?.iso ?? "-")/\(i.datePrecision) place=\(i.place) gov=\(i.governorate) "
                            + "k=\(i.killed) i=\(i.injured) bg=\(i.isBackground) perp=\(i.perpetrator) id=\(i.placeID)")
                    print("     ctx=\(i.placeContext) | k: \(i.killed.text) | i: \(i.injured.text)")
                    print("     ev=\(i.evidence.prefix(300))")
                }
            }
        }
    }
}
