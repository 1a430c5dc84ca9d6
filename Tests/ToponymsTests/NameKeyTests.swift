import GazetteModel
import Testing
import Toponyms

@Suite struct NameKeyTests {
    @Test(arguments: [
        ("Ma‘arrat an-Nu‘mān", ["maarrat", "numan"]),
        ("Al-Atareb", ["atareb"]),
        ("the town of Saraqib", ["saraqib"]),
        ("زردنا_مشهد", ["زردنا", "مشهد"]),
        ("Duma (Duma)", ["duma"]),
        ("province d'Idleb", ["idleb"]),
        ("İdlib'in", ["idlib"]),
        ("Han Şeyhun", ["han", "sheyhun"]),
        ("مَعَرَّةُ النُّعْمَان", ["معره", "النعمان"]),
        ("مركز إدلب", ["ادلب"]),
        ("Kafr\u{0}Nabl\u{7}", ["kafr", "nabl"]),
    ])
    func folding(name: String, tokens: [String]) {
        #expect(NameKey(name).tokens == tokens)
    }

    @Test(arguments: [
        ("أتارب", "اتارب"), ("إدلب", "ادلب"), ("آل", "ال"), ("مصطفى", "مصطفي"), ("حماة", "حماه"), ("حلـــب", "حلب"),
        ("Kafr Nabl", "Kafrnabl"), ("كفر نبل", "كفرنبل"), ("KHAN SHAYKHUN", "Khan-Shaykhun"), ("Sarmīn", "sarmin"),
    ])
    func sameCompactKey(a: String, b: String) {
        #expect(NameKey(a).compact == NameKey(b).compact)
    }

    @Test(arguments: [
        ("Al-Bab", "Albab"), ("الباب", "باب"), ("الأتارب", "أتارب"), ("Abu Adduhour", "Abu Duhour"),
        ("Ar-Raqqa", "Arraqqa"), ("Deir Ezzor", "Deir Zor"),
    ])
    func articleIsOptional(a: String, b: String) {
        #expect(NameKey(a).bare == NameKey(b).bare)
    }

    /// Spellings of one place in several languages and scripts share a skeleton.
    @Test(arguments: [
        ["Maar Shoureen", "Maarshourin", "معرشورين", "معر شورين", "Maar Shurin"],
        ["Khan Sheikhoun", "خان شيخون", "Khan Cheikhoun", "Chan Scheichun", "Han Şeyhun", "Khan Shaykhun"],
        ["Kafranbel", "Kafr Nabl", "كفرنبل", "Kafr Nubl"],
        ["Maarat al-Numan", "Maaret al-Nouman", "معرة النعمان", "Ma'arrat an-Nu'man"],
        ["Saraqib", "Saraqeb", "سراقب", "Sarakeb"],
    ])
    func sharedSkeleton(spellings: [String]) {
        let sets = spellings.map { Set(NameKey($0).skeletons) }
        for (i, s) in sets.enumerated() {
            #expect(!s.isDisjoint(with: sets[0]), "\(spellings[i]) \(s) vs \(spellings[0]) \(sets[0])")
        }
    }

    @Test func differentPlacesKeepDifferentSkeletons() {
        // Double letters collapse only when adjacent: a vowel between two "sh" keeps both.
        #expect(Set(NameKey("Mushashin").skeletons).isDisjoint(with: NameKey("Mashoun").skeletons))
        #expect(Set(NameKey("Maar Shoureen").skeletons).isDisjoint(with: NameKey("Maar Shamarin").skeletons))
    }

    @Test func hintsAndFacilities() {
        #expect(NameKey("Idlib province").kindHint == .governorate)
        #expect(NameKey("the city of Idlib").saysCommunity)
        #expect(NameKey("Shayrat airbase").facility == "airbase")
        #expect(NameKey("مخيم اليرموك").facility == "مخيم")
        #expect(NameKey("Saraqib").facility == nil)
        #expect(NameKey("Upper Baguz").qualifiers == ["upper"])
        #expect(NameKey("أورم الصغرى").qualifiers == ["small"])
    }

    @Test func emptyAndHugeInput() {
        #expect(NameKey("").compact.isEmpty)
        #expect(NameKey(" \t\u{1}\u{7f} - _ ").compact.isEmpty)
        let huge = String(repeating: "Saraqib ", count: 1_250)
        let key = NameKey(huge)
        #expect(key.inputLength == 10_000)
        #expect(key.tokens.count <= 200)
    }
}
