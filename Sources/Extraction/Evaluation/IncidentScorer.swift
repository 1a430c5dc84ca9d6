public import GazetteModel

/// Scores predicted incidents against hand-made labels exactly as `../shared/eval/score_extract.py` does, so
/// `gazette eval` and the script print the same figures.
///
/// Rows are dictionaries from column name to cell, as Python's `csv.DictReader` gives them; a missing
/// column is an empty cell. The columns used are `doc`, `incident`, `date`, `date_precision`, `place`,
/// `governorate`, `killed_min`, `killed_max`, `injured_min`, `place_en` (labels) and `place_name`
/// (predictions).
///
/// ```swift
/// let scorer = IncidentScorer(labels: labelRows)
/// let card = scorer.score(predictions: predictedRows)
/// card.figures("all")?.value(.f1)   // 0.812
/// print(card.table(), terminator: "")
/// ```
///
/// The rules, from the script: per document, each label row in order takes the closest-dated unused
/// prediction whose place matches (`PlaceComparison`); a label or prediction row with `incident` 0, or with
/// none of place, date, governorate, killed_min and injured_min, is not an incident; documents absent from
/// the labels are ignored; dates are scored only where the label's precision is not `unknown`.
public struct IncidentScorer: Sendable {
    private let documents: [ExactString]
    private let gold: [ExactString: [PreparedGold]]

    /// Prepares the label rows (every document named in them is scored, those with `incident` 0 too).
    public init(labels: [[String: String]]) {
        var documents = Set<ExactString>()
        var gold: [ExactString: [PreparedGold]] = [:]
        for row in labels {
            let doc = ExactString(Self.documentID(row["doc"] ?? ""))
            documents.insert(doc)
            guard Self.isIncident(row) else { continue }
            gold[doc, default: []].append(PreparedGold(row))
        }
        self.documents = documents.sorted()
        self.gold = gold
    }

    /// The documents the labels name (ids as `documentID` makes them), in code-point order.
    public var documentIDs: [String] { documents.map(\.value) }

    /// Scores prediction rows (the TSV `gazette extract` writes, or any table with the used columns).
    public func score(predictions rows: [[String: String]]) -> Scorecard {
        var predicted: [ExactString: [PreparedPrediction]] = [:]
        for row in rows where Self.isIncident(row) {
            predicted[ExactString(Self.documentID(row["doc"] ?? "")), default: []].append(PreparedPrediction(row))
        }
        var tallies: [ExactString: Scorecard.Tally] = [:]
        for doc in documents {
            let language = ExactString(Self.language(of: doc.value))
            let goldRows = gold[doc] ?? []
            let predictionRows = predicted[doc] ?? []
            var used = Set<Int>()
            var tally = Scorecard.Tally()
            for g in goldRows {
                var best: Int?
                var bestGap = 0
                for (i, p) in predictionRows.enumerated() where !used.contains(i) && Self.placesMatch(g, p) {
                    let gap = g.day.flatMap { gd in p.day.map { abs(gd - $0) } } ?? 1_000_000
                    if best == nil || gap < bestGap { (best, bestGap) = (i, gap) }
                }
                guard let best else {
                    tally.falseNegatives += 1
                    continue
                }
                let p = predictionRows[best]
                tally.truePositives += 1
                if g.day != nil, !g.precisionUnknown {
                    tally.dated += 1
                    tally.dateExact += bestGap == 0 ? 1 : 0
                    tally.dateWithinDay += bestGap <= 1 ? 1 : 0
                }
                tally.governorate += PythonText.same(g.governorate, p.governorate) ? 1 : 0
                tally.killedMin += Self.sameNumber(g.killedMin, p.killedMin) ? 1 : 0
                tally.killedMax += Self.sameNumber(g.killedMax, p.killedMax) ? 1 : 0
                tally.injuredMin += Self.sameNumber(g.injuredMin, p.injuredMin) ? 1 : 0
                used.insert(best)
            }
            tally.falsePositives = predictionRows.count - used.count
            tally.documents = 1
            tallies[language, default: Scorecard.Tally()].add(tally)
            tallies[ExactString(Scorecard.allLanguages), default: Scorecard.Tally()].add(tally)
        }
        return Scorecard(tallies: tallies.sorted { $0.key < $1.key }.map { ($0.key.value, $0.value) })
    }

    /// Scores incidents as `gazette extract` would write them (the used columns only).
    public func score(_ incidents: [Incident]) -> Scorecard {
        score(predictions: incidents.map(Self.row))
    }

    /// The columns the scorer reads, for one incident, spelled as `gazette extract` writes them.
    public static func row(_ incident: Incident) -> [String: String] {
        func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
        return [
            "doc": incident.document, "incident": String(incident.index), "date": incident.date?.iso ?? "",
            "date_precision": incident.datePrecision.rawValue, "place": incident.place,
            "governorate": incident.governorate, "killed_min": n(incident.killed.low),
            "killed_max": n(incident.killed.high), "injured_min": n(incident.injured.low),
            "injured_max": n(incident.injured.high), "place_name": incident.placeName,
        ]
    }

    /// Records of a table (the first is the header) as rows the way Python's `csv.DictReader` makes them:
    /// cells paired with column names, a later duplicate column name winning, cells beyond the header
    /// dropped, and columns beyond a short record absent. Records with no fields are skipped.
    public static func rows(_ records: [[String]]) -> [[String: String]] {
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { !$0.isEmpty }.map { fields in
            var row: [String: String] = [:]
            for (name, cell) in zip(header, fields) { row[name] = cell }
            return row
        }
    }

    /// The script's `doc_id`: the last path component, without a `.txt` ending ("corpus/en-002.txt" → "en-002").
    public static func documentID(_ text: String) -> String {
        let last = PythonText.split(PythonText.strip(text), on: "/").last ?? ""
        guard last.utf8.reversed().starts(with: ".txt".utf8.reversed()) else { return last }
        return String(String.UnicodeScalarView(last.unicodeScalars.dropLast(4)))
    }

    /// The script's `lang_of`: the letters before the first hyphen ("ar-002" → "ar"), or "en".
    public static func language(of document: String) -> String {
        let parts = PythonText.split(document, on: "-")
        guard parts.count > 1, let head = parts.first, !head.isEmpty,
            head.unicodeScalars.allSatisfy(PythonText.isAlpha)
        else { return "en" }
        return head
    }

    /// Whether the scorer reads a date from this cell (`YYYY-MM-DD`, `YYYYMMDD` or an ISO week date, after
    /// trimming and on its first ten characters, as Python's `date.fromisoformat` does); others count as no date.
    public static func readsDate(_ cell: String) -> Bool {
        PythonText.isoDayNumber(cell) != nil
    }

    /// A row counts as an incident unless `incident` is 0 or it has none of place, date, governorate,
    /// killed_min and injured_min.
    static func isIncident(_ row: [String: String]) -> Bool {
        guard !PythonText.same(PythonText.strip(row["incident"] ?? ""), "0") else { return false }
        return ["place", "date", "governorate", "killed_min", "injured_min"].contains {
            !PythonText.strip(row[$0] ?? "").isEmpty
        }
    }

    /// The script's `places_match`: a label naming several places (joined by ";") matches on any of them.
    static func placesMatch(_ gold: PreparedGold, _ prediction: PreparedPrediction) -> Bool {
        gold.places.indices.contains { PlaceComparison.placesMatch(gold: gold, goldPlace: $0, prediction: prediction) }
    }

    /// The script's `same_num`: equal text after stripping (two empty cells agree), or equal as numbers.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        let a = PythonText.strip(a)
        let b = PythonText.strip(b)
        if PythonText.same(a, b) { return true }
        guard !a.isEmpty, !b.isEmpty, let x = PythonText.float(a), let y = PythonText.float(b) else { return false }
        return x == y
    }
}

/// A label row with what matching needs computed once.
struct PreparedGold: Sendable {
    /// Normalized place names: one per name when the row lists several, else the whole cell.
    let places: [String]
    let governorate: String
    let placeEn: String
    let day: Int?
    let precisionUnknown: Bool
    let killedMin, killedMax, injuredMin: String

    init(_ row: [String: String]) {
        let place = row["place"] ?? ""
        let names = PythonText.split(place, on: ";").filter { !PythonText.strip($0).isEmpty }
        places = (names.count > 1 ? names : [place]).map(PlaceComparison.normalized)
        governorate = PlaceComparison.governorate(row["governorate"] ?? "")
        placeEn = PlaceComparison.normalized(row["place_en"] ?? "")
        day = PythonText.isoDayNumber(row["date"] ?? "")
        precisionUnknown = PythonText.same(PythonText.strip(row["date_precision"] ?? ""), "unknown")
        killedMin = row["killed_min"] ?? ""
        killedMax = row["killed_max"] ?? ""
        injuredMin = row["injured_min"] ?? ""
    }
}

/// A prediction row with what matching needs computed once.
struct PreparedPrediction: Sendable {
    let place: String
    let governorate: String
    let placeName: String
    let day: Int?
    let killedMin, killedMax, injuredMin: String

    init(_ row: [String: String]) {
        place = PlaceComparison.normalized(row["place"] ?? "")
        governorate = PlaceComparison.governorate(row["governorate"] ?? "")
        placeName = PlaceComparison.normalized(row["place_name"] ?? "")
        day = PythonText.isoDayNumber(row["date"] ?? "")
        killedMin = row["killed_min"] ?? ""
        killedMax = row["killed_max"] ?? ""
        injuredMin = row["injured_min"] ?? ""
    }
}
