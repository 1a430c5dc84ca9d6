/// How precisely an incident's date is known (ACLED and UCDP GED use the same idea).
public enum DatePrecision: String, Sendable, Hashable, CaseIterable {
    case day, week, month, unknown
}

/// One incident as one document reports it: what extraction produces, one per incident.
///
/// Several documents can report the same incident; consolidation joins them into events.
public struct Incident: Sendable, Hashable {
    /// The document id (file name without extension).
    public var document: String
    /// 1, 2, 3 ... within the document.
    public var index: Int
    public var date: CivilDate?
    public var datePrecision: DatePrecision
    /// The place name(s) as written; several places hit together are joined by "; ".
    public var place: String
    /// The locating phrase as written ("in western rural Aleppo").
    public var placeContext: String
    /// The governorate in the gazetteer's English spelling, or empty.
    public var governorate: String
    public var killed: Count
    public var injured: Count
    /// Who the text says did it, as written or in the rule set's vocabulary; `unknown` when not said.
    public var perpetrator: String
    /// The means as stated (airstrikes, barrel bombs, shelling ...), or empty.
    public var weapon: String
    /// Who the victims were when the text says so, in the rule sets' small vocabulary with the words as written
    /// (`women [women]; children [children]`), or empty.
    public var victims: String = ""
    /// The sentence(s) the incident was read from.
    public var evidence: String
    /// An earlier event mentioned in passing rather than the one the document reports.
    public var isBackground: Bool
    /// The reconciled place, when the place name matched the gazetteer.
    public var placeID: String
    public var placeName: String
    public var matchStatus: MatchStatus?
    /// The source (site or agency) the document came from, for consolidation and reports.
    public var source: String
    /// Further documents this one report stands for: a row of an incident table that already joined several
    /// sources (`sources` = `a;b;c` gives document `a` and these `b`, `c`). Empty for extracted incidents.
    public var otherDocuments: [String] = []

    public init(
        document: String,
        index: Int,
        date: CivilDate? = nil,
        datePrecision: DatePrecision = .unknown,
        place: String = "",
        placeContext: String = "",
        governorate: String = "",
        killed: Count = .unknown,
        injured: Count = .unknown,
        perpetrator: String = "unknown",
        weapon: String = "",
        evidence: String = "",
        isBackground: Bool = false,
        placeID: String = "",
        placeName: String = "",
        matchStatus: MatchStatus? = nil,
        source: String = ""
    ) {
        self.document = document
        self.index = index
        self.date = date
        self.datePrecision = datePrecision
        self.place = place
        self.placeContext = placeContext
        self.governorate = governorate
        self.killed = killed
        self.injured = injured
        self.perpetrator = perpetrator
        self.weapon = weapon
        self.evidence = evidence
        self.isBackground = isBackground
        self.placeID = placeID
        self.placeName = placeName
        self.matchStatus = matchStatus
        self.source = source
    }
}
