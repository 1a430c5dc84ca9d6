import GazetteModel
import ICUKit
public import Tally

extension ReportRenderer {
    /// The plain-text report: title, range, the sections without dimensions as one table over all periods, then
    /// for each period a headline and the other sections' tables with a total row, then notes.
    ///
    /// Every total row equals the matching row of the CSV of a section without dimensions (the period
    /// totals); a section's rows add up to it, except `documents`, which counts distinct documents.
    public func text(for events: [Event]) -> String {
        let tables = tables(for: events)
        let places = placeCounts(events)
        let reference = Tally.table(events, grouping: Grouping(period: period, from: from, to: to))
        let byID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String] = []

        out.append(strings.string(definition.title))
        if let first = reference.periods.first, let last = reference.periods.last {
            out.append(strings.string("report.range", ["from": label(first), "to": label(last)]))
        }
        out.append(
            strings.string(
                "report.summary",
                [
                    "incidents": counted("incidents", reference.total.incidents),
                    "documents": counted("documents", reference.total.documents),
                ]))

        for (section, table) in tables where section.dimensions.isEmpty {
            out.append("")
            out.append(strings.string(section.title))
            var t = TextTable(
                headers: [column("period")] + section.columns.map { column($0.rawValue) },
                alignments: [.left] + section.columns.map { _ in .right })
            for row in table.periodTotals {
                t.rows.append([label(row.period)] + figureCells(section.columns, row.figures))
            }
            t.footer.append([strings.string("row.total")] + figureCells(section.columns, table.total))
            out.append(t.render().dropLast().description)
        }

        let detailed = tables.filter { !$0.section.dimensions.isEmpty }
        for key in reference.periods {
            let totals = reference.total(of: key)?.figures ?? .zero
            out.append("")
            out.append(strings.string("period.heading", ["period": capitalizedFirst(label(key))]))
            out.append(headline(key, figures: totals, places: places[key] ?? 0))
            if let previous = reference.periodTotals.last(where: { $0.period < key }) {
                out.append(change(from: previous, to: totals))
            }
            guard totals.incidents > 0 else { continue }
            if let line = mostAffected(in: key, events: events) { out.append(line) }
            for id in reference.total(of: key)?.events ?? [] {
                guard let event = byID[id], event.killed.sourcesDisagree || event.injured.sourcesDisagree else {
                    continue
                }
                out.append(disagreement(event))
            }
            for (section, table) in detailed {
                out.append("")
                out.append(strings.string(section.title))
                var t = TextTable(
                    headers: section.dimensions.map { column($0.rawValue) }
                        + section.columns.map { column($0.rawValue) },
                    alignments: section.dimensions.map { _ in .left } + section.columns.map { _ in .right })
                let rows = table.rows(of: key).filter { $0.figures.incidents > 0 }
                for row in sortedForDisplay(rows) {
                    t.rows.append(row.groups.map(displayName) + figureCells(section.columns, row.figures))
                }
                let total = table.total(of: key)?.figures ?? .zero
                t.footer.append(
                    [strings.string("row.total")] + section.dimensions.dropFirst().map { _ in "" }
                        + figureCells(section.columns, total))
                out.append(t.render().dropLast().description)
            }
        }

        out.append("")
        out.append(strings.string("notes.title"))
        let disputed = reference.total.disputed
        if disputed > 0 { out.append("- " + counted("note.disputed", disputed)) }
        if !reference.undated.isEmpty { out.append("- " + counted("note.undated", reference.undated.count)) }
        if !reference.outOfRange.isEmpty { out.append("- " + counted("note.out_of_range", reference.outOfRange.count)) }
        out.append("- " + strings.string("note.method", ["open": strings.string("cell.open")]))
        return out.joined(separator: "\n") + "\n"
    }

    /// "Change from November 2017: incidents +3, killed +21, injured −4."
    func change(from previous: TallyRow, to now: Figures) -> String {
        func signed(_ n: Int) -> String {
            n > 0
                ? strings.string("sign.plus") + number(n)
                : n < 0 ? strings.string("sign.minus") + number(-n) : number(0)
        }
        let was = previous.figures
        return strings.string(
            "change",
            [
                "previous": label(previous.period), "incidents": signed(now.incidents - was.incidents),
                "killed": signed(now.killedLow - was.killedLow), "injured": signed(now.injuredLow - was.injuredLow),
            ])
    }

    /// The three places with the most killed (low figures) in the period, then most incidents.
    func mostAffected(in key: PeriodKey, events: [Event]) -> String? {
        let table = Tally.table(
            events, grouping: Grouping(period: period, dimensions: [.place], from: key.start, to: key.end))
        let ranked = table.rows.filter { $0.figures.incidents > 0 && !$0.groups[0].isUnknown }.sorted { a, b in
            if a.figures.killedLow != b.figures.killedLow { return a.figures.killedLow > b.figures.killedLow }
            if a.figures.incidents != b.figures.incidents { return a.figures.incidents > b.figures.incidents }
            return collatorCompare(displayName(a.groups[0]), displayName(b.groups[0])) < 0
        }
        guard !ranked.isEmpty else { return nil }
        let items = ranked.prefix(3).map { row in
            strings.string(
                "most_affected.item",
                [
                    "place": inSentence(displayName(row.groups[0])), "killed": counted("killed", row.figures.killedLow),
                ])
        }
        return strings.string("most_affected", ["list": items.joined(separator: strings.string("list.separator"))])
    }

    /// "Sources disagree on Maar Shurin, 18 December 2017: ar-301#1 killed 18, injured ≥20; en-102#1 …"
    func disagreement(_ event: Event) -> String {
        let place = inSentence(displayName(Dimension.place.value(of: event, districtOfPlace: [:])))
        let date = event.date.map { capitalizedFirst(label(Period.day.containing($0))) } ?? ""
        let reports = event.reports.map { r in
            strings.string(
                "disputed.report",
                [
                    "report": inSentence(Event.reportID(r)), "killed": countText(r.killed),
                    "injured": countText(r.injured),
                ])
        }
        return strings.string(
            "disputed.item",
            [
                "place": place, "date": date, "reports": reports.joined(separator: strings.string("list.separator")),
                "killed": countText(Count(low: event.killed.low, high: event.killed.high)),
                "injured": countText(Count(low: event.injured.low, high: event.injured.high)),
            ])
    }

    /// A name or id inside a sentence of the report's language, isolated when its direction may differ: any
    /// name in a right-to-left language, right-to-left names in the others.
    func inSentence(_ text: String) -> String {
        let language = locale.split(whereSeparator: { $0 == "_" || $0 == "-" }).first.map(String.init) ?? locale
        if ["ar", "he", "fa", "ur", "ps", "ckb"].contains(language) { return "\u{2068}\(text)\u{2069}" }
        return TextTable.isolated(text)
    }

    /// A figure as sources give it, in the locale's digits: `18`, `≥16`, `3–5`, `?`.
    func countText(_ c: Count) -> String {
        // Words from the strings file rather than ≥ and ≤: those are mirrored in right-to-left text, so in an
        // Arabic sentence "≥16" would be drawn as "≤16".
        switch (c.low, c.high) {
        case (nil, nil): return strings.string("count.unknown")
        case (let l?, let h?) where l == h: return number(l)
        case (let l?, let h?): return strings.string("count.range", ["low": number(l), "high": number(h)])
        case (let l?, nil): return strings.string("count.at_least", ["n": number(l)])
        case (nil, let h?): return strings.string("count.at_most", ["n": number(h)])
        }
    }

    func column(_ name: String) -> String { strings.string("column.\(name)") }

    func figureCells(_ columns: [ReportDefinition.Column], _ figures: Figures) -> [String] {
        columns.map { c in ReportRenderer.value(of: c, in: figures).map(number) ?? strings.string("cell.open") }
    }

    func displayName(_ value: GroupValue) -> String {
        if value.isUnknown { return strings.string("value.unknown") }
        return displayNames[value.id] ?? value.name
    }

    /// Rows by their displayed names in the locale's collation, unknown last, ties by id.
    func sortedForDisplay(_ rows: [TallyRow]) -> [TallyRow] {
        let keyed = rows.map { row in (row, row.groups.map { $0.isUnknown ? nil : displayName($0) }) }
        return keyed.sorted { a, b in
            for (x, y) in zip(a.1, b.1) where x != y {
                guard let x else { return false }
                guard let y else { return true }
                let c = collatorCompare(x, y)
                if c != 0 { return c < 0 }
            }
            return a.0.groups.map(\.id).lexicographicallyPrecedes(b.0.groups.map(\.id))
        }.map(\.0)
    }

    /// Distinct known places with at least one event, per period.
    func placeCounts(_ events: [Event]) -> [PeriodKey: Int] {
        let table = Tally.table(events, grouping: Grouping(period: period, dimensions: [.place], from: from, to: to))
        var counts: [PeriodKey: Int] = [:]
        for row in table.rows where row.figures.incidents > 0 && !row.groups[0].isUnknown {
            counts[row.period, default: 0] += 1
        }
        return counts
    }
}
