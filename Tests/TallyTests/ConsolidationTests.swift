import GazetteModel
import Tally
import Testing

@Suite struct ConsolidationTests {
    let rule = Consolidation(districtOfPlace: ["C3978": "Maarrat An Nu'man"])

    @Test func samePlaceWithinADayIsOneEvent() throws {
        let events = rule.events(from: [
            incident(
                "en-1", date: "2017-12-19", place: "Maar Shurin", placeID: "C3978", killed: Count(low: 16, high: nil)),
            incident(
                "ar-1", date: "2017-12-20", place: "معرشورين", placeID: "C3978", killed: .exactly(18),
                perpetrator: "Russian forces"),
            incident("fr-1", date: "2017-12-19", place: "Atareb", placeID: "C1022", killed: .exactly(3)),
        ])
        #expect(events.count == 2)
        let merged = try #require(events.first { $0.reports.count == 2 })
        #expect(merged.id == "en-1#1")
        #expect(merged.documents == ["ar-1", "en-1"])
        #expect(merged.killed.low == 18 && merged.killed.high == 18 && merged.killed.best == 18)
        #expect(merged.killed.lowSource == "ar-1#1")
        #expect(
            merged.reasons == [
                "ar-1#1 joined: same place C3978, dates 2017-12-19 and 2017-12-20 within 1 day, "
                    + "perpetrator unknown in one report"
            ])
    }

    @Test(arguments: [
        // Two days apart.
        (incident("b", date: "2017-12-21", place: "X", placeID: "C1"), "two days apart"),
        // Same document: two incidents of one release are distinct.
        (incident("a", 2, date: "2017-12-19", place: "X", placeID: "C1"), "same document"),
        // Different place ids.
        (incident("b", date: "2017-12-19", place: "Y", placeID: "C2"), "other place"),
        // Incompatible perpetrators.
        (incident("b", date: "2017-12-19", place: "X", placeID: "C1", perpetrator: "ISIS"), "other perpetrator"),
        // Undated.
        (incident("b", date: nil, place: "X", placeID: "C1"), "undated"),
    ])
    func keptApart(_ other: Incident, _ why: String) {
        let first = incident("a", date: "2017-12-19", place: "X", placeID: "C1", perpetrator: "regime forces")
        #expect(Consolidation().events(from: [first, other]).count == 2, "\(why)")
    }

    @Test func theSameActorInOtherWordsIsCompatible() {
        let events = rule.events(from: [
            incident("a", date: "2017-12-19", place: "X", placeID: "C1", perpetrator: "Russian air force [Russian jets]"),
            incident("b", date: "2017-12-19", place: "X", placeID: "C1", perpetrator: "Russian forces [الروسي]"),
            incident("c", date: "2017-12-19", place: "X", placeID: "C1", perpetrator: "Assad regime [regime forces]"),
        ])
        #expect(events.count == 2, "Russia twice joins; the regime stays apart")
        #expect(events.first { $0.reports.count == 2 }?.reasons.first?.hasSuffix("same perpetrator") == true)
    }

    @Test func unmatchedNameJoinsTheSameName() {
        let events = rule.events(from: [
            incident("a", date: "2017-12-19", place: "Maar Shurin", placeID: "C3978"),
            incident("b", date: "2017-12-19", place: "maar shurin"),
        ])
        #expect(events.count == 1)
        #expect(
            events[0].reasons == [
                "b#1 joined: same place name \"maar shurin\" = \"Maar Shurin\", same date 2017-12-19, "
                    + "perpetrator unknown in both reports"
            ])
    }

    @Test func districtLevelReportJoinsAPlaceInItsDistrict() {
        let events = rule.events(from: [
            incident("a", date: "2017-12-19", place: "Maar Shurin", placeID: "C3978"),
            incident("c", date: "2017-12-18", place: "Maarrat an Nu'man"),
        ])
        #expect(events.count == 1)
        #expect(events[0].id == "c#1")
        #expect(events[0].reasons.first?.contains("same district Maarrat An Nu'man") == true)
    }

    @Test func chainsDoNotGrowIntoLongEvents() {
        let events = Consolidation().events(from: [
            incident("a", date: "2017-12-01", place: "X", placeID: "C1"),
            incident("b", date: "2017-12-02", place: "X", placeID: "C1"),
            incident("c", date: "2017-12-03", place: "X", placeID: "C1"),
        ])
        #expect(events.map { $0.reports.count } == [2, 1])
    }

    @Test func orderOfInputDoesNotMatter() {
        let input = [
            incident("en-1", date: "2017-12-19", place: "Maar Shurin", placeID: "C3978", killed: .exactly(16)),
            incident("ar-1", date: "2017-12-20", place: "معرشورين", placeID: "C3978", killed: .exactly(18)),
            incident("fr-1", date: "2017-12-19", place: "Atareb", placeID: "C1022"),
            incident("fr-2", date: "2017-12-18", place: "Atareb", placeID: "C1022"),
        ]
        let a = Consolidation().events(from: input)
        let b = Consolidation().events(from: input.reversed())
        #expect(a == b)
        #expect(a.map(\.id) == ["fr-2#1", "en-1#1"])
    }

    @Test func eachMakesOneEventPerReport() {
        let events = Event.each([incident("b", date: "2017-12-19"), incident("a", date: "2017-12-19")])
        #expect(events.map(\.id) == ["a#1", "b#1"])
    }
}

@Suite struct EventDecisionsTests {
    let reports = [
        incident("a", date: "2017-12-19", place: "X", placeID: "C1"),
        incident("b", date: "2017-12-19", place: "X", placeID: "C1"),
        incident("c", date: "2017-12-25", place: "X", placeID: "C1"),
    ]

    @Test func apartSplitsAndJoinJoins() throws {
        let decisions = try EventDecisions(
            parsing: """
                # checked by hand
                apart a#1 b#1
                join  c#1 b#1   # same strike, published late
                """, origin: "decisions.txt")
        let rule = Consolidation(decisions: decisions)
        let events = rule.events(from: reports)
        #expect(events.map { $0.reports.map(Event.reportID) } == [["a#1"], ["b#1", "c#1"]])
        #expect(events[1].reasons == ["b#1 joined: decision decisions.txt:3 (join c#1 b#1)"])
        #expect(rule.unappliedDecisions(for: reports).isEmpty)
    }

    @Test func apartWinsOverJoin() throws {
        let decisions = try EventDecisions(parsing: "apart a#1 c#1\njoin a#1 c#1\njoin a#1 x#9", origin: "d")
        let rule = Consolidation(decisions: decisions)
        #expect(rule.events(from: reports).count == 2)
        #expect(
            rule.unappliedDecisions(for: reports) == [
                "d:3: join names x#9, which is not among the reports",
                "d:2: join a#1 c#1 not applied: it would join reports kept apart",
            ])
    }

    @Test func parseErrors() {
        #expect(throws: EventDecisions.ParseError.self) { try EventDecisions(parsing: "merge a#1 b#1", origin: "d") }
        let error = #expect(throws: EventDecisions.ParseError.self) {
            try EventDecisions(parsing: "\njoin a#1", origin: "d")
        }
        #expect(error?.description == "d:2: expected 'join REPORT REPORT' (reports as document#index)")
    }
}
