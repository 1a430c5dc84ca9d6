import GazetteModel
import Toponyms

extension DocumentAnalysis {
    static let connectors: Set<String> = [
        "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ez", "es", "ed",
        "de", "del", "la", "le", "di", "da", "bin", "ibn", "abu", "um", "umm", "-", "'", "ech", "ach", "er", "en",
    ]

    /// Place names of a clause: names after strong cues ("the town of X"), before "town"/"village",
    /// gazetteer names spotted anywhere (with a cue or clearly a name), and capitalized names after weak cues
    /// that the matcher recognises.
    func places(
        in tokens: [Token], text: String, contexts: [ContextMention], dateTokens: Set<Int>, documentGovernorate: String?
    ) -> [PlaceMention] {
        var found: [(range: Range<Int>, cueStart: Int, strong: Bool)] = []
        /// Governorate capitals named after a strong cue ("the city of Aleppo"): places only when the clause
        /// names no other place (otherwise they locate it).
        var capitals: Set<Int> = []
        let contextTokens = Set(
            contexts.flatMap { c -> [Int] in
                // Only the governorate name itself is off limits; "rural" before it may not begin a name anyway.
                Array(c.tokenRange)
            })
        let govNameTokens: Set<Int> = {
            var s: Set<Int> = []
            // The table taken once, and asked only about tokens whose bits say it may match there (as
            // `matches` checks first).
            let governorates = compiled.governorates
            for k in tokens.indices where tokens[k].tables & governorates.bit == governorates.bit {
                for m in governorates.matches(tokens, at: k, clitics: rules.clitics) {
                    for j in k..<(k + m.length) { s.insert(j) }
                }
            }
            return s
        }()
        let common = extractor.commonWords[rules.language] ?? []
        let keyWords = PlaceIndex.keyWords(
            tokens, clitics: rules.clitics, apostropheSuffix: rules.apostropheSuffix,
            elisions: rules.elisions, memo: memo.folds)
        func isUpper(_ k: Int) -> Bool {
            guard k < tokens.count, let c = text[tokens[k].range].first else { return false }
            return c.isUppercase
        }
        func isArabic(_ k: Int) -> Bool { k < tokens.count && tokens[k].isArabic }
        // The cues starting at each token (and none past the end), looked up once: "in", "of", "في" are
        // everywhere, and four steps below ask about the same tokens.
        let cueTable = compiled.placeCues
        // Only the few tokens where some cue starts are kept, in order (no list per token).
        var cueStarts: [Int] = []
        var cueLists: [[(length: Int, value: PlaceCue.Strength, phrase: Phrase)]] = []
        for k in tokens.indices where tokens[k].tables & cueTable.bit == cueTable.bit {
            let found = cueTable.matches(tokens, at: k, clitics: rules.clitics)
            if !found.isEmpty {
                cueStarts.append(k)
                cueLists.append(found)
            }
        }
        /// The cues starting at token `k` (none past the end).
        func cuesAt(_ k: Int) -> [(length: Int, value: PlaceCue.Strength, phrase: Phrase)] {
            guard let p = cueStarts.firstIndex(of: k) else { return [] }
            return cueLists[p]
        }
        func isCue(_ k: Int) -> Bool { cueStarts.contains(k) }
        /// A capitalized run starting at `j` (Latin script): words, connectors and glued hyphens/apostrophes.
        func capitalizedRun(from j: Int) -> Range<Int>? {
            guard j < tokens.count, tokens[j].kind == .word else { return nil }
            // "al-Bureij": a lower-case article may begin the name when a capitalized word follows it.
            if !isUpper(j) {
                guard DocumentAnalysis.connectors.contains(tokens[j].key), j + 2 < tokens.count,
                    tokens[j + 1].key == "-", isUpper(j + 2)
                else { return nil }
            }
            var k = j
            var words = 0
            var lastGood = j
            while k < tokens.count, words < 5 {
                let t = tokens[k]
                if t.kind == .word, isUpper(k), !dateTokens.contains(k) {
                    words += 1
                    lastGood = k + 1
                } else if t.kind == .word, t.glued, k > j, tokens[k - 1].key == "'", words > 0, t.key != "s" {
                    // "Ma'aret", "Nu'man": the part after an apostrophe inside a word.
                    lastGood = k + 1
                } else if DocumentAnalysis.connectors.contains(t.key), t.kind == .word || t.glued {
                    // "al-" inside a name; a connector must be followed by more of the name.
                } else {
                    break
                }
                k += 1
            }
            return words > 0 ? j..<lastGood : nil
        }
        /// An ordinary word of the rule set, as written or without a clitic or the article.
        func isCommon(_ k: Int) -> Bool {
            var key = Substring(tokens[k].key)
            if common.contains(String(key)) { return true }
            if let c = key.first, "وبلفك".contains(c), key.count > 3 {
                key = key.dropFirst()
                if common.contains(String(key)) { return true }
            }
            if key.hasPrefix("ال"), common.contains(String(key.dropFirst(2))) { return true }
            if key.hasPrefix("لل"), common.contains(String(key.dropFirst(2))) { return true }
            return false
        }
        func followedByContext(_ k: Int) -> Bool {
            contexts.contains { $0.tokenRange.lowerBound >= k && $0.tokenRange.lowerBound <= k + 1 }
        }
        func spotStarting(at j: Int) -> Range<Int>? {
            guard let index = extractor.index else { return nil }
            guard let kw = keyWords.firstIndex(where: { $0.tokens.lowerBound >= j }),
                keyWords[kw].tokens.lowerBound <= j + 1
            else { return nil }
            let spots = index.spots(in: Array(keyWords[kw...].prefix(6)))
            guard let first = spots.first, first.keyWords.lowerBound == 0 else { return nil }
            return keyWords[kw].tokens.lowerBound..<keyWords[kw + first.keyWords.upperBound - 1].tokens.upperBound
        }
        // 1. Strong cues: "the town of X", "بلدة X".
        for (k, cues) in zip(cueStarts, cueLists) {
            for cue in cues where cue.value == .strong {
                let n = cue.length
                // "المدينة" is "the town" already named: only the bare noun introduces a name ("مدينة دوما").
                if isArabic(k) {
                    var key = Substring(tokens[k].key)
                    if let c = key.first, "وبلفك".contains(c), key.count > 4 { key = key.dropFirst() }
                    if key.hasPrefix("ال") { break }
                }
                var j = k + n
                while j < tokens.count, tokens[j].kind == .punctuation, "\"“”«»'„".contains(tokens[j].key) { j += 1 }
                guard j < tokens.count, tokens[j].kind == .word else { continue }
                // "the city of Hasaka": a governorate's name after a strong cue is its capital, a place.
                if govNameTokens.contains(j) {
                    var e = j
                    while e < tokens.count, govNameTokens.contains(e) { e += 1 }
                    found.append((j..<e, k, true))
                    capitals.insert(j)
                    break
                }
                var range: Range<Int>? = spotStarting(at: j)
                if range == nil {
                    if isArabic(j) {
                        // A name the gazetteer does not know: one word (two after "كفر", "خان" ...), never an
                        // ordinary word or a number word.
                        if isCommon(j) || dateTokens.contains(j) || tokens[j].key.hasPrefix("لل") { break }
                        let two =
                            rules.compoundHeads.contains(tokens[j].key) && j + 1 < tokens.count
                            && tokens[j + 1].kind == .word
                        range = j..<(two ? j + 2 : j + 1)
                    } else {
                        range = capitalizedRun(from: j)
                    }
                }
                if var range {
                    found.append((range, k, true))
                    // A list after a plural cue: "the towns of A, B and C", "بلدات A وB".
                    var guardCount = 0
                    while guardCount < 8 {
                        guardCount += 1
                        var next = range.upperBound
                        if next < tokens.count, tokens[next].key == "," { next += 1 }
                        if next < tokens.count,
                            rules.conjunctions.contains(tokens[next].key) || tokens[next].key == "and"
                        {
                            next += 1
                        }
                        guard
                            next > range.upperBound
                                || (next < tokens.count && isArabic(next)
                                    && tokens[next].key.hasPrefix("و"))
                        else { break }
                        guard next < tokens.count, !govNameTokens.contains(next) else { break }
                        var more = spotStarting(at: next)
                        // Arabic lists join names with a clitic "و": a name the gazetteer lacks still counts
                        // when it is no ordinary word.
                        if more == nil, isArabic(next), tokens[next].key.hasPrefix("و"), tokens[next].key.count > 3,
                            !isCommon(next), !dateTokens.contains(next)
                        {
                            more = next..<(next + 1)
                        }
                        // Latin script: a capitalized name after the separator ("the towns of A, B and C").
                        if more == nil, !isArabic(next), let run = capitalizedRun(from: next),
                            !run.contains(where: { govNameTokens.contains($0) || dateTokens.contains($0) })
                        {
                            more = run
                        }
                        guard let more, more.lowerBound == next, more.count > 1 || !isCommon(next) else { break }
                        found.append((more, more.lowerBound, true))
                        range = more
                    }
                }
                break
            }
        }
        // 2. After-cues: "Kafr Noran town", "Han Şeyhun beldesine".
        for (k, cues) in zip(cueStarts, cueLists) where k > 0 {
            for cue in cues where cue.value == .after {
                var j = k
                var words = 0
                while j > 0, words < 4 {
                    let t = tokens[j - 1]
                    if t.kind == .word, isUpper(j - 1) {
                        words += 1
                    } else if !(DocumentAnalysis.connectors.contains(t.key) && words > 0) {
                        break
                    }
                    j -= 1
                }
                while j < k, tokens[j].kind != .word || !isUpper(j) { j += 1 }
                if j < k {
                    found.append((j..<k, j, true))
                    // "İdlib kentine": a governorate's capital, a place only when the clause names no other.
                    if (j..<k).allSatisfy({ govNameTokens.contains($0) }) { capitals.insert(j) }
                }
                break
            }
        }
        // 3. Gazetteer names anywhere, when something vouches for them: a cue or a clitic, several words, a
        //    well-known town; and the place lies in the governorate the text is about.
        if let index = extractor.index {
            let target = contexts.first?.governorate ?? documentGovernorate
            for spot in index.spots(in: keyWords) {
                let range =
                    keyWords[spot.keyWords.lowerBound].tokens
                    .lowerBound..<keyWords[spot.keyWords.upperBound - 1].tokens.upperBound
                if range.contains(where: { govNameTokens.contains($0) || dateTokens.contains($0) }) { continue }
                let first = range.lowerBound
                let kw = keyWords[spot.keyWords.lowerBound]
                if spot.keyWords.count == 1,
                    kw.variants.contains(where: { common.contains($0) }) || common.contains(tokens[first].key)
                {
                    continue
                }
                // A member of a list whose previous member was found: "in Kansfara, al-Ramy, Balyoun and Mashoun".
                let listed =
                    first > 1 && (tokens[first - 1].key == "," || rules.conjunctions.contains(tokens[first - 1].key))
                    && found.contains { $0.range.upperBound == first - 1 }
                let cued =
                    listed || (first > 0 && isCue(first - 1)) || (first > 1 && isCue(first - 2))
                    || cuesAt(range.upperBound).contains {
                        $0.value == .after
                    }
                let multi = spot.keyWords.count > 1
                let notable = spot.places.contains { index.places[$0].alternateNames.count >= 3 }
                let inTarget =
                    target.map { t in
                        spot.places.contains { p in
                            index.places[p].admin1.flatMap { governorate(named: $0.nameEn) } == t
                        }
                    } ?? true
                if isArabic(first) {
                    let viaClitic = kw.variants.first != tokens[first].key && tokens[first].key.hasPrefix("ب")
                    guard inTarget, cued || viaClitic || multi || notable else { continue }
                    // One Arabic word is often an ordinary word too ("جديدة", "مرتين"): the matcher must be sure,
                    // and the sentence must locate it or the town must be well known.
                    if !multi, !notable {
                        let located = !contexts.isEmpty || followedByContext(range.upperBound)
                        guard located else { continue }
                        if let matcher {
                            let word = String(text[tokens[first].range])
                            guard matcher.match(word, context: target ?? "").status == .matched else { continue }
                        }
                    }
                } else {
                    guard isUpper(first) || (first + 1 < tokens.count && isUpper(first + 1)) else { continue }
                    // Bylines and photo credits are written in capitals ("Zein Al RIFAI").
                    let written = text[tokens[first].range]
                    if written.count > 2, written.allSatisfy({ $0.isUppercase }), !cued { continue }
                    guard cued || multi || notable, inTarget || notable || multi else { continue }
                }
                found.append((range, first, false))
            }
        }
        // 4. Capitalized names after weak cues that the matcher knows ("in Kafr Noran").
        if let matcher {
            for k in tokens.indices {
                // Without clitics: the same cues as above when the language has none.
                if rules.clitics.isEmpty, !isCue(k) { continue }
                let cues = rules.clitics.isEmpty ? cuesAt(k) : compiled.placeCues.matches(tokens, at: k, clitics: [])
                for cue in cues where cue.value == .weak {
                    let n = cue.length
                    let j = k + n
                    guard j < tokens.count, !govNameTokens.contains(j), !found.contains(where: { $0.range.contains(j) })
                    else { break }
                    guard !isArabic(j), let run = capitalizedRun(from: j),
                        !run.contains(where: { govNameTokens.contains($0) })
                    else { break }
                    let name = String(
                        text[tokens[run.lowerBound].range.lowerBound..<tokens[run.upperBound - 1].range.upperBound])
                    if isNotPlace(name) { break }
                    let gov = contexts.first?.name ?? ""
                    if matcher.match(name, context: gov).status == .matched { found.append((run, k, false)) }
                    break
                }
            }
        }
        // Keep the earliest, longest mention where they overlap.
        // Names next to "countryside" or after "ريف" locate another place: they are context.
        found.removeAll { f in
            compiled.contextAfterCues.contains(tokens, at: f.range.upperBound, clitics: rules.clitics)
                || compiled.contextCueEndings.contains(tokens, endingAt: f.range.lowerBound, clitics: rules.clitics)
        }
        if found.contains(where: { !capitals.contains($0.range.lowerBound) }) {
            found.removeAll { capitals.contains($0.range.lowerBound) }
        }
        found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var out: [PlaceMention] = []
        var lastEnd = -1
        for f in found where f.range.lowerBound >= lastEnd {
            if !f.strong, f.range.allSatisfy({ contextTokens.contains($0) && govNameTokens.contains($0) }) { continue }
            var nameStart = tokens[f.range.lowerBound].range.lowerBound
            // "وحيش", "بالأتارب": the conjunction or preposition glued to the name is not part of it.
            let firstKey = tokens[f.range.lowerBound].key
            if isArabic(f.range.lowerBound), let c = firstKey.first, "وبلف".contains(c), firstKey.count > 3,
                extractor.index?.lookup(firstKey, clitics: []).isEmpty ?? true
            {
                nameStart = text.index(after: nameStart)
            }
            let name = String(text[nameStart..<tokens[f.range.upperBound - 1].range.upperBound])
            if isNotPlace(name) { continue }
            let cueText = String(
                text[tokens[f.cueStart].range.lowerBound..<tokens[f.range.upperBound - 1].range.upperBound])
            let gov = contexts.first?.governorate ?? documentGovernorate
            let (place, status) = resolve(name, governorate: gov)
            let key =
                place.map { "id:" + $0.id }
                ?? PlaceIndex.keyWords(Tokenizer.tokens(of: name), clitics: rules.clitics)
                .map { $0.variants[0] }.joined(separator: " ")
            out.append(
                PlaceMention(
                    text: name, key: key, place: place, status: status, cueText: cueText,
                    tokenRange: f.range))
            lastEnd = f.range.upperBound
        }
        return out
    }

    func isNotPlace(_ name: String) -> Bool {
        // A function of the name and the rule set: a worker keeps the answer, as names come back.
        let key = SessionMemo.NameKey(language: rules.language, governorate: nil, name: name)
        if let known = memo.notPlaces[key] { return known }
        let answer = isNotPlaceLookup(name)
        memo.remember(notPlace: answer, for: key)
        return answer
    }

    private func isNotPlaceLookup(_ name: String) -> Bool {
        let toks = Tokenizer.tokens(of: name).filter { $0.kind == .word }
        guard !toks.isEmpty else { return true }
        let key = toks.map(\.key).joined(separator: " ")
        if rules.notPlaces.contains(key) { return true }
        if toks.count == 1, rules.stopwords.contains(key) || key.count < 3 { return true }
        if toks.allSatisfy({ rules.notPlaces.contains($0.key) || rules.stopwords.contains($0.key) }) { return true }
        return false
    }

    /// The gazetteer place for a name: the exact index when it is unique (or unique in the governorate),
    /// else the matcher.
    func resolve(_ name: String, governorate: String?) -> (Place?, MatchStatus?) {
        // A function of the name, the governorate and the rule set (the matcher's answers are too): a worker
        // keeps it, since a text names the same places again and again.
        let key = SessionMemo.NameKey(language: rules.language, governorate: governorate, name: name)
        if let known = memo.resolved[key] { return known }
        let answer = resolveLookup(name, governorate: governorate)
        memo.remember(resolved: answer, for: key)
        return answer
    }

    private func resolveLookup(_ name: String, governorate: String?) -> (Place?, MatchStatus?) {
        if let index = extractor.index {
            let hits = index.lookup(name, clitics: rules.clitics).map { index.places[$0] }
            let communities = hits.filter { $0.kind != .governorate }
            if communities.count == 1 { return (communities[0], .matched) }
            if communities.count > 1, let governorate {
                let inGov = communities.filter { p in
                    p.admin1.map { self.governorate(named: $0.nameEn) == governorate } ?? false
                }
                if inGov.count == 1 { return (inGov[0], .matched) }
                // Several places of one name: a city and its subdistrict share it; prefer the community.
                let c = inGov.filter { $0.kind == .community }
                if c.count == 1 { return (c[0], .matched) }
            }
            if communities.count > 1 {
                let c = communities.filter { $0.kind == .community }
                if c.count == 1 { return (c[0], .matched) }
                if let matcher {
                    let m = matcher.match(name, context: governorate ?? "")
                    return (m.place, m.status)
                }
                return (nil, .ambiguous)
            }
        }
        if let matcher {
            let m = matcher.match(name, context: governorate ?? "")
            return (m.place, m.status)
        }
        return (nil, nil)
    }
}
