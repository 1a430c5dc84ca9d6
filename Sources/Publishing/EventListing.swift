import DelimitedText
import GazetteModel
public import Tally

/// Events with the reports they were made of, for a person to check every merge and every figure
/// (`gazette events`, `gazette events --explain`).
public enum EventListing {
    /// The TSV columns of `tsv(_:)`, in order. An interface: keep them stable.
    public static let columns = [
        "event_id", "date", "last_date", "place_id", "place", "governorate", "perpetrator", "weapon",
        "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high",
        "killed_low_source", "killed_high_source", "injured_low_source", "injured_high_source", "disputed",
        "reports", "documents", "reasons",
    ]

    /// One row per event (the TSV dialect of `TSVWriter`): bounds, the report that gave each bound, the reports
    /// (`document#index`, joined by `;`), and the reasons for joining them (joined by ` | `).
    public static func tsv(_ events: [Event]) -> [UInt8] {
        var out = TSVWriter()
        out.writeRow(columns)
        for e in events {
            let r = e.primary
            func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
            out.writeRow([
                e.id, e.firstDate?.iso ?? "", e.lastDate?.iso ?? "", r.placeID,
                r.placeName.isEmpty ? r.place : r.placeName,
                r.governorate, r.perpetrator, r.weapon,
                n(e.killed.low), n(e.killed.best), n(e.killed.high), n(e.injured.low), n(e.injured.best),
                n(e.injured.high), e.killed.lowSource ?? "", e.killed.highSource ?? "", e.injured.lowSource ?? "",
                e.injured.highSource ?? "", e.killed.sourcesDisagree || e.injured.sourcesDisagree ? "yes" : "no",
                e.reports.map(Event.reportID).joined(separator: ";"), e.documents.joined(separator: ";"),
                e.reasons.joined(separator: " | "),
            ])
        }
        return out.bytes
    }

    /// Every event in plain text: its figures with the report behind each bound, then each report with its
    /// figures as written and the sentence it was read from, then why the reports were joined.
    ///
    /// ```text
    /// en-102#1  2017-12-18..2017-12-19  Maar Shurin [C3978], Idlib
    ///   killed 18 (low ar-301#1, high ar-301#1, best 18)   injured 25 (low en-102#1, high en-102#1)
    ///   ar-301#1  2017-12-18  killed 18  injured ≥20  "…"
    ///   why: ar-301#1 joined: same place C3978, dates 2017-12-18 and 2017-12-19 within 1 day, same perpetrator
    /// ```
    public static func explain(_ events: [Event]) -> String {
        var lines: [String] = []
        for e in events {
            let r = e.primary
            let dates: String
            switch (e.firstDate, e.lastDate) {
            case (let a?, let b?) where a != b: dates = "\(a.iso)..\(b.iso)"
            case (let a?, _): dates = a.iso
            default: dates = "undated"
            }
            var place = r.placeName.isEmpty ? r.place : r.placeName
            if !r.placeID.isEmpty { place += " [\(r.placeID)]" }
            if !r.governorate.isEmpty { place += ", \(r.governorate)" }
            lines.append("\(e.id)  \(dates)  \(place)  \(r.perpetrator)\(r.weapon.isEmpty ? "" : ", \(r.weapon)")")
            lines.append(
                "  killed \(figure(e.killed))   injured \(figure(e.injured))"
                    + (e.killed.sourcesDisagree || e.injured.sourcesDisagree ? "   (sources disagree)" : ""))
            for report in e.reports {
                let evidence = report.evidence.isEmpty ? "" : "  \"\(report.evidence)\""
                lines.append(
                    "  \(Event.reportID(report))  \(report.date?.iso ?? "undated")  killed \(report.killed)"
                        + "  injured \(report.injured)  place \"\(report.place)\"\(evidence)")
            }
            for reason in e.reasons { lines.append("  why: \(reason)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func figure(_ e: Estimate) -> String {
        var sources: [String] = []
        if let s = e.lowSource { sources.append("low \(s)") }
        if let s = e.highSource { sources.append("high \(s)") }
        if let b = e.best { sources.append("best \(b) of \(e.bestSources.joined(separator: ", "))") }
        return sources.isEmpty ? e.description : "\(e.description) (\(sources.joined(separator: "; ")))"
    }
}
