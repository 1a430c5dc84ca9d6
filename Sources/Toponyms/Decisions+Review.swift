public import GazetteModel
import DelimitedText

extension Decisions {
    /// The review file: one row per distinct name and context the matcher left `ambiguous` or `unmatched` (and
    /// no decision settled), in the decisions format with `place_id` empty and the candidates in `note`, so a
    /// person fills in `place_id` (a P-code from the note, or `none`) and passes the file back with
    /// `--decisions`. Rows come in the order of `matches`; comment lines at the top say what to do.
    ///
    /// - Parameter origin: names the run in the first comment line (the input file, for instance).
    public static func reviewTSV(_ matches: [Match], origin: String = "") -> String {
        var writer = TSVWriter()
        writer.writeRow(columns)
        var seen: Set<String> = []
        var rows = 0
        for match in matches where match.status != .matched && !match.why.hasPrefix("decision:") {
            guard seen.insert(fold(match.query) + "\u{1F}" + fold(match.context)).inserted else { continue }
            guard !trimmed(match.query).isEmpty else { continue }
            writer.writeRow([trimmed(match.query), trimmed(match.context), "", reviewNote(match)])
            rows += 1
        }
        let header = """
            # Gazette review file\(origin.isEmpty ? "" : " for \(origin)"): \(rows) \(rows == 1 ? "name" : "names") \
            to decide.
            # Fill place_id with a P-code (one of the candidates in note, or any gazetteer P-code), or write none
            # when the name is not a place of the gazetteer; leave it empty to decide later. Then run again with
            # --decisions FILE: decisions win over the matcher. An empty context makes a decision apply everywhere.

            """
        return header + String(decoding: writer.bytes, as: UTF8.self)
    }

    /// `ambiguous: C2338 Duma (Rural Damascus) 0.95; C3017 Duma (Hama) 0.95 — why`.
    static func reviewNote(_ match: Match) -> String {
        let candidates = match.candidates.prefix(6).map { candidate in
            let place = candidate.place
            let name = place.nameEn.isEmpty ? place.nameAr : place.nameEn
            let within = [place.admin2?.nameEn, place.admin1?.nameEn].compactMap { $0 }.filter { !$0.isEmpty }
            let area = within.isEmpty ? "" : " (\(within.joined(separator: ", ")))"
            let score = (candidate.score * 100).rounded() / 100
            return "\(place.id) \(name)\(area) \(score)"
        }
        let listed = candidates.isEmpty ? "no candidate" : candidates.joined(separator: "; ")
        return "\(match.status.rawValue): \(listed) — \(match.why)"
    }
}
