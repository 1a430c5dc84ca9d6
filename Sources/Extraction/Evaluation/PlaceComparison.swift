/// How `score_extract.py` decides that two place names, or two governorates, are the same.
///
/// Kept apart from extraction's own folding (`Text/Folding.swift`) on purpose: this is the yardstick, and it
/// must stay what the Python script does even when extraction's folding improves.
public enum PlaceComparison {
    /// Harakat, the superscript alef and tatweel, which the script drops from Arabic names.
    private static func isArabicMark(_ s: Unicode.Scalar) -> Bool {
        (0x064B..<0x0660).contains(s.value) || s.value == 0x0670 || s.value == 0x0640
    }

    /// Arabic letter variants folded to one letter (hamza seats, alef maqsura, ta marbuta).
    private static let letterFold: [Unicode.Scalar: Unicode.Scalar] = [
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    ]

    /// Words that do not tell places apart ("the town of", "al-").
    private static let ignoredWords: Set<String> = ["al", "el", "the", "town", "village", "city", "of"]

    /// The script's `norm_place`: NFKC, case folding, accents, Arabic marks and letter variants removed,
    /// hyphens and underscores as spaces, an Arabic article dropped from words longer than four letters,
    /// filler words skipped, and everything but letters and digits removed.
    ///
    /// ```swift
    /// PlaceComparison.normalized("the town of Al-Atareb")   // "atareb"
    /// PlaceComparison.normalized("الأتارب")                 // "اتارب"
    /// ```
    public static func normalized(_ text: String) -> String {
        let folded = PythonText.nfkd(PythonText.casefold(PythonText.nfkc(text)))
        var kept = String.UnicodeScalarView()
        for s in folded.unicodeScalars where s.properties.canonicalCombiningClass.rawValue == 0 {
            guard !isArabicMark(s) else { continue }
            switch s {
            case "-", "_": kept.append(" ")
            default: kept.append(letterFold[s] ?? s)
            }
        }
        var out = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return }
            var w = word[...]
            if w.count > 4, w[w.startIndex] == "ا", w[w.startIndex + 1] == "ل" { w = w.dropFirst(2) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: w)
            if ignoredWords.contains(where: { PythonText.same($0, String(text)) }) { return }
            out.append(contentsOf: w.filter(PythonText.isAlnum))
        }
        for s in kept {
            if PythonText.isSpace(s) { flush() } else { word.append(s) }
        }
        flush()
        return String(out)
    }

    /// Every spelling the script accepts for each governorate, keyed by the canonical name (normalized).
    private static let governorateSpellings: [(String, [String])] = [
        ("idlib", ["idleb", "edlib", "sy-id", "sy07", "إدلب"]),
        ("aleppo", ["halab", "sy-hl", "sy02", "حلب"]),
        ("hama", ["hamah", "sy-hm", "sy05", "حماة"]),
        ("homs", ["hims", "sy-hi", "sy04", "حمص"]),
        ("damascus", ["dimashq", "sy-di", "sy01", "دمشق"]),
        ("rifdimashq", ["ruraldamascus", "reefdimashq", "damascuscountryside", "sy-rd", "sy03", "ريفدمشق"]),
        ("daraa", ["dara", "deraa", "dar'a", "sy-dr", "sy12", "درعا"]),
        ("deirezzor", ["deirezzor", "deiralzour", "deirezzur", "dayrazzawr", "sy-dy", "sy09", "ديرالزور"]),
        ("raqqa", ["raqqah", "arraqqa", "arraqqah", "sy-ra", "sy11", "الرقه", "رقه"]),
        ("hasakah", ["hasakeh", "alhasakeh", "alhasakah", "hassakeh", "sy-ha", "sy08", "الحسكه", "حسكه"]),
        ("latakia", ["lattakia", "sy-la", "sy06", "اللاذقيه", "لاذقيه"]),
        ("tartus", ["tartous", "sy-ta", "sy10", "طرطوس"]),
        ("quneitra", ["sy-qu", "sy14", "القنيطره", "قنيطره"]),
        ("suwayda", ["sweida", "assweida", "assuwayda", "sy-su", "sy13", "السويداء", "سويداء"]),
    ]

    /// Normalized alias → canonical name, built in the script's order so a later alias wins a collision.
    private static let governorateAliases: [ExactString: String] = {
        var aliases: [ExactString: String] = [:]
        for (canonical, names) in governorateSpellings {
            for name in [canonical] + names { aliases[ExactString(normalized(name))] = canonical }
        }
        return aliases
    }()

    /// The script's `norm_gov`: the canonical governorate for any alias ("Idleb", "SY07", "إدلب" → "idlib"),
    /// otherwise the normalized text.
    public static func governorate(_ text: String) -> String {
        let n = normalized(text)
        return governorateAliases[ExactString(n)] ?? n
    }

    /// The script's `places_match` on already normalized values.
    static func placesMatch(gold: PreparedGold, goldPlace: Int, prediction: PreparedPrediction) -> Bool {
        let g = gold.places[goldPlace]
        let p = prediction.place
        if g.isEmpty {
            // An incident located only by its governorate.
            return (p.isEmpty || PythonText.same(governorate(p), gold.governorate))
                && PythonText.same(gold.governorate, prediction.governorate)
        }
        if !p.isEmpty {
            if PythonText.same(g, p) { return true }
            let gs = Array(g.unicodeScalars)
            let ps = Array(p.unicodeScalars)
            if gs.count > 3, ps.count > 3, contains(gs, ps) || contains(ps, gs) { return true }
        }
        return !gold.placeEn.isEmpty && PythonText.same(gold.placeEn, prediction.placeName)
    }

    /// Python's `needle in haystack` on code points.
    private static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }
}

/// A string compared and hashed by its code points, as Python's `str` is (Swift's `String` compares by
/// canonical equivalence).
struct ExactString: Hashable, Comparable, Sendable {
    let value: String

    init(_ value: String) { self.value = value }

    static func == (a: ExactString, b: ExactString) -> Bool { PythonText.same(a.value, b.value) }

    func hash(into hasher: inout Hasher) {
        for b in value.utf8 { hasher.combine(b) }
    }

    /// Code point order, which is UTF-8 byte order: Python's `sorted`.
    static func < (a: ExactString, b: ExactString) -> Bool {
        a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
    }
}
