public import GazetteModel

/// Joins reports of the same incident from several documents into events.
///
/// Two reports are joined when all of these hold (the rule, also in the README and `--help`):
/// 1. they come from different documents (one document's incidents are distinct by construction);
/// 2. both are dated, and the dates are at most `maxDayGap` days apart (1 by default: "yesterday" in one
///    release is "on Tuesday" in another);
/// 3. the place agrees: the same place id when both have one; otherwise the name as written of the one without
///    an id equals the district of the other's place (`districtOfPlace`), or the two names as written are equal
///    (ignoring case, spaces, hyphens and apostrophes) in the same or an unknown governorate;
/// 4. the perpetrators are compatible: the same (case-insensitive), or one of them unknown or empty.
///
/// A report joins the first event (in date order) with whose every report it is compatible, so a chain of
/// reports one day apart does not grow into a week-long event. Each join records its reason.
public struct Consolidation: Sendable {
    /// The district of a place id (OCHA admin 2 name or P-code), for reports located only to a district.
    public var districtOfPlace: [String: String]
    /// The largest gap in days between the dates of two reports of one event.
    public var maxDayGap: Int

    /// Creates a consolidation rule.
    public init(districtOfPlace: [String: String] = [:], maxDayGap: Int = 1) {
        self.districtOfPlace = districtOfPlace
        self.maxDayGap = maxDayGap
    }

    /// The events made of `incidents`, in date, document, index order of their first reports.
    public func events(from incidents: [Incident]) -> [Event] {
        let ordered = incidents.sorted(by: Event.reportOrder)
        var groups: [[Incident]] = []
        var reasons: [[String]] = []
        // Events reachable from a report's place keys, so a report is compared with few events, not all.
        var byKey: [String: [Int]] = [:]
        for report in ordered {
            let keys = placeKeys(report)
            var candidates = Set<Int>()
            for key in keys { candidates.formUnion(byKey[key] ?? []) }
            var joined = false
            for index in candidates.sorted() {
                guard let reason = joinReason(report, groups[index]) else { continue }
                groups[index].append(report)
                reasons[index].append("\(Event.reportID(report)) joined: \(reason)")
                for key in keys { byKey[key, default: []].append(index) }
                joined = true
                break
            }
            if !joined {
                groups.append([report])
                reasons.append([])
                for key in keys { byKey[key, default: []].append(groups.count - 1) }
            }
        }
        return zip(groups, reasons).map { Event(reports: $0, reasons: $1) }
    }

    private func district(_ r: Incident) -> String? {
        guard !r.placeID.isEmpty, let d = districtOfPlace[r.placeID], !d.isEmpty else { return nil }
        return d
    }

    private static func folded(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" }).joined(separator: " ")
    }

    private func placeKeys(_ r: Incident) -> [String] {
        var keys: [String] = []
        if !r.placeID.isEmpty { keys.append("id:" + r.placeID) }
        if let d = district(r) { keys.append("district:" + Consolidation.folded(d)) }
        let name = Consolidation.folded(r.place)
        if !name.isEmpty { keys.append("name:" + name) }
        // A district-level place is written as the district's name.
        if r.placeID.isEmpty, !name.isEmpty { keys.append("district:" + name) }
        return keys
    }

    /// Why `report` belongs with every report of `group`, or nil when it does not.
    func joinReason(_ report: Incident, _ group: [Incident]) -> String? {
        var reasons: [String] = []
        for other in group {
            guard let reason = pairReason(report, other) else { return nil }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        return reasons.joined(separator: "; ")
    }

    func pairReason(_ a: Incident, _ b: Incident) -> String? {
        guard a.document != b.document, let da = a.date, let db = b.date else { return nil }
        let gap = abs(da.dayNumber - db.dayNumber)
        guard gap <= maxDayGap else { return nil }
        let place: String
        if !a.placeID.isEmpty, !b.placeID.isEmpty {
            guard a.placeID == b.placeID else { return nil }
            place = "same place \(a.placeID)"
        } else if let d = district(a) ?? district(b),
            Consolidation.folded(a.placeID.isEmpty ? a.place : b.place) == Consolidation.folded(d)
        {
            place = "same district \(d)"
        } else if !a.place.isEmpty, Consolidation.folded(a.place) == Consolidation.folded(b.place),
            a.governorate == b.governorate || a.governorate.isEmpty || b.governorate.isEmpty
        {
            place =
                a.place == b.place
                ? "same place name \"\(a.place)\"" : "same place name \"\(a.place)\" = \"\(b.place)\""
        } else {
            return nil
        }
        let pa = a.perpetrator.lowercased()
        let pb = b.perpetrator.lowercased()
        let unknown: Set<String> = ["", "unknown"]
        guard pa == pb || unknown.contains(pa) || unknown.contains(pb) else { return nil }
        let dates =
            gap == 0 ? "same date \(da.iso)" : "dates \(min(da, db).iso) and \(max(da, db).iso) within \(gap) day"
        let actors = pa == pb ? "same perpetrator" : "perpetrator unknown in one report"
        return "\(place), \(dates), \(actors)"
    }
}
