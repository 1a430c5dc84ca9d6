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

    private var exact: [String: [Entry]] = [:]
    /// Phrases whose first word ends in `*` (a prefix), by the stem's first two characters.
    private var starred: [String: [Entry]] = [:]
    /// Phrases whose first word is a slot or a one-letter stem: checked one by one.
    private var others: [Entry] = []
    let isEmpty: Bool

    init(_ items: [(Phrase, Value)]) {
        for (i, (phrase, value)) in items.enumerated() where !phrase.isEmpty {
            let e = Entry(phrase: phrase, value: value, order: i)
            let first = phrase[0]
            if first.hasSuffix("*"), first.count >= 3 {
                starred[String(first.prefix(2)), default: []].append(e)
            } else if first.hasSuffix("*") || first == "#" || first == "@" {
                others.append(e)
            } else {
                exact[first, default: []].append(e)
            }
        }
        isEmpty = items.isEmpty
    }

    /// The readings of a token's key that a rule word may equal: as written, without one clitic, without the
    /// article (the same readings `TokenMatch.word(_:matchesToken:clitics:)` accepts).
    static func readings(of key: String, clitics: [String]) -> [String] {
        guard !clitics.isEmpty else { return [key] }
        var out = [key]
        for c in clitics where key.hasPrefix(c) && key.count > c.count + 1 {
            let rest = String(key.dropFirst(c.count))
            out.append(rest)
            if rest.hasPrefix("ال") { out.append(String(rest.dropFirst(2))) }
            if c == "ل" { out.append("ا" + rest) }
        }
        if key.hasPrefix("ال"), key.count > 3 { out.append(String(key.dropFirst(2))) }
        return out
    }

    /// Every phrase that matches at `tokens[k...]`, in rule order, with the number of tokens it spans.
    func matches(_ tokens: [Token], at k: Int, clitics: [String]) -> [(length: Int, value: Value, phrase: Phrase)] {
        guard k < tokens.count, !isEmpty else { return [] }
        var candidates: [Entry] = []
        let readings =
            !clitics.isEmpty && !tokens[k].readings.isEmpty
            ? tokens[k].readings : PhraseTable.readings(of: tokens[k].key, clitics: clitics)
        for r in readings {
            if let list = exact[r] { candidates += list }
            if !starred.isEmpty, let list = starred[String(r.prefix(2))] {
                for e in list where r.hasPrefix(e.phrase[0].dropLast()) { candidates.append(e) }
            }
        }
        for e in others where TokenMatch.word(e.phrase[0], matchesToken: tokens[k].key, clitics: clitics) {
            candidates.append(e)
        }
        if candidates.isEmpty { return [] }
        if candidates.count > 1 { candidates.sort { $0.order < $1.order } }
        var out: [(length: Int, value: Value, phrase: Phrase)] = []
        var seen: Set<Int> = []
        for e in candidates where seen.insert(e.order).inserted {
            if let n = TokenMatch.matches(e.phrase, tokens, at: k, clitics: clitics) {
                out.append((n, e.value, e.phrase))
            }
        }
        return out
    }

    /// The first phrase (in rule order) that matches at `tokens[k...]`.
    func first(_ tokens: [Token], at k: Int, clitics: [String]) -> (length: Int, value: Value, phrase: Phrase)? {
        matches(tokens, at: k, clitics: clitics).first
    }

    /// Whether any phrase matches at `tokens[k...]`.
    func contains(_ tokens: [Token], at k: Int, clitics: [String]) -> Bool {
        first(tokens, at: k, clitics: clitics) != nil
    }
}

/// A rule set's phrase lists, indexed once per extractor.
struct CompiledRules: Sendable {
    let governorates: PhraseTable<String>
    let casualties: PhraseTable<(Figure.Category, CasualtyWord.Position)>
    let victims: PhraseTable<Bool>
    let vague: PhraseTable<String>
    let numberWords: PhraseTable<Int>
    let attacks: PhraseTable<Bool>
    let background: PhraseTable<Bool>
    let noCasualties: PhraseTable<Bool>
    let perpetrators: PhraseTable<String>
    let weapons: PhraseTable<String>
    let placeCues: PhraseTable<PlaceCue.Strength>
    let combined: PhraseTable<Bool>
    let subgroups: PhraseTable<Bool>
    let parts: PhraseTable<Bool>

    init(_ r: RuleSet, governorates: [(phrase: Phrase, governorate: String)]) {
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
        placeCues = PhraseTable(r.placeCues.map { ($0.phrase, $0.strength) })
        combined = PhraseTable(r.combined.map { ($0, true) })
        subgroups = PhraseTable(r.subgroups.map { ($0, true) })
        parts = PhraseTable(r.parts.map { ($0, true) })
    }
}
