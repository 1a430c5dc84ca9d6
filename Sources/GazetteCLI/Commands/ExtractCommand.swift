import ArgumentParser
import DelimitedText
import Foundation
import GazetteModel

/// `gazette extract`: documents in, one TSV row per incident out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract incidents (date, place, killed, injured, perpetrator, weapon) from documents.",
        discussion: """
            Reads files and folders (folders are walked for .txt, .md, .html, .jsonl): plain text with optional \
            `Key: value` header lines (URL:, SOURCE:, LANG:, DATE:) and an empty line before the text, \
            Markdown, HTML (text only) and JSON Lines (a `text` field plus url, source, published, lang). \
            The language picks the rule set in Locales/<lang>/extraction.rules; the dateline resolves \
            relative dates ("on Tuesday", "yesterday", أمس, hier).

            Writes TSV to standard output, one row per incident, with the columns of the evaluation labels \
            (doc, incident, date, date_precision, place, place_context, governorate, killed_min, killed_max, \
            killed_text, injured_min, injured_max, injured_text, perpetrator, weapon, place_en, notes) then \
            place_id, place_name, match_status, evidence, background and victims (who the victims were, when \
            stated, in a small vocabulary with the words as written: `women [women]; children [أطفال]`). \
            Bounds: "at least 16" gives killed_min 16 and an empty killed_max; "more than 40" gives min 41; \
            "dozens" min 24 (conventions in Locales/quantities.rules).

            A file that cannot be read (missing, empty, binary, not text) is named on standard error with what \
            to do; the other files are still processed and the exit status is 65.

            Examples:
              gazette extract Reports/sample-corpus > incidents.tsv
              gazette extract report.html news.jsonl --gazetteer my-gazetteer.tsv
            """
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Flag(help: "Leave out incidents that a document mentions only in passing (marked background).")
    var noBackground = false

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    func run() throws {
        let diagnostics = Diagnostics()
        let (pipeline, files) = try Pipeline.prepare(
            gazetteerOptions, decisionOptions, paths: paths, diagnostics: diagnostics)
        // Each file's rows are written by the worker that read it; here they are only put together in order.
        let background = !noBackground
        let written = pipeline.run(files) { result in
            var out = TSVWriter()
            for row in IncidentRow.rows(result.incidents, documents: result.documents, background: background) {
                out.writeRow(row)
            }
            return (rows: out.bytes, errors: result.errors, warnings: result.warnings)
        }
        var out = TSVWriter()
        out.writeRow(IncidentRow.header)
        var bytes = out.bytes
        bytes.reserveCapacity(written.reduce(bytes.count) { $0 + $1.rows.count })
        for file in written {
            file.errors.forEach(diagnostics.failure)
            file.warnings.forEach(diagnostics.warning)
            bytes += file.rows
        }
        Files.writeStandardOutput(bytes)
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }
}

/// The columns `gazette extract` writes.
enum IncidentRow {
    static let header = [
        "doc", "incident", "date", "date_precision", "place", "place_context", "governorate",
        "killed_min", "killed_max", "killed_text", "injured_min", "injured_max", "injured_text",
        "perpetrator", "weapon", "place_en", "notes",
        "place_id", "place_name", "match_status", "evidence", "background", "victims",
    ]

    /// The rows of `incidents` (leaving out background ones unless `background`), each with its document's
    /// language deciding whether `place_en` is filled.
    static func rows(_ incidents: [Incident], documents: [Document], background: Bool) -> [[String]] {
        let languages = Dictionary(documents.map { ($0.id, $0.language) }, uniquingKeysWith: { a, _ in a })
        return incidents.filter { background || !$0.isBackground }.map {
            cells($0, language: languages[$0.document] ?? "")
        }
    }

    static func cells(_ i: Incident, language: String) -> [String] {
        func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
        return [
            i.document, String(i.index), i.date?.iso ?? "", i.datePrecision.rawValue, i.place, i.placeContext,
            i.governorate,
            n(i.killed.low), n(i.killed.high), i.killed.text, n(i.injured.low), n(i.injured.high), i.injured.text,
            i.perpetrator, i.weapon, language == "en" ? "" : i.placeName,
            i.isBackground ? "BACKGROUND: mentioned in passing" : "",
            i.placeID, i.placeName, i.matchStatus?.rawValue ?? "", i.evidence, i.isBackground ? "yes" : "",
            i.victims,
        ]
    }
}
