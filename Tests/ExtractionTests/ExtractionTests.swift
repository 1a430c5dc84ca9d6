import Extraction
import Foundation
import GazetteModel
import Testing

/// Extraction on sentences written for these tests, in the eight languages of the rule sets.
@Suite struct ExtractionTests {
    func incidents(_ body: String, lang: String, date: String = "2017-12-20") throws -> [Incident] {
        let doc = try Fixtures.document("LANG: \(lang)\nDATE: \(date)\n\n\(body)\n")
        return Fixtures.extractor.extract(doc)
    }

    /// Sixteen killed, in words, yesterday or on Tuesday (the dateline 2017-12-20 is a Wednesday).
    @Test(arguments: [
        ("en", "Russian jets bombed the town of Kafranbel in rural Idlib on Tuesday, killing sixteen civilians."),
        ("ar", "قتل ستة عشر مدنيا أمس في غارات جوية على بلدة كفرنبل بريف إدلب الجنوبي."),
        (
            "fr",
            "Seize civils ont été tués hier dans des raids aériens sur la ville de Kafranbel, dans la province d'Idleb."
        ),
        (
            "tr",
            "İdlib'in güneyindeki Kefranbel ilçesine dün düzenlenen hava saldırısında on altı sivil hayatını kaybetti."
        ),
        (
            "de",
            "Bei Luftangriffen auf die Stadt Kafranbel in der Provinz Idlib wurden gestern sechzehn Zivilisten getötet."
        ),
        (
            "es",
            "Dieciséis civiles murieron ayer en un bombardeo sobre la localidad de Kafranbel, en la provincia de Idlib."
        ),
        ("it", "Sedici civili sono morti ieri nei raid sulla città di Kafranbel, nella provincia di Idlib."),
        ("pt", "Dezesseis civis morreram ontem em bombardeios na cidade de Kafranbel, na província de Idlib."),
    ])
    func numbersInWordsAndRelativeDays(lang: String, text: String) throws {
        let found = try incidents(text, lang: lang)
        let first = try #require(found.first, "no incident in \(lang)")
        #expect(first.killed.low == 16, "\(lang): \(first.killed)")
        #expect(first.killed.high == 16)
        #expect(first.date?.iso == "2017-12-19", "\(lang)")
        #expect(first.datePrecision == .day)
        #expect(first.governorate == "Idlib", "\(lang)")
        #expect(
            first.place.lowercased().contains("kafranbel") || first.place.contains("كفرنبل")
                || first.place.contains("Kefranbel"))
    }

    @Test func arabicIndicAndGluedDigits() throws {
        let a = try incidents("قتل ١٦ مدنيا في قصف على مدينة سراقب بريف إدلب.", lang: "ar")
        #expect(a.first?.killed.low == 16)
        let b = try incidents(
            "قصفت طائرات النظام بلدة كفرنبل بريف إدلب ما أدى إلى مقتل 13مدنيًّا وإصابة ٢٠ آخرين.",
            lang: "ar")
        #expect(b.first?.killed.low == 13)
        #expect(b.first?.injured.low == 20)
    }

    @Test(
        arguments: [
            ("more than 40 civilians were killed", 41, nil),
            ("over 40 people were killed", 41, nil),
            ("at least 16 people were killed", 16, nil),
            ("nearly 30 civilians were killed", nil, 30),
            ("up to 30 civilians were killed", nil, 30),
            ("between 5 and 7 civilians were killed", 5, 7),
            ("dozens of civilians were killed", 24, nil),
            ("hundreds of civilians were killed", 200, nil),
            ("tens of civilians were killed", 20, nil),
            ("12 civilians were killed", 12, 12),
        ] as [(String, Int?, Int?)])
    func englishQuantifiers(phrase: String, low: Int?, high: Int?) throws {
        let found = try incidents("Warplanes bombed the town of Saraqib in rural Idlib, and \(phrase).", lang: "en")
        let first = try #require(found.first)
        #expect(first.killed.low == low, "\(phrase)")
        #expect(first.killed.high == high, "\(phrase)")
    }

    @Test(
        arguments: [
            ("ar", "قتل أكثر من 40 مدنيا في غارات على بلدة الأتارب بريف حلب.", 41, nil),
            ("ar", "قتل عشرات المدنيين في غارات على بلدة الأتارب بريف حلب.", 24, nil),
            (
                "fr", "Plus de 40 civils ont été tués dans des raids sur la ville d'Atareb, dans la province d'Alep.",
                41, nil
            ),
            (
                "fr",
                "Des dizaines de civils ont été tués dans des raids sur la ville d'Atareb, dans la province d'Alep.",
                24, nil
            ),
            (
                "de",
                "Dutzende Zivilisten wurden bei Luftangriffen auf die Stadt Atareb in der Provinz Aleppo getötet.", 24,
                nil
            ),
            (
                "es",
                "Decenas de civiles murieron en bombardeos sobre la localidad de Atareb, en la provincia de Alepo.", 24,
                nil
            ),
            ("it", "Almeno 40 civili sono morti nei raid sulla città di Atareb, nella provincia di Aleppo.", 40, nil),
            (
                "fr",
                "Une vingtaine de civils ont été tués dans des raids sur la ville d'Atareb, dans la province d'Alep.",
                20, 20
            ),
            ("it", "Una ventina di civili sono morti nei raid sulla città di Atareb, provincia di Aleppo.", 20, 20),
            ("pt", "Mais de 40 civis morreram em bombardeios na cidade de Atareb, na província de Alepo.", 41, nil),
            (
                "tr",
                "Halep'in batısındaki Atarib kasabasına düzenlenen hava saldırısında onlarca sivil hayatını kaybetti.",
                24, nil
            ),
        ] as [(String, String, Int?, Int?)])
    func quantifiersInOtherLanguages(lang: String, text: String, low: Int?, high: Int?) throws {
        let first = try #require(try incidents(text, lang: lang).first)
        #expect(first.killed.low == low, "\(lang): \(first.killed)")
        #expect(first.killed.high == high)
        #expect(first.governorate == "Aleppo", "\(lang)")
    }

    @Test func killedAndInjuredKeptApart() throws {
        let text =
            "Russian jets bombed the town of Maar Shoureen in rural Idlib, killing at least 16 people, mostly "
            + "women and children, and injuring dozens more."
        let first = try #require(try incidents(text, lang: "en").first)
        #expect(first.killed.low == 16)
        #expect(first.injured.low == 24)
        #expect(first.placeContext.contains("in rural Idlib"))
        #expect(first.perpetrator.hasPrefix("Russian air force"))
    }

    /// Who the victims were, when stated, in the rule sets' vocabulary, with the words as written.
    @Test(arguments: [
        (
            "en",
            "Russian jets bombed the town of Maar Shoureen in rural Idlib, killing at least 16 people, mostly "
                + "women and children, and injuring dozens more.",
            ["women", "children"]
        ),
        ("ar", "قتل ثمانية مدنيين بينهم ثلاثة أطفال وامرأتان في غارات جوية على بلدة كفرنبل بريف إدلب.",
         ["civilians", "children", "women"]),
        (
            "fr",
            "Des raids aériens sur la ville de Kafranbel ont tué neuf civils, dont quatre enfants et un secouriste.",
            ["civilians", "children", "rescue workers"]
        ),
        ("de", "Bei Luftangriffen auf die Stadt Kafranbel wurden sieben Zivilisten getötet, darunter zwei Kinder.",
         ["civilians", "children"]),
        ("es", "Los bombardeos sobre la ciudad de Kafranbel mataron a seis civiles, entre ellos tres niños.",
         ["civilians", "children"]),
    ])
    func victimCategories(lang: String, text: String, expected: [String]) throws {
        let first = try #require(try incidents(text, lang: lang).first)
        let terms = first.victims.split(separator: "; ").map { $0.split(separator: " [")[0] }.map(String.init)
        #expect(terms == expected, "\(lang): \(first.victims)")
        // The words as written stay beside each term.
        #expect(first.victims.contains("["))
    }

    /// A children's hospital hit with no toll says nothing of who the victims were.
    @Test func victimWordsWithoutATollAreNotRecorded() throws {
        let text = "Warplanes bombed a children's hospital in the town of Kafranbel in rural Idlib on Tuesday."
        let all = try incidents(text, lang: "en")
        #expect(all.allSatisfy { $0.victims.isEmpty }, "\(all.map(\.victims))")
    }

    @Test func combinedCountsAreNotSplitInEnglish() throws {
        let text = "Warplanes struck the town of Saraqib in rural Idlib, and 30 people were killed and injured."
        let first = try #require(try incidents(text, lang: "en").first)
        #expect(first.killed.isUnknown)
        #expect(first.injured.isUnknown)
    }

    @Test func weekdaysResolveToTheLastSuchDayOnOrBeforeTheDateline() throws {
        // 2017-12-20 is a Wednesday.
        let wed = try incidents(
            "Jets struck the town of Saraqib in rural Idlib on Wednesday, killing 3 people.",
            lang: "en")
        #expect(wed.first?.date?.iso == "2017-12-20")
        let thu = try incidents(
            "Jets struck the town of Saraqib in rural Idlib on Thursday, killing 3 people.",
            lang: "en")
        #expect(thu.first?.date?.iso == "2017-12-14")
        let explicit = try incidents(
            "Jets struck the town of Saraqib in rural Idlib on Tuesday (19 December), killing 3 people.", lang: "en")
        #expect(explicit.first?.date?.iso == "2017-12-19")
    }

    /// "Two days ago" and its kin count back from the dateline (2017-12-20), and the number in them is no toll.
    @Test(arguments: [
        ("en", "Jets struck the town of Saraqib in rural Idlib two days ago, killing 3 people."),
        ("ar", "قتل 3 مدنيين قبل يومين في قصف على مدينة سراقب بريف إدلب."),
        (
            "fr",
            "Trois civils ont été tués il y a deux jours dans un raid sur la ville de Saraqeb, province d'Idleb."
        ),
        (
            "de",
            "Bei einem Luftangriff auf die Stadt Sarakib in der Provinz Idlib wurden vor zwei Tagen 3 Menschen getötet."
        ),
    ])
    func daysAgo(lang: String, text: String) throws {
        let first = try #require(try incidents(text, lang: lang).first, "\(lang)")
        #expect(first.date?.iso == "2017-12-18", "\(lang)")
        #expect(first.datePrecision == .day)
        #expect(first.killed.low == 3, "\(lang): \(first.killed)")
    }

    @Test(arguments: [
        ("en", "Jets struck the town of Saraqib in rural Idlib yesterday, killing 3 people."),
        ("ar", "قتل 3 مدنيين أمس في قصف على مدينة سراقب بريف إدلب."),
        ("fr", "Trois civils ont été tués hier dans un raid sur la ville de Saraqeb, dans la province d'Idleb."),
        ("tr", "İdlib'e bağlı Serakib kentine dün düzenlenen saldırıda 3 sivil hayatını kaybetti."),
    ])
    func yesterday(lang: String, text: String) throws {
        let first = try #require(try incidents(text, lang: lang).first, "\(lang)")
        #expect(first.date?.iso == "2017-12-19", "\(lang)")
        #expect(first.datePrecision == .day)
    }

    @Test func aWeekdayPicksTheYearWhenTheTextGivesNone() throws {
        // No dateline; the only year in the text is 2013, but 4 April fell on a Tuesday in 2017.
        let text =
            "LANG: fr\n\nL'attaque rappelle celle d'août 2013.\nMardi 4 avril, des raids sur la ville de "
            + "Khan Cheikhoun, dans la province d'Idleb, ont tué 58 personnes.\n"
        let doc = try Fixtures.document(text)
        let first = try #require(Fixtures.extractor.extract(doc).first { $0.place.contains("Khan") })
        #expect(first.date?.iso == "2017-04-04")
        #expect(first.killed.low == 58)
    }

    @Test func noDatelineMeansUnknownNotAGuess() throws {
        let doc = try Fixtures.document("Jets struck the town of Saraqib in rural Idlib today, killing 3 people.\n")
        let first = try #require(Fixtures.extractor.extract(doc).first)
        #expect(first.date == nil)
        #expect(first.datePrecision == .unknown)
    }

    @Test func severalIncidentsAndBackground() throws {
        let text = """
            Russian warplanes bombed the town of Kafr Nabl in rural Idlib on Tuesday, killing 9 civilians.
            Barrel bombs fell on the town of Saraqib, while 2 citizens were killed in the village of Sarmin.
            The attack came a month after another massacre killed 30 people in the town of Ariha on 15 November.
            """
        let found = try incidents(text, lang: "en")
        let places = found.map(\.place)
        #expect(places.contains { $0.contains("Kafr Nabl") })
        #expect(places.contains { $0.contains("Sarmin") })
        let ariha = try #require(found.first { $0.place.contains("Ariha") })
        #expect(ariha.isBackground)
        #expect(ariha.date?.iso == "2017-11-15")
        #expect(found.first { $0.place.contains("Sarmin") }?.killed.low == 2)
    }

    @Test func statementsWithoutIncidentsGiveNoRows() throws {
        let text = """
            The President of the Coalition met the Special Envoy in Geneva to discuss the political process.
            Both sides stressed the need to implement Security Council resolution 2254 in Damascus and Aleppo.
            """
        #expect(try incidents(text, lang: "en").isEmpty)
    }
}

/// Finding place names: gazetteer spotting in any script, cues, lists, and names that only locate.
@Suite struct SpottingTests {
    func incidents(_ body: String, lang: String) throws -> [Incident] {
        let doc = try Fixtures.document("LANG: \(lang)\nDATE: 2017-12-20\n\n\(body)\n")
        return Fixtures.extractor.extract(doc)
    }

    @Test func articleAndCliticsDoNotHideAName() throws {
        let en = try #require(
            try incidents("Regime barrel bombs hit al-Atareb, killing 4 civilians.", lang: "en").first)
        #expect(en.place == "al-Atareb")
        #expect(en.placeID == "C1022")
        #expect(en.governorate == "Aleppo")
        let ar = try #require(try incidents("قتل 4 مدنيين في قصف بالبراميل على مدينة الأتارب.", lang: "ar").first)
        #expect(ar.placeID == "C1022")
    }

    @Test func arabicListsGiveOneRowPerPlace() throws {
        let text = "استهدف الطيران الحربي بلدات \"كفرنبل وحيش وتلمنس\" بريف إدلب الجنوبي، ما أدى إلى مقتل 3 مدنيين."
        let found = try incidents(text, lang: "ar")
        #expect(found.count == 3)
        #expect(found.first?.killed.low == 3)
        #expect(found.dropFirst().allSatisfy { $0.killed.isUnknown })
        #expect(found.allSatisfy { $0.governorate == "Idlib" })
    }

    @Test func englishListsShareOneRow() throws {
        let text = "Russian jets bombed the towns of Kafranbel, Hish and Telmenes in rural Idlib, killing 3 civilians."
        let found = try incidents(text, lang: "en")
        #expect(found.count == 1)
        #expect(found.first?.place.contains("Kafranbel") == true)
        #expect(found.first?.place.contains("Telmenes") == true)
    }

    @Test func namesThatOnlyLocateAreContext() throws {
        let text = "Regime shelling hit Has village in Maarat al-Numan countryside, killing 5 people."
        let found = try incidents(text, lang: "en")
        #expect(found.count == 1)
        #expect(found.first?.place == "Has")
    }

    @Test func ordinaryWordsAreNotVillages() throws {
        // "جديدة" (new) and "مدينة" (town) are also names of villages in the gazetteer.
        let found = try incidents("مجزرة جديدة في مدينة سراقب: قتل 6 مدنيين في غارات جوية.", lang: "ar")
        #expect(found.count == 1)
        #expect(found.first?.placeID == "C3916")
    }
}
