import ArgumentParser
import Foundation
import GazetteModel
import Publishing
import Tally

/// `gazette report`: documents in, the monthly (or weekly, quarterly ...) report out.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write per-period CSV and plain-text reports from documents.",
        discussion: """
            Reads the documents (as `gazette extract` does), reconciles places, joins reports of the same \
            incident into events, and writes the report a definition in Reports/ describes (default \
            Reports/monthly.report: per month overall, per governorate and per place: incidents, killed \
            low/high, injured low/high, source documents). --by replaces the definition's grouped sections \
            with one grouped by the dimensions given. Files go to --out: one CSV per section \
            (<report>-<section>.csv: UTF-8 with BOM, CRLF, RFC 4180, formula-like cells neutralized; column \
            names in Reports/README.md) and <report>.txt, which is also printed. Each file is written whole \
            or not at all.

            \(consolidationRule) Incidents a document mentions only in passing are left out unless \
            --include-background.

            Examples:
              gazette report Reports/sample-corpus --period month --out out
              gazette report docs/ --period week --from 2017-11-01 --to 2017-12-31 --locale ar --out out-ar
              gazette report docs/ --by governorate,perpetrator --delimiter ';' --shape wide --out out
            """
    )

    @Argument(help: "Files or folders of documents.")
    var paths: [String]

    @OptionGroup var report: ReportOptions
    @OptionGroup var eventOptions: EventOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    func run() throws {
        let diagnostics = Diagnostics()
        let resources = try Resources.locate()
        let pipeline = try Pipeline(gazetteerOptions, decisionOptions, resources: resources, diagnostics: diagnostics)
        let renderer = try report.renderer(resources: resources, gazetteer: pipeline.gazetteer)
        let incidents = pipeline.incidents(of: paths, diagnostics: diagnostics).incidents
        let events = try eventOptions.events(
            from: incidents, districtOfPlace: renderer.districtOfPlace, diagnostics: diagnostics)
        let text = try report.write(renderer, events: events, diagnostics: diagnostics)
        if !report.quiet { Files.writeStandardOutput(text) }
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }
}
