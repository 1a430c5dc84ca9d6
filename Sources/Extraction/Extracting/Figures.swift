/// A casualty figure read from a clause.
struct Figure: Sendable, Hashable {
    enum Category: Sendable, Hashable { case killed, injured }

    var category: Category
    var low: Int?
    var high: Int?
    /// The phrase as written, from the quantifier to the casualty word.
    var text: String
    /// Position in the document, for "latest figure" policies.
    var order: Int
    /// A vague amount ("dozens") rather than a number.
    var vague: Bool = false
}

/// An amount in a clause: a number in digits or words, or a vague word ("dozens"), with the tokens it spans.
struct Amount {
    var tokens: Range<Int>
    var value: Int?
    var bounds: QuantityConventions.Bounds?
}

extension DocumentAnalysis {
    /// Words after a number that make it a measure, not a count (built once: a set literal is built each call).
    static let units: Set<String> = [
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "m",
        "years", "year", "days", "day", "hours", "hour", "minutes", "am", "pm", "h", "%", "percent", "kg", "ans",
        "jahre", "anos", "anni", "años", "yil", "سنه", "سنوات", "عاما", "كم", "كيلومتر", "ساعه", "يوم", "ايام",
    ]

    /// The marks the scans around an amount stop at, built once (an array literal is built at each use).
    static let partEnds = Marks([",", ".", ";", "(", ")", ":"])
    static let subgroupEnds = Marks([",", "-", ")", "—", ";", "."])
    static let subgroupCloses = Marks([",", "-", ")", "—"])
    static let forwardStops = Marks([".", ";", ":", "!", "?", "(", ")", "|"])
    static let backwardStops = Marks([".", ";", ":", "!", "?", ",", "(", ")", "|"])

    /// Every amount in the clause, left to right.
    func amounts(in tokens: [Token], text: String, excluding dateTokens: Set<Int>) -> [Amount] {
        var out: [Amount] = []
        var i = 0
        let units = DocumentAnalysis.units
        // Which tokens begin a victim or casualty phrase, worked out once per clause.
        let flagged: [Bool] = tokens.indices.map { k in
            tokens[k].kind == .word
                && (compiled.victims.contains(tokens, at: k, clitics: rules.clitics)
                    || compiled.casualties.contains(tokens, at: k, clitics: rules.clitics))
        }
        func victimOrCasualtyAhead(_ from: Int, within n: Int) -> Bool {
            var words = 0
            var k = from
            while k < tokens.count, words < n {
                if tokens[k].kind == .word {
                    words += 1
                    if flagged[k] { return true }
                }
                k += 1
            }
            return false
        }
        while i < tokens.count {
            if dateTokens.contains(i) {
                i += 1
                continue
            }
            // Fields read where they lie (a copy of a token retains its key and info); the whole token is
            // taken only past the number case.
            if tokens[i].kind == .number, let v = tokens[i].number {
                let hasNext = i + 1 < tokens.count
                let isTime =
                    (hasNext && tokens[i + 1].key == ":" && tokens[i + 1].glued)
                    || (i > 0 && tokens[i - 1].key == ":" && tokens[i].glued)
                let isUnit = hasNext && units.contains(tokens[i + 1].key)
                // A number's key is ASCII digits: its byte count is its character count.
                let isYear = tokens[i].key.utf8.count == 4 && (1900...2100).contains(v)
                // Tolls of a single attack stay in the thousands; larger numbers are war-wide totals.
                if !isTime, !isUnit, !isYear, v < 5_000 {
                    out.append(Amount(tokens: i..<(i + 1), value: v, bounds: nil))
                }
                i += 1
                continue
            }
            guard tokens[i].kind == .word else {
                i += 1
                continue
            }
            var matched = false
            for (n, key, _) in compiled.vague.matches(tokens, at: i, clitics: rules.clitics) {
                if let b = conventions.amounts[key] {
                    out.append(Amount(tokens: i..<(i + n), value: nil, bounds: b))
                    i += n
                    matched = true
                    break
                }
            }
            if matched { continue }
            for (n, value, phrase) in compiled.numberWords.matches(tokens, at: i, clitics: rules.clitics) {
                if victimOrCasualtyAhead(i + n, within: phrase.count == 1 && value == 1 ? 1 : 2)
                    || (value != 1 && phrase.count == 1 && isCasualtyWord(tokens, i + n))
                {
                    out.append(Amount(tokens: i..<(i + n), value: value, bounds: nil))
                    i += n
                    matched = true
                    break
                }
            }
            if matched { continue }
            // Numbers in words: asked of ICU only where a victim or casualty word follows closely, which
            // keeps the calls few.
            if victimOrCasualtyAhead(i + 1, within: 3),
                let r = icu.parseNumber(prefixOf: text[tokens[i].range.lowerBound...], locales: rules.icuLocales)
            {
                var end = i
                while end < tokens.count, tokens[end].range.upperBound <= r.end { end += 1 }
                if end > i, r.value > 0, r.value < 1_000_000 {
                    out.append(Amount(tokens: i..<end, value: r.value, bounds: nil))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    func isCasualtyWord(_ tokens: [Token], _ k: Int) -> Bool {
        guard k < tokens.count else { return false }
        return compiled.casualties.contains(tokens, at: k, clitics: rules.clitics)
    }

    /// Casualty figures of a clause: amounts, their quantifiers and the casualty word that says what they count.
    func figures(in tokens: [Token], text: String, amounts: [Amount], orderBase: Int) -> [Figure] {
        var out: [Figure] = []
        let amountStarts = Dictionary(
            amounts.enumerated().map { ($0.element.tokens.lowerBound, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        var consumed: Set<Int> = []
        // The tokens of every amount, which the casualty word of one may not lie across.
        var amountTokens = [Bool](repeating: false, count: tokens.count)
        for a in amounts { for k in a.tokens { amountTokens[k] = true } }
        // Whether each quantifier's words before the slot end at a token, asked once per amount.
        var quantifierFits = [Bool](repeating: false, count: compiled.quantifiers.count)
        for (ai, amount) in amounts.enumerated() where !consumed.contains(ai) {
            // "including five children": part of a toll stated just before, not a toll of its own.
            // The parenthesis runs to the next comma: "including 8 children and 4 women, ..." are both parts.
            let start = amount.tokens.lowerBound
            var back = start
            var isPart = false
            while back > 0, start - back < 10, !Self.partEnds.contains(tokens[back - 1]) {
                if compiled.subgroupEndings.contains(tokens, endingAt: back, clitics: rules.clitics) {
                    isPart = true
                    break
                }
                back -= 1
            }
            if isPart || compiled.parts.contains(tokens, at: amount.tokens.upperBound, clitics: rules.clitics) {
                continue
            }
            var low: Int? = amount.bounds?.low ?? amount.value
            var high: Int? = amount.bounds?.high ?? amount.value
            var span = amount.tokens
            // Quantifiers: the longest pattern whose first slot is this amount.
            if let value = amount.value {
                var best: (len: Int, rule: QuantifierRule, start: Int, end: Int, second: Int?)? = nil
                let amountStart = amount.tokens.lowerBound
                for q in quantifierFits.indices { quantifierFits[q] = false }
                if amountStart > 0 {
                    for q in compiled.quantifierBefores.candidates(tokens, at: amountStart - 1)
                    where TokenMatch.matchesEnding(
                        compiled.quantifiers[q].before, tokens, at: amountStart, clitics: rules.clitics) != nil
                    {
                        quantifierFits[q] = true
                    }
                }
                for (q, (rule, before, after, slot2)) in compiled.quantifiers.enumerated() {
                    var start = amountStart
                    if !before.isEmpty {
                        guard quantifierFits[q] else { continue }
                        start = amountStart - before.count
                    }
                    var end = amount.tokens.upperBound
                    var second: Int? = nil
                    if !after.isEmpty {
                        if let slot2 {
                            let mid = Array(after[..<slot2])
                            var k = end
                            if !mid.isEmpty {
                                guard let n = TokenMatch.matches(mid, tokens, at: k, clitics: rules.clitics) else {
                                    continue
                                }
                                k += n
                            }
                            guard let bi = amountStarts[k], let v2 = amounts[bi].value, v2 > value else { continue }
                            second = bi
                            end = amounts[bi].tokens.upperBound
                        } else {
                            guard let n = TokenMatch.matches(after, tokens, at: end, clitics: rules.clitics) else {
                                continue
                            }
                            end += n
                        }
                    }
                    let len = end - start
                    if best == nil || len > best!.len { best = (len, rule, start, end, second) }
                }
                if let best {
                    span = best.start..<best.end
                    switch best.rule.meaning {
                    case .min: (low, high) = (value, nil)
                    case .above: (low, high) = (value + conventions.aboveOffset, nil)
                    case .max: (low, high) = (nil, value)
                    case .about, .exact: (low, high) = (value, value)
                    case .range:
                        if let s = best.second {
                            (low, high) = (value, amounts[s].value)
                            consumed.insert(s)
                        }
                    }
                }
            }
            guard let category = category(of: span, in: tokens, amountTokens: amountTokens) else { continue }
            let textStart = min(span.lowerBound, category.span.lowerBound)
            let textEnd = max(span.upperBound, category.span.upperBound)
            let phrase = String(text[tokens[textStart].range.lowerBound..<tokens[textEnd - 1].range.upperBound])
            out.append(
                Figure(
                    category: category.kind, low: low, high: high, text: phrase, order: orderBase + ai,
                    vague: amount.value == nil))
        }
        return out
    }

    /// The nearest casualty word that qualifies the amount at `span`: after it (up to seven words, not across
    /// a conjunction or another amount) or before it (up to five words). Nil when none, or when the nearest
    /// is a combined "killed and injured" phrase.
    /// - Parameter amountTokens: for each token of the clause, whether it belongs to an amount.
    func category(
        of span: Range<Int>, in tokens: [Token], amountTokens: [Bool]
    )
        -> (kind: Figure.Category, span: Range<Int>)?
    {
        var forward: (Figure.Category?, Range<Int>, Int)? = nil
        var words = 0
        var k = span.upperBound
        // Tokens are read where they lie (a copy of one retains its key and info).
        scan: while k < tokens.count, words < rules.forwardWindow {
            if amountTokens[k] { break }
            if tokens[k].kind == .punctuation {
                if Self.forwardStops.contains(tokens[k]) { break }
                k += 1
                continue
            }
            if isConjunction(tokens, k) { break }
            // "16 people, including five children, were killed": read past the parenthesis.
            if let n = compiled.subgroups.first(tokens, at: k, clitics: rules.clitics)?.length {
                var j = k + n
                while j < tokens.count, j - k < 12, !Self.subgroupEnds.contains(tokens[j]) { j += 1 }
                guard j < tokens.count, Self.subgroupCloses.contains(tokens[j]) else { break }
                k = j + 1
                words += 1
                continue
            }
            if let n = compiled.combined.first(tokens, at: k, clitics: rules.clitics)?.length {
                forward = (nil, k..<(k + n), words)
                break scan
            }
            if let c = casualty(at: k, in: tokens, direction: .after) {
                // "وجرح" after a figure starts the next clause ("قتل 5 وجرح 10").
                if tokens[k].isArabic, tokens[k].key.hasPrefix("و") || tokens[k].key.hasPrefix("ف"), !c.plain {
                    break
                }
                forward = (c.kind, k..<(k + c.length), words)
                break
            }
            words += 1
            k += 1
        }
        var backward: (Figure.Category?, Range<Int>, Int)? = nil
        words = 0
        k = span.lowerBound
        scanBack: while k > 0, words < 5 {
            if amountTokens[k - 1] { break }
            if tokens[k - 1].kind == .punctuation {
                if Self.backwardStops.contains(tokens[k - 1]) { break }
                k -= 1
                continue
            }
            if let p = compiled.combinedEndings.first(tokens, endingAt: k, clitics: rules.clitics) {
                backward = (nil, (k - compiled.combinedEndings.phrases[p].count)..<k, words)
                break scanBack
            }
            if let c = casualtyEnding(at: k, in: tokens) {
                backward = (c.kind, (k - c.length)..<k, words)
                break
            }
            if isConjunction(tokens, k - 1) { break }
            words += 1
            k -= 1
        }
        let pick: (Figure.Category?, Range<Int>, Int)?
        switch (forward, backward) {
        case (nil, nil): pick = nil
        case (let f?, nil): pick = f
        case (nil, let b?): pick = b
        case (let f?, let b?): pick = b.2 < f.2 ? b : f
        }
        guard let pick, let kind = pick.0 else { return nil }
        return (kind, pick.1)
    }

    /// Whether the token is one of the rule set's conjunctions, known from its `WordInfo` when the rule set
    /// marked it (a `Set<String>` look-up hashes an Arabic key through Unicode normalization).
    func isConjunction(_ t: Token) -> Bool {
        if let info = t.info, let owner = info.owner, owner === compiled.owner { return info.isConjunction }
        return rules.conjunctions.contains(t.key)
    }

    /// `isConjunction(tokens[k])`, the token read where it lies.
    @inline(__always)
    func isConjunction(_ tokens: [Token], _ k: Int) -> Bool {
        if let info = tokens[k].info, let owner = info.owner, owner === compiled.owner { return info.isConjunction }
        return rules.conjunctions.contains(tokens[k].key)
    }

    enum Side { case after, before }

    func casualty(at k: Int, in tokens: [Token], direction: Side) -> (kind: Figure.Category, length: Int, plain: Bool)?
    {
        for (n, value, phrase) in compiled.casualties.matches(tokens, at: k, clitics: rules.clitics) {
            let (kind, position) = value
            guard position == .both || (direction == .after ? position == .after : position == .before) else {
                continue
            }
            let plain = TokenMatch.matches(phrase, tokens, at: k) != nil
            return (kind, n, plain)
        }
        return nil
    }

    func casualtyEnding(at end: Int, in tokens: [Token]) -> (kind: Figure.Category, length: Int)? {
        // Only the phrases whose last word may be the token before `end`, in rule order (killed, then injured).
        guard end > 0, end <= tokens.count else { return nil }
        for i in compiled.endingCandidates(tokens, at: end - 1) {
            let (phrase, kind) = compiled.endings[i]
            if TokenMatch.matchesEnding(phrase, tokens, at: end, clitics: rules.clitics) != nil {
                return (kind, phrase.count)
            }
        }
        return nil
    }
}
