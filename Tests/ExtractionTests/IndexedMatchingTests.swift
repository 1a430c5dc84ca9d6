import GazetteModel
import Testing

@testable import Extraction

/// The indexes that spare the extractor string comparisons find exactly what asking every phrase finds.
@Suite struct IndexedMatchingTests {
    /// A text made of the phrases' own words (stems given an ending, slots a number), each phrase followed by
    /// a number and a comma, plus the same words with a clitic in front for Arabic: every phrase ends
    /// somewhere, and most tokens end none.
    static func text(of phrases: [Phrase], language: String) -> [Token] {
        var words: [String] = []
        for phrase in phrases.prefix(60) {
            let written = phrase.map { $0.hasSuffix("*") ? String($0.dropLast()) + "xx" : $0 == "#" ? "12" : $0 }
            words += written + ["12", ","]
            if language == "ar", let last = written.last { words += ["و" + last, "بال" + last, "."] }
        }
        words += ["ordinary", "words", "١٢", "—", "؛", "\u{37E}", "🙂"]
        let rules = Fixtures.ruleSets.first { $0.language == language }
        return Tokenizer.withReadings(
            Tokenizer.tokens(of: words.joined(separator: " ")), clitics: rules?.clitics ?? [])
    }

    /// For each list looked up by its last word: the first phrase ending at every position, asked of the index
    /// and of every phrase in rule order, with and without the clitics.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func endingsByLastWordAreTheFirstEnding(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let lists: [(String, [Phrase], PhraseEndings)] = [
            ("subgroups", rules.subgroups, compiled.subgroupEndings),
            ("combined", rules.combined, compiled.combinedEndings),
            ("directions", rules.directions, compiled.directionEndings),
            ("date blockers", rules.dateBlockers, compiled.dateBlockerEndings),
            ("context cues", compiled.contextCues, compiled.contextCueEndings),
            ("quantifiers", compiled.quantifiers.map(\.before), compiled.quantifierBefores),
        ]
        var found = 0
        for (name, phrases, table) in lists {
            #expect(table.phrases == phrases, "\(name)")
            let tokens = Self.text(of: phrases, language: language)
            for clitics in [rules.clitics, []] {
                for end in 0...tokens.count + 1 {
                    let naive = phrases.firstIndex {
                        TokenMatch.matchesEnding($0, tokens, at: end, clitics: clitics) != nil
                    }
                    let indexed = table.first(tokens, endingAt: end, clitics: clitics)
                    #expect(naive == indexed, "\(language) \(name) at \(end)")
                    #expect(table.contains(tokens, endingAt: end, clitics: clitics) == (naive != nil))
                    if naive != nil { found += 1 }
                }
            }
        }
        #expect(found > 0)
    }

    /// The marks a scan stops at answer as `contains` on the keys does, for ASCII, other punctuation and
    /// a key canonically equivalent to an ASCII mark (U+037E, the Greek question mark, is ";").
    @Test func marksAgreeWithStringComparison() {
        let lists = [
            [",", ".", ";", "(", ")", ":"], [",", "-", ")", "—", ";", "."], [".", ";", ":", "!", "?", "(", ")", "|"],
        ]
        let tokens = Tokenizer.tokens(
            of: "a , b. c; (d) e: f! g? h| i - j — k ، l ؛ m \u{37E} n ' o \" 12 ١٢ 🙂 \u{FFFD} x\u{301}")
        #expect(tokens.count > 30)
        for list in lists {
            let marks = Marks(list)
            for t in tokens { #expect(marks.contains(t) == list.contains(t.key), "\(t.key) in \(list)") }
        }
    }

    /// `text` tokenized twice: with a worker's memo, which keeps each word's table entries on the token, and
    /// plainly, with the entries looked up afterwards. The memo is returned for what it kept.
    static func keptAndPlain(
        _ text: String, _ rules: RuleSet, _ compiled: CompiledRules
    ) -> (kept: [Token], plain: [Token], marks: WordMarks) {
        let marks = WordMarks(rules: compiled)
        var kept = Tokenizer.tokens(of: text, folds: FoldMemo(), marks: marks)
        compiled.annotate(&kept, memo: marks, wordsDone: true)
        var plain = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: rules.clitics)
        compiled.markTables(&plain)
        return (kept, plain, marks)
    }

    /// Every phrase table of a rule set, as the lengths and phrases it finds at a token.
    static func tables(
        _ c: CompiledRules, _ finder: DateFinder
    ) -> [(String, ([Token], Int, [String]) -> [String])] {
        func ask<V>(_ t: PhraseTable<V>) -> ([Token], Int, [String]) -> [String] {
            { tokens, k, clitics in
                var found = t.matches(tokens, at: k, clitics: clitics).map { "\($0.length) \($0.phrase)" }
                if let first = t.first(tokens, at: k, clitics: clitics) { found.append("first \(first.phrase)") }
                return found
            }
        }
        return [
            ("governorates", ask(c.governorates)), ("casualties", ask(c.casualties)), ("victims", ask(c.victims)),
            ("vague", ask(c.vague)), ("numbers", ask(c.numberWords)), ("attacks", ask(c.attacks)),
            ("background", ask(c.background)), ("no casualties", ask(c.noCasualties)),
            ("perpetrators", ask(c.perpetrators)), ("weapons", ask(c.weapons)),
            ("victim categories", ask(c.victimCategories)), ("place cues", ask(c.placeCues)),
            ("combined", ask(c.combined)), ("subgroups", ask(c.subgroups)), ("parts", ask(c.parts)),
            ("clause breaks", ask(c.clauseBreaks)), ("context after", ask(c.contextAfterCues)),
            ("directions", ask(c.directions)),
            ("months", ask(finder.vocabulary.monthTable)), ("weekdays", ask(finder.vocabulary.weekdayTable)),
            ("relative dates", ask(finder.relativeTable)),
        ]
    }

    /// Tokens that keep each table's candidates (`WordInfo.starts`) find what tokens that only keep their
    /// readings find, at every position, with and without the clitics; and a question from another rule
    /// set's tables is answered by looking the readings up.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func keptStartsFindWhatLookingUpFinds(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let finder = try #require(Fixtures.extractor.finders[language])
        var phrases: [Phrase] =
            rules.killed.map(\.phrase) + rules.injured.map(\.phrase) + rules.victims + rules.attacks
            + rules.placeCues.map(\.phrase) + rules.perpetrators.map(\.phrase) + rules.weapons.map(\.phrase)
            + rules.vagueAmounts.map(\.phrase) + rules.numberWords.map(\.phrase) + rules.clauseBreaks
            + rules.relativeDates.map(\.phrase) + rules.governorates.map(\.phrase) + rules.directions
        phrases += [["الاثنين", "13", "تشرين", "الثاني", "2017"], ["mardi", "4", "avril"], ["20", "décembre"]]
        let text = phrases.prefix(200).map { $0.joined(separator: " ") }.joined(separator: " 12 , ")
            + " وبالأتارب قتلى ١٣مدنيًّا at-least 5 l'hôpital — 🙂"
        let (kept, plain, _) = Self.keptAndPlain(text, rules, compiled)
        #expect(kept == plain)
        #expect(kept.contains { !($0.info?.starts.isEmpty ?? true) })
        #expect(plain.allSatisfy { $0.info?.starts.isEmpty ?? true })
        var found = 0
        for (name, ask) in Self.tables(compiled, finder) {
            for clitics in [rules.clitics, []] {
                for k in 0...kept.count {
                    let a = ask(kept, k, clitics)
                    #expect(a == ask(plain, k, clitics), "\(language) \(name) at \(k)")
                    found += a.count
                }
            }
        }
        #expect(found > 100)
        // The phrases by last word, and the key words of place names, with the variants the tokens keep.
        let endingTables = [
            compiled.subgroupEndings, compiled.combinedEndings, compiled.directionEndings,
            compiled.dateBlockerEndings, compiled.contextCueEndings, compiled.quantifierBefores,
        ]
        for table in endingTables {
            for end in 0...kept.count {
                #expect(
                    table.first(kept, endingAt: end, clitics: rules.clitics)
                        == table.first(plain, endingAt: end, clitics: rules.clitics))
                if end > 0 { #expect(table.candidates(kept[end - 1]) == table.lookedUp(plain[end - 1])) }
            }
        }
        #expect(kept.map(\.isArabic) == plain.map { Folding.isArabic($0.key) })
        for clitics in [rules.clitics, ["و"], []] {
            let a = PlaceIndex.keyWords(kept, clitics: clitics, apostropheSuffix: rules.apostropheSuffix,
                                        elisions: rules.elisions, memo: FoldMemo())
            let b = PlaceIndex.keyWords(plain, clitics: clitics, apostropheSuffix: rules.apostropheSuffix,
                                        elisions: rules.elisions)
            #expect(a.map(\.variants) == b.map(\.variants))
            #expect(a.map(\.tokens) == b.map(\.tokens))
        }
        // Another language's tables do not read these tokens' starts.
        let other = try #require(Fixtures.extractor.compiled[language == "en" ? "fr" : "en"])
        let otherFinder = try #require(Fixtures.extractor.finders[language == "en" ? "fr" : "en"])
        for ((name, ask), (_, plainAsk)) in zip(Self.tables(other, otherFinder), Self.tables(other, otherFinder)) {
            for k in 0..<kept.count {
                #expect(ask(kept, k, rules.clitics) == plainAsk(plain, k, rules.clitics), "\(name) at \(k)")
            }
        }
    }

    /// Sentences in several scripts with what makes tokenizing hard: harakat and shadda, digits glued to
    /// words, Arabic-Indic and Persian digits with separators, apostrophes and hyphens, emoji and flags, the
    /// replacement character, CR LF, combining marks after ASCII, prepended Arabic number marks.
    static let hardTexts = [
        "قُتِلَ 13مدنيًّا وأُصيب ٢٠ آخرون في بلدة كفرنبل بريف إدلب الجنوبي، يوم الإثنين ١٣ تشرين الثاني ٢٠١٧.",
        "At least 1,300 people — including 5 children — were killed in al-Atareb's market (rural Aleppo) 🙂🇸🇾.",
        "Au moins 2.500 civils tués à Ma'arrat al-Nu'man ; l'hôpital d'Idleb touché… «frappes» ١٬٢٠٠ ۱۲۳",
        "Han Şeyhun'da 7 kişi öldü, İdlib'in güneyinde 12 yaralı.\r\nDüzce'de 3,5 km uzakta",
        "Mindestens 16 Zivilisten getötet; Dutzende Verletzte in Dschisr asch-Schughur \u{FFFD}\u{FFFD} x",
        "Cafe\u{301} 5\u{301}00 killed -\u{301} ,\u{301}x a\u{0651}b \u{0600}١٢ \u{06DD}٣ ?\u{20DD} 12\r\n34",
        "", " ", "\r\n", "١", "a", "🙂", "e\u{301}", "12,", "12,34", "12,3456", "1.234.567 ٬ ,123",
    ]

    /// The tokenizer reading bytes gives the tokens the character-by-character reading gives, for whole texts
    /// and for ranges inside them, with and without a worker's memos.
    @Test(arguments: hardTexts)
    func byteTokenizerIsCharacterTokenizer(text: String) throws {
        let compiled = try #require(Fixtures.extractor.compiled["ar"])
        let whole = text.startIndex..<text.endIndex
        #expect(Tokenizer.tokens(of: text) == Tokenizer.characterTokens(of: text, in: whole))
        let marks = WordMarks(rules: compiled)
        #expect(
            Tokenizer.tokens(of: text, folds: FoldMemo(), marks: marks)
                == Tokenizer.characterTokens(of: text, in: whole, folds: FoldMemo(), marks: marks))
        // Ranges that start and end at character boundaries inside the text.
        let cuts = Array(text.indices) + [text.endIndex]
        for (a, b) in zip(cuts, cuts.dropFirst(3)) {
            #expect(Tokenizer.tokens(of: text, in: a..<b) == Tokenizer.characterTokens(of: text, in: a..<b))
        }
        let keys = Tokenizer.tokens(of: text).map(\.key)
        if text.hasPrefix("قُتِلَ") { #expect(keys.starts(with: ["قتل", "13", "مدنيا", "واصيب", "20"])) }
        if text.hasPrefix("At least") { #expect(keys.contains("1300") && keys.contains("-") && keys.contains("'")) }
    }

    /// Dates found in tokens a rule set has marked, which skip tokens that can start none, are the dates found
    /// in tokens that know nothing of the tables.
    @Test(arguments: [
        ("ar", "الإثنين 13 تشرين الثاني 2017: قُتل 5 أمس، و٣ يوم الثلاثاء ١٩ كانون الأول، منذ آذار 2011. 13/11/2017"),
        (
            "en",
            "Thursday, 21 December 2017 09:08 - on Tuesday (19 December) 16 were killed; yesterday, December 20, 2017."
        ),
        ("fr", "mardi 4 avril 2017 : hier, 20 décembre 2017, 13/11/2017 et le 5 mai, il y a deux jours"),
        ("tr", "13 Kasım 2017 Pazartesi: dün 7 kişi öldü, 2017-11-12 tarihinde"),
        ("de", "Am 21. Dezember 2017 wurden gestern 12 Menschen getötet, 13.11.2017"),
    ])
    func datesInMarkedTokensAreDatesInPlainTokens(language: String, text: String) throws {
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let finder = try #require(Fixtures.extractor.finders[language])
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let marks = WordMarks(rules: compiled)
        var marked = Tokenizer.tokens(of: text, folds: FoldMemo(), marks: marks)
        compiled.annotate(&marked, memo: marks, wordsDone: true)
        let plain = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: rules.clitics)
        let found = finder.mentions(in: marked)
        #expect(found == finder.mentions(in: plain))
        #expect(found.count >= 2)
    }

    /// ASCII lower-casing on the bytes is `lowercased()`, for every ASCII character and for words.
    @Test func asciiLowercasingIsLowercased() {
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for text in [all, "", "ALEPPO", "al-Bab", "Ma'arrat AL-Numan 1,300", "x"] {
            #expect(Folding.asciiLowercased(text) == text.lowercased())
            #expect(Folding.fold(text) == text.lowercased())
        }
        #expect(Folding.asciiLowercased(all.dropFirst(65).prefix(26)) == "abcdefghijklmnopqrstuvwxyz")
    }

    /// A dateline read with the readings filled in from the worker's memo is the dateline read without.
    @Test(arguments: [
        ("ar", "LANG: ar\n\nالإثنين 13 تشرين الثاني 2017\n\nقتل 5 مدنيين."),
        ("ar", "LANG: ar\n\nالثلاثاء 19 كانون الأول 2017\n\nنص"),
        ("ar", "LANG: ar\n\nدمشق، ١٣ كانون الأول ٢٠١٧\n\nنص"),
        ("en", "LANG: en\n\nThursday, 21 December 2017 09:08\n\ntext"),
        ("fr", "LANG: fr\n\n20 décembre 2017\n\ntexte"),
    ])
    func datelineWithRememberedReadings(language: String, text: String) throws {
        let document = try Fixtures.document(text)
        let reader = Fixtures.reader
        let memo = FoldMemo()
        let plain = reader.dateline(body: document.body, metadata: [:], language: language)
        let remembered = reader.dateline(body: document.body, metadata: [:], language: language, folds: memo)
        #expect(plain?.reference == remembered?.reference)
        #expect(plain?.source == remembered?.source)
        #expect(document.dateline != nil)
    }

    /// Markdown lines cut at the line-feed bytes are the lines `split` cuts at the line-feed characters,
    /// CR LF (one character, not cut), empty lines and a final line feed included.
    @Test(arguments: [
        "", "\n", "\n\n", "a", "a\n", "# Title\n\ntext\r\nmore\n", "x\r\ny\rz\n\u{301}w", "سطر\nآخر\n\n🙂",
    ])
    func markdownLinesAreSplitLines(text: String) {
        let split = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(MarkdownText.splitLines(text).map(String.init) == split)
    }

    /// Whether a token is a conjunction, known from its kept `WordInfo`, is what the rule set's list says.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func keptConjunctionsAreTheRuleSetsConjunctions(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let text = (Array(rules.conjunctions) + ["and", "et", "و", "وقتل", "12", ",", "ve", "und", "e"])
            .joined(separator: " ")
        let marks = WordMarks(rules: compiled)
        var marked = Tokenizer.tokens(of: text, folds: FoldMemo(), marks: marks)
        compiled.annotate(&marked, memo: marks, wordsDone: true)
        for t in marked {
            #expect(t.info?.isConjunction == rules.conjunctions.contains(t.key), "\(language) \(t.key)")
        }
        #expect(marked.contains { $0.info?.isConjunction == true } || rules.conjunctions.isEmpty)
    }

    /// Number tokens that share one entry (no rule word has a digit) answer every table, every list looked
    /// up by last word and every flag as tokens looked up one by one do.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func sharedNumberEntryAnswersAsEachNumber(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let finder = try #require(Fixtures.extractor.finders[language])
        let text = "0 7 12 killed 1300 , 2017 ١٢٣ قتل 5 مدنيين 24 hours 1,300 12/11/2017 ref42 at least 16"
        let (kept, plain, marks) = Self.keptAndPlain(text, rules, compiled)
        #expect(kept == plain)
        #expect(marks.numberEntry != nil || compiled.sharedNumberKey == nil)
        #expect(compiled.sharedNumberKey != nil)
        for (name, ask) in Self.tables(compiled, finder) {
            for k in 0...kept.count {
                #expect(ask(kept, k, rules.clitics) == ask(plain, k, rules.clitics), "\(language) \(name) at \(k)")
            }
        }
        let endingTables = [
            compiled.subgroupEndings, compiled.combinedEndings, compiled.directionEndings,
            compiled.dateBlockerEndings, compiled.contextCueEndings, compiled.quantifierBefores,
        ]
        for table in endingTables {
            for end in 1...kept.count { #expect(table.candidates(kept[end - 1]) == table.lookedUp(plain[end - 1])) }
        }
        #expect(kept.map(\.isArabic) == plain.map(\.isArabic))
        #expect(finder.mentions(in: kept) == finder.mentions(in: plain))
    }

    /// Clauses cut at the rule set's breaks are those of the plain reading (tokens appended one by one, the
    /// break's words opening the next clause), and a sentence without a break is one clause of every token.
    @Test(arguments: [
        ("en", "At least 16 people were killed, while 20 others were injured in the town of Atareb."),
        ("en", "Five civilians were killed in Atareb"),
        ("ar", "قتل 5 مدنيين في بلدة كفرنبل، فيما أصيب 10 آخرون بجروح، كما دمرت منازل"),
        ("fr", "Au moins 5 civils ont été tués, tandis que 12 ont été blessés."),
        ("en", ", while"), ("en", "while , while ."),
    ])
    func clausesAreThePlainReadingsClauses(language: String, text: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let document = try Fixtures.document("LANG: \(language)\n\n" + text)
        let analysis = DocumentAnalysis(
            extractor: Fixtures.extractor, rules: rules, finder: try #require(Fixtures.extractor.finders[language]),
            icu: ICUWorker(), matcher: nil, document: document)
        let tokens = Tokenizer.tokens(of: text)
        var plain: [[Token]] = []
        var current: [Token] = []
        var i = 0
        while i < tokens.count {
            if let (n, _, p) = compiled.clauseBreaks.first(tokens, at: i, clitics: []) {
                if current.contains(where: { $0.kind == .word }) { plain.append(current) }
                current = Array(tokens[(i + (p.first == "," || p.first == ";" ? 1 : 0))..<(i + n)])
                current = current.filter { $0.kind == .word }
                i += n
                continue
            }
            current.append(tokens[i])
            i += 1
        }
        if current.contains(where: { $0.kind == .word }) { plain.append(current) }
        let clauses = analysis.splitClauses(tokens)
        #expect(clauses == plain)
        if text.hasPrefix("Five") { #expect(clauses == [tokens]) } else { #expect(clauses.count >= 1) }
    }

    /// A worker's memo of folded words, looked up by their bytes, gives `Folding.fold` for every word, the
    /// first time and the next.
    @Test func foldMemoIsFolding() {
        let words = [
            "قُتِلَ", "قتل", "الأتارب", "بالأتارب", "İdlib", "Şeyhun", "Ma'arrat", "Café", "Cafe\u{301}", "ÉTÉ", "ﻻ",
            "مدنيًّا", "Dschisr", "année", "ref", "🙂", "x\u{FFFD}",
        ]
        let memo = FoldMemo()
        for _ in 0..<2 {
            for w in words { #expect(memo.fold(Substring(w)) == Folding.fold(w), "\(w)") }
        }
        let text = "في بلدة الأتارب"
        #expect(memo.fold(text.split(separator: " ")[2]) == Folding.fold("الأتارب"))
    }

    /// The byte comparison of stems answers as `hasPrefix` for plain words and hands the rest to it: harakat
    /// and shadda, hamza seats precomposed and decomposed, accents both ways, CR LF, digits, empty stems.
    @Test func stemPrefixIsHasPrefix() {
        let words = [
            "قتل", "قتلى", "مقتل", "بالقصف", "أصيب", "ا\u{654}صيب", "إدلب", "قُتل", "قتلً", "ab", "abc", "Abc", "a\u{301}bc",
            "\u{e1}bc", "ab\r\nc", "ab\r", "12", "123", "ref12", "", "ـقتل", "ٌقتل", "كفر", "كفرنبل", "ÉTÉ", "e",
        ]
        for key in words {
            for stem in words {
                #expect(TokenMatch.hasPrefix(key, Substring(stem)) == key.hasPrefix(stem), "\(key) / \(stem)")
            }
        }
    }
}
