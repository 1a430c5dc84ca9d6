import GazetteModel
import Tally
import Testing

@Suite struct TallyTests {
    let incidents = [
        incident(
            "d1", date: "2017-10-03", place: "Atareb", placeID: "C1022", governorate: "Aleppo",
            killed: .exactly(5), injured: Count(low: 10, high: nil)),
        incident(
            "d1", 2, date: "2017-10-03", place: "Maar Shurin", placeID: "C3978", governorate: "Idlib",
            killed: Count(low: 16, high: nil), injured: .exactly(20)),
        incident(
            "d2", date: "2017-10-20", place: "Khan Shaykun", placeID: "C3987", governorate: "Idlib",
            killed: .exactly(2), injured: .exactly(1)),
        incident(
            "d3", date: "2017-12-19", place: "Maar Shurin", placeID: "C3978", governorate: "Idlib",
            killed: .exactly(7), injured: .exactly(3)),
        incident("d4", date: nil, place: "Nowhere", governorate: "Idlib", killed: .exactly(100)),
    ]

    var events: [Event] { Event.each(incidents) }

    @Test func monthByGovernorateWithoutHoles() throws {
        let table = Tally.table(events, grouping: Grouping(period: .month, dimensions: [.governorate]))
        #expect(table.periods.map(\.description) == ["2017-10", "2017-11", "2017-12"])
        let summary = table.rows.map { row in
            "\(row.period) \(row.groups.map(\.name)) \(row.figures.incidents) \(row.figures.killedLow)-"
                + "\(row.figures.killedHigh.map(String.init) ?? "") docs \(row.figures.documents)"
        }
        #expect(
            summary == [
                "2017-10 [\"Aleppo\"] 1 5-5 docs 1",
                "2017-10 [\"Idlib\"] 2 18- docs 2",
                "2017-11 [\"\"] 0 0-0 docs 0",
                "2017-12 [\"Idlib\"] 1 7-7 docs 1",
            ])
        #expect(table.undated == ["d4#1"])
        let october = try #require(table.total(of: table.periods[0]))
        #expect(october.figures.incidents == 3)
        #expect(october.figures.killedLow == 23)
        #expect(october.figures.killedHigh == nil)
        #expect(october.figures.injuredLow == 31)
        // d1 reports both governorates: two row documents, but one distinct document in the month's first row.
        #expect(october.figures.documents == 2)
        #expect(table.total.incidents == 4)
        #expect(table.total.documents == 3)
    }

    @Test func fromAndToExtendTheSeriesAndExcludeOthers() {
        let grouping = Grouping(period: .month, dimensions: [.place], from: day("2017-09-01"), to: day("2017-11-30"))
        let table = Tally.table(events, grouping: grouping)
        #expect(table.periods.map(\.description) == ["2017-09", "2017-10", "2017-11"])
        #expect(table.rows.first?.figures == .zero)
        #expect(table.outOfRange == ["d3#1"])
        #expect(
            table.rows.filter { $0.period.description == "2017-10" }.map { $0.groups[0].id }
                == ["C1022", "C3987", "C3978"])
    }

    @Test func everyGroupMakesAFullGrid() {
        let table = Tally.table(
            events,
            grouping: Grouping(
                period: .month, dimensions: [.governorate],
                emptyPeriods: .everyGroup))
        #expect(table.rows.count == 6)
        #expect(
            table.rows.map { "\($0.period) \($0.groups[0].name) \($0.figures.incidents)" } == [
                "2017-10 Aleppo 1", "2017-10 Idlib 2", "2017-11 Aleppo 0", "2017-11 Idlib 0",
                "2017-12 Aleppo 0", "2017-12 Idlib 1",
            ])
    }

    @Test func callerOrderUnknownLastThenId() {
        let extra = incidents + [incident("d5", date: "2017-10-05", place: "", governorate: "", killed: .exactly(1))]
        let table = Tally.table(
            Event.each(extra), grouping: Grouping(period: .year, dimensions: [.governorate]),
            areInIncreasingOrder: { $0 > $1 })
        #expect(table.rows.map { $0.groups[0].name } == ["Idlib", "Aleppo", ""])
    }

    @Test func severalDimensionsAndWeeks() {
        let table = Tally.table(events, grouping: Grouping(period: .week, dimensions: [.governorate, .place]))
        #expect(table.periods.first?.description == "2017-W40")
        #expect(table.periods.last?.description == "2017-W51")
        #expect(table.periods.count == 12)
        #expect(
            table.rows.filter { $0.figures.incidents > 0 }.map { $0.groups.map(\.name) } == [
                ["Aleppo", "Atareb"], ["Idlib", "Maar Shurin"], ["Idlib", "Khan Shaykun"], ["Idlib", "Maar Shurin"],
            ])
    }

    @Test func districtDimensionUsesTheMapping() {
        let grouping = Grouping(
            period: .year, dimensions: [.district],
            districtOfPlace: ["C3978": "Maarrat An Nu'man", "C3987": "Maarrat An Nu'man"])
        let table = Tally.table(events, grouping: grouping)
        #expect(table.rows.map { "\($0.groups[0].name):\($0.figures.incidents)" } == ["Maarrat An Nu'man:3", ":1"])
    }

    @Test func consolidatedEventsCountOnce() {
        let reports = [
            incident(
                "en", date: "2017-12-19", place: "Maar Shurin", placeID: "C3978", governorate: "Idlib",
                killed: Count(low: 16, high: nil)),
            incident(
                "ar", date: "2017-12-19", place: "معرشورين", placeID: "C3978", governorate: "Idlib",
                killed: .exactly(18)),
        ]
        let table = Tally.table(Consolidation().events(from: reports), grouping: Grouping(dimensions: [.place]))
        #expect(table.rows.count == 1)
        #expect(table.rows[0].figures.incidents == 1)
        #expect(table.rows[0].figures.killedLow == 18)
        #expect(table.rows[0].figures.killedHigh == 18)
        #expect(table.rows[0].figures.documents == 2)
        #expect(table.rows[0].figures.disputed == 1)
    }

    @Test func deterministicForShuffledInput() {
        let grouping = Grouping(period: .month, dimensions: [.governorate, .place], emptyPeriods: .everyGroup)
        let a = Tally.table(events, grouping: grouping)
        for _ in 0..<5 {
            #expect(Tally.table(events.shuffled(), grouping: grouping) == a)
        }
    }

    @Test func emptyInput() {
        let table = Tally.table([], grouping: Grouping())
        #expect(table.rows.isEmpty && table.periods.isEmpty && table.total == .zero)
    }
}

@Suite struct TallyBuilderTests {
    let grouping = Grouping(period: .month, dimensions: [.governorate])

    func add(_ builder: inout TallyBuilder, _ date: String, _ gov: String, _ killed: Int?, _ doc: String) {
        builder.add(
            date: day(date), groups: [GroupValue(gov)], killed: Count(low: killed, high: killed),
            injured: .unknown, document: doc, eventID: doc)
    }

    @Test func mergedPartsEqualOneBuilder() {
        let rows: [(String, String, Int?, String)] = [
            ("2017-10-01", "Idlib", 3, "a"), ("2017-12-05", "Aleppo", 2, "b"), ("2017-10-09", "Idlib", nil, "c"),
            ("2017-12-06", "Idlib", 5, "a"), ("2018-02-01", "Hama", 1, "d"), ("2017-10-02", "Idlib", 4, "a"),
        ]
        var whole = TallyBuilder(grouping: grouping)
        for r in rows { add(&whole, r.0, r.1, r.2, r.3) }
        var first = TallyBuilder(grouping: grouping)
        var second = TallyBuilder(grouping: grouping)
        for r in rows.prefix(3) { add(&first, r.0, r.1, r.2, r.3) }
        for r in rows.dropFirst(3) { add(&second, r.0, r.1, r.2, r.3) }
        second.merge(first)
        let a = whole.table()
        let b = second.table()
        #expect(a.periods == b.periods)
        #expect(a.rows.map(\.figures) == b.rows.map(\.figures))
        #expect(a.rows.map(\.documents) == b.rows.map(\.documents))
        #expect(a.total == b.total)
        #expect(a.periods.count == 5)
        let idlibOctober = a.rows[0]
        #expect(idlibOctober.groups == [GroupValue("Idlib")])
        #expect(idlibOctober.figures.killedLow == 7 && idlibOctober.figures.killedHigh == nil)
        #expect(idlibOctober.figures.documents == 2)
        #expect(a.total.documents == 4)
    }

    @Test func withoutTraceOnlyCounts() {
        var builder = TallyBuilder(grouping: grouping, keepsTrace: false)
        add(&builder, "2017-10-01", "Idlib", 3, "a")
        let table = builder.table()
        #expect(table.rows[0].events.isEmpty && table.rows[0].documents.isEmpty)
        #expect(table.rows[0].figures.documents == 1)
    }
}
