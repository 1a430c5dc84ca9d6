public import GazetteModel

/// The candidates for one query, as the Reconciliation Service API v0.2 returns them: `{"result": [...]}`.
public struct ReconciliationResult: Sendable, Hashable, Encodable {
    /// Best first, at most the query's limit.
    public var result: [ReconciliationCandidate]

    /// Creates a result.
    public init(result: [ReconciliationCandidate]) {
        self.result = result
    }
}

/// One candidate: `{"id", "name", "score", "match", "type": [{"id", "name"}], "description"}`.
public struct ReconciliationCandidate: Sendable, Hashable, Encodable {
    /// The P-code (`C3978`, `SY0703`).
    public var id: String
    /// The OCHA English name (the Arabic one when there is no English name).
    public var name: String
    /// The matcher's score in 0...1, rounded to three decimals.
    public var score: Double
    /// `true` only for the first candidate of a query the matcher resolved as `matched`: clients such as
    /// OpenRefine accept it without asking a person.
    public var match: Bool
    /// The place's kind as a type of the manifest.
    public var type: [ReconciliationType]
    /// What tells homonyms apart: the Arabic name and the admin units (`دوما · Duma, Rural Damascus`).
    public var description: String

    /// Creates a candidate.
    public init(id: String, name: String, score: Double, match: Bool, type: [ReconciliationType],
                description: String) {
        self.id = id
        self.name = name
        self.score = score
        self.match = match
        self.type = type
        self.description = description
    }

    /// The candidate for `place`.
    public init(place: Place, score: Double, match: Bool) {
        let units = [place.admin3, place.admin2, place.admin1]
            .compactMap { $0 }
            .filter { $0.id != place.id }
            .map(\.nameEn)
        var seen: Set<String> = []
        let distinct = units.filter { seen.insert($0).inserted }
        let arabic = place.nameAr.isEmpty || place.nameEn.isEmpty ? "" : place.nameAr
        self.init(
            id: place.id,
            name: place.nameEn.isEmpty ? place.nameAr : place.nameEn,
            score: (score * 1000).rounded() / 1000,
            match: match,
            type: [ReconciliationType(place.kind)],
            description: ([arabic, distinct.joined(separator: ", ")].filter { !$0.isEmpty })
                .joined(separator: " · "))
    }
}

/// A type of the service: one of the gazetteer's kinds of place, with the kind's raw value as its id.
public struct ReconciliationType: Sendable, Hashable, Encodable {
    /// `community`, `subdistrict`, `district` or `governorate`.
    public var id: String
    /// A name for people: `Community (admin 4)`.
    public var name: String

    /// The type of a kind of place.
    public init(_ kind: Place.Kind) {
        id = kind.rawValue
        switch kind {
        case .community: name = "Community (town, village; OCHA admin 4)"
        case .subdistrict: name = "Subdistrict (nahiya; admin 3)"
        case .district: name = "District (mantiqa; admin 2)"
        case .governorate: name = "Governorate (muhafaza; admin 1)"
        }
    }

    /// Every type, largest unit last, in the order of the manifest.
    public static let all: [ReconciliationType] = Place.Kind.allCases.map(ReconciliationType.init)
}
