import GazetteModel

/// Rule phrases indexed by their first word, so finding the phrases that start at a token costs a dictionary
/// lookup instead of a pass over the whole list (rule sets hold hundreds of phrases; a document thousands of
/// tokens).
///
/// Matches come back in the order the phrases were given, so "the first rule that matches wins" keeps its
/// meaning.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let phrase: Phrase
        let value: Value
        let order: Int
    }

    /// Keys compare byte for byte: rule words and token keys come from the same folding.
    private var exact: [ByteKey: [Entry]] = [:]
    /// Phrases whose first word ends in `*` (a prefix), by the stem's first two characters.
    private var starred: [ByteKey: [Entry]] = [:]
    /// Phrases whose first word is a slot or a one-letter stem: checked one by one.
    private var others: [Entry] = []
    /// Every entry by its order (empty phrases included, which no list holds).
    private var entries: [Entry] = []
    let isEmpty: Bool
    /// This table's bit in `Token.tables`, set by `CompiledRules`; 0 for a table outside it, which is never
    /// skipped.
    var bit: UInt64 = 0
    /// The bit's number, where a token's `WordInfo.starts` keeps this table's candidates; -1 outside a
    /// `CompiledRules`.
    var bitIndex = -1
    /// The `CompiledRules` this table is one of, and its clitics: the starts a token keeps are valid for
    /// tokens marked by that rule set and questions asked with those clitics.
    var owner: TableOwner? = nil
    var ownerClitics: [String] = []

    init(_ items: [(Phrase, Value)]) {
        for (i, (phrase, value)) in items.enumerated() {
            guard !phrase.isEmpty else {
                entries.append(Entry(phrase: phrase, value: value, order: i))
                continue
            }
            let e = Entry(phrase: phrase, value: value, order: i)
            entries.append(e)
            let first = phrase[0]
            if first.hasSuffix("*"), first.count >= 3 {
                starred[ByteKey(text: String(first.prefix(2))), default: []].append(e)
            } else if first.hasSuffix("*") || first == "#" || first == "@" {
                others.append(e)
            } else {
                exact[ByteKey(text: first), default: []].append(e)
            }
        }
        isEmpty = items.isEmpty
    }

    /// The readings of a token's key that a rule word may equal: as written, without one clitic, without the
    /// article (the same readings `TokenMatch.word(_:matchesToken:clitics:)` accepts).
    static func readings(of key: String, clitics: [String]) -> [String] {
        guard !clitics.isEmpty else { return [key] }
        var out = [key]
        for c in clitics where TokenMatch.hasPrefix(key, c) && key.count > c.count + 1 {
            let rest = String(key.dropFirst(c.count))
            out.append(rest)
            if TokenMatch.hasPrefix(rest, "ال") { out.append(String(rest.dropFirst(2))) }
            if c == "ل" { out.append("ا" + rest) }
        }
        if TokenMatch.hasPrefix(key, "ال"), key.count > 3 { out.append(String(key.dropFirst(2))) }
        return out
    }

    /// The entries whose first word may match token `k`, in rule order without repeats: empty (and without
    /// allocating) for most tokens, which is what keeps asking a dozen tables about every token cheap.
    private func candidates(_ tokens: [Token], at k: Int, clitics: [String]) -> [Entry] {
        // The token was looked up once in every table of its rule set (`CompiledRules.markTables`).
        guard tokens[k].tables & bit == bit else { return [] }
        let key = tokens[k].key
        // The one list found, returned as stored (in rule order, no repeats) when no other adds to it; the
        // usual case ("the", "في"), which then costs no array of its own.
        var only: [Entry] = []
        var out: [Entry] = []
        var sources = 0
        func take(_ list: [Entry]) {
            sources += 1
            if sources == 1 {
                only = list
                return
            }
            if sources == 2 { out = only }
            out += list
        }
        func add(reading r: String) {
            if let list = exact[ByteKey(text: r)] { take(list) }
            if !starred.isEmpty, let list = starred[ByteKey(text: String(r.prefix(2)))] {
                for e in list where TokenMatch.hasPrefix(r, e.phrase[0].dropLast()) { take([e]) }
            }
        }
        if !clitics.isEmpty && !tokens[k].readings.isEmpty {
            for r in tokens[k].readings { add(reading: r) }
        } else if clitics.isEmpty || !PhraseTable.mayHaveClitic(key, clitics: clitics) {
            // The only reading is the key itself: no array of readings to build.
            add(reading: key)
        } else {
            for r in PhraseTable.readings(of: key, clitics: clitics) { add(reading: r) }
        }
        for e in others where TokenMatch.word(e.phrase[0], matchesToken: key, clitics: clitics) { take([e]) }
        if sources <= 1 { return only }
        // Readings are tried in no particular order; rule order is restored here, and a phrase reached
        // through two readings is tried once.
        out.sort { $0.order < $1.order }
        var unique: [Entry] = []
        for e in out where e.order != unique.last?.order { unique.append(e) }
        return unique
    }

    /// The orders of the phrases `candidates` finds at a token with `key`, `kind`, `readings` and table
    /// bits `mask`, asked with the owner's clitics: what `WordInfo.starts` keeps for this table.
    func startOrders(key: String, kind: Token.Kind, readings: [String], mask: UInt64) -> [Int32] {
        guard mask & bit == bit else { return [] }
        let token = Token(
            range: key.startIndex..<key.startIndex, key: key, kind: kind, number: nil, glued: false,
            info: readings.isEmpty ? nil : WordInfo(readings: readings), tables: mask)
        return candidates([token], at: 0, clitics: ownerClitics).map { Int32($0.order) }
    }

    /// The candidates `token` keeps for this table (`WordInfo.starts`), when it keeps them and the question is
    /// asked with the clitics they were worked out with; nil otherwise.
    @inline(__always)
    private func keptStarts(_ token: Token, clitics: [String]) -> [Int32]? {
        guard bitIndex >= 0, let info = token.info, info.owner === owner, bitIndex < info.starts.count,
            clitics == ownerClitics
        else { return nil }
        return info.starts[bitIndex]
    }

    /// Whether `readings(of:clitics:)` can give more than the key itself (a clitic or the article starts it).
    static func mayHaveClitic(_ key: String, clitics: [String]) -> Bool {
        if TokenMatch.hasPrefix(key, "ال") { return true }
        return clitics.contains { TokenMatch.hasPrefix(key, $0) }
    }

    /// Every phrase, in rule order.
    var phrases: [Phrase] { entries.map(\.phrase) }

    /// The words a phrase may start with, the stem prefixes of starred first words, and whether some first
    /// word is only checked one phrase at a time: what `CompiledRules` needs to mark tokens.
    var firstWords: [String] { exact.keys.map(\.text) }
    var firstStems: [String] { starred.keys.map(\.text) }
    var checksEveryToken: Bool { !others.isEmpty }

    /// Whether a phrase of this table may start at `tokens[k]` by its table bits: when not, `matches`,
    /// `first` and `contains` answer without being called (the usual case: a dozen tables are asked about
    /// every token, and a call passes the table and the clitics).
    @inline(__always)
    func mayStart(_ tokens: [Token], at k: Int) -> Bool {
        k < tokens.count && tokens[k].tables & bit == bit
    }

    /// Every phrase that matches at `tokens[k...]`, in rule order, with the number of tokens it spans.
    @inline(__always)
    func matches(_ tokens: [Token], at k: Int, clitics: [String]) -> [(length: Int, value: Value, phrase: Phrase)] {
        guard mayStart(tokens, at: k) else { return [] }
        return allMatches(tokens, at: k, clitics: clitics)
    }

    private func allMatches(
        _ tokens: [Token], at k: Int, clitics: [String]
    ) -> [(length: Int, value: Value, phrase: Phrase)] {
        guard k < tokens.count, !isEmpty, tokens[k].tables & bit == bit else { return [] }
        if let starts = keptStarts(tokens[k], clitics: clitics) {
            if starts.isEmpty { return [] }
            var out: [(length: Int, value: Value, phrase: Phrase)] = []
            for o in starts {
                let e = entries[Int(o)]
                if let n = TokenMatch.matches(e.phrase, tokens, at: k, clitics: clitics) {
                    out.append((n, e.value, e.phrase))
                }
            }
            return out
        }
        let candidates = candidates(tokens, at: k, clitics: clitics)
        if candidates.isEmpty { return [] }
        var out: [(length: Int, value: Value, phrase: Phrase)] = []
        for e in candidates {
            if let n = TokenMatch.matches(e.phrase, tokens, at: k, clitics: clitics) {
                out.append((n, e.value, e.phrase))
            }
        }
        return out
    }

    /// The first phrase (in rule order) that matches at `tokens[k...]`.
    @inline(__always)
    func first(_ tokens: [Token], at k: Int, clitics: [String]) -> (length: Int, value: Value, phrase: Phrase)? {
        guard mayStart(tokens, at: k) else { return nil }
        return firstMatch(tokens, at: k, clitics: clitics)
    }

    private func firstMatch(
        _ tokens: [Token], at k: Int, clitics: [String]
    ) -> (length: Int, value: Value, phrase: Phrase)? {
        guard k < tokens.count, !isEmpty, tokens[k].tables & bit == bit else { return nil }
        // Stops at the first match instead of trying every candidate as `matches` does.
        if let starts = keptStarts(tokens[k], clitics: clitics) {
            for o in starts {
                let e = entries[Int(o)]
                if let n = TokenMatch.matches(e.phrase, tokens, at: k, clitics: clitics) {
                    return (n, e.value, e.phrase)
                }
            }
            return nil
        }
        for e in candidates(tokens, at: k, clitics: clitics) {
            if let n = TokenMatch.matches(e.phrase, tokens, at: k, clitics: clitics) { return (n, e.value, e.phrase) }
        }
        return nil
    }

    /// Whether any phrase matches at `tokens[k...]`.
    @inline(__always)
    func contains(_ tokens: [Token], at k: Int, clitics: [String]) -> Bool {
        first(tokens, at: k, clitics: clitics) != nil
    }
}

/// A rule set's phrase lists, indexed once per extractor.
struct CompiledRules: Sendable {
    var governorates: PhraseTable<String>
    var casualties: PhraseTable<(Figure.Category, CasualtyWord.Position)>
    var victims: PhraseTable<Bool>
    var vague: PhraseTable<String>
    var numberWords: PhraseTable<Int>
    var attacks: PhraseTable<Bool>
    var background: PhraseTable<Bool>
    var noCasualties: PhraseTable<Bool>
    var perpetrators: PhraseTable<String>
    var weapons: PhraseTable<String>
    var victimCategories: PhraseTable<String>
    var placeCues: PhraseTable<PlaceCue.Strength>
    var combined: PhraseTable<Bool>
    var subgroups: PhraseTable<Bool>
    var parts: PhraseTable<Bool>
    var clauseBreaks: PhraseTable<Bool>
    /// Directions ("الغربي") by first word, for those written after a governorate.
    var directions: PhraseTable<Bool>
    /// Cues after which a name locates another place ("X countryside").
    var contextAfterCues: PhraseTable<Bool>
    /// Cues before which a name locates another place ("ريف X"), matched ending at the name.
    let contextCues: [Phrase]
    /// Casualty phrases that may stand before a number, killed then injured, each in rule order: the ones
    /// `DocumentAnalysis.casualtyEnding` tries ending at a token.
    let endings: [(phrase: Phrase, kind: Figure.Category)]
    /// The same phrases indexed by their last word.
    private let endingTable: PhraseEndings
    /// Phrases asked about looking back from a token, indexed by their last word: subgroups ("including"),
    /// combined casualty phrases, context cues ("ريف"), directions and date blockers ("since").
    let subgroupEndings: PhraseEndings
    let combinedEndings: PhraseEndings
    let contextCueEndings: PhraseEndings
    let directionEndings: PhraseEndings
    let dateBlockerEndings: PhraseEndings
    /// The words before the first slot of each of `quantifiers` (same positions), indexed by their last word.
    let quantifierBefores: PhraseEndings
    /// The quantifier rules with a number slot, in rule order, cut at the first slot once: the words before
    /// it, the words after it, and where a second slot is among those after.
    let quantifiers: [(rule: QuantifierRule, before: Phrase, after: Phrase, secondSlot: Int?)]
    /// For each word that starts a phrase, the bits of the tables it starts one in.
    private let wordTables: [String: UInt64]
    /// The same for the two-character stem prefixes of starred first words.
    private let stemTables: [String: UInt64]
    /// Tables that must look at every token (a first word that is a slot or a one-letter stem).
    private let everyTokenTables: UInt64
    let clitics: [String]
    /// The rule set's conjunctions (`RuleSet.conjunctions`), which `wordInfo` notes for each key.
    let conjunctions: Set<String>
    /// Who the tables' bits belong to: a token's `WordInfo.starts` are read only by tables of the same owner.
    let owner: TableOwner
    /// The date finder's tables, marked here too: `wordInfo` works out their starts with the others'.
    private let monthTable: PhraseTable<Int>
    private let weekdayTable: PhraseTable<Int>
    private let relativeTable: PhraseTable<RelativeDate>

    /// A rule set's tables without a date finder (whose tables then stay unmarked and are never skipped).
    init(_ r: RuleSet, governorates: [(phrase: Phrase, governorate: String)]) {
        var none = DateFinder(vocabulary: DateVocabulary(locales: [], rules: []), relative: [], clitics: [])
        self.init(r, governorates: governorates, finder: &none)
    }

    /// - Parameter finder: the language's date finder, whose month, weekday and relative-date tables get
    ///   bits here too: it must then read only tokens marked by this `CompiledRules` (or unmarked ones).
    init(_ r: RuleSet, governorates: [(phrase: Phrase, governorate: String)], finder: inout DateFinder) {
        owner = TableOwner(clitics: r.clitics)
        conjunctions = r.conjunctions
        self.governorates = PhraseTable(governorates.map { ($0.phrase, $0.governorate) })
        casualties = PhraseTable(
            r.killed.map { ($0.phrase, (Figure.Category.killed, $0.position)) }
                + r.injured.map { ($0.phrase, (Figure.Category.injured, $0.position)) })
        victims = PhraseTable(r.victims.map { ($0, true) })
        vague = PhraseTable(r.vagueAmounts.map { ($0.phrase, $0.convention) })
        numberWords = PhraseTable(r.numberWords.map { ($0.phrase, $0.value) })
        attacks = PhraseTable(r.attacks.map { ($0, true) })
        background = PhraseTable(r.background.map { ($0, true) })
        noCasualties = PhraseTable(r.noCasualties.map { ($0, true) })
        perpetrators = PhraseTable(r.perpetrators.map { ($0.phrase, $0.term) })
        weapons = PhraseTable(r.weapons.map { ($0.phrase, $0.term) })
        victimCategories = PhraseTable(r.victimCategories.map { ($0.phrase, $0.term) })
        placeCues = PhraseTable(r.placeCues.map { ($0.phrase, $0.strength) })
        combined = PhraseTable(r.combined.map { ($0, true) })
        subgroups = PhraseTable(r.subgroups.map { ($0, true) })
        parts = PhraseTable(r.parts.map { ($0, true) })
        clauseBreaks = PhraseTable(r.clauseBreaks.map { ($0, true) })
        directions = PhraseTable(r.directions.map { ($0, true) })
        contextAfterCues = PhraseTable(r.placeCues.filter { $0.strength == .contextAfter }.map { ($0.phrase, true) })
        contextCues = r.placeCues.filter { $0.strength == .context }.map(\.phrase)
        var endings: [(phrase: Phrase, kind: Figure.Category)] = []
        for (list, kind) in [(r.killed, Figure.Category.killed), (r.injured, .injured)] {
            for w in list where w.position != .after { endings.append((w.phrase, kind)) }
        }
        self.endings = endings
        var slots = 0
        let tableOwner = owner
        /// A table of phrases by last word whose candidates the tokens keep (`WordInfo.endings`).
        func endingsTable(_ phrases: [Phrase]) -> PhraseEndings {
            var table = PhraseEndings(phrases, clitics: r.clitics)
            table.slot = slots
            table.owner = tableOwner
            slots += 1
            return table
        }
        endingTable = endingsTable(endings.map(\.phrase))
        subgroupEndings = endingsTable(r.subgroups)
        combinedEndings = endingsTable(r.combined)
        contextCueEndings = endingsTable(contextCues)
        directionEndings = endingsTable(r.directions)
        dateBlockerEndings = endingsTable(r.dateBlockers)
        let quantifiers: [(rule: QuantifierRule, before: Phrase, after: Phrase, secondSlot: Int?)] =
            r.quantifiers.compactMap { rule in
                guard let slot = rule.pattern.firstIndex(of: "#") else { return nil }
                let after = Array(rule.pattern[(slot + 1)...])
                return (rule, Array(rule.pattern[..<slot]), after, after.firstIndex(of: "#"))
            }
        self.quantifiers = quantifiers
        quantifierBefores = endingsTable(quantifiers.map(\.before))
        clitics = r.clitics
        var n = 0
        var words: [String: UInt64] = [:]
        var stems: [String: UInt64] = [:]
        var every: UInt64 = 0
        let owner = owner
        func register<V>(_ table: inout PhraseTable<V>) {
            table.bit = 1 << UInt64(n)
            table.bitIndex = n
            table.owner = owner
            table.ownerClitics = r.clitics
            n += 1
            for w in table.firstWords { words[w, default: 0] |= table.bit }
            for s in table.firstStems { stems[s, default: 0] |= table.bit }
            if table.checksEveryToken { every |= table.bit }
        }
        register(&self.governorates)
        register(&casualties)
        register(&victims)
        register(&vague)
        register(&numberWords)
        register(&attacks)
        register(&background)
        register(&noCasualties)
        register(&perpetrators)
        register(&weapons)
        register(&victimCategories)
        register(&placeCues)
        register(&combined)
        register(&subgroups)
        register(&parts)
        register(&clauseBreaks)
        register(&contextAfterCues)
        register(&directions)
        register(&finder.vocabulary.monthTable)
        register(&finder.vocabulary.weekdayTable)
        register(&finder.relativeTable)
        monthTable = finder.vocabulary.monthTable
        weekdayTable = finder.vocabulary.weekdayTable
        relativeTable = finder.relativeTable
        tableCount = n
        func hasDigit(_ word: String) -> Bool { word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        let tablePhrases: [[Phrase]] = [
            self.governorates.phrases, casualties.phrases, victims.phrases, vague.phrases, numberWords.phrases,
            attacks.phrases, background.phrases, noCasualties.phrases, perpetrators.phrases, weapons.phrases,
            victimCategories.phrases, placeCues.phrases, combined.phrases, subgroups.phrases, parts.phrases,
            clauseBreaks.phrases, contextAfterCues.phrases, directions.phrases, monthTable.phrases,
            weekdayTable.phrases, relativeTable.phrases,
        ]
        let endingPhrases = [
            endingTable, subgroupEndings, combinedEndings, contextCueEndings, directionEndings, dateBlockerEndings,
            quantifierBefores,
        ].map(\.phrases)
        var digitWords = Set(conjunctions.filter(hasDigit))
        for list in tablePhrases + endingPhrases {
            for phrase in list { for w in phrase where hasDigit(w) { digitWords.insert(w) } }
        }
        self.digitWords = digitWords
        if digitWords.contains(where: { $0.hasSuffix("*") }) {
            sharedNumberKey = nil
        } else {
            var key = "0"
            while digitWords.contains(key) { key += "0" }
            sharedNumberKey = key
        }
        wordTables = words
        stemTables = stems
        everyTokenTables = every
    }

    /// How many tables have bits.
    let tableCount: Int
    /// The words of the phrases (every table, every list looked up by last word) and the conjunctions that
    /// hold an ASCII digit ("24" in "past 24 hours").
    let digitWords: Set<String>
    /// A number key that is none of `digitWords`, when no stem (`word*`) holds a digit; nil otherwise. A number
    /// token's key is ASCII digits, and a key that no rule word equals and no stem begins gets the same table
    /// bits, starts, endings and flags as any other such key: those of this one.
    let sharedNumberKey: String?

    /// The entry every number token that is no rule word gets (worked out for `sharedNumberKey`).
    func numberEntry() -> WordMarks.Entry {
        let key = sharedNumberKey ?? "0"
        let readings = PhraseTable<Bool>.readings(of: key, clitics: clitics)
        let mask = mask(readings: readings)
        return WordMarks.Entry(info: wordInfo(key: key, kind: .number, readings: [], mask: mask), mask: mask)
    }

    /// What the tables know of a token with `key`, `kind` and `readings` (as `Token.readings` holds them) whose
    /// table bits are `mask`: for each table, the phrases that may start at it (`PhraseTable.startOrders`).
    func wordInfo(key: String, kind: Token.Kind, readings: [String], mask: UInt64) -> WordInfo {
        var starts = [[Int32]](repeating: [], count: tableCount)
        func add<V>(_ table: PhraseTable<V>) {
            guard table.bitIndex >= 0, mask & table.bit != 0 else { return }
            starts[table.bitIndex] = table.startOrders(key: key, kind: kind, readings: readings, mask: mask)
        }
        add(governorates)
        add(casualties)
        add(victims)
        add(vague)
        add(numberWords)
        add(attacks)
        add(background)
        add(noCasualties)
        add(perpetrators)
        add(weapons)
        add(victimCategories)
        add(placeCues)
        add(combined)
        add(subgroups)
        add(parts)
        add(clauseBreaks)
        add(contextAfterCues)
        add(directions)
        add(monthTable)
        add(weekdayTable)
        add(relativeTable)
        let token = Token(
            range: key.startIndex..<key.startIndex, key: key, kind: kind, number: nil, glued: false,
            info: readings.isEmpty ? nil : WordInfo(readings: readings), tables: mask)
        let endingTables = [
            endingTable, subgroupEndings, combinedEndings, contextCueEndings, directionEndings, dateBlockerEndings,
            quantifierBefores,
        ]
        var endings = [[Int]](repeating: [], count: endingTables.count)
        for t in endingTables { endings[t.slot] = t.lookedUp(token) }
        let arabic = Folding.isArabic(key)
        return WordInfo(
            readings: readings, starts: starts, endings: endings, owner: owner, isArabic: arabic,
            isConjunction: conjunctions.contains(key),
            placeVariants: kind == .word && arabic ? PlaceIndex.arabicVariants(of: key, clitics: clitics) : [key])
    }

    /// Notes in each token which of these tables may have a phrase starting at it, so that the dozen tables
    /// asked about every token skip most tokens without hashing the word again. The readings are those of
    /// the rule set's clitics, a superset of the readings without clitics, so no match is ever skipped.
    func markTables(_ tokens: inout [Token]) {
        for i in tokens.indices {
            let t = tokens[i]
            if !clitics.isEmpty && !t.readings.isEmpty {
                tokens[i].tables = mask(readings: t.readings)
            } else {
                tokens[i].tables = mask(readings: PhraseTable<Bool>.readings(of: t.key, clitics: clitics))
            }
        }
    }

    /// The positions in `endings` of the phrases whose last word may match `token`, in order: a rule word
    /// matches a token only by one of the readings `PhraseTable.readings(of:clitics:)` gives (or by a stem).
    func endingCandidates(_ token: Token) -> [Int] { endingTable.candidates(token) }

    /// `endingCandidates(tokens[i])`, the token read where it lies.
    @inline(__always)
    func endingCandidates(_ tokens: [Token], at i: Int) -> [Int] { endingTable.candidates(tokens, at: i) }

    /// The tables a token whose key has these readings may start a phrase in.
    func mask(readings: [String]) -> UInt64 {
        var mask = everyTokenTables
        for r in readings {
            if let m = wordTables[r] { mask |= m }
            if !stemTables.isEmpty, let m = stemTables[String(r.prefix(2))] { mask |= m }
        }
        return mask
    }

    /// `Tokenizer.withReadings` with this rule set's clitics, then `markTables`, in one step: both are
    /// functions of a token's key alone, so `memo` keeps them per key (a news text repeats its words).
    /// - Parameter wordsDone: the word tokens have them already (`Tokenizer.tokens(of:folds:marks:)`).
    func annotate(_ tokens: inout [Token], memo: WordMarks, wordsDone: Bool = false) {
        for i in tokens.indices where !(wordsDone && tokens[i].kind == .word) {
            // Numbers that are no rule word all read alike: one entry for every such number ("ref1234", dates
            // and tolls would otherwise each be worked out and kept).
            if tokens[i].kind == .number, let _ = sharedNumberKey, !digitWords.contains(tokens[i].key) {
                let entry = memo.numberEntry ?? numberEntry()
                memo.numberEntry = entry
                tokens[i].info = entry.info
                tokens[i].tables = entry.mask
                continue
            }
            let key = ByteKey(text: tokens[i].key)
            let entry: WordMarks.Entry
            if let known = memo.entries[key] {
                entry = known
            } else {
                // Word tokens get the readings (when the language has clitics); every token gets its tables
                // from the same readings.
                let readings = PhraseTable<Bool>.readings(of: tokens[i].key, clitics: clitics)
                let mask = mask(readings: readings)
                // Only word tokens hold readings; keys of other kinds (digits, a mark) are never words'.
                let kept = clitics.isEmpty || tokens[i].kind != .word ? [] : readings
                let info = wordInfo(key: tokens[i].key, kind: tokens[i].kind, readings: kept, mask: mask)
                entry = WordMarks.Entry(info: info, mask: mask)
                if memo.entries.count < FoldMemo.capacity { memo.entries[key] = entry }
            }
            tokens[i].info = entry.info
            tokens[i].tables = entry.mask
        }
    }
}

/// One language's readings and table bits per token key (`CompiledRules.annotate`), kept by a worker.
///
/// A class holding its rule set: the tokenizer asks it about every word, and a `CompiledRules` passed by
/// value would be copied (dozens of references retained and released) for each.
final class WordMarks {
    struct Entry {
        var info: WordInfo
        var mask: UInt64
    }

    /// The rule set whose tables the bits are of.
    let rules: CompiledRules
    /// The place index whose names a word may begin (nil: every word may).
    let places: PlaceIndex?
    // The memos of one worker's thread, never accessed overlapping: the runtime check of each access (the
    // tokenizer asks about every word) costs more than the look-up it guards.
    @exclusivity(unchecked) var entries: [ByteKey: Entry] = [:]
    /// The entry of every number token when digits do not matter to the rule set (`CompiledRules.numberEntry`).
    @exclusivity(unchecked) var numberEntry: Entry?
    /// Words as written: key, readings, table bits, whether a name may begin with the word.
    @exclusivity(unchecked) var written =
        WrittenWords<(key: String, info: WordInfo, mask: UInt64, startsPlace: Bool)>()

    init(rules: CompiledRules, places: PlaceIndex? = nil) {
        self.rules = rules
        self.places = places
    }

    /// A word as written: its folded key, and the readings and table bits `CompiledRules.annotate` gives a word
    /// token with that key, kept by the word's bytes.
    func wordEntry(
        _ raw: Substring, folds: FoldMemo?
    ) -> (key: String, info: WordInfo, mask: UInt64, startsPlace: Bool) {
        var raw = raw
        if let found = raw.utf8.withContiguousStorageIfAvailable({ wordEntry(bytes: $0, raw: raw, folds: folds) }) {
            return found
        }
        // Text not stored as UTF-8 (never the case for text read from bytes): made contiguous first.
        raw.makeContiguousUTF8()
        return raw.utf8.withContiguousStorageIfAvailable { wordEntry(bytes: $0, raw: raw, folds: folds) }!
    }

    /// `wordEntry(raw, folds:)` for the word whose UTF-8 bytes are `bytes` (`raw` is read only for a word not
    /// met before).
    func wordEntry(
        bytes: UnsafeBufferPointer<UInt8>, raw: @autoclosure () -> Substring, folds: FoldMemo?
    ) -> (key: String, info: WordInfo, mask: UInt64, startsPlace: Bool) {
        let hash = WrittenWords<Entry>.hash(bytes)
        if let known = written.value(for: bytes, hash: hash) { return known }
        let raw = raw()
        let key = folds?.fold(raw) ?? Folding.fold(raw)
        let readings = PhraseTable<Bool>.readings(of: key, clitics: rules.clitics)
        // `PlaceIndex.spots` looks up the same readings of a one-word key.
        var startsPlace = true
        if let places {
            let variants =
                Folding.isArabic(key) ? PlaceIndex.arabicVariants(of: key, clitics: rules.clitics) : [key]
            startsPlace = variants.contains { places.byFirstWord[ByteKey(text: $0)] != nil }
        }
        let mask = rules.mask(readings: readings)
        let info = rules.wordInfo(
            key: key, kind: .word, readings: rules.clitics.isEmpty ? [] : readings, mask: mask)
        let entry = (key, info, mask, startsPlace)
        if written.count < FoldMemo.capacity { written.insert(entry, for: bytes, hash: hash) }
        return entry
    }
}

/// The identity of one `CompiledRules`, which its tables and the `WordInfo` worked out for it hold.
final class TableOwner: Sendable {
    /// The rule set's clitics, which the kept Arabic variants of place key words were worked out with.
    let clitics: [String]
    init(clitics: [String]) { self.clitics = clitics }
}
