import ArgumentParser
import DelimitedText
import Foundation
import GazetteModel
import Toponyms

/// `gazette cluster`: the distinct spellings of a column, grouped by the place they name.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group the spellings of a column that name the same place, across scripts and languages.",
        discussion: """
            Reads a CSV (comma or semicolon, sniffed from the first line; RFC 4180 quoting; a byte order mark is \
            fine) or a TSV, takes the column named by --column, and groups its distinct spellings into clusters \
            of one place: "Khan Sheikhoun", "Khan Cheikhoun", "Han Şeyhun" and "خان شيخون" together, "Duma" \
            apart from "Dama". Spellings the gazetteer resolves to one place always join, spellings resolved to \
            different places never do, and the rest join by their cross-script consonant skeleton confirmed by \
            their letters (or, across scripts, by their long vowels and ending), so places missing from the \
            gazetteer are clustered too. What OpenRefine's "Cluster and edit" does, but across scripts.

            Writes TSV to standard output: a header, then one row per distinct spelling with the columns \
            cluster_id, name, count (cells with that spelling), canonical (the gazetteer's English name when \
            the place is known, else the cluster's most frequent Latin spelling, else its most frequent \
            spelling romanized by the rules in Locales/translit/ar-Latn-press.txt) and place_id (the P-code \
            when known). Clusters come largest first (by cells), spellings by count. Empty cells are not counted.

            Examples:
              gazette cluster incidents.csv --column location > clusters.tsv
              gazette cluster export.csv --column "Place name" --delimiter ';'
              gazette cluster names.tsv --column query --decisions review.tsv
            """
    )

    @Argument(help: ArgumentHelp("The CSV or TSV file to read.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The header of the column that holds the place names.", valueName: "name"))
    var column: String

    @Option(help: ArgumentHelp(
        "The field separator: ',', ';' or 'tab'. Default: 'tab' for a .tsv file, else sniffed from the header.",
        valueName: "separator"))
    var delimiter: String?

    @Flag(help: "Cluster by spelling alone, without resolving names against the gazetteer.")
    var noGazetteer = false

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    func validate() throws {
        if let delimiter, Self.separator(delimiter) == nil {
            throw ValidationError("--delimiter must be ',', ';' or 'tab' (got '\(delimiter)').")
        }
        if noGazetteer, decisionOptions.decisions != nil {
            throw ValidationError("--decisions needs the gazetteer; leave out --no-gazetteer.")
        }
    }

    func run() throws {
        let diagnostics = Diagnostics()
        let values = try readColumn(diagnostics: diagnostics)
        var matcher: Matcher?
        var replayed = Decisions()
        if !noGazetteer {
            let gazetteer = try gazetteerOptions.load()
            matcher = Matcher(gazetteer: gazetteer)
            replayed = try decisionOptions.load(gazetteer: gazetteer, diagnostics: diagnostics)
        }
        let clusters = SpellingClusterer().cluster(values: values, matcher: matcher, decisions: replayed)

        let romanizer = try ArabicRomanizer.load()
        var out = TSVWriter()
        out.writeRow(SpellingCluster.columns)
        let canonical = SpellingCluster.columns.firstIndex(of: "canonical")!
        for cluster in clusters {
            for var row in cluster.rows {
                row[canonical] = romanizer.romanize(row[canonical])
                out.writeRow(row)
            }
        }
        Files.writeStandardOutput(out.bytes)
        let spellings = clusters.reduce(0) { $0 + $1.members.count }
        diagnostics.note("\(spellings) distinct spelling\(spellings == 1 ? "" : "s") in \(clusters.count) "
            + "cluster\(clusters.count == 1 ? "" : "s")")
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }

    /// The cells of the chosen column, every data row (a short row gives an empty cell).
    private func readColumn(diagnostics: Diagnostics) throws -> [String] {
        let url = URL(fileURLWithPath: file)
        let bytes = try Files.read(url)
        if let bad = Files.firstInvalidUTF8Offset(bytes) {
            diagnostics.warning("\(file): invalid UTF-8 at byte \(bad); such bytes are read as U+FFFD")
        }
        let separator = delimiter.flatMap(Self.separator)
        let isTSV = separator == UInt8(ascii: "\t")
            || (separator == nil && url.pathExtension.lowercased() == "tsv")
        let options = CSVReader.Options(delimiter: separator, origin: file, invalidUTF8: .replace)
        let records: [DelimitedRecord]
        do {
            records = isTSV ? try TSVReader.records(bytes, options: options)
                : try CSVReader.records(bytes, options: options)
        } catch {
            throw CLIError.input(path: file, message: "\(error); fix the quoting or save the file as UTF-8 CSV")
        }
        guard let header = records.first else {
            throw CLIError.input(path: file, message: "empty; expected a header row naming the columns")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let index = names.firstIndex(of: column)
            ?? names.firstIndex(where: { $0.caseInsensitiveCompare(column) == .orderedSame })
        else {
            let found = names.map { "'\($0)'" }.joined(separator: ", ")
            throw CLIError.input(
                path: file,
                message: "line \(header.line): no column '\(column)'; the header has \(found). "
                    + "Give one of them with --column\(isTSV ? "" : ", or --delimiter if the columns were not split")")
        }
        return records.dropFirst().map { index < $0.fields.count ? $0.fields[index] : "" }
    }

    private static func separator(_ name: String) -> UInt8? {
        switch name.lowercased() {
        case ",", "comma": UInt8(ascii: ",")
        case ";", "semicolon": UInt8(ascii: ";")
        case "tab", "\t", "\\t": UInt8(ascii: "\t")
        default: nil
        }
    }
}
