import Foundation
import GazetteModel
import Testing

@testable import Extraction

/// The shortcuts taken for speed give exactly what the plain readings give.
@Suite struct FastPathTests {
    @Test func asciiTableAgreesWithUnicodeProperties() {
        for b in 0..<128 {
            let c = Character(Unicode.Scalar(UInt8(b)))
            #expect(Tokenizer.asciiKinds[b] == Tokenizer.kind(of: c), "byte \(b)")
        }
    }

    /// Text where an ASCII byte is not a whole character: combining marks after ASCII letters and digits,
    /// CR LF, separators with marks, a mark after punctuation.
    @Test(arguments: [
        "Cafe\u{301} 1,300 people; 2.500 e\u{301}te\u{301}\r\nnext",
        "5\u{301}00 killed -\u{301} al-Atareb's 13مدنيا ١٢٣ ,\u{301}x",
        "a\u{0651}b \u{0627}\u{0644}\u{0628}\u{0627}\u{0628} 12\r\n34 ?\u{20DD} İdlib'in",
        "",
        "\r\n\r\n",
        "🇸🇾 12 🇸🇾x",
        // Arabic with harakat, a prepended number mark (U+0600) before a space and digits, a joiner, a
        // combining mark after a space, Latin and Greek letters with accents, Arabic-Indic digits in a word.
        "قُتِلَ ١٣ مدنيًّا في بلدة كفرنبل، وأصيب ٢٠ آخرون\u{0600} ١٢ \u{0600}٣٤",
        "a\u{200D}b \u{200C}x \u{301}y é\u{301}è Ωμέγα İstanbul'da ß ĳ",
        "\u{0651}أول \u{06DD}١٢ ؟؛، ٬٣٠٠ 1٬300",
        "`quoted' ‘a’ – b — c ‐ d; e, f: (g) \"h\" -\u{301} ,",
    ])
    func tokensMatchTheCharacterByCharacterReading(text: String) {
        let tokens = Tokenizer.tokens(of: text)
        // Every token's extent and kind as characters give them; words are folded the usual way.
        var expected: [(String, Token.Kind)] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard let kind = Tokenizer.kind(of: text[i]) else {
                i = text.index(after: i)
                continue
            }
            var j = text.index(after: i)
            if kind != .punctuation {
                while j < text.endIndex, Tokenizer.kind(of: text[j]) == kind { j = text.index(after: j) }
                // "1,300": a separator and exactly three digits continue a number.
                while kind == .number, j < text.endIndex, [",", ".", "٬"].contains(text[j]) {
                    var k = text.index(after: j)
                    var n = 0
                    while k < text.endIndex, Tokenizer.kind(of: text[k]) == .number, n < 4 {
                        k = text.index(after: k)
                        n += 1
                    }
                    guard n == 3 else { break }
                    j = k
                    while j < text.endIndex, Tokenizer.kind(of: text[j]) == .number { j = text.index(after: j) }
                }
            }
            expected.append((String(text[i..<j]), kind))
            i = j
        }
        #expect(tokens.map { String(text[$0.range]) } == expected.map(\.0))
        #expect(tokens.map(\.kind) == expected.map(\.1))
        for t in tokens where t.kind == .word { #expect(t.key == Folding.fold(text[t.range])) }
        // Punctuation keys: the mark itself, apostrophes, dashes and Arabic comma and semicolon made one.
        for t in tokens where t.kind == .punctuation {
            let c = text[t.range.lowerBound]
            var key = String(c)
            if "’‘ʼ`´".contains(c) { key = "'" }
            if "‐‑–—".contains(c) { key = "-" }
            if c == "،" { key = "," }
            if c == "؛" { key = ";" }
            #expect(t.key == key)
        }
    }

    @Test func twoByteScalarTableAgreesWithUnicodeProperties() {
        for v in 0x80..<0x800 {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            let info = Tokenizer.twoByteScalars[v]
            #expect(info.kind == Tokenizer.kind(of: Character(s)), "U+\(String(v, radix: 16))")
            // A scalar that does not extend the character before it starts a new one after a letter.
            let pair = "a" + String(Character(s))
            #expect(info.extends == (pair.count == 1), "U+\(String(v, radix: 16))")
        }
        // The prepended marks join the next character.
        #expect(("\u{0600}" + "1").count == 1)
        #expect(Tokenizer.twoByteScalars[0x0600].prepend && !Tokenizer.twoByteScalars[0x0627].prepend)
    }

    /// Markup left-overs collapsed on bytes read as the character-by-character collapse reads them, and text
    /// where bytes and characters could disagree is left to the characters.
    @Test(arguments: [
        "  one  two\t three \n\n\n four\u{A0}five \n \n",
        "\n\n  \n lead \n\n\ntrail\n\n",
        "قُتِلَ  ١٣\u{A0}مدنيًّا \n\n في   بلدة",
        "",
        " ",
        "x\n",
    ])
    func htmlCollapseOnBytesIsTheCollapseOnCharacters(text: String) throws {
        let fast = try #require(HTMLText.collapsedBytes(text))
        #expect(fast == HTMLText.collapsedByCharacters(text))
    }

    @Test(arguments: ["a \u{301}b", "a\r\nb", "x\u{0600} 1", "a \u{200D}b", "a\u{A0}\u{651}b"])
    func htmlCollapseLeavesJoinedSpacesToCharacters(text: String) {
        #expect(HTMLText.collapsedBytes(text) == nil)
        #expect(HTMLText.collapsed(text) == HTMLText.collapsedByCharacters(text))
    }

    /// One look-up per key gives the readings and table bits that `withReadings` and `markTables` give.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func annotatedTokensAreMarkedTokens(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        let text =
            "قتل 12 مدنيا وأصيب ٢٠ في بلدة كفرنبل بريف إدلب الجنوبي. At least 16 civilians were killed in the "
            + "town of Atareb, rural Aleppo; au moins 5 civils tués à Saraqib. Han Şeyhun'da 7 kişi öldü."
        let memo = WordMarks(rules: compiled)
        for _ in 0..<2 {
            var plain = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: rules.clitics)
            compiled.markTables(&plain)
            var annotated = Tokenizer.tokens(of: text)
            compiled.annotate(&annotated, memo: memo)
            #expect(annotated.map(\.readings) == plain.map(\.readings))
            #expect(annotated.map(\.tables) == plain.map(\.tables))
            #expect(!memo.entries.isEmpty)
            // Words annotated while tokenizing, by their spelling as written.
            var fused = Tokenizer.tokens(of: text, folds: FoldMemo(), marks: memo)
            compiled.annotate(&fused, memo: memo, wordsDone: true)
            #expect(fused == annotated)
            #expect(!memo.written.isEmpty)
        }
    }

    /// The casualty phrases tried ending at a token, picked by its last word, find what trying them all finds.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func casualtyEndingsByLastWordAreAllEndings(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let compiled = try #require(Fixtures.extractor.compiled[language])
        var words: [String] = []
        for w in (rules.killed + rules.injured).prefix(40) {
            words += w.phrase.map { $0.hasSuffix("*") ? String($0.dropLast()) + "xx" : $0 == "#" ? "12" : $0 }
            words += ["12", ","]
        }
        let tokens = Tokenizer.withReadings(Tokenizer.tokens(of: words.joined(separator: " ")), clitics: rules.clitics)
        var found = 0
        for end in 0...tokens.count {
            var naive: (Figure.Category, Int)? = nil
            all: for (list, kind) in [(rules.killed, Figure.Category.killed), (rules.injured, .injured)] {
                for w in list where w.position != .after {
                    if TokenMatch.matchesEnding(w.phrase, tokens, at: end, clitics: rules.clitics) != nil {
                        naive = (kind, w.phrase.count)
                        break all
                    }
                }
            }
            var indexed: (Figure.Category, Int)? = nil
            if end > 0 {
                for i in compiled.endingCandidates(tokens[end - 1]) {
                    let (phrase, kind) = compiled.endings[i]
                    if TokenMatch.matchesEnding(phrase, tokens, at: end, clitics: rules.clitics) != nil {
                        indexed = (kind, phrase.count)
                        break
                    }
                }
            }
            #expect(naive?.0 == indexed?.0 && naive?.1 == indexed?.1, "\(language) at \(end)")
            if naive != nil { found += 1 }
        }
        // Turkish writes every casualty word after the number: nothing ends before one.
        #expect(found > 0 || !(rules.killed + rules.injured).contains { $0.position != .after })
    }

    /// Words known not to begin a gazetteer name are skipped by spotting, which then finds what it found.
    @Test(arguments: ["ar", "en", "fr"])
    func spotsSkippingWordsThatBeginNoNameAreTheSpots(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let extractor = Fixtures.extractor
        let index = try #require(extractor.index)
        let compiled = try #require(extractor.compiled[language])
        var parts: [String] = []
        for place in index.places.prefix(400).enumerated().filter({ $0.offset % 20 == 0 }).map(\.element) {
            parts += ["قصف على", place.nameAr, "and the town of", place.nameEn, "وبال" + place.nameAr]
        }
        let text = parts.joined(separator: " ")
        let memo = WordMarks(rules: compiled, places: index)
        var marked = Tokenizer.tokens(of: text, marks: memo)
        compiled.annotate(&marked, memo: memo, wordsDone: true)
        let plain = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: rules.clitics)
        #expect(marked.contains { !$0.mayStartPlace } && marked.contains { $0.mayStartPlace && $0.kind == .word })
        let markedWords = PlaceIndex.keyWords(marked, clitics: rules.clitics)
        let plainWords = PlaceIndex.keyWords(plain, clitics: rules.clitics)
        let a = index.spots(in: markedWords)
        let b = index.spots(in: plainWords)
        #expect(a.map(\.keyWords) == b.map(\.keyWords))
        #expect(a.map(\.places) == b.map(\.places))
        #expect(b.count >= 10)
    }

    /// One table of every language's stop words picks the language each list picks.
    @Test(arguments: [
        "Les frappes ont touché la ville de Saraqib, tuant au moins cinq civils selon les secouristes.",
        "Yerel kaynaklara göre beldede düzenlenen hava saldırısında en az 7 kişi öldü ve yaralandı.",
        "Bei Luftangriffen auf die Stadt wurden mindestens 16 Zivilisten getötet und weitere verletzt.",
        "Al menos 12 civiles murieron y resultaron heridos en un bombardeo contra la localidad.",
        "Almeno 4 civili sono stati uccisi e feriti in un raid aereo sulla città, nella provincia.",
        "Pelo menos 9 civis morreram e ficaram feridos num bombardeio contra a cidade, na província.",
        "At least 16 people were killed when jets struck the market.", "12 34", "",
    ])
    func stopwordTableDetectsAsEachList(text: String) {
        let ruleSets = Fixtures.ruleSets.sorted { $0.language < $1.language }
        let table = Stopwords(ruleSets)
        #expect(table.languages.count >= 7)
        #expect(
            LanguageDetector.detect(text, ruleSets: ruleSets, stopwords: table)
                == LanguageDetector.detect(text, ruleSets: ruleSets))
    }

    @Test func byteKeysCompareBytes() {
        #expect("قتل".sameBytes("قتل") && "".sameBytes("") && "a".sameBytes("a"))
        #expect(!"قتل".sameBytes("قتلى") && !"ab".sameBytes("ac"))
        // Canonically equivalent spellings are equal strings but different keys.
        #expect("\u{E9}" == "e\u{301}" && !"\u{E9}".sameBytes("e\u{301}"))
        #expect(ByteKey(text: "كفرنبل") == ByteKey(text: String("وكفرنبل".dropFirst())))
        #expect(Set([ByteKey(text: "\u{E9}"), ByteKey(text: "e\u{301}")]).count == 2)
    }

    @Test func numberKeysKeepOnlyDigits() {
        let tokens = Tokenizer.tokens(of: "1,300 ١٢٣ 2.500")
        #expect(tokens.map(\.key) == ["1300", "123", "2500"])
        #expect(tokens.map(\.number) == [1300, 123, 2500])
    }

    /// Marking tokens with the tables their first words may start must not hide any match.
    @Test(arguments: Fixtures.ruleSets.map(\.language))
    func markedTokensMatchLikeUnmarkedOnes(language: String) throws {
        let rules = try #require(Fixtures.ruleSets.first { $0.language == language })
        let extractor = Fixtures.extractor
        let compiled = try #require(extractor.compiled[language])
        // Sentences built from the rule set's own phrases, so that the tables do match somewhere.
        var words: [String] = []
        for p in rules.killed.prefix(5).map(\.phrase) + rules.victims.prefix(5) + rules.attacks.prefix(5)
            + rules.placeCues.prefix(8).map(\.phrase) + rules.clauseBreaks.prefix(3)
            + rules.relativeDates.prefix(3).map(\.phrase)
        {
            words += p.map { $0.hasSuffix("*") ? String($0.dropLast()) + "xx" : $0 == "#" ? "12" : $0 }
            words.append("12")
        }
        let text = words.joined(separator: " ")
        let plain = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: rules.clitics)
        var marked = plain
        compiled.markTables(&marked)
        #expect(marked.contains { $0.tables != .max })
        func all<V>(_ table: PhraseTable<V>, _ clitics: [String]) -> [[Int]] {
            (0...plain.count).map { k in
                table.matches(plain, at: k, clitics: clitics).map(\.length)
            }
        }
        func allMarked<V>(_ table: PhraseTable<V>, _ clitics: [String]) -> [[Int]] {
            (0...marked.count).map { k in table.matches(marked, at: k, clitics: clitics).map(\.length) }
        }
        var found = 0
        for clitics in [rules.clitics, []] {
            #expect(all(compiled.casualties, clitics) == allMarked(compiled.casualties, clitics))
            #expect(all(compiled.victims, clitics) == allMarked(compiled.victims, clitics))
            #expect(all(compiled.attacks, clitics) == allMarked(compiled.attacks, clitics))
            #expect(all(compiled.placeCues, clitics) == allMarked(compiled.placeCues, clitics))
            #expect(all(compiled.clauseBreaks, clitics) == allMarked(compiled.clauseBreaks, clitics))
            #expect(all(compiled.governorates, clitics) == allMarked(compiled.governorates, clitics))
            let finder = try #require(extractor.finders[language])
            #expect(all(finder.relativeTable, clitics) == allMarked(finder.relativeTable, clitics))
            #expect(finder.mentions(in: plain) == finder.mentions(in: marked))
            found += all(compiled.casualties, clitics).joined().count + all(compiled.placeCues, clitics).joined().count
        }
        #expect(found > 0, "the test sentence matched nothing in \(language)")
        // `first` is the first of `matches`.
        for k in 0...marked.count {
            #expect(
                compiled.placeCues.first(marked, at: k, clitics: rules.clitics)?.length
                    == compiled.placeCues.matches(marked, at: k, clitics: rules.clitics).first?.length)
        }
    }

    @Test func foldMemoGivesTheFoldOfTheSameBytes() {
        let memo = FoldMemo()
        let composed = "D\u{E9}J\u{C0}"
        let decomposed = "De\u{301}JA\u{300}"
        for word in [composed, decomposed, composed, "قُتِلَ", "قُتِلَ", "İdlib", "ASCII"] {
            #expect(memo.fold(word[...]) == Folding.fold(word))
        }
    }

    @Test func rememberedReadingsAreTheReadings() throws {
        let arabic = try #require(Fixtures.ruleSets.first { $0.language == "ar" })
        let memo = FoldMemo()
        let text = "وبالأتارب والمدينة للمدنيين وبالأتارب قتل 12 والمدينة"
        for _ in 0..<2 {
            let remembered = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: arabic.clitics, memo: memo)
            let plain = Tokenizer.withReadings(Tokenizer.tokens(of: text), clitics: arabic.clitics)
            #expect(remembered.map(\.readings) == plain.map(\.readings))
            #expect(plain.contains { $0.readings.count > 1 })
        }
    }

    @Test func rememberedPlaceKeyWordsAreTheKeyWords() throws {
        let arabic = try #require(Fixtures.ruleSets.first { $0.language == "ar" })
        let memo = FoldMemo()
        let tokens = Tokenizer.tokens(of: "وبالأتارب للمدنيين الأتارب وكفرنبل والأتارب بكفرنبل")
        for _ in 0..<2 {
            let remembered = PlaceIndex.keyWords(tokens, clitics: arabic.clitics, memo: memo)
            let plain = PlaceIndex.keyWords(tokens, clitics: arabic.clitics)
            #expect(remembered.map(\.variants) == plain.map(\.variants))
            #expect(remembered.map(\.tokens) == plain.map(\.tokens))
            #expect(plain.contains { $0.variants.count > 1 })
        }
    }

    @Test func fourDigitsInAnyScript() {
        #expect(DocumentReader.hasFourDigits("on 12 March 2017"))
        #expect(DocumentReader.hasFourDigits("١٢ آذار ٢٠١٧"))
        #expect(!DocumentReader.hasFourDigits("12 killed, 3 hurt"))
        #expect(!DocumentReader.hasFourDigits(""))
    }

    /// A worker remembers first words that cannot begin a spelled-out number, and its parsers share tables
    /// built by the first parser of a locale: asking again, or with a worker that met other words first,
    /// gives what a fresh worker gives.
    @Test(arguments: [
        (["en"], "sixteen people were killed, sixteen again; people sixteen twenty-one dead, killed twenty one"),
        (["fr"], "seize personnes tuées, vingt-et-un blessés, personnes seize l'un d'eux"),
        (["ar_SY", "ar"], "قتل ستة عشر مدنيا وخمسة أطفال، مدنيا ستة بثلاث قذائف لست وحدي ثلاثين ثلاثين"),
        (["tr"], "on altı kişi öldü, kişi on altı yirmi bir yaralı"),
        (["de"], "sechzehn Menschen, einundzwanzig Verletzte, Menschen sechzehn"),
    ])
    func rememberedNumberWordsMatchAFreshWorker(locales: [String], text: String) {
        let seasoned = ICUWorker()
        // Meets every word of the text once, so the second round runs on what it remembered.
        let starts = text.indices.filter { $0 == text.startIndex || text[text.index(before: $0)] == " " }
        for start in starts { _ = seasoned.parseNumber(prefixOf: text[start...], locales: locales) }
        for start in starts {
            let fresh = ICUWorker().parseNumber(prefixOf: text[start...], locales: locales)
            let again = seasoned.parseNumber(prefixOf: text[start...], locales: locales)
            #expect(again?.value == fresh?.value && again?.end == fresh?.end, "\(text[start...].prefix(20))")
        }
        // Something is read, so the comparison is not between two nils.
        #expect(starts.contains { seasoned.parseNumber(prefixOf: text[$0...], locales: locales) != nil })
    }

    /// Sentences met again (boilerplate, wire copy) take their clauses from the session's memo: a session that
    /// has read every document before gives what a fresh extraction of each gives.
    @Test func repeatedSentencesGiveWhatFreshExtractionGives() throws {
        let boiler = "The statement called on all parties to spare schools and markets."
        let attack = "At least 12 civilians were killed and 20 injured when airstrikes hit the town of Maarat al-Numan."
        let texts = [
            "LANG: en\n\n14 March 2019\n\n\(attack) \(boiler)\n\n\(boiler)",
            "LANG: en\n\n15 March 2019\n\nIn rural Idlib: \(attack)\n\n\(boiler) Four people were wounded in Aleppo.",
            "LANG: en\n\n16 March 2019\n\n\(boiler)\n\n\(attack) \(attack)",
            "LANG: ar\n\n12 آب 2019\n\nقتل ستة عشر مدنيا في بلدة كفرنبل بريف إدلب الجنوبي. وحذرت وكالات إنسانية من النزوح.",
            "LANG: ar\n\n13 آب 2019\n\nوحذرت وكالات إنسانية من النزوح. قتل ستة عشر مدنيا في بلدة كفرنبل بريف إدلب الجنوبي.",
        ]
        let documents = try texts.enumerated().map { try Fixtures.document($0.element, name: "doc\($0.offset).txt") }
        let session = Fixtures.extractor.session()
        for d in documents { _ = session.extract(d) }
        var found = 0
        for d in documents {
            let fresh = Fixtures.extractor.extract(d)
            #expect(session.extract(d) == fresh, "\(d.id)")
            found += fresh.count
        }
        #expect(found > 0)
    }

    /// Attributes of ASCII tags are read on bytes: the same values as reading the lower-cased tag by characters.
    @Test(arguments: [
        "<html lang=\"ar\">", "<HTML LANG='fr' data-lang=\"x\">", "<html data-lang=\"x\" lang=\"de\">",
        "<meta\r\ncontent=\"a\" name=\"date\">", "<meta\ncontent=\"2020-01-02\">", "<meta content=\"unclosed>",
        "<meta\tNAME=\"Date\" CONTENT='x'>", "<time datetime=\"2019-08-12T10:00\">", "<meta content=\"\">",
        "<meta name=\"é\" content=\"ü\">", "content=\"start\"", "<meta content=\"a\" content=\"b\">",
    ])
    func asciiAttributesMatchTheCharacterReading(tag: String) {
        for name in ["lang", "content", "name", "property", "datetime"] {
            #expect(HTMLText.attribute(name, in: tag) == HTMLText.attributeByCharacters(name, in: tag), "\(name)")
            if tag.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(HTMLText.asciiAttribute(name, in: tag) != nil)
            }
        }
    }

    /// Sentence ranges are mapped from ICU's UTF-16 boundaries along the UTF-8 bytes: texts with one-, two-,
    /// three- and four-byte scalars (emoji need surrogate pairs) are cut where ICU cuts them, and the pieces
    /// tile the text.
    @Test(arguments: [
        ("Seize civils tués à Alep 😢. Deuxième phrase ! Ωμέγα 𝔸 fin.", "fr",
         ["Seize civils tués à Alep 😢. ", "Deuxième phrase ! ", "Ωμέγα 𝔸 fin."]),
        ("قتل ١٣ مدنيًّا. وأصيب ٢٠ آخرون؟ 🇸🇾 نعم.", "ar", ["قتل ١٣ مدنيًّا. ", "وأصيب ٢٠ آخرون؟ ", "🇸🇾 نعم."]),
        ("One. Two 😀😀.\nThree", "en", ["One. ", "Two 😀😀.\n", "Three"]),
        ("日本語の文。次の文。", "ja", ["日本語の文。", "次の文。"]),
    ])
    func sentenceRangesFollowTheBytes(text: String, locale: String, expected: [String]) {
        let ranges = ICUWorker().sentences(of: text, locale: locale)
        #expect(ranges.map { String(text[$0]) } == expected)
        #expect(ranges.first?.lowerBound == text.startIndex && ranges.last?.upperBound == text.endIndex)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    }

    /// Valid UTF-8 is taken as the standard library decodes it (the bytes compared with memcmp); any invalid
    /// byte still goes the repairing way and is reported.
    @Test(arguments: [
        ([UInt8]("قتل ١٣ مدنيا — Alep, été 😢".utf8), 0, [Int]()),
        ([0xEF, 0xBB, 0xBF] + [UInt8]("BOM then text".utf8), 3, []),
        ([0xEF, 0xBB, 0xBF], 3, []),
        ([UInt8]("ab".utf8) + [0xFF] + [UInt8]("cd".utf8), 0, [2]),
        ([UInt8]("é".utf8).dropLast() + [UInt8]("x".utf8), 0, [0]),
    ])
    func validUTF8IsTakenWhole(bytes: [UInt8], start: Int, invalid: [Int]) {
        let decoded = TextDecoding.utf8(bytes, from: start)
        #expect(decoded.invalidOffsets == invalid)
        if invalid.isEmpty { #expect(Array(decoded.text.utf8) == Array(bytes[start...])) }
    }
}
