public import DelimitedText
import GazetteModel
public import Tally

/// The two shapes of a report's CSV.
public enum CSVShape: String, Sendable, Hashable, CaseIterable {
    /// One row per period × group (`monthly-governorates.csv`): for filters, pivots and programs.
    case long
    /// Periods as columns, one file per figure (`monthly-governorates-killed_low.csv`): for reading and charts.
    case wide
}

extension ReportRenderer {
    /// The CSV files of the report in `shape`. Long: one file per section. Wide: for a section with dimensions,
    /// one file per figure column, a row per group and a column per period; for a section without, one file
    /// with a row per figure column and a column per period.
    public func csvFiles(
        for events: [Event], shape: CSVShape, options: CSVWriter.Options = CSVWriter.Options()
    ) -> [CSVFile] {
        guard shape == .wide else { return csvFiles(for: events, options: options) }
        var files: [CSVFile] = []
        for (section, table) in tables(for: events) {
            if section.dimensions.isEmpty {
                files.append(
                    CSVFile(
                        name: "\(definition.name)-\(section.name).csv",
                        bytes: wideTotals(section: section, table: table, options: options)))
            } else {
                for column in section.columns {
                    files.append(
                        CSVFile(
                            name: "\(definition.name)-\(section.name)-\(column.rawValue).csv",
                            bytes: wide(section: section, table: table, column: column, options: options)))
                }
            }
        }
        return files
    }

    /// A row per group (in the table's order), a column per period; cells hold `column`'s figure, 0 where the
    /// group has no event in the period, empty for an open upper bound.
    public func wide(
        section: ReportDefinition.Section, table: TallyTable, column: ReportDefinition.Column,
        options: CSVWriter.Options = CSVWriter.Options()
    ) -> [UInt8] {
        var groupHeader: [String] = []
        for d in section.dimensions {
            if d == .place { groupHeader.append("place_id") }
            groupHeader.append(d.rawValue)
        }
        var writer = CSVWriter(options: options)
        writer.writeHeader(groupHeader + table.periods.map(\.description))
        var order: [[GroupValue]] = []
        var cells: [[GroupValue]: [PeriodKey: Figures]] = [:]
        for row in table.rows where row.figures.incidents > 0 {
            if cells[row.groups] == nil { order.append(row.groups) }
            cells[row.groups, default: [:]][row.period] = row.figures
        }
        order.sort { a, b in
            for (x, y) in zip(a, b) where x != y {
                if x.name.isEmpty != y.name.isEmpty { return y.name.isEmpty }
                let c = collatorCompare(x.name, y.name)
                if c != 0 { return c < 0 }
                return x.id < y.id
            }
            return false
        }
        for groups in order {
            var row: [Cell] = []
            for (d, value) in zip(section.dimensions, groups) {
                if d == .place { row.append(.text(value.id)) }
                row.append(.text(value.name))
            }
            for period in table.periods {
                let figures = cells[groups]?[period] ?? .zero
                row.append(.integer(ReportRenderer.value(of: column, in: figures)))
            }
            writer.writeRow(row)
        }
        return writer.bytes
    }

    /// A row per figure column, a column per period: the totals section turned on its side.
    func wideTotals(section: ReportDefinition.Section, table: TallyTable, options: CSVWriter.Options) -> [UInt8] {
        var writer = CSVWriter(options: options)
        writer.writeHeader(["figure"] + table.periods.map(\.description))
        for column in section.columns {
            writer.writeRow(
                [.text(column.rawValue)]
                    + table.periodTotals.map { .integer(ReportRenderer.value(of: column, in: $0.figures)) })
        }
        return writer.bytes
    }
}
