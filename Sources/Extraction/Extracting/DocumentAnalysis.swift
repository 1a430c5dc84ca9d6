import GazetteModel
import Toponyms

/// A place named in a clause.
struct PlaceMention: Sendable, Hashable {
    /// The name as written.
    var text: String
    /// Folded key words, used to tell whether two mentions name the same place.
    var key: String
    /// The gazetteer place, when the name was resolved to one.
    var place: Place?
    var status: MatchStatus?
    /// The cue and name as written ("the town of Atareb").
    var cueText: String
    var tokenRange: Range<Int>
}

/// A governorate named as the locating context of a clause ("in western rural Aleppo").
struct ContextMention: Sendable, Hashable {
    var governorate: String
    /// The governorate name as written ("Aleppo", "إدلب").
    var name: String
    /// The whole locating phrase as written.
    var text: String
    var tokenRange: Range<Int>
}

/// What one clause says.
struct Clause {
    var sentence: Int
    var text: String
    var tokens: [Token]
    var figures: [Figure]
    var places: [PlaceMention]
    var contexts: [ContextMention]
    var dates: [ResolvedDate]
    var attack: Bool
    var background: Bool
    var perpetrators: [String]
    var weapons: [String]
    /// Who the victims were (`women [women]`), from a clause that gives a toll or names a casualty word.
    var victims: [String] = []
}

/// The reading of one document: clauses first, then incidents assembled from them.
///
/// A class: its helpers are nested functions and closures that capture it, and a struct holding the extractor,
/// the rule set and the compiled tables would be copied (a hundred retains and releases) each time.
final class DocumentAnalysis {
    let extractor: Extractor
    let rules: RuleSet
    let finder: DateFinder
    let icu: ICUWorker
    let memo: SessionMemo
    let matcher: Matcher?
    let document: Document
    var conventions: QuantityConventions { extractor.conventions }
    let compiled: CompiledRules
    let reference: DateReference?

    init(
        extractor: Extractor, rules: RuleSet, finder: DateFinder, icu: ICUWorker, memo: SessionMemo = SessionMemo(),
        matcher: Matcher?, document: Document
    ) {
        self.memo = memo
        self.matcher = matcher
        compiled = extractor.compiled[rules.language] ?? CompiledRules(rules, governorates: extractor.governorates)
        self.extractor = extractor
        self.rules = rules
        self.finder = finder
        self.icu = icu
        self.document = document
        if let d = document.dateline {
            let p = DatePrecision(rawValue: document.metadata["dateline_precision"] ?? "day") ?? .day
            reference = DateReference(date: d, precision: p)
        } else {
            // No dateline: a "22 July" in the text still gets its year when the text names one year most.
            var years: [Int: Int] = [:]
            for t in Tokenizer.tokens(of: document.body, folds: memo.folds) where t.kind == .number && t.key.count == 4 {
                if let y = t.number, (1990...2035).contains(y) { years[y, default: 0] += 1 }
            }
            let best = years.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.first
            reference = best.flatMap { CivilDate(year: $0.key, month: 12, day: 31) }
                .map { DateReference(date: $0, precision: .unknown) }
        }
    }

    func run() -> [Incident] {
        let clauses = readClauses()
        return assemble(clauses)
    }

    func readClauses() -> [Clause] {
        let body = document.body
        let locale = rules.icuLocales.first ?? rules.language
        var pieces:
            [(sentence: Int, text: String, tokens: [Token], contexts: [ContextMention], derived: SessionMemo.ClauseMemo)] =
            []
        for (si, range) in icu.sentences(of: body, locale: locale).enumerated() {
            let sentence = String(body[range])
            // A wall of text with no sentence end is not prose. (Characters are counted only when the bytes
            // could exceed the limit: a character has at least one byte.)
            if sentence.utf8.count > 5000, sentence.count > 5000 { continue }
            let sentenceClauses = memo.clauses(ofSentence: sentence, language: rules.language) {
                clauses(ofSentence: sentence)
            }
            for c in sentenceClauses { pieces.append((si, sentence, c.tokens, c.contexts, c.derived)) }
        }
        // The governorate the document is mostly about decides between homonyms and vets spotted names.
        var counts: [String: (Int, Int)] = [:]
        var n = 0
        for p in pieces {
            for c in p.contexts {
                let old = counts[c.governorate] ?? (0, n)
                counts[c.governorate] = (old.0 + 1, old.1)
                n += 1
            }
        }
        let dominant = counts.sorted { ($0.value.0, -$0.value.1) > ($1.value.0, -$1.value.1) }.first?.key
        var out: [Clause] = []
        var order = 0
        for p in pieces {
            out.append(
                readClause(
                    p.tokens, sentenceText: p.text, sentence: p.sentence, contexts: p.contexts,
                    documentGovernorate: dominant, order: &order, derived: p.derived))
        }
        return out
    }

    /// The clauses of one sentence with their governorate contexts; none when it has no word.
    func clauses(ofSentence sentence: String) -> SessionMemo.SentenceClauses {
        let marks = memo.marks(rules.language, rules: compiled, places: extractor.index)
        var allTokens = Tokenizer.tokens(of: sentence, folds: memo.folds, marks: marks)
        compiled.annotate(&allTokens, memo: marks, wordsDone: true)
        guard allTokens.contains(where: { $0.kind == .word }) else { return [] }
        return splitClauses(allTokens).map { ($0, contexts(in: $0, text: sentence), SessionMemo.ClauseMemo()) }
    }

    /// Splits a sentence's tokens at the rule set's clause breaks (", while", "، فيما").
    func splitClauses(_ tokens: [Token]) -> [[Token]] {
        // Each clause as the words of the break that opens it and the run of tokens after the break; the
        // arrays are made at the end, and a sentence without a break is its own single clause, not a copy.
        var parts: [(opening: [Token], run: Range<Int>)] = []
        var opening: [Token] = []
        var runStart = 0
        var i = 0
        func hasWord(_ opening: [Token], _ run: Range<Int>) -> Bool {
            opening.contains { $0.kind == .word } || tokens[run].contains { $0.kind == .word }
        }
        while i < tokens.count {
            // The first break in rule order that matches here.
            if let (n, _, p) = compiled.clauseBreaks.first(tokens, at: i, clitics: []) {
                if hasWord(opening, runStart..<i) { parts.append((opening, runStart..<i)) }
                // Keep "while" as the new clause's first word.
                opening = tokens[(i + (p.first == "," || p.first == ";" ? 1 : 0))..<(i + n)].filter { $0.kind == .word }
                i += n
                runStart = i
                continue
            }
            i += 1
        }
        if hasWord(opening, runStart..<tokens.count) { parts.append((opening, runStart..<tokens.count)) }
        if parts.count == 1, parts[0].opening.isEmpty, parts[0].run == tokens.indices { return [tokens] }
        return parts.map { $0.opening + tokens[$0.run] }
    }

    /// - Parameter contexts: `contexts(in: tokens, text: text)`, worked out already.
    func readClause(
        _ tokens: [Token], sentenceText text: String, sentence: Int, contexts: [ContextMention],
        documentGovernorate: String?, order: inout Int, derived: SessionMemo.ClauseMemo = SessionMemo.ClauseMemo()
    ) -> Clause {
        // Mentions, amounts and places are functions of the clause (and the document's governorate for places):
        // `derived` keeps them for a sentence met again.
        let mentions =
            derived.mentions
            ?? finder.mentions(in: tokens).filter { m in
                // "since March 2011", "منذ": a date that starts a period, not the day of an attack.
                !compiled.dateBlockerEndings.contains(tokens, endingAt: m.tokens.lowerBound, clitics: rules.clitics)
            }
        // Kept only where a remembered sentence will read them again (see `ClauseMemo.isKept`).
        if derived.isKept { derived.mentions = mentions }
        var dateTokens: Set<Int> = []
        for m in mentions { for k in m.tokens { dateTokens.insert(k) } }
        // Full dates first, then day-month, then relative words and weekdays, then months.
        func rank(_ m: DateMention) -> Int {
            switch m.kind {
            case .full: return 0
            case .dayMonth, .weekdayDayMonth: return 1
            case .relative(.days): return 2
            case .weekday: return 3
            case .relative(.week): return 4
            case .monthYear: return 5
            }
        }
        let dates = mentions.sorted { rank($0) < rank($1) }.compactMap { $0.resolve(against: reference) }
        let amounts = derived.amounts ?? amounts(in: tokens, text: text, excluding: dateTokens)
        if derived.isKept { derived.amounts = amounts }
        var figures = figures(in: tokens, text: text, amounts: amounts, orderBase: order)
        order += amounts.count + 1
        let findings = derived.findings ?? findings(in: tokens, text: text)
        if derived.isKept { derived.findings = findings }
        for phrase in findings.noCasualties {
            figures.append(Figure(category: .killed, low: 0, high: 0, text: phrase, order: order))
        }
        var amountTokens: Set<Int> = []
        for a in amounts { for k in a.tokens { amountTokens.insert(k) } }
        let places =
            derived.places[documentGovernorate]
            ?? places(
                in: tokens, text: text, contexts: contexts,
                dateTokens: amountTokens.isEmpty
                    ? dateTokens : dateTokens.isEmpty ? amountTokens : dateTokens.union(amountTokens),
                documentGovernorate: documentGovernorate)
        if derived.isKept { derived.places[documentGovernorate] = places }
        let (attack, background, perps, weapons) =
            (findings.attack, findings.background, findings.perpetrators, findings.weapons)
        let clauseText =
            tokens.isEmpty ? "" : String(text[tokens[0].range.lowerBound..<tokens[tokens.count - 1].range.upperBound])
        return Clause(
            sentence: sentence, text: clauseText, tokens: tokens, figures: figures, places: places,
            contexts: contexts, dates: dates, attack: attack, background: background, perpetrators: perps,
            weapons: weapons, victims: !figures.isEmpty || findings.casualtyWord ? findings.victims : [])
    }

    /// What ``findings(in:text:)`` gives: functions of the clause's tokens alone, so kept for a sentence met again.
    struct Findings {
        var noCasualties: [String]
        var attack: Bool
        var background: Bool
        var perpetrators: [String]
        var weapons: [String]
        /// Whether a casualty word ("killed", "قتلى") is in the clause.
        var casualtyWord: Bool
        /// Victim categories named in the clause, as `term [as written]`, whether or not it speaks of casualties.
        var victims: [String]
    }

    /// What a clause says besides its figures, places and dates: "no casualties" phrases as written, whether it
    /// tells of an attack (an attack word or a weapon) or of the past, and its perpetrators and weapons.
    func findings(in tokens: [Token], text: String) -> Findings {
        var noCasualties: [String] = []
        for k in tokens.indices {
            for m in compiled.noCasualties.matches(tokens, at: k, clitics: rules.clitics) {
                noCasualties.append(
                    String(text[tokens[k].range.lowerBound..<tokens[k + m.length - 1].range.upperBound]))
            }
        }
        var attack = false
        for k in tokens.indices where tokens[k].kind == .word {
            if compiled.attacks.contains(tokens, at: k, clitics: rules.clitics) {
                attack = true
                break
            }
        }
        var background = false
        for k in tokens.indices {
            if compiled.background.contains(tokens, at: k, clitics: rules.clitics) {
                background = true
                break
            }
        }
        let perps = vocabulary(compiled.perpetrators, in: tokens, text: text)
        let weapons = vocabulary(compiled.weapons, in: tokens, text: text)
        if !weapons.isEmpty { attack = true }
        // "a children's hospital was hit" says nothing of the victims; "killing 16, mostly women" may.
        let casualtyWord = tokens.indices.contains {
            tokens[$0].kind == .word && compiled.casualties.contains(tokens, at: $0, clitics: rules.clitics)
        }
        let victims = vocabulary(compiled.victimCategories, in: tokens, text: text)
        return Findings(
            noCasualties: noCasualties, attack: attack, background: background, perpetrators: perps, weapons: weapons,
            casualtyWord: casualtyWord, victims: victims)
    }

    /// Vocabulary terms found, each once, as `term [as written]`.
    func vocabulary(_ table: PhraseTable<String>, in tokens: [Token], text: String) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        var k = 0
        while k < tokens.count {
            var step = 1
            if let (n, term, _) = table.first(tokens, at: k, clitics: rules.clitics) {
                do {
                    let written = String(text[tokens[k].range.lowerBound..<tokens[k + n - 1].range.upperBound])
                    // A term "-" marks words that look like an attacker but are not ("Syrian Coalition").
                    if term != "-", seen.insert(term).inserted { out.append("\(term) [\(written)]") }
                    step = n
                }
            }
            k += step
        }
        return out
    }

    /// The governorate of an admin unit, in the label spelling the rule sets map names to.
    func governorate(named name: String) -> String? {
        if let label = extractor.admin1Labels[name] { return label }
        // The same few admin-1 names come back for every place resolved: the answer is kept for the session.
        if let known = memo.governorates[rules.language]?[name] { return known }
        let found = governorateLookup(named: name)
        memo.governorates[rules.language, default: [:]][name] = .some(found)
        return found
    }

    private func governorateLookup(named name: String) -> String? {
        let toks = Tokenizer.tokens(of: name)
        for (phrase, gov) in extractor.governorates {
            if TokenMatch.matches(phrase, toks, at: 0, clitics: rules.clitics) == phrase.count,
                phrase.count == toks.count
            {
                return gov
            }
        }
        return nil
    }

    /// Governorate names in the clause with their locating phrase ("in western rural Aleppo", "بريف إدلب").
    func contexts(in tokens: [Token], text: String) -> [ContextMention] {
        var out: [ContextMention] = []
        var k = 0
        while k < tokens.count {
            var found: (gov: String, len: Int)? = nil
            if tokens[k].kind == .word {
                if let m = compiled.governorates.first(tokens, at: k, clitics: rules.clitics) {
                    found = (m.value, m.length)
                }
            }
            guard let found else {
                k += 1
                continue
            }
            let govRange = k..<(k + found.len)
            var best = govRange
            for pattern in rules.contextPatterns {
                guard let slot = pattern.firstIndex(of: "@") else { continue }
                let before = Array(pattern[..<slot])
                let after = Array(pattern[(slot + 1)...])
                var start = govRange.lowerBound
                var end = govRange.upperBound
                if !before.isEmpty {
                    guard let s = TokenMatch.matchesEnding(before, tokens, at: start, clitics: rules.clitics) else {
                        continue
                    }
                    start = s
                }
                if !after.isEmpty {
                    guard let n = TokenMatch.matches(after, tokens, at: end, clitics: rules.clitics) else { continue }
                    end += n
                }
                if end - start > best.count { best = start..<end }
            }
            // Directions and prepositions before the phrase belong to it ("in western rural Aleppo").
            var start = best.lowerBound
            var steps = 0
            while start > 0, steps < 3 {
                guard let d = compiled.directionEndings.first(tokens, endingAt: start, clitics: rules.clitics) else {
                    break
                }
                start -= compiled.directionEndings.phrases[d].count
                steps += 1
            }
            var end = best.upperBound
            // Arabic puts the direction after: "بريف حلب الغربي".
            while end < tokens.count, tokens[end].isArabic,
                compiled.directions.contains(tokens, at: end, clitics: rules.clitics)
            { end += 1 }
            let phrase = String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
            let name = String(
                text[tokens[govRange.lowerBound].range.lowerBound..<tokens[govRange.upperBound - 1].range.upperBound])
            out.append(ContextMention(governorate: found.gov, name: name, text: phrase, tokenRange: start..<end))
            k = max(end, govRange.upperBound)
        }
        return out
    }
}
