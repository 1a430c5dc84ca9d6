import GazetteModel

/// Rule phrases indexed by their last word, for the questions asked looking back from a token: "does a
/// subgroup phrase end here?", "which direction word ends just before the name?".
///
/// Asking each phrase of a list at every step costs a string comparison per phrase and step; the index asks
/// only the phrases whose last word may be the token before the end, then checks them whole with
/// `TokenMatch`, so it finds exactly what the plain loop finds, in rule order.
struct PhraseEndings: Sendable {
    /// The phrases, in rule order.
    let phrases: [Phrase]
    /// Positions in `phrases` by the phrase's last word (folded, compared byte for byte like token keys).
    private let byLastWord: [ByteKey: [Int]]
    /// Phrases whose last word is a stem (`word*`): tried at every token.
    private let always: [Int]
    /// The clitics whose readings a rule word may match (the rule set's): the readings looked up are those.
    private let clitics: [String]
    /// Whether every clitic (and the article) begins with a letter: then a number or a mark has no reading but
    /// itself.
    private let cliticsAreLetters: Bool
    /// Where a token's `WordInfo.endings` keeps this table's candidates (-1: nowhere), and whose they are.
    var slot = -1
    var owner: TableOwner? = nil

    init(_ phrases: [Phrase], clitics: [String]) {
        var byLast: [ByteKey: [Int]] = [:]
        var always: [Int] = []
        for (i, phrase) in phrases.enumerated() {
            // An empty phrase matches nowhere (`TokenMatch.matches`).
            guard let last = phrase.last else { continue }
            if last.hasSuffix("*") { always.append(i) } else { byLast[ByteKey(text: last), default: []].append(i) }
        }
        self.phrases = phrases
        byLastWord = byLast
        self.always = always
        self.clitics = clitics
        cliticsAreLetters = clitics.allSatisfy { $0.first?.isLetter ?? false }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The positions of the phrases whose last word may match `token`, in rule order. A rule word matches a
    /// token only by one of the readings `PhraseTable.readings(of:clitics:)` gives (with or without the rule
    /// set's clitics: those without are among those with) or, for a stem, by a prefix.
    func candidates(_ token: Token) -> [Int] {
        if slot >= 0, let info = token.info, info.owner === owner, slot < info.endings.count {
            return info.endings[slot]
        }
        return lookedUp(token)
    }

    /// `candidates(tokens[i])`, reading the token where it lies: a copy of it would retain its key and info.
    @inline(__always)
    func candidates(_ tokens: [Token], at i: Int) -> [Int] {
        if slot >= 0, let info = tokens[i].info, info.owner === owner, slot < info.endings.count {
            return info.endings[slot]
        }
        return lookedUp(tokens[i])
    }

    /// `candidates(token)` found by looking the token's readings up.
    func lookedUp(_ token: Token) -> [Int] {
        if clitics.isEmpty
            || (token.readings.isEmpty
                && ((token.kind != .word && cliticsAreLetters)
                    || !PhraseTable<Bool>.mayHaveClitic(token.key, clitics: clitics)))
        {
            // The only reading is the key itself (every token of a language without clitics).
            guard let list = byLastWord[ByteKey(text: token.key)] else { return always }
            return always.isEmpty ? list : Self.merged(always + list)
        }
        let readings =
            !token.readings.isEmpty ? token.readings : PhraseTable<Bool>.readings(of: token.key, clitics: clitics)
        var out = always
        for r in readings { if let list = byLastWord[ByteKey(text: r)] { out += list } }
        return Self.merged(out)
    }

    /// Sorted, without repeats (a phrase reached through two readings is tried once).
    private static func merged(_ list: [Int]) -> [Int] {
        guard list.count > 1 else { return list }
        var unique: [Int] = []
        for i in list.sorted() where i != unique.last { unique.append(i) }
        return unique
    }

    /// The position of the first phrase (in rule order) that matches ending exactly at `end` (exclusive).
    func first(_ tokens: [Token], endingAt end: Int, clitics: [String]) -> Int? {
        guard end > 0, end <= tokens.count else { return nil }
        for i in candidates(tokens, at: end - 1)
        where TokenMatch.matchesEnding(phrases[i], tokens, at: end, clitics: clitics) != nil {
            return i
        }
        return nil
    }

    /// Whether some phrase matches ending exactly at `end`.
    func contains(_ tokens: [Token], endingAt end: Int, clitics: [String]) -> Bool {
        first(tokens, endingAt: end, clitics: clitics) != nil
    }
}
