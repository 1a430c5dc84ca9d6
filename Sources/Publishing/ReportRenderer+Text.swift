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
            guard totals.incidents > 0 else { continue }
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
