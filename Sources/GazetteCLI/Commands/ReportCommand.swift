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
            low/high, injured low/high, source documents). Files go to --out: one CSV per section \
            (<report>-<section>.csv: UTF-8 with BOM, CRLF, RFC 4180, formula-like cells neutralized) and \
            <report>.txt, which is also printed. Each file is written whole or not at all.

            Consolidation: reports of one incident (same place, or same district with no town named; dates at \
            most a day apart; compatible perpetrators) become one event. Its killed and injured figures are \
            low = the highest lower bound a source states, high = the highest upper bound a source states \
            (empty when a source leaves it open), best = the median of point figures; each bound keeps its \
            source. Totals add the events' low and high bounds. Incidents a document mentions only in passing \
            (background) are left out unless --include-background.

            Examples:
              gazette report Reports/sample-corpus --period month --out out
              gazette report docs/ --period week --from 2017-11-01 --to 2017-12-31 --locale ar --out out-ar
              gazette report docs/ --definition my.report --delimiter ';' --shape wide --out out
            """
    )

    @Argument(help: "Files or folders of documents.")
    var paths: [String]

    @Flag(help: "Count incidents that documents mention only in passing.")
    var includeBackground = false

    @OptionGroup var report: ReportOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let diagnostics = Diagnostics()
        let resources = try Resources.locate()
        let gazetteer = try gazetteerOptions.load()
        let renderer = try report.renderer(resources: resources, gazetteer: gazetteer)
        let files = Files.expand(paths, extensions: Pipeline.documentExtensions, diagnostics: diagnostics)
        let pipeline = try Pipeline(resources: resources, gazetteer: gazetteer)
        var incidents: [Incident] = []
        for result in pipeline.run(files) {
            result.errors.forEach(diagnostics.failure)
            result.warnings.forEach(diagnostics.warning)
            incidents += result.incidents.filter { includeBackground || !$0.isBackground }
        }
        let events = Consolidation(districtOfPlace: renderer.districtOfPlace).events(from: incidents)
        let text = try report.write(renderer, events: events, diagnostics: diagnostics)
        if !report.quiet { Files.writeStandardOutput(text) }
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }
}
