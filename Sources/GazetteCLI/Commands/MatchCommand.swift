import ArgumentParser
import DelimitedText
import Foundation
import GazetteModel
import Toponyms

/// `gazette match`: place names in, P-codes out.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Reconcile place names, in any spelling or script, to gazetteer P-codes.",
        discussion: """
            Names come from the arguments, or from a TSV (--input FILE, or standard input when no names are \
            given) with a header row and the columns `query` and, optionally, `context` (a governorate, district \
            or phrase such as "rural Idlib" that narrows the candidates).

            Writes TSV to standard output: a header, then one row per query in input order with the columns \
            query, context, place_id, name_en, name_ar, admin1, admin2, admin3, score, status, why, candidates. \
            `status` is `matched` (one place, clearly ahead), `ambiguous` (several fit: `candidates` lists them, \
            best first; `place_id` is the best) or `unmatched` (not a place in the gazetteer). `why` names the \
            layer and the key that matched.

            Examples:
              gazette match "Maar Shoureen" "معرشورين" "Khan Sheikhoun"
              gazette match Duma --context "Rural Damascus"
              gazette match --input names.tsv > matched.tsv
              gazette match --input names.tsv --decisions review.tsv
            """
    )

    @Argument(help: "Place names to reconcile. Without names, reads a TSV from --input or standard input.")
    var names: [String] = []

    @Option(help: "Context for the names given as arguments (e.g. \"rural Idlib\", \"SY07\").")
    var context: String = ""

    @Option(name: .long, help: ArgumentHelp("A TSV with columns query and (optional) context.", valueName: "file"))
    var input: String?

    @Flag(help: """
        Print to standard error how long reading, indexing and matching took (wall and CPU seconds, names per \
        second of matching alone), and the CPU time per name by how many places the answers list and by the \
        layer that answered.
        """)
    var timing = false

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var decisionOptions: DecisionOptions

    func run() throws {
        let diagnostics = Diagnostics()
        let start = Stopwatch()
        let queries = try readQueries()
        let gazetteer = try gazetteerOptions.load()
        let matcher = DecidedMatcher(
            matcher: Matcher(gazetteer: gazetteer),
            decisions: try decisionOptions.load(gazetteer: gazetteer, diagnostics: diagnostics))
        let ready = Stopwatch()

        // Rows go out in blocks as they are made, so memory does not grow with the number of names.
        var out = TSVWriter()
        out.writeRow(MatchRow.header)
        var rows = MatchRow()
        var answers = AnswerTimes()
        var before = Stopwatch.threadCPU()
        for (i, (name, context)) in queries.enumerated() {
            let match = matcher.match(name, context: context)
            rows.write(match, to: &out)
            if timing {
                let now = Stopwatch.threadCPU()
                answers.add(match, seconds: now - before)
                before = now
            }
            if i % 4096 == 4095 {
                Files.writeStandardOutput(out.bytes)
                out.clear()
            }
        }
        Files.writeStandardOutput(out.bytes)
        if timing {
            let done = Stopwatch()
            let (wall, cpu) = done.since(ready)
            let (setupWall, setupCPU) = ready.since(start)
            diagnostics.note(
                "timing: read names, gazetteer and index \(Stopwatch.format(setupWall)) s wall, "
                    + "\(Stopwatch.format(setupCPU)) s CPU (\(gazetteer.places.count) places); matched "
                    + "\(queries.count) names in \(Stopwatch.format(wall)) s wall, \(Stopwatch.format(cpu)) s CPU "
                    + "(\(wall > 0 ? Int(Double(queries.count) / wall) : 0) names/s)")
            diagnostics.note("timing: " + answers.summary)
        }
        if diagnostics.failures > 0 { throw ExitCode.dataError }
    }

    private func readQueries() throws -> [(String, String)] {
        if !names.isEmpty {
            if input != nil { throw ValidationError("Give names as arguments or --input FILE, not both.") }
            return names.map { ($0, context) }
        }
        let origin = input ?? "standard input"
        let bytes = try input.map { path throws(CLIError) in try Files.read(URL(fileURLWithPath: path)) }
            ?? [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let rows: [[String]]
        do {
            rows = try TSVReader.records(bytes, options: CSVReader.Options(origin: origin)).map(\.fields)
        } catch {
            throw CLIError.input(path: origin, message: "\(error); save it as UTF-8 TSV with a header row")
        }
        guard let header = rows.first else {
            throw CLIError.input(path: origin, message: "empty; expected a header row with a `query` column")
        }
        guard let q = header.firstIndex(of: "query") else {
            throw CLIError.input(
                path: origin,
                message: "line 1: no `query` column (found: \(header.joined(separator: ", "))); "
                    + "add a header row naming the columns query and context")
        }
        let c = header.firstIndex(of: "context")
        return rows.dropFirst().map { row in
            (q < row.count ? row[q] : "", c.flatMap { $0 < row.count ? row[$0] : nil } ?? "")
        }
    }
}

/// The columns `gazette match` writes.
struct MatchRow {
    static let header = [
        "query", "context", "place_id", "name_en", "name_ar", "admin1", "admin2", "admin3", "score", "status",
        "why", "candidates",
    ]

    /// "id name (district, governorate)" of the places listed so far: an ambiguous answer lists up to eight
    /// candidates, and the same places come up again and again.
    private var labels: [String: String] = [:]

    /// Writes the row of `match` to `out`; the columns of ``header``, the candidates written piece by piece rather
    /// than joined into one string first (an ambiguous answer lists up to eight).
    mutating func write(_ match: Match, to out: inout TSVWriter) {
        let best = match.candidates.first
        let place = match.status == .unmatched ? nil : best?.place
        for cell in [
            match.query, match.context, place?.id ?? "", place?.nameEn ?? "", place?.nameAr ?? "",
            place?.admin1?.nameEn ?? "", place?.admin2?.nameEn ?? "", place?.admin3?.nameEn ?? "",
            best.map { Self.score($0.score) } ?? "", match.status.rawValue, match.why,
        ] {
            out.writePart(cell)
            out.endField()
        }
        if match.status == .ambiguous {
            if labels.count > 100_000 { labels.removeAll(keepingCapacity: true) }
            for (i, candidate) in match.candidates.prefix(8).enumerated() {
                if i > 0 { out.writePart("; ") }
                out.writePart(labels[candidate.place.id] ?? label(candidate.place))
                out.writePart(" ")
                out.writePart(Self.score(candidate.score))
            }
        }
        out.endRow()
    }

    /// "id name (district, governorate)", with only the units the place has; remembered in `labels`.
    private mutating func label(_ place: Place) -> String {
        var text = place.id + " " + place.nameEn + " ("
        if let district = place.admin2?.nameEn {
            text += district
            if place.admin1 != nil { text += ", " }
        }
        if let governorate = place.admin1?.nameEn { text += governorate }
        text += ")"
        labels[place.id] = text
        return text
    }

    /// `s` rounded to three decimals, as Swift prints a `Double` ("0.84", "1.0").
    static func score(_ s: Double) -> String {
        let thousandths = (s * 1000).rounded()
        // Scores lie in 0...1: their texts are made once. Printing a Double is a few hundred instructions, and an
        // ambiguous answer prints up to nine of them.
        if thousandths >= 0, thousandths <= 1000 { return scoreTexts[Int(thousandths)] }
        return String(thousandths / 1000)
    }

    /// The text of every score from 0.0 to 1.0 in steps of a thousandth.
    static let scoreTexts = (0...1000).map { String(Double($0) / 1000) }
}

/// The CPU time spent per name (matching and writing its row), by how many places the answer lists and by the layer
/// that answered, for `--timing`: so that the cost per name of two gazetteers can be compared answer for answer,
/// apart from how their answers differ. Reading the thread's CPU clock adds about a fifth of a microsecond per name.
struct AnswerTimes {
    /// Seconds and names per group.
    private var byListed: [Int: (seconds: Double, names: Int)] = [:]
    private var byLayer: [String: (seconds: Double, names: Int)] = [:]

    /// The groups of listed places: none (unmatched), one, two or three, four to eight.
    private static func group(_ match: Match) -> Int {
        switch match.status {
        case .unmatched: 0
        case .matched: 1
        case .ambiguous: match.candidates.count <= 3 ? 2 : 4
        }
    }

    mutating func add(_ match: Match, seconds: Double) {
        byListed[Self.group(match), default: (0, 0)].seconds += seconds
        byListed[Self.group(match), default: (0, 0)].names += 1
        let layer = String(match.why.prefix { $0 != ":" && $0 != " " })
        byLayer[layer, default: (0, 0)].seconds += seconds
        byLayer[layer, default: (0, 0)].names += 1
    }

    /// "per name, by places listed: unmatched 7234 names 16.6 µs/name, 1 place …; by layer: article …, exact …"
    var summary: String {
        func cell(_ label: String, _ value: (seconds: Double, names: Int)) -> String {
            let micros = value.names > 0 ? value.seconds * 1e6 / Double(value.names) : 0
            return "\(label) \(value.names) names \((micros * 10).rounded() / 10) µs/name"
        }
        let labels = [0: "unmatched", 1: "1 place", 2: "2-3 places", 4: "4-8 places"]
        let listed = byListed.keys.sorted().map { cell(labels[$0] ?? "", byListed[$0]!) }
        let layers = byLayer.keys.sorted().map { cell($0, byLayer[$0]!) }
        return "per name, by places listed: " + listed.joined(separator: ", ") + "; by layer: "
            + layers.joined(separator: ", ")
    }
}

/// A moment of the process: wall-clock and CPU time, for `--timing`.
struct Stopwatch {
    let wall: ContinuousClock.Instant = .now
    let cpu: Double = {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }()

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// CPU seconds the calling thread has used: what a name cost even when other processes share the core.
    static func threadCPU() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Wall and CPU seconds from `earlier` to this moment.
    func since(_ earlier: Stopwatch) -> (wall: Double, cpu: Double) {
        (Self.seconds(wall - earlier.wall), cpu - earlier.cpu)
    }

    static func format(_ seconds: Double) -> String { String(Double(Int((seconds * 1000).rounded())) / 1000) }
}
