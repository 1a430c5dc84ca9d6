import GazetteModel
import Testing
@testable import Toponyms

/// The index keeps distinct keys once and the matcher fans them out to every place that shares them: places with
/// the same names are all candidates, tie, and cost no more index than one of them.
@Suite struct MatcherIndexTests {
    static let idleb = AdminUnit(id: "SY07", nameEn: "Idleb", nameAr: "إدلب")

    /// `copies` places named like Maar Shurin (ids C9001, C9002 ...), and one other village.
    static func gazetteer(copies: Int) -> Gazetteer {
        var places = [Place(id: "SY07", kind: .governorate, nameEn: "Idleb", nameAr: "إدلب", admin1: idleb)]
        for n in 1...copies {
            places.append(Place(id: "C\(9000 + n)", kind: .community, nameEn: "Maar Shurin", nameAr: "معرشورين",
                                alternateNames: ["Maarshourin"], admin1: idleb))
        }
        places.append(Place(id: "C3983", kind: .community, nameEn: "Maarshamarin", nameAr: "معرشمارين",
                            admin1: idleb))
        return Gazetteer(places: places)
    }

    @Test func sharedNamesAreStoredOnce() {
        let one = MatcherIndex(gazetteer: Self.gazetteer(copies: 1))
        let ten = MatcherIndex(gazetteer: Self.gazetteer(copies: 10))
        #expect(ten.forms.count == one.forms.count)
        #expect(ten.letters.count == one.letters.count)
        #expect(ten.skeletonIDs == one.skeletonIDs)
        // The bigram postings list distinct skeletons; how many entries they stand for still grows.
        for (bigram, postings) in one.bigramIndex {
            #expect(ten.bigramIndex[bigram]?.skeletons == postings.skeletons)
        }
        #expect(ten.places(skeleton: "MRXRN") == Array(1...10).map { Int32($0) })
        #expect(one.places(skeleton: "MRXRN") == [1])
    }

    @Test(arguments: [1, 3, 12])
    func everyPlaceOfASharedSkeletonIsACandidate(copies: Int) {
        let matcher = Matcher(gazetteer: Self.gazetteer(copies: copies))
        // Not a name of the gazetteer: found by its skeleton, scored once, fanned out to every copy.
        let match = matcher.match("Maar Shoureen")
        let ids = match.candidates.map(\.place.id)
        if copies == 1 {
            #expect(match.status == .matched)
            #expect(ids.first == "C9001")
        } else {
            #expect(match.status == .ambiguous, "\(match.why)")
            // They tie, so they are listed in id order, up to the eight a match lists.
            let expected = (1...min(copies, 8)).map { "C\(9000 + $0)" }
            #expect(ids == expected)
            #expect(Set(match.candidates.map(\.score)).count == 1)
            #expect(match.why.hasPrefix("skeleton:MRXRN; \(copies) places"))
        }
    }

    @Test func copiesOfAnArabicNameAreAllExactCandidates() {
        let matcher = Matcher(gazetteer: Self.gazetteer(copies: 5))
        let match = matcher.match("معرشورين")
        #expect(match.status == .ambiguous)
        #expect(match.candidates.map(\.place.id) == ["C9001", "C9002", "C9003", "C9004", "C9005"])
        #expect(match.candidates.allSatisfy { $0.score == 1 && $0.why == "exact:معرشورين" })
        // The other village stays itself.
        #expect(matcher.match("Maarshamarin").place?.id == "C3983")
    }

    /// A skeleton shared only with a name in the other script is weak evidence: never a sure match.
    @Test func aSkeletonSharedAcrossScriptsOnlyIsNotSure() {
        let gazetteer = Gazetteer(places: [
            Place(id: "C1", kind: .community, nameEn: "Tall Ahmar", nameAr: "معرشورين", admin1: Self.idleb),
        ])
        let matcher = Matcher(gazetteer: gazetteer)
        let latin = matcher.match("Maar Shoureen")
        #expect(latin.status == .ambiguous)
        #expect(latin.candidates.first?.place.id == "C1")
        #expect(latin.candidates.first?.score == 0.83)
        // The same skeleton in the query's own script is a sure match.
        let arabic = matcher.match("معر شورين")
        #expect(arabic.status == .matched, "\(arabic.why)")
    }

    /// The matcher's memo of form comparisons belongs to one query: answers do not depend on what came before.
    @Test func answersDoNotDependOnEarlierQueries() {
        let names = ["Maar Shoureen", "معر شورين", "Maarshamareen", "Maar Shamarin", "Mar Shurin", "Maarshurin"]
        let fresh = names.map { Matcher(gazetteer: Self.gazetteer(copies: 2)).match($0) }
        let shared = Matcher(gazetteer: Self.gazetteer(copies: 2))
        let reused = names.reversed().map { shared.match($0) }.reversed()
        #expect(Array(reused) == fresh)
    }
}

/// The spelling similarity sets aside the letters two names share at the start and the end; it must give what the
/// whole edit distance gives.
@Suite struct SpellingTests {
    /// The similarity from the weighted distance over every letter, as computed before the trimming.
    static func untrimmed(_ a: String, _ b: String) -> Double {
        let x = Spelling.letters(a), y = Spelling.letters(b)
        let longest = max(x.count, y.count)
        if longest == 0 { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        let distance = Spelling.distanceOverAllLetters(x, y)
        return max(0, 1 - distance / Double(longest))
    }

    @Test(arguments: [
        ("maarshurin", "maarshourin"), ("maarshurin", "maarshurin"), ("kafrnabl", "kafrnabel"),
        ("saraqib", "saraqeb"), ("alatarib", "atareb"), ("haish", "hish"), ("ee", "e"), ("a", "b"),
        ("abcabc", "abc"), ("abc", "abcabc"), ("hammuriyeh", "hamouriye"), ("deirezzor", "dayralzawr"),
        ("معرشورين", "معرشمارين"), ("معرةالنعمان", "معرهالنعمان"), ("ابوالظهور", "ابوالضهور"), ("عين", "ع"),
        ("", "abc"), ("abc", ""), ("aaaa", "aaa"), ("ouou", "uu"),
    ])
    func trimmingChangesNothing(a: String, b: String) {
        #expect(Spelling.similarity(a, b) == Self.untrimmed(a, b))
        #expect(Spelling.similarity(b, a) == Self.untrimmed(b, a))
    }
}
