import ArgumentParser
import Foundation
import GazetteModel
import Toponyms

/// `--decisions FILE`: a person's choices for names the matcher could not settle, replayed before the matcher on
/// every command that matches names.
struct DecisionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A decisions TSV (name, context, place_id or none, note): applied before the matcher.",
            discussion: "Start from a review file that reconcile writes, fill in place_id, and pass it back.",
            valueName: "file"))
    var decisions: String?

    /// The decisions, checked against the gazetteer (a P-code it lacks is a warning naming the line).
    func load(gazetteer: Gazetteer, diagnostics: Diagnostics) throws -> Decisions {
        guard let decisions else { return Decisions() }
        let url = URL(fileURLWithPath: decisions)
        let loaded = try Files.parse(url) { try Decisions(tsv: $0, origin: url.path) }
        loaded.validate(against: gazetteer).forEach(diagnostics.warning)
        return loaded
    }
}

extension Decisions {
    /// `incident` with its place replaced by the decision for its name and locating phrase, if there is one.
    func apply(to incident: Incident, gazetteer: Gazetteer) -> Incident {
        guard !entries.isEmpty, !incident.place.isEmpty,
            let match = decide(incident.place, context: incident.placeContext, gazetteer: gazetteer)
        else { return incident }
        var decided = incident
        decided.matchStatus = match.status
        decided.placeID = match.place?.id ?? ""
        decided.placeName = match.place?.nameEn ?? ""
        if let governorate = match.place?.admin1?.nameEn, !governorate.isEmpty {
            decided.governorate = governorate
        }
        return decided
    }
}
