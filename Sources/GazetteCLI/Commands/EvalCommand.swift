import ArgumentParser
import DelimitedText
import Extraction
import Foundation
import GazetteModel

/// `gazette eval`: extraction over documents, scored against hand-made labels in one command.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Extract incidents from documents and score them against hand-made labels.",
        discussion: """
            Runs the extraction of `gazette extract` over the files and folders given, then scores the \
            incidents against a labels TSV (the columns of ../shared/eval/labels-dev.tsv: doc, incident, date, \
            date_precision, place, governorate, killed_min, killed_max, injured_min, place_en) with the rules \
            of ../shared/eval/score_extract.py, and prints the same figures: one row per language (the \
            document-id prefix, `en` without one) and `all`, with docs, gold, predicted, precision, recall, \
            f1, and over matched incidents the share whose date agrees exactly and within one day and whose \
            governorate, killed_min, killed_max and injured_min agree. Shares are rounded to three decimals \
            as the script rounds them.

            A prediction matches a label in the same document when their places match after normalisation \
            (case, accents, Arabic letter variants, "al-", "the town of" ignored; one name containing the \
            other; or the reconciled English name equal to place_en); the closest date wins and each row is \
            used once. Documents that are not in the labels are not scored; labelled documents that are not \
            among the inputs count as missed and are named on standard error.

            Exit status: 0 when the run completed, whatever the scores; 65 when the labels could not be read \
            or some input was malformed or missing (the figures are still printed when the labels were read).

            Examples:
              gazette eval --labels ../shared/eval/labels-dev.tsv ../shared/eval/corpus
              gazette eval --json --labels labels.tsv corpus/
              gazette eval --labels labels.tsv reports/ --predictions predicted.tsv
            """
    )

    @Option(name: .long, help: ArgumentHelp("The labels TSV, one row per incident (header row required).",
        valueName: "file"))
    var labels: String

    @Argument(help: "Files or folders to extract from, as for `gazette extract`.")
    var paths: [String]

    @Flag(help: "Print the figures as JSON (as score_extract.py --json does).")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Also write the predicted incidents to this file, as the TSV `gazette extract` writes.",
        valueName: "out.tsv"))
    var predictions: String?

    @Flag(help: "Leave out incidents that a document mentions only in passing (marked background).")
    var noBackground = false

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    func run() throws {
        let diagnostics = Diagnostics()
        // The labels first: a bad labels file should not cost a whole extraction run.
        let scorer: IncidentScorer
        do {
            scorer = try loadLabels(diagnostics: diagnostics)
        } catch {
            diagnostics.failure("\(error)")
            throw ExitCode.dataError
        }

        let (pipeline, files) = try Pipeline.prepare(
            gazetteerOptions, decisionOptions, paths: paths, diagnostics: diagnostics)
        let (incidents, documents) = pipeline.incidents(of: files, diagnostics: diagnostics)

        // The rows `gazette extract` would print, so the figures are those of the script on its output.
        var out = TSVWriter()
        out.writeRow(IncidentRow.header)
        var rows: [[String: String]] = []
        for cells in IncidentRow.rows(incidents, documents: documents, background: !noBackground) {
            out.writeRow(cells)
            rows.append(Dictionary(zip(IncidentRow.header, cells), uniquingKeysWith: { _, last in last }))
        }
        if let predictions {
            try Files.writeAtomically(out.bytes, to: URL(fileURLWithPath: predictions))
        }

        reportCoverage(labelled: scorer.documentIDs, read: documents.map(\.id), diagnostics: diagnostics)
        let card = scorer.score(predictions: rowsAsTheScriptReads(out.bytes, written: rows, diagnostics: diagnostics))
        Files.writeStandardOutput(json ? card.json() : card.table())
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }

    /// Reads the labels as the script does (tab-separated with the csv module's quoting: a cell may be
    /// quoted, with doubled quotes inside), and warns about dates that will not be scored.
    private func loadLabels(diagnostics: Diagnostics) throws -> IncidentScorer {
        let url = URL(fileURLWithPath: labels)
        let text = try Files.readText(url)
        let records: [DelimitedRecord]
        do {
            records = try CSVReader.records(Array(text.utf8), options: .init(delimiter: UInt8(ascii: "\t"),
                origin: url.path))
        } catch {
            // The error names the file, line and column already.
            throw CLIError.resources("\(error); the labels must be tab-separated UTF-8 (quoted cells as in CSV)")
        }
        guard let header = records.first?.fields, records.count > 1 else {
            throw CLIError.input(
                path: url.path, message: "no label rows; expected a header row and one row per incident")
        }
        guard header.contains("doc") else {
            throw CLIError.input(
                path: url.path,
                message: "no `doc` column in the header; the labels need at least doc, incident, date, place, "
                    + "governorate and the killed and injured bounds")
        }
        let expected = ["incident", "date", "date_precision", "place", "governorate", "killed_min", "killed_max",
            "injured_min"]
        let missing = expected.filter { !header.contains($0) }
        if !missing.isEmpty {
            diagnostics.warning("\(url.path): no column \(missing.joined(separator: ", ")); scored as empty")
        }
        if let dateColumn = header.firstIndex(of: "date") {
            for record in records.dropFirst() where dateColumn < record.fields.count {
                let date = record.fields[dateColumn]
                if !date.trimmingCharacters(in: .whitespaces).isEmpty, !IncidentScorer.readsDate(date) {
                    diagnostics.warning(
                        "\(url.path):\(record.line): date '\(date)' is not YYYY-MM-DD; this row's date is not scored")
                }
            }
        }
        return IncidentScorer(labels: IncidentScorer.rows(records.map(\.fields)))
    }

    /// The prediction rows as `score_extract.py` would read `gazette extract`'s output: Python's csv module
    /// takes a cell that starts with a double quote as a quoted cell, which TSV does not mean. The figures
    /// follow the script (the acceptance figures are the script's), and a warning says when the two differ.
    private func rowsAsTheScriptReads(
        _ tsv: [UInt8], written: [[String: String]], diagnostics: Diagnostics
    ) -> [[String: String]] {
        guard tsv.contains(UInt8(ascii: "\"")) else { return written }
        let records: [DelimitedRecord]
        do {
            records = try CSVReader.records(tsv, options: .init(delimiter: UInt8(ascii: "\t"), origin: "predictions"))
        } catch {
            diagnostics.warning(
                "a predicted cell starts with a double quote that Python's csv module reads as quoting (\(error)); "
                    + "these figures may differ from score_extract.py on `gazette extract` output")
            return written
        }
        let reread = IncidentScorer.rows(records.map(\.fields))
        if reread != written {
            diagnostics.warning(
                "some predicted cells start with a double quote, which score_extract.py reads as CSV quoting; "
                    + "the figures follow the script's reading of `gazette extract` output")
        }
        return reread
    }

    /// Names labelled documents missing from the inputs (they count as missed) and says how many inputs
    /// have no labels (they are not scored), so a wrong path does not pass for a bad score.
    private func reportCoverage(labelled: [String], read: [String], diagnostics: Diagnostics) {
        let readIDs = Set(read.map(IncidentScorer.documentID))
        let absent = labelled.filter { !readIDs.contains($0) }
        if !absent.isEmpty {
            let shown = absent.prefix(10).joined(separator: ", ") + (absent.count > 10 ? " ..." : "")
            diagnostics.warning(
                "\(absent.count) of \(labelled.count) labelled documents are not among the inputs (\(shown)); "
                    + "their incidents count as missed")
        }
        let unlabelled = readIDs.subtracting(labelled).count
        if unlabelled > 0 {
            diagnostics.note("note: \(unlabelled) input document(s) have no labels and are not scored")
        }
    }
}
