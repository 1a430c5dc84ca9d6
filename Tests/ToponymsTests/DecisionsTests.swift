import Foundation
import GazetteModel
import Testing
import Toponyms

/// A small gazetteer written for these tests: two places named Duma in different governorates, and two villages
/// whose names look alike.
enum DecisionsFixture {
    static let rif = AdminUnit(id: "SY03", nameEn: "Rural Damascus", nameAr: "ريف دمشق")
    static let hama = AdminUnit(id: "SY05", nameEn: "Hama", nameAr: "حماة")
    static let idleb = AdminUnit(id: "SY07", nameEn: "Idleb", nameAr: "إدلب")

    static let gazetteer = Gazetteer(places: [
        Place(id: "SY03", kind: .governorate, nameEn: "Rural Damascus", nameAr: "ريف دمشق",
              alternateNames: ["Rif Dimashq"], admin1: rif),
        Place(id: "SY05", kind: .governorate, nameEn: "Hama", nameAr: "حماة", admin1: hama),
        Place(id: "SY07", kind: .governorate, nameEn: "Idleb", nameAr: "إدلب", alternateNames: ["Idlib"],
              admin1: idleb),
        Place(id: "C2338", kind: .community, nameEn: "Duma", nameAr: "دوما", alternateNames: ["Douma"], admin1: rif),
        Place(id: "C3017", kind: .community, nameEn: "Duma", nameAr: "دوما", admin1: hama),
        Place(id: "C3978", kind: .community, nameEn: "Maar Shurin", nameAr: "معرشورين",
              alternateNames: ["Maarshourin"], admin1: idleb),
        Place(id: "C3983", kind: .community, nameEn: "Maarshamarin", nameAr: "معرشمارين", admin1: idleb),
    ])

    static let header = "name\tcontext\tplace_id\tnote\n"
}

@Suite struct DecisionsTests {
    @Test func readsRowsCommentsAndUndecidedRows() throws {
        let text = "\u{FEFF}" + DecisionsFixture.header + """
            # reviewed on Monday
            Duma\tRural Damascus\tC2338\tthe suburb

            Eastern Ghouta\t\tnone\ta region
            Kafr Batna\t\t\tstill to look up
            """
        let decisions = try Decisions(tsv: text, origin: "review.tsv")
        #expect(decisions.entries.map(\.name) == ["Duma", "Eastern Ghouta"])
        #expect(decisions.entries.map(\.line) == [3, 5])
        #expect(decisions.entries[0].placeID == "C2338")
        #expect(decisions.entries[1].placeID == nil)
        #expect(decisions.undecided == 1)
    }

    @Test func columnsMayComeInAnyOrderAndContextAndNoteMayBeLeftOut() throws {
        let decisions = try Decisions(tsv: "place_id\tname\t\nC3978\tMaar Shoureen\t\n", origin: "d.tsv")
        #expect(decisions.entry(for: "Maar Shoureen")?.placeID == "C3978")
        #expect(decisions.entry(for: "Maar Shoureen", context: "rural Idlib")?.placeID == "C3978")
    }

    @Test(arguments: [
        ("", 0, "no header row"),
        ("# only a comment\n", 0, "no header row"),
        ("query\tcontext\tplace_id\n", 1, "expected a header row"),
        ("name\tcontext\tplace\tnote\n", 1, "expected a header row"),
        ("# c\nname\tplace_id\tplace_id\n", 2, "expected a header row"),
        (DecisionsFixture.header + "Duma\t\tC2338\tnote\textra\n", 2, "remove the extra tabs"),
        (DecisionsFixture.header + "# c\n\t\tC2338\t\n", 3, "empty name"),
        (DecisionsFixture.header + "Duma\tHama\tC3017\t\nduma\thama\tC2338\t\n", 3, "decided differently on line 2"),
    ])
    func badFilesNameTheLine(text: String, line: Int, message: String) {
        #expect {
            _ = try Decisions(tsv: text, origin: "mine.tsv")
        } throws: { error in
            guard let error = error as? DecisionsError else { return false }
            let where_ = line > 0 ? "mine.tsv:\(line): " : "mine.tsv: "
            return error.line == line && error.origin == "mine.tsv" && error.message.contains(message)
                && error.description.hasPrefix(where_)
        }
    }

    @Test func validationReportsPlaceIDsMissingFromTheGazetteer() throws {
        let text = DecisionsFixture.header + "Duma\t\tC2338\t\nSaraqib\t\tC9999\ttypo\nGhouta\t\tnone\t\n"
        let problems = try Decisions(tsv: text, origin: "d.tsv").validate(against: DecisionsFixture.gazetteer)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("d.tsv:3: place_id 'C9999'") == true)
    }

    @Test func namesAreFoldedForCaseAndSpacesButNotSpelling() throws {
        let decisions = try Decisions(tsv: DecisionsFixture.header + "Maar Shoureen\t\tC3978\t\n", origin: "d.tsv")
        #expect(decisions.entry(for: "maar  shoureen") != nil)
        #expect(decisions.entry(for: " MAAR SHOUREEN\t") != nil)
        #expect(decisions.entry(for: "Maar Shourin") == nil)
        #expect(decisions.entry(for: "Maarshoureen") == nil)
    }

    @Test func aDecisionWinsOverTheMatcher() throws {
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        // Without a decision the algorithm cannot choose between the two Dumas.
        #expect(matcher.match("Duma").status == .ambiguous)
        let decisions = try Decisions(tsv: DecisionsFixture.header + "Duma\t\tC3017\tHama, per the source\n",
                                      origin: "review.tsv")
        let decided = DecidedMatcher(matcher: matcher, decisions: decisions)
        let match = decided.match("Duma")
        #expect(match.status == .matched)
        #expect(match.place?.id == "C3017")
        #expect(match.candidates.first?.score == 1)
        #expect(match.why == "decision:review.tsv:2")
        // Another name still goes to the algorithm.
        #expect(decided.match("Maarshourin").why.hasPrefix("decision:") == false)
        #expect(decided.match("Maarshourin").place?.id == "C3978")
    }

    @Test func noneMakesANameUnmatched() throws {
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        #expect(matcher.match("Douma").status == .matched)
        let decisions = try Decisions(tsv: DecisionsFixture.header + "Douma\t\tNONE\tthe film, not the town\n",
                                      origin: "d.tsv")
        let match = try #require(decisions.decide("Douma", matcher: matcher))
        #expect(match.status == .unmatched)
        #expect(match.candidates.isEmpty)
        #expect(match.why == "decision:d.tsv:2")
    }

    @Test func contextScopedDecisionsApplyOnlyInTheirContext() throws {
        let text = DecisionsFixture.header + """
            Duma\tRural Damascus\tC2338\t
            Duma\tHama\tC3017\t
            Maar Shurin\t\tC3978\t
            Maar Shurin\tIdleb\tnone\ta different spot the source means
            """
        let decisions = try Decisions(tsv: text, origin: "d.tsv")
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        #expect(decisions.decide("Duma", context: "rural damascus", matcher: matcher)?.place?.id == "C2338")
        #expect(decisions.decide("Duma", context: "HAMA", matcher: matcher)?.place?.id == "C3017")
        #expect(decisions.decide("Duma", context: "Homs", matcher: matcher) == nil)
        #expect(decisions.decide("Duma", matcher: matcher) == nil)
        // A decision for this context wins over the one for any context.
        #expect(decisions.decide("Maar Shurin", context: "Idleb", matcher: matcher)?.status == .unmatched)
        #expect(decisions.decide("Maar Shurin", context: "Hama", matcher: matcher)?.place?.id == "C3978")
    }

    @Test func theReviewFileReadsBackAsDecisions() throws {
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        let matches = ["Duma", "Maarshourin", "Duma", "Kafr Batna", "duma"].map { matcher.match($0) }
        let review = Decisions.reviewTSV(matches, origin: "input.csv")
        let rows = review.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.first == "name\tcontext\tplace_id\tnote")
        // The matched name is not asked about; "Duma" is asked once.
        #expect(rows.dropFirst().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
            == ["Duma", "Kafr Batna"])
        #expect(rows[1].contains("C2338") && rows[1].contains("C3017"))
        let undecided = try Decisions(tsv: review, origin: "review.tsv")
        #expect(undecided.entries.isEmpty)
        #expect(undecided.undecided == 2)
        // A person fills in the first row: the file now decides it.
        let filled = review.replacingOccurrences(of: "Duma\t\t\t", with: "Duma\t\tC2338\t")
        let decisions = try Decisions(tsv: filled, origin: "review.tsv")
        let decided = DecidedMatcher(matcher: matcher, decisions: decisions)
        #expect(decided.match("duma").place?.id == "C2338")
        #expect(Decisions.reviewTSV(["Duma", "Kafr Batna"].map { decided.match($0) })
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.count == 2)
    }
}
