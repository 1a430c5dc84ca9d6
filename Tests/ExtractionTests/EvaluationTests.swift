import DelimitedText
@testable import Extraction
import Foundation
import GazetteModel
import Testing

/// The scorer behind `gazette eval`, on rows written here and, against `score_extract.py` itself, on files.
@Suite struct EvaluationTests {
    // MARK: The script's normalisation

    @Test(arguments: [
        ("the town of Al-Atareb", "atareb"),
        ("Maarat al-Nu'man", "maaratnuman"),
        ("Kafr  Nabl", "kafrnabl"),
        ("ÇAMLIK köyü", "camlikkoyu"),
        ("Straße", "strasse"),
        ("الأتارب", "اتارب"),
        ("مدينة إدلب", "مدينهادلب"),
        ("قرية\u{0640} حيش", "قريهحيش"),
        ("", ""),
    ])
    func placeNormalisation(_ text: String, _ expected: String) {
        #expect(PlaceComparison.normalized(text) == expected)
    }

    @Test func governorateAliases() {
        for alias in ["Idlib", "Idleb", "EDLIB", "SY-ID", "sy07", "إدلب"] {
            #expect(PlaceComparison.governorate(alias) == "idlib", "\(alias)")
        }
        #expect(PlaceComparison.governorate("Rif Dimashq") == "rifdimashq")
        #expect(PlaceComparison.governorate("Damascus Countryside") == "rifdimashq")
        #expect(PlaceComparison.governorate("Nowhere") == "nowhere")
    }

    @Test func documentIDsAndLanguages() {
        #expect(IncidentScorer.documentID(" corpus/ar-002.txt ") == "ar-002")
        #expect(IncidentScorer.documentID("en-002.html") == "en-002.html")
        #expect(IncidentScorer.language(of: "ar-002") == "ar")
        #expect(IncidentScorer.language(of: "report") == "en")
        #expect(IncidentScorer.language(of: "2017-report") == "en")
        #expect(IncidentScorer.language(of: "-x") == "en")
    }

    // MARK: Matching and figures

    private func row(_ doc: String, _ cells: [String: String]) -> [String: String] {
        cells.merging(["doc": doc]) { a, _ in a }
    }

    @Test func closestDateWinsAndEachRowIsUsedOnce() throws {
        let labels = [
            row("en-1", ["incident": "1", "date": "2017-11-13", "date_precision": "day", "place": "Atareb",
                "governorate": "Aleppo", "killed_min": "53"]),
            row("en-1", ["incident": "2", "date": "2017-11-20", "date_precision": "day", "place": "Atareb",
                "governorate": "Aleppo", "killed_min": "4"]),
        ]
        let predictions = [
            row("en-1", ["date": "2017-11-21", "place": "al-Atareb", "governorate": "Halab", "killed_min": "4"]),
            row("en-1", ["date": "2017-11-14", "place": "the town of Atareb", "governorate": "Aleppo",
                "killed_min": "53.0"]),
            row("en-1", ["date": "2017-11-14", "place": "Atareb"]),
        ]
        let card = IncidentScorer(labels: labels).score(predictions: predictions)
        let all = try #require(card.figures("all"))
        #expect(all.truePositives == 2)
        #expect(all.falsePositives == 1)
        #expect(all.dateExact == 0)
        #expect(all.dateWithinDay == 2)
        #expect(all.governorate == 2)
        #expect(all.killedMin == 2)
        #expect(all.text(.precision) == "0.667")
        #expect(all.text(.f1) == "0.8")
    }

    @Test func severalPlacesGovernorateRowsAndEmptyDocuments() throws {
        let labels = [
            row("ar-1", ["incident": "1", "place": "جرجناز; حيش", "governorate": "Idlib", "date": "2019-07-01",
                "date_precision": "unknown"]),
            row("ar-1", ["incident": "2", "place": "", "governorate": "Hama", "killed_min": "3"]),
            row("en-2", ["incident": "0"]),
        ]
        let predictions = [
            row("ar-1.txt", ["place": "حيش", "governorate": "إدلب", "date": "2019-07-09"]),
            row("ar-1", ["place": "", "governorate": "Hamah", "killed_min": "3"]),
            row("en-2", ["place": "Zabadani", "governorate": "Rif Dimashq"]),
            row("en-9", ["place": "Douma", "governorate": "Rif Dimashq"]),  // not in the labels: ignored
            row("en-2", ["incident": "0", "place": "Daraya"]),  // not an incident
        ]
        let card = IncidentScorer(labels: labels).score(predictions: predictions)
        let ar = try #require(card.figures("ar"))
        #expect(ar.truePositives == 2 && ar.falsePositives == 0 && ar.falseNegatives == 0)
        #expect(ar.dated == 0, "a date of precision unknown is not scored")
        #expect(ar.governorate == 2)
        let en = try #require(card.figures("en"))
        #expect(en.documents == 1 && en.gold == 0 && en.predicted == 1)
        #expect(en.text(.precision) == "0.0" && en.text(.f1) == "0.0")
        #expect(card.tallies.map(\.language) == ["all", "ar", "en"])
        #expect(try #require(card.figures("all")).documents == 2)
    }

    @Test func incidentsAreScoredLikeTheirRows() throws {
        let labels = [row("fr-1", ["incident": "1", "date": "2017-11-13", "date_precision": "day",
            "place": "Al-Atareb", "place_en": "Atareb", "governorate": "Aleppo", "killed_min": "16"])]
        var incident = Incident(document: "fr-1", index: 1, date: CivilDate(year: 2017, month: 11, day: 12),
            datePrecision: .day, place: "Atarib", governorate: "Aleppo", killed: Count(low: 16, high: nil))
        incident.placeName = "Atareb"
        let scorer = IncidentScorer(labels: labels)
        let card = scorer.score([incident])
        #expect(card == scorer.score(predictions: [IncidentScorer.row(incident)]))
        let fr = try #require(card.figures("fr"))
        #expect(fr.truePositives == 1, "the reconciled English name matches place_en")
        #expect(fr.dateExact == 0 && fr.dateWithinDay == 1)
        #expect(fr.killedMin == 1 && fr.killedMax == 1 && fr.injuredMin == 1)
    }

    @Test func tableAndJSONLayout() {
        let labels = [row("en-1", ["incident": "1", "place": "Saraqib", "killed_min": "1"])]
        let card = IncidentScorer(labels: labels).score(predictions: [row("en-1", ["place": "Saraqeb"])])
        #expect(card.table() == """
            lang\tdocs\tgold\tpredicted\tprecision\trecall\tf1\tdate_exact\tdate_1day\tgovernorate\tkilled_min\t\
            killed_max\tinjured_min
            all\t1\t1\t1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0
            en\t1\t1\t1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0

            """)
        #expect(card.json().hasPrefix("{\n \"all\": {\n  \"docs\": 1,\n  \"gold\": 1,\n"))
        #expect(IncidentScorer(labels: []).score(predictions: []).json() == "{}\n")
    }

    @Test func rowsLikeDictReader() {
        let rows = IncidentScorer.rows([["doc", "place", "doc"], ["a", "b", "c"], [], ["d"]])
        #expect(rows == [["doc": "c", "place": "b"], ["doc": "d"]])
    }

    // MARK: Agreement with score_extract.py

    /// A labels file and a prediction file written here, with the cases the script's rules turn on.
    static let handLabels = """
        doc\tincident\tdate\tdate_precision\tplace\tplace_context\tgovernorate\tkilled_min\tkilled_max\t\
        injured_min\tplace_en
        en-001\t1\t2017-11-13\tday\tAtareb\tthe town of Atareb\tAleppo\t53\t\t\t
        en-001\t2\t2017-11-13\tday\tDaret Azza; Kafr Nouran\t\tAleppo\t\t\t12\t
        en-001\t3\t\tunknown\t\t\tIdlib\t3\t3\t\t
        en-002\t0\t\t\t\t\t\t\t\t\t
        ar-001\t1\t2019-07-01\tmonth\tمعرشورين\t"في بلدة ""معرشورين"" بريف إدلب"\tIdlib\t12\t\t16\tMaar Shurin
        ar-001\t2\t2019-07-01\tunknown\tجسر الشغور\t\tIdlib\t\t\t5\tJisr al-Shughur
        fr-001\t1\t2017-04-04\tweek\tKhan Cheikhoun\t\tIdlib\t58\t100\t\tKhan Sheikhoun
        fr-001\t2\t2017-04-05\tday\tHama\t\tHama\t\t\t\t
        tr-003\t1\t2016-12-1\tday\tHalep\t\tAleppo\t\t\t\t

        """

    static let handPredictions = """
        doc\tincident\tdate\tplace\tgovernorate\tkilled_min\tkilled_max\tinjured_min\tplace_name
        corpus/en-001.txt\t1\t2017-11-14\tal-Atareb\tHalab\t53\t\t\tAtareb
        en-001\t2\t2017-11-13\tKafr Nouran\tSY02\t\t\t12.0\tKafr Nouran
        en-001\t3\t2017-11-12\t\tIdleb\t3\t3\t\t
        en-001\t4\t2017-11-13\tAtareb\tAleppo\t50\t\t\t
        en-002\t1\t\tZabadani\tRif Dimashq\t\t\t\t
        ar-001\t1\t2019-07-01\tمعرشورين\tإدلب\t١٢\t\t16\tMaar Shurin
        ar-001\t2\t2019-07-03\tالجسر\tIdlib\t\t\t5\tJisr al-Shughur
        fr-001\t1\t2017-04-04\tKhan Sheikhoun\tIdlib\t58\t100\t\tKhan Sheikhoun
        fr-001\t2\t20170405\tHama\tHama\t0\t\t\t
        de-001\t1\t2017-04-04\tChan Scheichun\tIdlib\t\t\t\t
        tr-003\t1\t2016-12-01\tHalep\tAleppo\tnan\t\t\t

        """

    static let unavailable =
        "python3 or ../shared/eval/score_extract.py is missing: agreement with the script not checked"

    @Test(.enabled(if: Python.available, Comment(rawValue: unavailable)))
    func agreesWithTheScriptOnHandWrittenFiles() throws {
        try Python.compare(labels: Self.handLabels, predictions: Self.handPredictions)
    }

    /// The real labels against predictions made from them by random, seeded perturbation: dropped and added
    /// rows, dates off by a day or more, respelled places, other figures, aliases for governorates.
    @Test(.enabled(if: Python.available && Python.sharedLabels != nil,
        "python3, score_extract.py or labels-dev.tsv is missing in ../shared/eval: agreement not checked"),
        arguments: [1, 2, 3, 4])
    func agreesWithTheScriptOnPerturbedLabels(seed: UInt64) throws {
        let labels = try #require(Python.sharedLabels)
        let records = try CSVReader.records(Array(labels.utf8), options: .init(delimiter: 9, origin: "labels"))
        var rng = SplitMix(seed: seed)
        var lines = ["doc\tincident\tdate\tdate_precision\tplace\tgovernorate\tkilled_min\tkilled_max\tinjured_min"
            + "\tinjured_max\tplace_name"]
        for row in IncidentScorer.rows(records.map(\.fields)) {
            if rng.chance(0.15) { continue }
            var r = row
            r["place_name"] = rng.chance(0.5) ? r["place_en"] : ""
            if let date = r["date"], let d = CivilDate(iso: date), rng.chance(0.4) {
                r["date"] = d.adding(days: [-3, -1, 1, 2, 30][rng.next(5)]).iso
            } else if rng.chance(0.1) {
                r["date"] = ""
            }
            if var place = r["place"], !place.isEmpty {
                switch rng.next(6) {
                case 0: place = "al-" + place.uppercased()
                case 1: place = String(place.split(separator: ";").first ?? "")
                case 2: place = String(place.dropLast(2))
                case 3: place = "the town of " + place
                default: break
                }
                r["place"] = place
            }
            if rng.chance(0.3) {
                r["governorate"] = ["Idleb", "SY02", "حماة", "Rural Damascus", "", "Deir al-Zour"][rng.next(6)]
            }
            for key in ["killed_min", "killed_max", "injured_min"] where rng.chance(0.25) {
                r[key] = ["", "0", "3", "12.0", (r[key] ?? "") + ".0", "x"][rng.next(6)]
            }
            if rng.chance(0.2), let doc = r["doc"] { r["doc"] = "corpus/" + doc + ".txt" }
            let cells = ["doc", "incident", "date", "date_precision", "place", "governorate", "killed_min",
                "killed_max", "injured_min", "injured_max", "place_name"].map { r[$0] ?? "" }
            lines.append(cells.map { $0.replacingOccurrences(of: "\"", with: "") }.joined(separator: "\t"))
            if rng.chance(0.1) {  // a spurious second prediction for the same document
                lines.append(cells.enumerated().map { $0.offset == 4 ? "Somewhere Else" : $0.element }
                    .map { $0.replacingOccurrences(of: "\"", with: "") }.joined(separator: "\t"))
            }
        }
        try Python.compare(labels: labels, predictions: lines.joined(separator: "\n") + "\n")
    }
}

extension EvaluationTests {
    /// Cells that exercise Python's `float`, `date.fromisoformat`, `norm_place` and `norm_gov`.
    static let cells = [
        "", " ", "0", "12", "12.0", " 12 ", "1_2", "1__2", "_1", "+3", "-0", ".5", "5.", "1e3", "1E-2", "e3", "inf",
        "-Infinity", "nan", "NaN", "0x10", "١٢", "۱۲", "12a", "2017-04-08", "2017-04-08T10:00", " 2017-04-08 ",
        "20170408", "2017-4-8", "2017-04", "2017-02-29", "2016-02-29", "0000-01-01", "2017-W01", "2017-W01-7",
        "2017W017", "2017W01", "2015-W53-5", "2017-W53", "2017-W00", "2017-W01-8", "٢٠١٧-٠٤-٠٨",
        "Idleb", "SY-HL", "Rif Dimashq", "Deir ez-Zor", "Deir al-Zour", "الرقة", "ريف دمشق", "Ma'arat al-Nu'man",
        "Khan Shaykhun; Ma'arrat", "al-", "Al Bab", "ﬁrst", "İdlib", "ΣΊΣΥΦΟΣ", "Kafr\u{00A0}Nabl", "x\u{1C}y",
        "\u{200F}الأتارب", "قرية الحولة", "ال", "التح", "التحت", "Ärzte ohne Grenzen",
    ]

    /// Python's answers for `cells`, one line each: float, date, norm_place, norm_gov (`-` for an error).
    static let pythonProbe = """
        import importlib.util, sys, json
        from datetime import date
        spec = importlib.util.spec_from_file_location("s", sys.argv[1]); m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        def f(c):
            try: return repr(float(c))
            except ValueError: return "-"
        def d(c):
            p = m.parse_date(c)
            return p.isoformat() if p else "-"
        for c in json.loads(sys.stdin.read()):
            print(json.dumps([f(c), d(c), m.norm_place(c), m.norm_gov(c), str(m.same_num(c, "12"))]))
        for den in range(1, 400):
            print(" ".join(repr(round(n / den, 3)) for n in range(den + 1)))
        """

    @Test(.enabled(if: Python.available, Comment(rawValue: unavailable)))
    func textRulesAndRoundingAgreeWithPython() throws {
        let input = try JSONSerialization.data(withJSONObject: Self.cells)
        let output = try Python.run(["-c", Self.pythonProbe, Python.script.path], stdin: input)
        let lines = output.split(separator: "\n").map(String.init)
        try #require(lines.count == Self.cells.count + 399)
        for (cell, line) in zip(Self.cells, lines) {
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String])
            let number = PythonText.float(cell)
            #expect((number == nil) == (expected[0] == "-"), "float(\(cell.debugDescription))")
            if let number, let python = Double(expected[0]) {
                #expect(number == python || (number.isNaN && python.isNaN), "float(\(cell.debugDescription))")
            }
            let day = PythonText.isoDayNumber(cell).map { CivilDate(dayNumber: $0).iso } ?? "-"
            #expect(day == expected[1], "date of \(cell.debugDescription)")
            #expect(PlaceComparison.normalized(cell) == expected[2], "norm_place(\(cell.debugDescription))")
            #expect(PlaceComparison.governorate(cell) == expected[3], "norm_gov(\(cell.debugDescription))")
            #expect(String(IncidentScorer.sameNumber(cell, "12")).capitalized == expected[4], "same_num \(cell)")
        }
        for (i, line) in lines.dropFirst(Self.cells.count).enumerated() {
            let denominator = i + 1
            let swift = (0...denominator).map {
                PythonText.formatThousandths(PythonText.thousandths(Double($0) / Double(denominator)))
            }
            #expect(swift.joined(separator: " ") == line, "round(n / \(denominator), 3)")
        }
    }
}

/// Runs `score_extract.py` and the Swift scorer on the same two files and compares their output text.
enum Python {
    static let shared = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/eval")
    static let script = shared.appendingPathComponent("score_extract.py")

    static let available: Bool = {
        guard FileManager.default.fileExists(atPath: script.path) else { return false }
        return (try? run(["--version"])) != nil
    }()

    static let sharedLabels: String? = try? String(
        contentsOf: shared.appendingPathComponent("labels-dev.tsv"), encoding: .utf8)

    /// Standard output of `python3 arguments...`; throws when it exits with a failure.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let command = (["python3"] + arguments).joined(separator: " ")
            throw Failure(description: "\(command) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func compare(labels: String, predictions: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let labelsURL = dir.appendingPathComponent("labels.tsv")
        let predictionsURL = dir.appendingPathComponent("predicted.tsv")
        try labels.write(to: labelsURL, atomically: true, encoding: .utf8)
        try predictions.write(to: predictionsURL, atomically: true, encoding: .utf8)

        func read(_ text: String, _ origin: String) throws -> [[String: String]] {
            IncidentScorer.rows(
                try CSVReader.records(Array(text.utf8), options: .init(delimiter: 9, origin: origin)).map(\.fields))
        }
        let card = IncidentScorer(labels: try read(labels, "labels")).score(predictions: try read(predictions, "pred"))
        let table = try run([script.path, labelsURL.path, predictionsURL.path])
        let json = try run([script.path, labelsURL.path, predictionsURL.path, "--json"])
        #expect(card.table() == table, sourceLocation: sourceLocation)
        #expect(card.json() == json, sourceLocation: sourceLocation)
        // A scorer that reports nothing agrees with nothing: the files must give figures.
        #expect(card.tallies.count >= 2, sourceLocation: sourceLocation)
    }
}

/// A small seeded generator, so a failing perturbation can be replayed.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ n: Int) -> Int { Int(nextUInt64() % UInt64(n)) }

    mutating func chance(_ p: Double) -> Bool { Double(nextUInt64() >> 11) / Double(1 << 53) < p }
}
