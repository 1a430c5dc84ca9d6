import GazetteModel

/// An incident while it is being assembled from clauses.
struct Draft {
    var keys: [String]
    var mentions: [PlaceMention]
    var governorateOnly: ContextMention?
    var contexts: [ContextMention]
    var figures: [Figure]
    var dates: [ResolvedDate]
    var clauses: [Int]
    var sentences: [Int]
    var evidence: [String]
    var perpetrators: [String]
    var weapons: [String]
    var background: Bool
    var attack: Bool
    var victims: [String] = []
}

extension DocumentAnalysis {
    func assemble(_ clauses: [Clause]) -> [Incident] {
        var drafts: [Draft] = []
        var current: Int? = nil
        var currentSentence = -10
        var pendingFigures: [Figure] = []
        var pendingSentence = -10
        let documentGovernorate = dominantGovernorate(clauses)

        var lastPlaced: Int? = nil
        /// Figures no sentence nearby located: the document's main incident may take them.
        var leftover: [Figure] = []

        /// Opens or extends the incident of the places of clause `ci`; returns its index.
        func place(_ ci: Int) -> Int {
            let clause = clauses[ci]
            let keys = clause.places.map(\.key)
            let date = clause.dates.first
            var existing = drafts.firstIndex { d in
                d.keys.contains(where: keys.contains) && compatible(d.dates.first, date)
            }
            // A headline naming several places, then a sentence with a toll for one of them: that place is an
            // incident of its own ("Barrel bombs on Kafr Nabl, airstrikes on Ariha").
            if let e = existing, keys.count == 1, !clause.figures.isEmpty || clause.attack, drafts[e].keys.count > 1 {
                drafts[e].keys.removeAll { $0 == keys[0] }
                drafts[e].mentions.removeAll { $0.key == keys[0] }
                existing = drafts.firstIndex { d in d.keys.contains(keys[0]) && compatible(d.dates.first, date) }
            }
            var d =
                existing.map { drafts[$0] }
                ?? Draft(
                    keys: [], mentions: [], governorateOnly: nil, contexts: [], figures: [], dates: [], clauses: [],
                    sentences: [], evidence: [], perpetrators: [], weapons: [], background: clause.background,
                    attack: false)
            for m in clause.places where !d.keys.contains(m.key) {
                d.keys.append(m.key)
                d.mentions.append(m)
            }
            absorb(clause, index: ci, into: &d)
            if let existing {
                drafts[existing] = d
                return existing
            }
            drafts.append(d)
            return drafts.count - 1
        }

        for (ci, clause) in clauses.enumerated() {
            let hasFigures = !clause.figures.isEmpty
            let relevant = hasFigures || clause.attack
            // A clause that names places and reports an attack or a toll: an incident of its own or more of one.
            if relevant, !clause.places.isEmpty {
                let d = place(ci)
                if !pendingFigures.isEmpty, clause.sentence - pendingSentence <= 2 {
                    add(pendingFigures, to: &drafts[d])
                    pendingFigures = []
                }
                current = d
                currentSentence = clause.sentence
                lastPlaced = nil
                continue
            }
            // A place named without a toll or attack: the next sentence may give them ("... in the town of X on
            // Monday. Over 40 civilians were killed ...").
            if !clause.places.isEmpty {
                lastPlaced = ci
                continue
            }
            if hasFigures, clause.contexts.isEmpty, let lp = lastPlaced, clause.sentence - clauses[lp].sentence <= 1,
                current == nil || clause.sentence - currentSentence > 1
            {
                let d = place(lp)
                absorb(clause, index: ci, into: &drafts[d])
                current = d
                currentSentence = clause.sentence
                lastPlaced = nil
                continue
            }
            guard relevant else { continue }
            // A toll located only by a governorate ("in rural Idlib").
            if hasFigures, let context = clause.contexts.first {
                if let c = current, clause.sentence - currentSentence <= 1,
                    governorate(of: drafts[c], fallback: nil) == context.governorate,
                    !drafts[c].figures.contains(where: { f in clause.figures.contains { $0.category == f.category } })
                {
                    absorb(clause, index: ci, into: &drafts[c])
                    currentSentence = clause.sentence
                    continue
                }
                let key = "gov:" + context.governorate
                let date = clause.dates.first
                if let existing = drafts.firstIndex(where: { $0.keys.contains(key) && compatible($0.dates.first, date) }
                ) {
                    absorb(clause, index: ci, into: &drafts[existing])
                    current = existing
                } else {
                    var d = Draft(
                        keys: [key], mentions: [], governorateOnly: context, contexts: [], figures: [],
                        dates: [], clauses: [], sentences: [], evidence: [], perpetrators: [], weapons: [],
                        background: clause.background, attack: false)
                    absorb(clause, index: ci, into: &d)
                    drafts.append(d)
                    current = drafts.count - 1
                }
                currentSentence = clause.sentence
                continue
            }
            // Figures with no place: they belong to the incident just described, or to the next one.
            if hasFigures {
                if let c = current, clause.sentence - currentSentence <= 1 {
                    absorb(clause, index: ci, into: &drafts[c])
                    currentSentence = clause.sentence
                } else {
                    leftover += pendingFigures
                    pendingFigures = clause.figures
                    pendingSentence = clause.sentence
                }
                continue
            }
            // An attack with no place or figure: its date, weapon and attacker may complete the current incident.
            if let c = current, clause.sentence - currentSentence <= 1 {
                drafts[c].weapons += clause.weapons.filter { !drafts[c].weapons.contains($0) }
                drafts[c].perpetrators += clause.perpetrators.filter { !drafts[c].perpetrators.contains($0) }
                mergeVictims(clause.victims, into: &drafts[c].victims)
                if drafts[c].dates.isEmpty, clause.places.isEmpty { drafts[c].dates += clause.dates }
            }
        }
        leftover += pendingFigures
        // A toll given only for a governorate is the toll of the named place of that governorate nearest to it
        // ("10 civilians were killed in Idlib province ... in Ariha").
        var mergedAway: Set<Int> = []
        for gi in drafts.indices {
            guard let g = drafts[gi].governorateOnly, !drafts[gi].figures.isEmpty else { continue }
            func distance(_ p: Draft) -> Int {
                p.sentences.flatMap { s in drafts[gi].sentences.map { abs($0 - s) } }.min() ?? Int.max
            }
            let target = drafts.indices.filter { pi in
                let p = drafts[pi]
                return pi != gi && !mergedAway.contains(pi) && p.governorateOnly == nil && !p.background
                    && governorate(of: p, fallback: nil) == g.governorate
                    && compatible(p.dates.first, drafts[gi].dates.first)
                    && (distance(p) <= 2
                        || !p.figures.contains { f in drafts[gi].figures.contains { $0.category == f.category } })
            }.min { distance(drafts[$0]) < distance(drafts[$1]) }
            guard let target else { continue }
            add(drafts[gi].figures, to: &drafts[target])
            drafts[target].dates += drafts[gi].dates
            drafts[target].evidence += drafts[gi].evidence
            mergeVictims(drafts[gi].victims, into: &drafts[target].victims)
            drafts[target].attack = true
            mergedAway.insert(gi)
        }
        drafts = drafts.enumerated().filter { !mergedAway.contains($0.offset) }.map(\.element)
        // Figures no sentence located go to the document's main incident (its first), for a category it lacks.
        if let main = drafts.firstIndex(where: { !$0.background && ($0.attack || !$0.figures.isEmpty) }) {
            for category in [Figure.Category.killed, .injured]
            where !drafts[main].figures.contains(where: { $0.category == category }) {
                if let f = leftover.first(where: { $0.category == category }) { drafts[main].figures.append(f) }
            }
        }
        var incidents: [Incident] = []
        let leadPerpetrators = clauses.prefix(6).flatMap(\.perpetrators)
        for d in drafts {
            // A place named once with neither figure nor weapon nor attack word is not an incident.
            guard d.attack || !d.figures.isEmpty, !d.mentions.isEmpty || d.governorateOnly != nil else { continue }
            let (date, precision) = resolveDate(d, clauses: clauses)
            var incident = Incident(document: document.id, index: incidents.count + 1)
            incident.date = date
            incident.datePrecision = precision
            if let g = d.governorateOnly {
                incident.place = g.name
                incident.placeContext = g.text
            } else {
                incident.place = d.mentions.map(\.text).joined(separator: "; ")
                let ctx = d.contexts.first?.text
                incident.placeContext = [d.mentions.first?.cueText, ctx].compactMap { $0 }.joined(separator: " ... ")
                let resolved = d.mentions.first { $0.place != nil } ?? d.mentions.first
                if let p = resolved?.place {
                    incident.placeID = p.id
                    incident.placeName = p.nameEn
                }
                incident.matchStatus = resolved?.status
            }
            incident.governorate = governorate(of: d, fallback: documentGovernorate) ?? ""
            incident.killed = count(d.figures.filter { $0.category == .killed })
            incident.injured = count(d.figures.filter { $0.category == .injured })
            incident.perpetrator = (d.perpetrators.isEmpty ? leadPerpetrators : d.perpetrators).first ?? "unknown"
            incident.weapon = d.weapons.joined(separator: "; ")
            incident.victims = d.victims.joined(separator: "; ")
            incident.evidence = d.evidence.joined(separator: " … ")
            if let date, let ref = reference, ref.precision == .day, date.dayNumber < ref.date.dayNumber - 7,
                precision == .day || precision == .month
            {
                incident.isBackground = true
            } else {
                incident.isBackground = d.background
            }
            incident.source = document.metadata["source"] ?? ""
            incidents.append(incident)
            // One row per place when the rule set says so: the first place keeps the figures, the others were
            // hit in the same attack.
            if rules.separateListedPlaces, d.governorateOnly == nil, d.mentions.count > 1 {
                let first = incidents.removeLast()
                for (k, m) in d.mentions.enumerated() {
                    var one = first
                    one.index = incidents.count + 1
                    one.place = m.text
                    one.placeContext = m.cueText
                    one.placeID = m.place?.id ?? ""
                    one.placeName = m.place?.nameEn ?? ""
                    one.matchStatus = m.status
                    if k > 0 {
                        one.killed = .unknown
                        one.injured = .unknown
                    }
                    incidents.append(one)
                }
            }
        }
        return incidents
    }

    func compatible(_ a: ResolvedDate?, _ b: ResolvedDate?) -> Bool {
        guard let a = a?.date, let b = b?.date else { return true }
        return abs(a.dayNumber - b.dayNumber) <= 1
    }

    func absorb(_ clause: Clause, index: Int, into d: inout Draft) {
        add(clause.figures, to: &d)
        d.dates += clause.dates
        d.contexts += clause.contexts
        d.clauses.append(index)
        if !d.sentences.contains(clause.sentence) {
            d.sentences.append(clause.sentence)
            d.evidence.append(clause.text)
        }
        d.perpetrators += clause.perpetrators.filter { !d.perpetrators.contains($0) }
        d.weapons += clause.weapons.filter { !d.weapons.contains($0) }
        mergeVictims(clause.victims, into: &d.victims)
        d.attack = d.attack || clause.attack
        d.background = d.background && clause.background
    }

    func add(_ figures: [Figure], to d: inout Draft) {
        for f in figures
        where !d.figures.contains(where: { $0.category == f.category && $0.low == f.low && $0.high == f.high }) {
            d.figures.append(f)
        }
    }

    /// English copy: the lowest low and the highest high of all stated figures (the labels' convention);
    /// other languages: the document's main figure, taken as the largest.
    func count(_ figures: [Figure]) -> Count {
        guard !figures.isEmpty else { return .unknown }
        let text = figures.map(\.text).joined(separator: " | ")
        if rules.language == "en" {
            let lows = figures.compactMap(\.low)
            let highs = figures.compactMap(\.high)
            let high = highs.count == figures.count ? highs.max() : nil
            var low = lows.min()
            if let l = low, let h = high, l > h { low = h }
            return Count(low: low, high: high, text: text)
        }
        // The first figure the document gives for the incident is its main one; later ones are often totals
        // for a wider area or period.
        // A number beats a vague word ("dozens") when both are given.
        let precise = figures.filter { !$0.vague }
        let main = (precise.isEmpty ? figures : precise).min { $0.order < $1.order }!
        return Count(low: main.low, high: main.high, text: text)
    }

    func governorate(of d: Draft, fallback: String?) -> String? {
        if let g = d.governorateOnly { return g.governorate }
        // The gazetteer knows where a reconciled place is; a context phrase may belong to another place of
        // the sentence.
        for m in d.mentions where m.status == .matched {
            if let a = m.place?.admin1, let g = governorate(named: a.nameEn) ?? governorate(named: a.nameAr) {
                return g
            }
        }
        if let c = d.contexts.first { return c.governorate }
        return fallback
    }

    /// The governorate a document is mostly about: the most frequent context, first mention breaking ties.
    func dominantGovernorate(_ clauses: [Clause]) -> String? {
        var counts: [String: (Int, Int)] = [:]
        var order = 0
        for c in clauses {
            for ctx in c.contexts {
                let old = counts[ctx.governorate] ?? (0, order)
                counts[ctx.governorate] = (old.0 + 1, old.1)
                order += 1
            }
        }
        return counts.sorted { ($0.value.0, -$0.value.1) > ($1.value.0, -$1.value.1) }.first?.key
    }

    /// The incident's own date; else the next or previous clause's date when that clause names no other
    /// place; else the dateline at week precision; else unknown.
    func resolveDate(_ d: Draft, clauses: [Clause]) -> (CivilDate?, DatePrecision) {
        if let best = d.dates.first(where: { $0.precision == .day }) ?? d.dates.first {
            return (best.date, best.precision)
        }
        let own = Set(d.clauses)
        let keys = Set(d.keys)
        for first in d.clauses {
            let window = [first + 1, first + 2, first + 3, first - 1]
            for k in window where k >= 0 && k < clauses.count && !own.contains(k) {
                let c = clauses[k]
                guard abs(c.sentence - clauses[first].sentence) <= 2 else { continue }
                if c.places.contains(where: { !keys.contains($0.key) }) { break }
                // The dateline line itself says when the page was published, not when the attack happened.
                if c.figures.isEmpty, !c.attack, c.tokens.count < 12 { continue }
                if let date = c.dates.first(where: { $0.precision == .day }) ?? c.dates.first {
                    return (date.date, date.precision)
                }
            }
        }
        guard let ref = reference else { return (nil, .unknown) }
        switch ref.precision {
        case .day, .week: return (ref.date, .week)
        case .month: return (ref.date, .month)
        case .unknown: return (nil, .unknown)
        }
    }

    /// Adds victim categories not there yet: a category is named once, with the words it was first found as.
    private func mergeVictims(_ found: [String], into victims: inout [String]) {
        func term(_ entry: String) -> Substring { entry.prefix { $0 != "[" } }
        for entry in found where !victims.contains(where: { term($0) == term(entry) }) { victims.append(entry) }
    }
}
