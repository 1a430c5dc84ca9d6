import Foundation
import GazetteModel
import Testing
import Toponyms

/// Scores the matcher on the shared development set of real spellings (read at test time, never copied).
@Suite struct VariantsDevTests {
    @Test func accuracyOnVariantsDev() throws {
        let path = Files.shared.appendingPathComponent("eval/variants-dev.tsv").path
        guard FileManager.default.fileExists(atPath: path) else {
            print("variants-dev.tsv not found at \(path); skipped")
            return
        }
        let lines = try Files.text(path).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let matcher = Matcher(gazetteer: Files.gazetteer)
        var out = "query\tcontext\tplace_id\tstatus\tscore\twhy\n"
        var right = 0, sure = 0, wrongSure = 0, review = 0, total = 0
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let query = f[0], context = f.count > 1 ? f[1] : ""
            let expected = Set((f.count > 2 ? f[2] : "").split(separator: "|").map(String.init))
            let m = matcher.match(query, context: context)
            let id = m.status == .unmatched ? "" : (m.candidates.first?.place.id ?? "")
            let good = expected.isEmpty ? m.status == .unmatched : expected.contains(id)
            total += 1
            if good { right += 1 }
            if m.status == .matched {
                sure += 1
                if !good { wrongSure += 1 }
            } else if !expected.isEmpty {
                review += 1
            }
            if !good {
                print("MISS\t\(query)\t\(context)\texpected \(f[2])\tgot \(id) \(m.status.rawValue) \(m.why)"
                    + "\t" + m.candidates.prefix(3).map { "\($0.place.id) \($0.place.nameEn) \($0.score)" }
                    .joined(separator: "; "))
            }
            let score = m.candidates.first.map { String($0.score) } ?? "0"
            out += "\(query)\t\(context)\t\(id)\t\(m.status.rawValue)\t\(score)\t\(m.why)\n"
        }
        let predictions = FileManager.default.temporaryDirectory.appendingPathComponent("toponyms-variants-dev.tsv")
        try out.write(to: predictions, atomically: true, encoding: .utf8)
        let accuracy = Double(right) / Double(total)
        let wrong = Double(wrongSure) / Double(total)
        print("variants-dev: accuracy \(accuracy) wrong_sure \(wrong) to_review \(Double(review) / Double(total))"
            + " matched \(sure)/\(total); predictions in \(predictions.path)")
        #expect(accuracy >= 0.95)
        #expect(wrong <= 0.01)
    }
}
