import GazetteModel

/// Every gazetteer name by its folded word key, for spotting place names anywhere in a text in any script.
///
/// Keys drop what spellings disagree on most cheaply: case, diacritics, harakat, Arabic letter variants,
/// the article (al-, el-, ال) and apostrophes inside words. A text is scanned word by word for the longest
/// key that starts there, so "بالأتارب", "al-Atareb" and "Atareb" all find the same place.
struct PlaceIndex: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var place: Int
    }

    let places: [Place]
    /// First key word → entries, longest first. Keys compare byte for byte (`ByteKey`): names and text pass
    /// through the same folding.
    let byFirstWord: [ByteKey: [Entry]]

    /// Indexes the names of `places` (communities and admin units).
    init(places: [Place]) {
        self.places = places
        var map: [String: [Entry]] = [:]
        // Names share their words ("تل", "كفر", "Tell"): each spelling folded once.
        let folds = FoldMemo()
        for (i, place) in places.enumerated() {
            // A place has a handful of names: a list compared element by element finds repeats for less than
            // a set hashing every key list.
            var seen: [[String]] = []
            for name in place.allNames where !name.isEmpty {
                var clean = name
                if let paren = PlaceIndex.firstParenthesis(in: clean) { clean = String(clean[..<paren]) }
                // A closure, not the key path `\.variants[0]`: a key path with a subscript is built at run time,
                // at each call.
                let words = PlaceIndex.keyWords(Tokenizer.tokens(of: clean, folds: folds), clitics: []).map {
                    $0.variants[0]
                }
                guard !words.isEmpty, !seen.contains(words) else { continue }
                seen.append(words)
                // One-letter keys ("A") would match everywhere.
                if words.count == 1, words[0].count < 3 { continue }
                map[words[0], default: []].append(Entry(words: words, place: i))
            }
        }
        for k in map.keys { map[k]!.sort { $0.words.count > $1.words.count } }
        byFirstWord = Dictionary(uniqueKeysWithValues: map.map { (ByteKey(text: $0.key), $0.value) })
    }

    /// `name.firstIndex(of: "(")`: the first "(" byte when ASCII bytes (or the ends) stand on both sides of it,
    /// so that no mark or prepended scalar makes it part of another character (and no earlier "(" character
    /// can exist: each holds a "(" byte); the character walk otherwise.
    static func firstParenthesis(in name: String) -> String.Index? {
        guard let p = name.firstIndex(ofByte: UInt8(ascii: "(")) else { return nil }
        let utf8 = name.utf8
        let after = utf8.index(after: p)
        let asciiBefore = p == utf8.startIndex || utf8[utf8.index(before: p)] < 0x80
        let asciiAfter = after == utf8.endIndex || utf8[after] < 0x80
        return asciiBefore && asciiAfter ? p : name.firstIndex(of: "(")
    }

    /// A word of a name after folding, with the token range it covers and its alternative readings
    /// (without a clitic or the Arabic article).
    struct KeyWord {
        var variants: [String]
        var tokens: Range<Int>
        /// False when no variant begins a name (known from the token, `Token.mayStartPlace`).
        var mayStart = true
    }

    static let articles: Set<String> = ["al", "el"]

    /// `articles.contains(key)`, by comparing strings (equal strings compare by their bits) instead of hashing
    /// the key for every short word of a text.
    @inline(__always)
    static func isArticle(_ key: String) -> Bool { key == "al" || key == "el" }

    /// `assimilated.contains(key)`, likewise.
    static func isAssimilated(_ key: String) -> Bool {
        switch key {
        case "an", "ar", "as", "ash", "at", "ad", "az", "ez", "es", "ed", "er", "en", "ag", "ath", "adh", "il":
            return true
        default:
            return false
        }
    }
    static let assimilated: Set<String> = [
        "an", "ar", "as", "ash", "at", "ad", "az", "ez", "es", "ed", "er", "en",
        "ag", "ath", "adh", "az", "il",
    ]

    /// Folds a token run into key words: apostrophes inside words are dropped (`Ma'arrat` → `maarrat`),
    /// hyphens and the article are skipped, Arabic words lose a leading `ال`.
    static func keyWords(
        _ tokens: [Token], clitics: [String], apostropheSuffix: Bool = false,
        elisions: Set<String> = [], memo: FoldMemo? = nil
    ) -> [KeyWord] {
        // Arabic variants are a function of the key alone: a token a rule set with these clitics has looked at
        // keeps them, and a worker's memo keeps those of other keys, per clitic list (fetched when first needed).
        var remembered: FoldMemo.VariantTable? = nil
        var out: [KeyWord] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            // Fields read one by one: a copy of the token would retain its key and info.
            guard tokens[i].kind == .word else {
                i += 1
                continue
            }
            var key = tokens[i].key
            var start = i
            var end = i + 1
            // Join word ' word when written without spaces, unless the left part is an elided article (d', l')
            // or the right part is a Turkish case suffix (İdlib'in).
            while end + 1 < tokens.count, tokens[end].key.isASCII(UInt8(ascii: "'")), tokens[end].glued,
                tokens[end + 1].glued,
                tokens[end + 1].kind == .word
            {
                if elisions.contains(key) {
                    key = tokens[end + 1].key
                    start = end + 1
                    end += 2
                    continue
                }
                if apostropheSuffix {
                    end += 2
                    break
                }
                key += tokens[end + 1].key
                end += 2
            }
            // The article before a hyphen ("al-", "an-") or alone ("al Atareb") is not part of the key.
            let nextIsHyphen = end < tokens.count && tokens[end].key.isASCII(UInt8(ascii: "-"))
            // Every article is two or three ASCII letters: longer keys (most words, all Arabic ones) are not hashed.
            if key.utf8.count <= 3, isArticle(key) || (nextIsHyphen && isAssimilated(key)) {
                if end < tokens.count {
                    i = end
                    continue
                }
            }
            // The token's own kept variants when it has them (no array made for the word).
            let variants: [String]
            if end == i + 1, start == i, let info = tokens[i].info, let owner = info.owner, !info.placeVariants.isEmpty,
                owner.clitics == clitics
            {
                variants = info.placeVariants
            } else if Folding.isArabic(key) {
                if remembered == nil { remembered = memo?.variantTable(clitics: clitics) }
                variants = remembered?.variants(of: key) ?? PlaceIndex.arabicVariants(of: key, clitics: clitics)
            } else {
                variants = [key]
            }
            // A key of one token as written: the token knows whether a name may begin with it.
            let mayStart = end == i + 1 && start == i ? tokens[i].mayStartPlace : true
            out.append(KeyWord(variants: variants, tokens: start..<end, mayStart: mayStart))
            i = end
        }
        return out
    }

    /// The readings of an Arabic key word: as written, without a clitic, without the article, the form
    /// without the article first (the gazetteer keeps that one).
    static func arabicVariants(of key: String, clitics: [String]) -> [String] {
        var variants = [key]
        for c in clitics where TokenMatch.hasPrefix(key, c) && key.count > c.count + 2 {
            variants.append(String(key.dropFirst(c.count)))
        }
        for v in variants where TokenMatch.hasPrefix(v, "ال") && v.count > 3 {
            variants.append(String(v.dropFirst(2)))
        }
        if TokenMatch.hasPrefix(key, "لل"), key.count > 4 { variants.append(String(key.dropFirst(2))) }
        // The gazetteer keeps one form: without the article.
        variants.sort {
            (TokenMatch.hasPrefix($0, "ال") ? 1 : 0, -$0.count) < (TokenMatch.hasPrefix($1, "ال") ? 1 : 0, -$1.count)
        }
        if TokenMatch.hasPrefix(key, "ال"), key.count > 3 { variants.insert(String(key.dropFirst(2)), at: 0) }
        return variants
    }

    /// A place name found in a text.
    struct Spot {
        /// Key-word positions the name covers.
        var keyWords: Range<Int>
        var places: [Int]
    }

    /// Every longest name match in `words`, left to right, not overlapping.
    func spots(in words: [KeyWord]) -> [Spot] {
        var out: [Spot] = []
        var i = 0
        while i < words.count {
            if !words[i].mayStart {
                i += 1
                continue
            }
            var best: (len: Int, places: [Int])? = nil
            for first in words[i].variants {
                guard let entries = byFirstWord[ByteKey(text: first)] else { continue }
                for e in entries where i + e.words.count <= words.count {
                    if let b = best, b.len > e.words.count { break }
                    var ok = true
                    for k in 1..<max(1, e.words.count)
                    where !words[i + k].variants.contains(where: { $0.sameBytes(e.words[k]) }) {
                        ok = false
                        break
                    }
                    guard ok else { continue }
                    if let b = best, b.len == e.words.count {
                        if !b.places.contains(e.place) { best = (b.len, b.places + [e.place]) }
                    } else if best == nil || e.words.count > best!.len {
                        best = (e.words.count, [e.place])
                    }
                }
            }
            if let best {
                out.append(Spot(keyWords: i..<(i + best.len), places: best.places))
                i += best.len
            } else {
                i += 1
            }
        }
        return out
    }

    /// The places whose names fold to exactly the words of `name`.
    func lookup(_ name: String, clitics: [String]) -> [Int] {
        let words = PlaceIndex.keyWords(Tokenizer.tokens(of: name), clitics: clitics)
        guard !words.isEmpty else { return [] }
        let spots = spots(in: words)
        guard spots.count == 1, spots[0].keyWords == 0..<words.count else { return [] }
        return spots[0].places
    }
}
