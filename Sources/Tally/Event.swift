public import GazetteModel

/// One incident as the reports of all sources describe it together.
///
/// An event keeps every report it was made from (so each figure leads back to documents and sentences) and, when
/// it joins several, the reason they were joined. Its id is the id of its first report (`document#index`) so it
/// stays the same between runs on the same input.
public struct Event: Sendable, Hashable, Identifiable {
    /// `document#index` of the first report, in date, document, index order.
    public var id: String
    /// The reports, in date, document, index order.
    public var reports: [Incident]
    /// Why the reports were joined, one line per joined report; empty for a single report.
    public var reasons: [String]
    /// The earliest and latest report dates; nil when no report has a date.
    public var firstDate: CivilDate?
    public var lastDate: CivilDate?
    public var killed: Estimate
    public var injured: Estimate

    /// Makes an event of `reports` (at least one), computing the dates and estimates.
    public init(reports: [Incident], reasons: [String] = []) {
        precondition(!reports.isEmpty, "an event is made of at least one report")
        let ordered = reports.sorted(by: Event.reportOrder)
        self.reports = ordered
        self.id = Event.reportID(ordered[0])
        self.reasons = reasons
        let dates = ordered.compactMap(\.date)
        self.firstDate = dates.min()
        self.lastDate = dates.max()
        self.killed = Estimate(combining: ordered.map { (Event.reportID($0), $0.killed) })
        self.injured = Estimate(combining: ordered.map { (Event.reportID($0), $0.injured) })
    }

    /// The date an event is counted on: its earliest report date.
    public var date: CivilDate? { firstDate }

    /// The first report, whose place, governorate, perpetrator and weapon stand for the event.
    public var primary: Incident { reports[0] }

    /// The distinct source documents, sorted.
    public var documents: [String] { Array(Set(reports.flatMap { [$0.document] + $0.otherDocuments })).sorted() }

    /// `document#index`: how a report is named in events, estimates and explanations.
    public static func reportID(_ incident: Incident) -> String { "\(incident.document)#\(incident.index)" }

    /// Date (undated last), then document, then index.
    public static func reportOrder(_ a: Incident, _ b: Incident) -> Bool {
        switch (a.date, b.date) {
        case (let x?, let y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.document, a.index) < (b.document, b.index)
        }
    }

    /// One event per report: the simplest rule, for input whose rows are events already.
    public static func each(_ incidents: [Incident]) -> [Event] {
        incidents.sorted(by: reportOrder).map { Event(reports: [$0]) }
    }
}
