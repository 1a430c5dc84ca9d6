import ArgumentParser
import DelimitedText
import Foundation
import GazetteModel
import Toponyms

/// `gazette reconcile`: a spreadsheet's column of place names → P-codes, every row and column kept.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Add P-codes, names, admin units and coordinates to a CSV's column of place names.",
        discussion: """
            Reads any CSV (RFC 4180, with or without a BOM, `,` or `;` found from the header line), keeps \
            every row and column as it was, and appends place_id, place_name_en, place_name_ar, admin1, \
            admin2, admin3, latitude, longitude, score, status and why. `status` is matched, ambiguous (a \
            person must choose; the candidates are in the review file) or unmatched (not a gazetteer place: \
            regions, camps, hospitals, countries). A --context-column (a governorate, district, P-code or \
            phrase such as "rural Idlib") narrows the candidates.

            Names that need a decision go to the review file (default <input>-review.tsv), in the decisions \
            format: fill in place_id (a P-code, or `none`) and pass the file back with --decisions on this or \
            any other command; decisions win over the matcher on every later run.

            Bad rows are never dropped: an empty name is `unmatched` with why `empty name`; bytes that are \
            not UTF-8 are replaced and the line is named on standard error.

            Examples:
              gazette reconcile victims.csv --column village --context-column governorate
              gazette reconcile sites.csv --column location --decisions sites-review.tsv --out sites-coded.csv
            """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The column holding place names (its header).")
    var column: String

    @Option(help: "A column whose value narrows the candidates (governorate, district, phrase).")
    var contextColumn: String?

    @Option(help: ArgumentHelp("Output CSV. Default: <input>-reconciled.csv beside the input.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Review file. Default: <input>-review.tsv beside the input.", valueName: "file"))
    var review: String?

    @Option(help: "Output delimiter: ',' or ';'. Default: the input's.")
    var delimiter: String?

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    static let addedColumns = [
        "place_id", "place_name_en", "place_name_ar", "admin1", "admin2", "admin3", "latitude", "longitude",
        "score", "status", "why",
    ]

    func validate() throws {
        if let delimiter, delimiter != ",", delimiter != ";" {
            throw ValidationError("--delimiter must be ',' or ';'")
        }
    }

    func run() throws {
        let diagnostics = Diagnostics()
        let input = URL(fileURLWithPath: file)
        let bytes = try Files.read(input)
        guard !bytes.isEmpty else {
            throw CLIError.input(path: file, message: "the file is empty; expected a header row naming \(column)")
        }
        var reader = CSVReader(
            bytes: bytes, options: CSVReader.Options(delimiter: nil, origin: file, invalidUTF8: .replace))
        var records: [DelimitedRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            throw CLIError.input(path: file, message: "\(error); fix the file (nothing was written)")
        }
        guard let header = records.first?.fields else {
            throw CLIError.input(path: file, message: "no header row")
        }
        guard let nameIndex = header.firstIndex(of: column) else {
            throw CLIError.input(
                path: file,
                message: "line 1: no column '\(column)'; the columns are: \(header.joined(separator: ", "))")
        }
        var contextIndex: Int?
        if let contextColumn {
            guard let i = header.firstIndex(of: contextColumn) else {
                throw CLIError.input(
                    path: file,
                    message: "line 1: no column '\(contextColumn)'; the columns are: \(header.joined(separator: ", "))")
            }
            contextIndex = i
        }

        let gazetteer = try gazetteerOptions.load()
        let matcher = DecidedMatcher(
            matcher: Matcher(gazetteer: gazetteer),
            decisions: try decisionOptions.load(gazetteer: gazetteer, diagnostics: diagnostics))

        var options = CSVWriter.Options()
        options.delimiter = delimiter.map { Array($0.utf8)[0] } ?? reader.delimiter
        var writer = CSVWriter(options: options)
        writer.writeRow(header.map(Cell.copied) + ReconcileCommand.addedColumns.map(Cell.text))
        var matches: [Match] = []
        var counts: [MatchStatus: Int] = [:]
        for record in records.dropFirst() {
            var fields = record.fields
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            let name = fields[nameIndex]
            let context = contextIndex.map { fields[$0] } ?? ""
            var match = matcher.match(name, context: context)
            if fields.contains(where: { $0.contains("\u{FFFD}") }) {
                diagnostics.warning("\(file):\(record.line): bytes that are not UTF-8 were replaced by U+FFFD")
                match.why += match.why.isEmpty ? "invalid UTF-8 replaced" : "; invalid UTF-8 replaced"
            }
            matches.append(match)
            counts[match.status, default: 0] += 1
            writer.writeRow(fields.map(Cell.copied) + ReconcileCommand.cells(match))
        }

        let outURL = out.map { URL(fileURLWithPath: $0) } ?? sibling(of: input, suffix: "-reconciled.csv")
        let reviewURL = review.map { URL(fileURLWithPath: $0) } ?? sibling(of: input, suffix: "-review.tsv")
        try Files.writeAtomically(writer.bytes, to: outURL)
        try Files.writeAtomically(Array(Decisions.reviewTSV(matches, origin: file).utf8), to: reviewURL)
        diagnostics.note(
            "\(records.count - 1) rows: \(counts[.matched] ?? 0) matched, \(counts[.ambiguous] ?? 0) ambiguous, "
                + "\(counts[.unmatched] ?? 0) unmatched; wrote \(outURL.path) and \(reviewURL.path)")
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }

    private func sibling(of url: URL, suffix: String) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(url.deletingPathExtension().lastPathComponent + suffix)
    }

    static func cells(_ match: Match) -> [Cell] {
        guard match.status != .unmatched, let best = match.candidates.first else {
            return Array(repeating: Cell.empty, count: 8)
                + [match.candidates.first.map { .verbatim(score($0.score)) } ?? .empty, .text(match.status.rawValue),
                   .text(match.why)]
        }
        let p = best.place
        return [
            .text(p.id), .text(p.nameEn), .text(p.nameAr), .text(p.admin1?.nameEn ?? ""), .text(p.admin2?.nameEn ?? ""),
            .text(p.admin3?.nameEn ?? ""), p.latitude.map { .verbatim(coordinate($0)) } ?? .empty,
            p.longitude.map { .verbatim(coordinate($0)) } ?? .empty, .verbatim(score(best.score)),
            .text(match.status.rawValue), .text(match.why),
        ]
    }

    static func score(_ s: Double) -> String { String((s * 1000).rounded() / 1000) }

    static func coordinate(_ c: Double) -> String { String((c * 100_000).rounded() / 100_000) }
}
