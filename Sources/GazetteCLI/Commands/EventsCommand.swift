import ArgumentParser
import Foundation
import GazetteModel
import Publishing
import Tally
import Toponyms

/// `gazette events`: the events a report would count, with the reports behind each, for checking merges.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List consolidated events with the reports, sources and reasons behind each figure.",
        discussion: """
            Reads documents as `gazette report` does and lists the events it would count, so a person can \
            check every merge before publishing. Without --explain: a TSV with one row per event (event_id, \
            dates, place, killed and injured low/best/high, the report that gave each bound, every report \
            joined, and why). With --explain: plain text, each event followed by its reports with their \
            figures as written and the sentence each was read from.

            \(consolidationRule)

            To undo a merge or make one, write `apart A B` or `join A B` lines (report ids as listed, e.g. \
            en-102#1) to a file and pass it with --event-decisions; the same file works with `gazette report`.

            Examples:
              gazette events Reports/sample-corpus --explain
              gazette events docs/ --event-decisions merges.txt > events.tsv
            """
    )

    @Argument(help: "Files or folders of documents.")
    var paths: [String]

    @Flag(help: "Plain text: each event's figures traced to its reports and sentences.")
    var explain = false

    @OptionGroup var eventOptions: EventOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    func run() throws {
        let diagnostics = Diagnostics()
        let pipeline = try Pipeline(gazetteerOptions, decisionOptions, diagnostics: diagnostics)
        let incidents = pipeline.incidents(of: paths, diagnostics: diagnostics).incidents
        let events = try eventOptions.events(
            from: incidents, districtOfPlace: pipeline.gazetteer.districtOfPlace, diagnostics: diagnostics)
        if explain {
            Files.writeStandardOutput(EventListing.explain(events))
        } else {
            Files.writeStandardOutput(EventListing.tsv(events))
        }
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }
}

extension Gazetteer {
    /// P-code → district (admin 2) English name, for grouping by district and joining reports by district.
    var districtOfPlace: [String: String] {
        var out: [String: String] = [:]
        for place in places { if let d = place.admin2?.nameEn { out[place.id] = d } }
        return out
    }
}
