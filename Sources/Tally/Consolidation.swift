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
/// 4. the perpetrators are compatible: the same actor (the vocabulary label's first word, so "Russian air force"
///    and "Russian forces" agree, whatever words each text used), or unknown or empty on one side.
///
/// A report joins the first event (in date order) with whose every report it is compatible, so a chain of
/// reports one day apart does not grow into a week-long event. Each join records its reason.
public struct Consolidation: Sendable {
    /// The district of a place id (OCHA admin 2 name or P-code), for reports located only to a district.
    public var districtOfPlace: [String: String]
    /// The largest gap in days between the dates of two reports of one event.
    public var maxDayGap: Int
    /// A person's joins and splits, applied over the rule.
    public var decisions: EventDecisions

    /// Creates a consolidation rule.
    public init(districtOfPlace: [String: String] = [:], maxDayGap: Int = 1, decisions: EventDecisions = .init()) {
        self.districtOfPlace = districtOfPlace
        self.maxDayGap = maxDayGap
        self.decisions = decisions
    }

    /// Decisions that could not be applied (a join of reports kept apart, or naming a report not in the input),
    /// with the reason, for the user.
    public func unappliedDecisions(for incidents: [Incident]) -> [String] {
        let ids = Set(incidents.map(Event.reportID))
        var out: [String] = []
        for d in decisions.decisions {
            for id in [d.first, d.second] where !ids.contains(id) {
                out.append("\(d.origin): \(d.kind.rawValue) names \(id), which is not among the reports")
            }
        }
        let events = self.events(from: incidents)
        let eventOf = Dictionary(
            events.flatMap { e in e.reports.map { (Event.reportID($0), e.id) } },
            uniquingKeysWith: { a, _ in a })
        for d in decisions.decisions where d.kind == .join {
            if let a = eventOf[d.first], let b = eventOf[d.second], a != b {
                out.append("\(d.origin): join \(d.first) \(d.second) not applied: it would join reports kept apart")
            }
        }
        return out
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
        applyJoins(&groups, &reasons)
        return zip(groups, reasons).map { Event(reports: $0, reasons: $1) }
    }

    /// Merges the groups that `join` decisions connect, unless that would bring together reports kept apart.
    private func applyJoins(_ groups: inout [[Incident]], _ reasons: inout [[String]]) {
        for d in decisions.decisions where d.kind == .join {
            guard let a = groups.firstIndex(where: { $0.contains { Event.reportID($0) == d.first } }),
                let b = groups.firstIndex(where: { $0.contains { Event.reportID($0) == d.second } }), a != b
            else { continue }
            let conflict = groups[a].contains { x in
                groups[b].contains { y in decisions.isApart(Event.reportID(x), Event.reportID(y)) != nil }
            }
            if conflict { continue }
            let (keep, drop) = (min(a, b), max(a, b))
            groups[keep] += groups[drop]
            reasons[keep] += reasons[drop]
            reasons[keep].append("\(d.second) joined: decision \(d.origin) (join \(d.first) \(d.second))")
            groups.remove(at: drop)
            reasons.remove(at: drop)
        }
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
        if decisions.isApart(Event.reportID(a), Event.reportID(b)) != nil { return nil }
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
        guard Actors.compatible(a.perpetrator, b.perpetrator) else { return nil }
        let dates =
            gap == 0 ? "same date \(da.iso)" : "dates \(min(da, db).iso) and \(max(da, db).iso) within \(gap) day"
        let actors: String
        switch (Actors.families(a.perpetrator).isEmpty, Actors.families(b.perpetrator).isEmpty) {
        case (false, false): actors = "same perpetrator"
        case (true, true): actors = "perpetrator unknown in both reports"
        default: actors = "perpetrator unknown in one report"
        }
        return "\(place), \(dates), \(actors)"
    }
}
