import ArgumentParser
import Foundation
import GazetteModel
import Tally

/// How reports of the same incident become events: what `report` and `events` share.
struct EventOptions: ParsableArguments {
    @Flag(help: "Count incidents that documents mention only in passing (marked background).")
    var includeBackground = false

    @Option(
        help: ArgumentHelp(
            "Consolidation decisions: lines `join A B` or `apart A B` with report ids such as en-102#1.",
            discussion: "Overrides the automatic rule for those reports; see `gazette events --explain`.",
            valueName: "file"))
    var eventDecisions: String?

    @Option(help: "Join reports whose dates are at most this many days apart.")
    var maxDayGap: Int = 1

    func validate() throws {
        guard (0...31).contains(maxDayGap) else { throw ValidationError("--max-day-gap must be 0 to 31") }
    }

    /// Consolidates `incidents` into events, after applying the event decisions.
    func events(
        from incidents: [Incident], districtOfPlace: [String: String], diagnostics: Diagnostics
    ) throws -> [Event] {
        var decisions = EventDecisions()
        if let eventDecisions {
            let url = URL(fileURLWithPath: eventDecisions)
            decisions = try Files.parse(url) { try EventDecisions(parsing: $0, origin: url.path) }
        }
        let kept = incidents.filter { includeBackground || !$0.isBackground }
        let consolidation = Consolidation(
            districtOfPlace: districtOfPlace, maxDayGap: maxDayGap, decisions: decisions)
        consolidation.unappliedDecisions(for: kept).forEach(diagnostics.warning)
        return consolidation.events(from: kept)
    }
}

/// The consolidation rule in words, for `--help` (and the README says the same).
let consolidationRule = """
    Consolidation: reports of one incident (the same place, or the same district when no town is named; \
    dates at most --max-day-gap days apart; compatible perpetrators) become one event that keeps every report \
    and the reason they were joined. Its killed and injured figures are low = the highest lower bound a \
    source states, high = the highest upper bound a source states (open when a source leaves it open), \
    best = the median of the point figures; each bound keeps the report it came from. Totals add the events' \
    low and high bounds; an open high makes the total's high open.
    """
