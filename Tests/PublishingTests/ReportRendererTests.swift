import DelimitedText
import GazetteModel
import ICUKit
import Publishing
import Tally
import Testing

@Suite struct ReportRendererTests {
    @Test(arguments: [("en", "December 2017"), ("fr", "décembre 2017"), ("ar", "ديسمبر ٢٠١٧")])
    func monthWrittenOutInTheLocale(language: String, expected: String) throws {
        let r = try Fixture.renderer(language)
        #expect(r.label(PeriodKey(period: .month, year: 2017, index: 12)) == expected)
    }

    @Test func headline() throws {
        let r = try Fixture.renderer("en")
        let key = PeriodKey(period: .month, year: 2017, index: 12)
        let figures = Figures(incidents: 5, killedLow: 40, killedHigh: nil, injuredLow: 60, injuredHigh: 70)
        #expect(
            r.headline(key, figures: figures, places: 4)
                == "December 2017: 5 incidents, at least 40 killed and 60 injured in 4 places.")
        #expect(
            r.headline(key, figures: Figures(incidents: 1, killedLow: 1, injuredLow: 0), places: 1)
                == "December 2017: 1 incident, at least 1 killed and 0 injured in 1 place.")
        let fr = try Fixture.renderer("fr")
        #expect(
            fr.headline(key, figures: Figures(incidents: 1, killedLow: 0, injuredLow: 2), places: 1)
                == "Décembre 2017\u{202F}: 1 incident, au moins 0 tué et 2 blessés dans 1 localité.")
    }

    @Test(arguments: [
        (0, "0 شخص"), (1, "شخص واحد"), (2, "شخصان"), (3, "٣ أشخاص"), (11, "١١ شخصًا"), (100, "١٠٠ شخص"),
        (1001, "١٬٠٠١ شخص"),
    ])
    func arabicPlurals(n: Int, expected: String) throws {
        let r = try Fixture.renderer("ar")
        let got = r.counted("killed", n)
        // zero uses the number as written by ICU (٠), whatever the example writes.
        #expect(got == expected || (n == 0 && got == "٠ شخص"))
    }

    @Test func csvIsSpreadsheetSafeAndTotalsMatchTheTally() throws {
        let r = try Fixture.renderer("en")
        let files = r.csvFiles(for: Fixture.events)
        #expect(files.map(\.name) == ["monthly-overview.csv", "monthly-governorates.csv", "monthly-places.csv"])
        for file in files {
            #expect(Array(file.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(String(decoding: file.bytes, as: UTF8.self).contains("\r\n"))
        }
        let overview = try CSVReader.records(files[0].bytes, options: .init(strictFieldCount: true)).map(\.fields)
        #expect(
            overview[0] == [
                "period", "period_start", "period_end", "incidents", "killed_low", "killed_high",
                "injured_low", "injured_high", "documents",
            ])
        #expect(overview.dropFirst().map { CSVWriter.unprotect($0[0]) } == ["2017-10", "2017-11", "2017-12"])
        let governorates = try CSVReader.records(files[1].bytes).map(\.fields).dropFirst()
        // Every column but documents of the grouped sections adds up to the overview row of the period.
        for row in overview.dropFirst() {
            let rows = governorates.filter { $0[0] == row[0] }
            for column in 3...5 {
                let sum = rows.reduce(0) { $0 + (Int($1[column + 1]) ?? 0) }
                #expect(sum == Int(row[column]) ?? 0, "period \(row[0]) column \(overview[0][column])")
            }
        }
    }

    /// The "Total" rows of the text hold the same figures as the CSV's overview rows.
    @Test func textTotalsEqualTheCSV() throws {
        let r = try Fixture.renderer("en")
        let events = Fixture.events
        let overview = try CSVReader.records(r.csvFiles(for: events)[0].bytes).map(\.fields).dropFirst()
        let text = r.text(for: events)
        let totalLines = text.split(separator: "\n").filter { $0.hasPrefix("Total") }
            .map { $0.split(separator: " ").dropFirst().map(String.init) }
        let periodsWithIncidents = overview.filter { $0[3] != "0" }.map { Array($0[3...]) }
            .map { $0.map { $0.isEmpty ? "open" : $0 } }
        // First the overview's grand total, then each period's total twice (governorates, places).
        let grand = totalLines[0]
        #expect(grand[0] == String(overview.reduce(0) { $0 + Int($1[3])! }))
        #expect(Array(totalLines.dropFirst()) == periodsWithIncidents.flatMap { [$0, $0] })
    }

    @Test(arguments: ["en", "ar", "fr"])
    func tablesAreAlignedByDisplayWidth(language: String) throws {
        let text = try Fixture.renderer(language).text(for: Fixture.events)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var tables = 0
        for (i, line) in lines.enumerated() where line.hasPrefix("---") && i > 0 && !lines[i - 1].hasPrefix("---") {
            guard i >= 1, !lines[i - 1].allSatisfy({ $0 == "-" }) else { continue }
            if lines.indices.contains(i - 2), lines[i - 2].hasPrefix("---") { continue }
            tables += 1
            // The last column is a right-aligned number, so every row is exactly as wide as the rule.
            var j = i + 1
            while j < lines.count, !lines[j].isEmpty {
                #expect(DisplayWidth.of(lines[j]) == line.count, "\(language) line \(j + 1): \(lines[j])")
                j += 1
            }
            #expect(DisplayWidth.of(lines[i - 1]) <= line.count)
        }
        #expect(tables >= 5)
    }

    @Test func arabicNamesAreIsolated() throws {
        let text = try Fixture.renderer("ar").text(for: Fixture.events)
        #expect(text.contains("\u{2068}معرشورين\u{2069}"))
        #expect(text.contains("\u{2068}إدلب\u{2069}"))
        #expect(!text.contains("\u{2068}٣\u{2069}"))  // Arabic-Indic digits need no isolate
        let en = try Fixture.renderer("en").text(for: Fixture.events)
        #expect(!en.contains("\u{2068}"))
    }

    @Test func isolatesAndWidth() {
        var t = TextTable(headers: ["Place", "Killed"], alignments: [.left, .right])
        t.rows = [["معرشورين", "16"], ["Maar Shurin", "3"], ["東京", "1"]]
        #expect(
            t.render() == """
                Place        Killed
                -------------------
                \u{2068}معرشورين\u{2069}         16
                Maar Shurin       3
                東京              1

                """)
    }

    @Test func deterministicAndOrderIndependent() throws {
        let r = try Fixture.renderer("fr")
        let a = r.text(for: Fixture.events)
        let shuffled = Consolidation().events(from: Fixture.incidents.shuffled())
        #expect(r.text(for: shuffled) == a)
        #expect(r.csvFiles(for: shuffled) == r.csvFiles(for: Fixture.events))
    }

    @Test func periodOverrideAndRange() throws {
        var r = try Fixture.renderer("en")
        r.period = .quarter
        r.from = CivilDate(year: 2017, month: 7, day: 1)
        let text = r.text(for: Fixture.events)
        #expect(text.contains("Q3 2017: no incidents recorded."))
        #expect(text.contains("Q4 2017: 6 incidents, at least 42 killed and 77 injured in 4 places."))
        let overview = try CSVReader.records(r.csvFiles(for: Fixture.events)[0].bytes).map(\.fields)
        #expect(overview.dropFirst().map { $0[0] } == ["2017-Q3", "2017-Q4"])
    }

    @Test func noEventsAtAll() throws {
        let r = try Fixture.renderer("ar")
        let text = r.text(for: [])
        #expect(text.hasPrefix("التقرير الشهري"))
        #expect(r.csvFiles(for: []).allSatisfy { !$0.bytes.isEmpty })
    }
}

@Suite struct WideCSVTests {
    @Test func periodsAsColumns() throws {
        let r = try Fixture.renderer("en")
        let files = r.csvFiles(for: Fixture.events, shape: .wide)
        #expect(files.count == 1 + 6 + 6)
        #expect(files[0].name == "monthly-overview.csv")
        let overview = try CSVReader.records(files[0].bytes).map(\.fields)
        #expect(overview[0].map(CSVWriter.unprotect) == ["figure", "2017-10", "2017-11", "2017-12"])
        #expect(overview[2] == ["killed_low", "21", "0", "21"])
        #expect(overview[5] == ["injured_high", "", "0", ""])
        let killed = try #require(files.first { $0.name == "monthly-places-killed_low.csv" })
        let rows = try CSVReader.records(killed.bytes).map(\.fields)
        #expect(rows.map { $0[1] } == ["place", "Atareb", "Khan Shaykun", "Maar Shurin", "Tell Mardikh"])
        #expect(rows[1] == ["C1022", "Atareb", "7", "0", "1"])
        #expect(rows[4] == ["", "Tell Mardikh", "0", "0", "2"])
        // Wide and long agree.
        let long = try CSVReader.records(r.csvFiles(for: Fixture.events)[2].bytes).map(\.fields).dropFirst()
        let longSum = long.reduce(0) { $0 + Int($1[6])! }
        let wideSum = rows.dropFirst().reduce(0) { $0 + $1[2...].reduce(0) { $0 + Int($1)! } }
        #expect(longSum == wideSum)
    }
}

@Suite struct EventListingTests {
    @Test func tsvTracesEveryBound() throws {
        let rows = try TSVReader.records(EventListing.tsv(Fixture.events)).map(\.fields)
        #expect(rows[0] == EventListing.columns)
        let merged = try #require(rows.first { $0[0] == "ar-301#1" })
        let field = Dictionary(uniqueKeysWithValues: zip(EventListing.columns, merged))
        #expect(field["reports"] == "ar-301#1;en-102#1")
        #expect(field["killed_low"] == "18" && field["killed_high"] == "18" && field["killed_low_source"] == "ar-301#1")
        #expect(field["injured_low"] == "25" && field["injured_low_source"] == "en-102#1")
        #expect(field["disputed"] == "yes")
        #expect(field["reasons"]?.contains("same place C3978") == true)
        #expect(rows.count == 1 + 7)
    }

    @Test func explainNamesReportsAndReasons() {
        let text = EventListing.explain(Fixture.events)
        #expect(text.contains("ar-301#1  2017-12-18..2017-12-19  Maar Shurin [C3978], Idlib"))
        #expect(text.contains("  en-102#1  2017-12-19  killed ≥16  injured 25  place \"Maarshourin\""))
        #expect(text.contains("  why: en-102#1 joined: same place C3978, dates 2017-12-18 and 2017-12-19 within 1 day"))
        #expect(text.contains("en-103#1  undated"))
    }
}

@Suite struct TextDetailsTests {
    @Test func changeMostAffectedAndDisagreements() throws {
        let text = try Fixture.renderer("en").text(for: Fixture.events)
        #expect(text.contains("Change from November 2017: incidents +3, killed +21, injured +26 (low figures)."))
        #expect(text.contains("Most affected: Maar Shurin (18 killed), Tell Mardikh (2 killed), Atareb (1 killed)."))
        #expect(
            text.contains(
                "Sources disagree on Maar Shurin, 18 December 2017: ar-301#1 killed 18 injured ≥20, "
                    + "en-102#1 killed ≥16 injured 25; counted as killed 18, injured 25."))
    }

    /// ≥ and ≤ are mirrored in right-to-left text and would invert a bound: Arabic uses words.
    @Test func noMirroredComparisonSignsInArabic() throws {
        let text = try Fixture.renderer("ar").text(for: Fixture.events)
        #expect(!text.contains("≥") && !text.contains("≤"))
        #expect(text.contains("١٦ على الأقل"))
        #expect(text.contains("\u{2068}Tell Mardikh\u{2069}"))
    }
}
