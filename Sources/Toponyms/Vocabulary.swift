import GazetteModel

/// The words the name keys treat specially, in every language the corpus uses. Data, not logic: adding a
/// language means adding words here.
enum Vocabulary {
    /// The article as a word of its own ("al-Atareb", "el Bab", "ال"), including its assimilated forms and the
    /// French, Spanish and Italian articles that precede a name in running text ("la Ghouta").
    static let articles: Set<String> = [
        "al", "el", "il", "ul", "ال", "an", "ar", "as", "ash", "az", "ad", "at", "ed", "es", "ez", "et", "er", "en",
        "eth", "ath", "adh", "edh", "esh", "ech", "ej", "ash", "asch", "esch", "la", "le", "les", "l", "lo", "los", "the",
    ]

    /// Words that say what kind of place a name is rather than which: stripped from keys.
    static let generic: Set<String> = [
        // English
        "town", "city", "village", "villages", "of", "area", "hamlet", "farms", "suburb", "neighbourhood",
        "neighborhood", "district", "subdistrict", "sub", "governorate", "province", "countryside", "center",
        "centre", "masaken", "masakin", "nahiyah", "nahiya", "mantiqah", "mantiqa", "muhafazat", "muhafaza",
        // French, Spanish, Portuguese, Italian, German, Turkish
        "ville", "village", "localite", "quartier", "de", "du", "des", "d", "di", "del", "della", "da", "do", "dos",
        "ciudad", "pueblo", "localidad", "cidade", "aldeia", "vila", "citta", "villaggio", "paese", "stadt", "dorf",
        "ortschaft", "kenti", "sehri", "koyu", "kasabasi", "ilcesi", "beldesi", "mahallesi",
        // The country, as in "Idlib, Syria" (alone, "Syria" stays a name: a non-place of the gazetteer)
        "syria", "syrie", "syrien", "siria", "suriye", "سوريا", "سوريه",
        // Arabic
        "مركز", "قريه", "قرى", "بلده", "مدينه", "حي", "ناحيه", "منطقه", "محافظه", "مزرعه", "مزارع", "مساكن",
    ]

    /// Generic words that mark the name as a town or village, so a community is preferred to an admin unit.
    static let communityHints: Set<String> = [
        "town", "city", "village", "ville", "ciudad", "pueblo", "cidade", "citta", "stadt", "dorf", "kenti",
        "sehri", "koyu", "kasabasi", "beldesi", "قريه", "بلده", "مدينه", "aldeia", "villaggio", "paese",
    ]

    /// Generic words that mark the name as an admin unit of a given kind.
    static let kindHints: [String: Place.Kind] = [
        "governorate": .governorate, "province": .governorate, "muhafazat": .governorate,
        "muhafaza": .governorate, "محافظه": .governorate, "provincia": .governorate, "vilayeti": .governorate,
        "ili": .governorate, "provinz": .governorate,
        "district": .district, "mantiqah": .district, "mantiqa": .district, "منطقه": .district,
        "subdistrict": .subdistrict, "nahiyah": .subdistrict, "nahiya": .subdistrict, "ناحيه": .subdistrict,
    ]

    /// Words that make a name a facility or a spot, not a place of the gazetteer: "Shayrat airbase", "مخيم
    /// درعا", "al-Quds hospital". Such names are `unmatched` unless the whole name is a gazetteer name.
    static let facilities: Set<String> = [
        // English
        "airbase", "airport", "airfield", "base", "camp", "camps", "hospital", "clinic", "school", "prison",
        "jail", "mosque", "church", "checkpoint", "crossing", "factory", "university", "stadium", "bridge",
        "roundabout", "square", "street", "road", "highway", "market", "bakery", "dam", "barracks", "academy",
        "hilltop", "hill", "mount", "mountain", "mountains", "plain", "valley", "desert", "region", "plateau",
        "front", "frontline", "kilometre", "km",
        // French, Spanish, Portuguese, Italian, German, Turkish
        "aeroport", "aerienne", "hopital", "ecole", "marche", "boulangerie", "caserne", "aeropuerto", "aerea",
        "aereo", "campamento", "campo", "escuela", "mercado", "aeroporto", "hospitale", "ospedale", "scuola",
        "mercato", "flughafen", "luftwaffenstutzpunkt", "militarflugplatz", "lager", "fluchtlingslager",
        "krankenhaus", "schule", "gefangnis", "markt", "havaalani", "hava", "ussu", "kampi", "hastane",
        "hastanesi", "okul", "okulu", "cezaevi", "pazar", "pazari",
        // Arabic
        "مطار", "مخيم", "مشفي", "مستشفي", "سجن", "مدرسه", "جامع", "مسجد", "حاجز", "معبر", "سوق", "فرن", "جامعه",
        "دوار", "شارع", "طريق", "كنيسه", "ساحه", "سد", "ثكنه", "كتيبه", "مطحنه", "جبهه", "تله", "جرود", "سهل",
        "باديه",
    ]
}

extension Vocabulary {
    /// Words that tell two places of one name apart ("Upper Baguz", "أورم الصغرى", "Big Sweidiyeh"), mapped to
    /// one meaning across languages, so "Orem al-Soghra" can meet "Little Orm".
    static let qualifiers: [String: String] = {
        var map: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("small", ["little", "small", "saghir", "sghir", "saghira", "saghirah", "soghra", "sughra", "soghri",
                       "sagir", "saghireh", "الصغير", "الصغرى", "الصغيره", "صغير", "صغرى", "الصغري", "صغري"]),
            ("big", ["big", "great", "kabir", "kebir", "kabira", "kabirah", "kobra", "kubra", "kbir", "الكبير",
                     "الكبرى", "الكبيره", "كبير", "كبرى", "الكبري", "كبري"]),
            ("upper", ["upper", "fawqani", "foqani", "fouqani", "fawkani", "فوقاني", "الفوقاني", "الفوقا", "فوقا"]),
            ("lower", ["lower", "tahtani", "tahtani", "tahtany", "تحتاني", "التحتاني"]),
            ("east", ["east", "eastern", "sharqi", "sharqiyah", "sharqiyeh", "sharki", "شرقي", "الشرقي", "الشرقيه",
                      "شرقيه"]),
            ("west", ["west", "western", "gharbi", "gharbiyah", "gharbiyeh", "غربي", "الغربي", "الغربيه", "غربيه"]),
            ("north", ["north", "northern", "shamali", "shamaliyah", "شمالي", "الشمالي", "الشماليه", "شماليه"]),
            ("south", ["south", "southern", "janubi", "qibli", "جنوبي", "الجنوبي", "الجنوبيه", "جنوبيه", "قبلي",
                       "القبلي"]),
        ]
        for (meaning, words) in groups {
            for word in words { map[word] = meaning }
        }
        return map
    }()
}

extension Vocabulary {
    /// What a word is to a name key, from every table above at once: a key looks each of its words up once
    /// instead of once per table (hashing an Arabic word normalizes it, every time).
    struct Role: Sendable {
        var isArticle = false
        var isGeneric = false
        var isCommunityHint = false
        var isFacility = false
        var kindHint: Place.Kind?
        var qualifier: String?
    }

    /// ``Role`` of every word that has one.
    static let roles: [String: Role] = {
        var map: [String: Role] = [:]
        for word in articles { map[word, default: Role()].isArticle = true }
        for word in generic { map[word, default: Role()].isGeneric = true }
        for word in communityHints { map[word, default: Role()].isCommunityHint = true }
        for word in facilities { map[word, default: Role()].isFacility = true }
        for (word, kind) in kindHints { map[word, default: Role()].kindHint = kind }
        for (word, meaning) in qualifiers { map[word, default: Role()].qualifier = meaning }
        return map
    }()
}
