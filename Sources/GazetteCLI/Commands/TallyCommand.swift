import ArgumentParser
import DelimitedText
import Foundation
import GazetteModel
import Publishing
import Tally
import Toponyms


/// `gazette tally`: the same reports as `gazette report`, from a table of incidents instead of documents.
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Write per-period reports from an incident table (Gazette's own, or an ACLED-style export).",
        discussion: """
            Reads a CSV (`,` or `;`, BOM or not) or TSV of incidents, one row each, and writes the report \
            `gazette report` writes, with the same options. --mapping says which column holds what:
              gazette  event_id, date, place_id, place, governorate, killed_low, killed_high, injured_low,
                       injured_high, perpetrator, weapon, sources (Gazette's incident table)
              extract  the TSV of `gazette extract` (doc, incident, date, place, governorate, killed_min, ...)
              acled    event_id_cnty, event_date, admin1, location, fatalities, actor1, sub_event_type, source
            Place names without a place id are reconciled on the way (the governorate column is their context), \
            and --decisions applies. Each row is one event unless --consolidate joins rows of one incident by the \
            rule below.

            --csv-only takes the fast path for large tables: rows are counted as they are read, on every core, \
            without reconciling names or writing the text report (two million rows in well under a second; the \
            same figures as the full path for rows whose places need no reconciling).

            \(consolidationRule)

            Examples:
              gazette extract docs/ > incidents.tsv && gazette tally incidents.tsv --mapping extract --out out
              gazette tally acled-syria.csv --mapping acled --period quarter --by governorate --out out
              gazette tally incidents.csv --by governorate --csv-only --out out
            """
    )

    @Argument(help: "The incident table (.csv, or .tsv for Gazette's TSV).")
    var table: String

    @Option(help: "Which columns hold what: gazette, extract or acled.")
    var mapping: MappingName = .gazette

    @Option(help: "csv or tsv. Default: from the file name (.tsv is TSV).")
    var format: IncidentTable.Format?

    @Flag(help: "Join rows that report the same incident (see the rule below).")
    var consolidate = false

    @Flag(help: "Only the CSV files, on the fast path: no reconciliation, no text report.")
    var csvOnly = false

    @OptionGroup var report: ReportOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    enum MappingName: String, ExpressibleByArgument, CaseIterable {
        case gazette, extract, acled

        var columns: IncidentTable.ColumnMapping {
            switch self {
            case .gazette: return .gazette
            case .extract: return .extract
            case .acled: return .acled
            }
        }
    }

    func run() throws {
        let diagnostics = Diagnostics()
        let resources = try Resources.locate()
        let gazetteer = try gazetteerOptions.load()
        let renderer = try report.renderer(resources: resources, gazetteer: gazetteer)
        let url = URL(fileURLWithPath: table)
        let format = self.format ?? (url.pathExtension.lowercased() == "tsv" ? .tsv : .csv)
        var csv = CSVReader.Options(delimiter: nil, origin: url.path)
        csv.invalidUTF8 = .fail
        let dir = URL(fileURLWithPath: report.out, isDirectory: true)

        if csvOnly {
            var options = CSVWriter.Options()
            options.delimiter = report.csvDelimiter
            let sections = renderer.definition.sections
            let groupings = sections.map { renderer.grouping(for: $0) }
            let order: (String, String) -> Bool = { renderer.collatorCompare($0, $1) < 0 }
            let threads = ProcessInfo.processInfo.activeProcessorCount
            // Every section in one pass over the file, mapped rather than copied.
            let tables: [TallyTable]
            do {
                tables = try Files.withMappedBytes(url) { bytes, release in
                    if format == .tsv {
                        let copy = Array(bytes)
                        return try groupings.map { grouping in
                            try IncidentTable.tally(
                                copy, origin: url.path, mapping: mapping.columns, grouping: grouping, format: .tsv,
                                csv: csv, areInIncreasingOrder: order)
                        }
                    }
                    return try IncidentTable.tally(
                        buffer: bytes, origin: url.path, mapping: mapping.columns, groupings: groupings, csv: csv,
                        threads: threads, areInIncreasingOrder: order, release: release)
                }
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.input(path: url.path, message: "\(error)")
            }
            for (section, tallied) in zip(sections, tables) {
                let name = "\(renderer.definition.name)-\(section.name).csv"
                try Files.writeAtomically(
                    renderer.csv(section: section, table: tallied, options: options), to: dir.appendingPathComponent(name))
                diagnostics.note("wrote \(dir.appendingPathComponent(name).path)")
            }
            return
        }

        let bytes = try Files.read(url)
        var incidents: [Incident]
        do {
            incidents = try IncidentTable.incidents(bytes, origin: url.path, mapping: mapping.columns, format: format, csv: csv)
        } catch {
            throw CLIError.input(path: url.path, message: "\(error)")
        }
        let matcher = DecidedMatcher(
            matcher: Matcher(gazetteer: gazetteer),
            decisions: try decisionOptions.load(gazetteer: gazetteer, diagnostics: diagnostics))
        var unmatched = 0
        for i in incidents.indices where incidents[i].placeID.isEmpty && !incidents[i].place.isEmpty {
            let match = matcher.match(incidents[i].place, context: incidents[i].governorate)
            incidents[i].matchStatus = match.status
            if let place = match.place {
                incidents[i].placeID = place.id
                incidents[i].placeName = place.nameEn
            } else {
                unmatched += 1
            }
        }
        if unmatched > 0 {
            diagnostics.warning(
                "\(url.path): \(unmatched) place name(s) not reconciled (kept as written); "
                    + "list them with `gazette reconcile` and decide them with --decisions")
        }
        let events = consolidate
            ? Consolidation(districtOfPlace: gazetteer.districtOfPlace).events(from: incidents)
            : Event.each(incidents)
        let text = try report.write(renderer, events: events, diagnostics: diagnostics)
        if !report.quiet { Files.writeStandardOutput(text) }
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }
}
