@preconcurrency public import ArgumentParser
import DelimitedText
import Foundation
public import GazetteModel
public import Publishing
public import Tally
import Toponyms

extension Period: ExpressibleByArgument {}
extension CSVShape: ExpressibleByArgument {}
extension IncidentTable.Format: ExpressibleByArgument {}

/// What `report` and `tally` share: the report definition, period, range, language and output.
struct ReportOptions: ParsableArguments {
    @Option(help: "day, week (ISO), month, quarter or year. Default: the definition's period.")
    var period: Period?

    @Option(help: ArgumentHelp("First day counted (YYYY-MM-DD). Default: the first incident's.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day counted (YYYY-MM-DD). Default: the last incident's.", valueName: "date"))
    var to: String?

    @Option(help: "Language of the text report: en, ar or fr (any ICU locale with Locales/<lang>/report.strings).")
    var locale: String = "en"

    @Option(
        help: ArgumentHelp(
            "Report definition (sections, groupings, columns).", discussion: "Default: Reports/monthly.report.",
            valueName: "file"))
    var definition: String?

    @Option(help: ArgumentHelp("Folder for the CSV and text files.", valueName: "dir"))
    var out: String = "."

    @Option(help: "CSV field delimiter: ',' (default) or ';' for spreadsheets in decimal-comma locales.")
    var delimiter: String = ","

    @Option(help: "CSV shape: long (a row per period and group) or wide (periods as columns).")
    var shape: CSVShape = .long

    @Option(
        help: ArgumentHelp(
            "Group by these, together: governorate, district, place, perpetrator, weapon (comma-separated).",
            discussion: "Replaces the definition's grouped sections with one section; the overview stays.",
            valueName: "dims"))
    var by: String?

    /// `--by` as dimensions.
    var dimensions: [GroupDimension]? {
        by.map { $0.split(separator: ",").compactMap { GroupDimension(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }
    }

    @Flag(help: "Do not print the text report on standard output.")
    var quiet = false

    func validate() throws {
        if let from, CivilDate(iso: from) == nil { throw ValidationError("--from \(from): expected YYYY-MM-DD") }
        if let to, CivilDate(iso: to) == nil { throw ValidationError("--to \(to): expected YYYY-MM-DD") }
        if let a = from.flatMap(CivilDate.init(iso:)), let b = to.flatMap(CivilDate.init(iso:)), b < a {
            throw ValidationError("--to \(to!) is before --from \(from!)")
        }
        if let by {
            let names = by.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let known = GroupDimension.allCases.map(\.rawValue)
            if let bad = names.first(where: { !known.contains($0) }) {
                throw ValidationError("--by \(bad): expected some of \(known.joined(separator: ", "))")
            }
            if names.isEmpty { throw ValidationError("--by needs at least one of \(known.joined(separator: ", "))") }
        }
        guard delimiter == "," || delimiter == ";" || delimiter == "tab" else {
            throw ValidationError("--delimiter must be ',' or ';' (or 'tab')")
        }
    }

    /// The renderer for these options, with names in the report's language taken from the gazetteer.
    func renderer(resources: Resources, gazetteer: Gazetteer) throws -> ReportRenderer {
        let definitionURL = definition.map { URL(fileURLWithPath: $0) }
            ?? resources.reports.appendingPathComponent("monthly.report")
        var parsed = try Files.parse(definitionURL) { try ReportDefinition(parsing: $0, origin: definitionURL.path) }
        let strings = try loadStrings(resources: resources)
        if let dimensions {
            let columns = parsed.sections.first?.columns ?? ReportDefinition.Column.allCases
            var sections = parsed.sections.filter { $0.dimensions.isEmpty }
            let name = dimensions.map(\.rawValue).joined(separator: "-")
            sections.append(
                ReportDefinition.Section(
                    name: "by-" + name,
                    title: dimensions.map { strings.string("column.\($0.rawValue)") }.joined(separator: " × "),
                    dimensions: dimensions, columns: columns,
                    emptyPeriods: .zeroRow))
            parsed.sections = sections
        }
        var displayNames: [String: String] = [:]
        let arabic = locale.hasPrefix("ar")
        for place in gazetteer.places {
            if arabic, !place.nameAr.isEmpty {
                displayNames[place.id] = place.nameAr
                if place.kind == .governorate || place.kind == .district {
                    for name in [place.nameEn] + place.alternateNames where !name.isEmpty {
                        displayNames[name] = displayNames[name] ?? place.nameAr
                    }
                }
            }
        }
        do {
            return try ReportRenderer(
                definition: parsed, locale: locale, strings: strings, period: period,
                from: from.flatMap(CivilDate.init(iso:)), to: to.flatMap(CivilDate.init(iso:)),
                districtOfPlace: gazetteer.districtOfPlace, displayNames: displayNames)
        } catch {
            throw CLIError.resources("cannot open ICU services for locale '\(locale)': \(error)")
        }
    }

    private func loadStrings(resources: Resources) throws -> ReportStrings {
        func load(_ language: String) throws -> ReportStrings? {
            let url = resources.locales.appendingPathComponent(language).appendingPathComponent("report.strings")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try Files.parse(url) { try ReportStrings(parsing: $0, origin: url.path) }
        }
        guard let english = try load("en") else {
            throw CLIError.resources("missing \(resources.locales.path)/en/report.strings")
        }
        let language = String(locale.prefix { $0 != "_" && $0 != "-" })
        if language == "en" { return english }
        guard let localized = try load(language) else {
            throw ValidationError(
                "no report strings for '\(locale)': add Locales/\(language)/report.strings (see Locales/README.md)")
        }
        return localized.falling(back: english)
    }

    /// The `--delimiter` byte.
    var csvDelimiter: UInt8 { delimiter == ";" ? UInt8(ascii: ";") : delimiter == "tab" ? 9 : UInt8(ascii: ",") }

    /// Writes the report's CSV files and text into `--out`, each whole or not at all; returns the text.
    func write(_ renderer: ReportRenderer, events: [Event], diagnostics: Diagnostics) throws -> String {
        let dir = URL(fileURLWithPath: out, isDirectory: true)
        var csvOptions = CSVWriter.Options()
        csvOptions.delimiter = csvDelimiter
        for file in renderer.csvFiles(for: events, shape: shape, options: csvOptions) {
            try Files.writeAtomically(file.bytes, to: dir.appendingPathComponent(file.name))
            diagnostics.note("wrote \(dir.appendingPathComponent(file.name).path)")
        }
        let text = renderer.text(for: events)
        try Files.writeAtomically(Array(text.utf8), to: dir.appendingPathComponent(renderer.textFileName))
        diagnostics.note("wrote \(dir.appendingPathComponent(renderer.textFileName).path)")
        return text
    }
}
