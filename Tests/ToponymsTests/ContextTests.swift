import GazetteModel
import Testing
import Toponyms

/// How contexts in many languages are read into admin units.
@Suite struct ContextTests {
    static let index = MatcherIndex(gazetteer: Files.gazetteer)

    @Test(arguments: [
        ("Aleppo", ["SY02"]), ("rural Aleppo", ["SY02"]), ("ريف حلب الغربي", ["SY02"]), ("Alep", ["SY02"]),
        ("Halep kırsalı", ["SY02"]), ("Damascus", ["SY01", "SY03"]), ("Rif Dimashq", ["SY01", "SY03"]),
        ("ريف دمشق", ["SY01", "SY03"]), ("Damascus countryside", ["SY01", "SY03"]), ("Daraa", ["SY12"]),
        ("Deraa province", ["SY12"]), ("Deir ez-Zor", ["SY09"]), ("دير الزور", ["SY09"]), ("Hama", ["SY05"]),
        ("Hasakah", ["SY08"]), ("الحسكة", ["SY08"]), ("Homs", ["SY04"]), ("Idlib", ["SY07"]),
        ("province d'Idleb", ["SY07"]), ("İdlib kırsalı", ["SY07"]), ("Raqqa", ["SY11"]), ("Suwayda", ["SY13"]),
        ("Sweida", ["SY13"]), ("Latakia", ["SY06"]), ("Tartus", ["SY10"]), ("Quneitra", ["SY14"]), ("SY07", ["SY07"]),
        ("SY-HM", ["SY05"]), ("Idlib and rural Hama", ["SY05", "SY07"]),
        ("near Maarrat al-Nu'man district, Idlib", ["SY0702"]), ("Douma, Rif Dimashq", ["SY0302"]),
        ("", []), ("in the north of the country", []), ("the tall building", []),
    ])
    func contextUnits(context: String, units: [String]) {
        let matcher = Matcher(index: Self.index)
        #expect(matcher.contextUnits(context) == units, "\(context)")
    }

    @Test func townWordsInTheContextPreferTheCommunity() {
        let matcher = Matcher(index: Self.index)
        #expect(matcher.match("Idlib", context: "the town, in Idlib province").place?.id == "C3871")
        #expect(matcher.match("Idlib", context: "rural Idlib").place?.id == "SY07")
    }
}
