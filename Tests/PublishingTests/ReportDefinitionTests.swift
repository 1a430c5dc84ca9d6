import GazetteModel
import Publishing
import Tally
import Testing

@Suite struct ReportDefinitionTests {
    @Test func shippedMonthlyDefinition() throws {
        let d = try Fixture.definition()
        #expect(d.name == "monthly")
        #expect(d.period == .month)
        #expect(d.sections.map(\.name) == ["overview", "governorates", "places"])
        #expect(d.sections.map(\.dimensions) == [[], [.governorate], [.place]])
        #expect(d.sections[1].columns == [.incidents, .killedLow, .killedHigh, .injuredLow, .injuredHigh, .documents])
    }

    @Test func parsesEveryKey() throws {
        let d = try ReportDefinition(
            parsing: """
                # comment
                report: weekly-perp
                title: Weekly by perpetrator
                period: week

                section: who
                by: perpetrator, weapon
                columns: incidents, disputed
                empty: every-group
                """, origin: "t.report")
        #expect(d.title == "Weekly by perpetrator")
        #expect(d.period == .week)
        #expect(
            d.sections == [
                .init(
                    name: "who", title: "who", dimensions: [.perpetrator, .weapon], columns: [.incidents, .disputed],
                    emptyPeriods: .everyGroup)
            ])
    }

    @Test(arguments: [
        (
            "report: x\nsection: s\nby: province\ncolumns: incidents",
            "t.report:3: unknown dimension 'province' (known: governorate, district, place, perpetrator, weapon)"
        ),
        (
            "report: x\nsection: s\ncolumns: incidents, deaths",
            "t.report:3: unknown column 'deaths' (known: incidents, killed_low, killed_high, injured_low, "
                + "injured_high, documents, disputed)"
        ),
        (
            "report: x\nperiod: fortnight",
            "t.report:2: unknown period 'fortnight' (known: day, week, month, quarter, year)"
        ),
        ("report: x\nsection: s\nby: place", "t.report:2: section 's' has no 'columns:' line"),
        ("section: s\ncolumns: incidents", "t.report: no 'report:' line naming the report"),
        (
            "report: x\nsection: s\ncolumns: incidents\nsection: s\ncolumns: incidents",
            "t.report:4: section 's' is defined twice"
        ),
        ("report: a/b", "t.report:1: report name 'a/b' must be letters, digits, '-' or '_'"),
        (
            "report: x\nsection: s\ncolumns: incidents\nsort: name",
            "t.report:4: unknown section key 'sort' (known: title, by, columns, empty)"
        ),
        ("report x", "t.report:1: expected 'key: value', found 'report x'"),
    ])
    func errorsNameTheLine(text: String, message: String) {
        let error = #expect(throws: PublishingError.self) { try ReportDefinition(parsing: text, origin: "t.report") }
        #expect(error?.description == message)
    }
}

@Suite struct ReportStringsTests {
    @Test func parsesEscapesAndPlaceholders() throws {
        let s = try ReportStrings(
            parsing: "# c\na = x\\u{202F}: {n}\\n\nb.one = {n} item\nb.other = {n} items\n",
            origin: "s")
        #expect(s.string("a", ["n": "5"]) == "x\u{202F}: 5\n")
        #expect(s.plural("b", category: "one", ["n": "1"]) == "1 item")
        #expect(s.plural("b", category: "few", ["n": "3"]) == "3 items")
        #expect(s.string("missing.key") == "missing.key")
        #expect(s.string("a", [:]) == "x\u{202F}: {n}\n")
    }

    @Test func errors() {
        #expect(throws: PublishingError(origin: "s", line: 2, message: "key 'a' is defined twice")) {
            try ReportStrings(parsing: "a = 1\na = 2", origin: "s")
        }
        #expect(throws: PublishingError(origin: "s", line: 1, message: "expected 'key = value'")) {
            try ReportStrings(parsing: "no equals sign", origin: "s")
        }
        #expect(throws: PublishingError(origin: "s", line: 1, message: "bad escape in the value of 'a'")) {
            try ReportStrings(parsing: "a = \\q", origin: "s")
        }
    }

    /// Every key of the English strings exists in the other languages, counting a plural family as present when
    /// its `.other` form is.
    @Test(arguments: ["ar", "fr"])
    func languagesHaveEveryKey(language: String) throws {
        let path = "Locales/\(language)/report.strings"
        let english = try ReportStrings(parsing: Fixture.text("Locales/en/report.strings"), origin: "en")
        let other = try ReportStrings(parsing: Fixture.text(path), origin: path)
        for key in english.values.keys.sorted() {
            let base =
                key.hasSuffix(".one") || key.hasSuffix(".other")
                ? String(key.split(separator: ".").dropLast().joined(separator: ".")) : key
            let present = other.optional(key) != nil || other.optional(base + ".other") != nil
            #expect(present, "\(path) lacks \(key)")
        }
    }
}
