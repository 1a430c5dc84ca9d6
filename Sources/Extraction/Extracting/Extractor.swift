import Dispatch
public import GazetteModel
public import Toponyms

/// Reads incidents out of documents with the rule set of each document's language.
///
/// The extractor is a value: rule sets, conventions, the gazetteer's places and a matcher are given to it, and
/// it reads no files. ICU's sentence and spellout services are not thread-safe, so `extract(_:)` opens them for
/// each call; a worker that extracts many documents should take a `session()` and reuse it.
///
/// ```swift
/// let extractor = Extractor(ruleSets: [english, arabic], conventions: .standard,
///                           places: gazetteer.places, matcher: matcher)
/// let incidents = extractor.extract(document)
/// ```
public struct Extractor: Sendable {
    /// Rule sets by language code.
    public let ruleSets: [String: RuleSet]
    /// How vague amounts become bounds.
    public let conventions: QuantityConventions
    let index: PlaceIndex?
    /// Shared by every session; each session builds its own `Matcher` over it (the matcher memoizes, so it is
    /// not shareable between threads).
    let matcherIndex: MatcherIndex?
    /// Every language's governorate names: copy in one language often writes them in another.
    let governorates: [(phrase: Phrase, governorate: String)]
    let finders: [String: DateFinder]
    let fallbackLanguage: String
    /// Per language, the single words of the rule set (cues, casualty words, directions ...): a gazetteer
    /// entry spelled like one of them ("مدينة", "Madina") is not spotted as a place.
    let commonWords: [String: Set<String>]
    /// Each rule set's phrases indexed by first word.
    let compiled: [String: CompiledRules]
    /// The label spelling of every admin-1 name of the gazetteer ("Idleb" → "Idlib"), worked out once.
    let admin1Labels: [String: String]

    /// - Parameters:
    ///   - ruleSets: one per language; a document in a language without one is read with English (or the first).
    ///   - conventions: how vague amounts become bounds (`Locales/quantities.rules`).
    ///   - gazetteer: for spotting place names anywhere in a text and reconciling them (nil: cues alone).
    ///   - matcherIndex: an index already built over the same gazetteer, to share it; built here when nil.
    public init(
        ruleSets: [RuleSet], conventions: QuantityConventions = .standard, gazetteer: Gazetteer? = nil,
        matcherIndex: MatcherIndex? = nil
    ) {
        let places = gazetteer?.places ?? []
        var byLanguage: [String: RuleSet] = [:]
        for r in ruleSets { byLanguage[r.language] = r }
        self.ruleSets = byLanguage
        self.conventions = conventions
        // The two indexes of the gazetteer are the costliest part of starting (a tenth of a second each for
        // Syria's) and independent: built side by side. The place index takes half as long as the matcher's,
        // which leaves its core time to build the spellout tables every worker would otherwise build.
        let built = IndexPair()
        let spelloutLocales = ruleSets.sorted { $0.language < $1.language }.flatMap(\.icuLocales)
        let indexes: [@Sendable () -> Void] = [
            { built.places = places.isEmpty ? nil : PlaceIndex(places: places) },
            { built.matcher = matcherIndex ?? gazetteer.map { MatcherIndex(gazetteer: $0) } },
            { ICUWorker.prepareSpellout(locales: spelloutLocales) },
        ]
        DispatchQueue.concurrentPerform(iterations: indexes.count) { indexes[$0]() }
        index = built.places
        self.matcherIndex = built.matcher
        var govs: [(Phrase, String)] = []
        for r in ruleSets.sorted(by: { $0.language < $1.language }) { govs += r.governorates }
        governorates = govs.sorted { $0.0.count > $1.0.count }.map { (phrase: $0.0, governorate: $0.1) }
        var finders: [String: DateFinder] = [:]
        for r in ruleSets {
            let vocab = DateVocabulary(locales: r.icuLocales, rules: [r])
            finders[r.language] = DateFinder(vocabulary: vocab, relative: r.relativeDates, clitics: r.clitics)
        }
        var common: [String: Set<String>] = [:]
        for r in ruleSets {
            var words: Set<String> = r.stopwords.union(r.notPlaces).union(r.compoundHeads).union(r.conjunctions)
            let phrases: [Phrase] =
                r.placeCues.map(\.phrase) + r.directions + r.victims + r.killed.map(\.phrase)
                + r.injured.map(\.phrase) + r.attacks + r.weapons.map(\.phrase) + r.vagueAmounts.map(\.phrase)
                + r.relativeDates.map(\.phrase) + r.perpetrators.map(\.phrase) + r.background
                + r.numberWords.map(\.phrase)
                + r.contextPatterns
            for p in phrases { for w in p where !w.hasSuffix("*") && w != "#" && w != "@" { words.insert(w) } }
            common[r.language] = words
        }
        commonWords = common
        var compiled: [String: CompiledRules] = [:]
        for r in ruleSets {
            // The date finder's tables are marked on tokens with the rule set's own.
            compiled[r.language] = CompiledRules(r, governorates: governorates, finder: &finders[r.language]!)
        }
        self.compiled = compiled
        self.finders = finders
        var labels: [String: String] = [:]
        let govTable = PhraseTable(governorates.map { ($0.phrase, $0.governorate) })
        for place in places {
            for name in [place.admin1?.nameEn, place.admin1?.nameAr].compactMap({ $0 }) where labels[name] == nil {
                let toks = Tokenizer.tokens(of: name)
                let clitics = Folding.isArabic(name) ? ["و", "ب", "ل", "ف"] : []
                if let m = govTable.matches(toks, at: 0, clitics: clitics).first(where: { $0.length == toks.count }) {
                    labels[name] = m.value
                }
            }
        }
        admin1Labels = labels
        fallbackLanguage = byLanguage["en"] != nil ? "en" : (ruleSets.first?.language ?? "en")
    }

    /// The incidents `document` reports, numbered from 1 in the order they are first mentioned.
    public func extract(_ document: Document) -> [Incident] {
        session().extract(document)
    }

    /// A worker's own ICU objects, for extracting many documents on one thread.
    public func session() -> ExtractionSession { ExtractionSession(extractor: self) }
}

/// The gazetteer's two indexes while `Extractor.init` builds them on two threads: each field is written by
/// one of them, and read after both have finished (`concurrentPerform` returns when they have).
private final class IndexPair: @unchecked Sendable {
    var places: PlaceIndex?
    var matcher: MatcherIndex?
}

/// One worker's extraction state: the extractor plus the ICU objects it must not share between threads.
public final class ExtractionSession {
    let extractor: Extractor
    let icu = ICUWorker()
    let memo = SessionMemo()
    let matcher: Matcher?

    init(extractor: Extractor) {
        self.extractor = extractor
        matcher = extractor.matcherIndex.map { Matcher(index: $0) }
    }

    /// The incidents `document` reports.
    public func extract(_ document: Document) -> [Incident] {
        let language = extractor.ruleSets[document.language] != nil ? document.language : extractor.fallbackLanguage
        guard let rules = extractor.ruleSets[language], let finder = extractor.finders[language] else { return [] }
        let reader = DocumentAnalysis(
            extractor: extractor, rules: rules, finder: finder, icu: icu, memo: memo, matcher: matcher,
            document: document)
        return reader.run()
    }
}

/// Answers a worker works out once and reuses for every document: pure functions of their keys, so keeping
/// them changes no output. One per session (not shared between threads).
final class SessionMemo {
    /// Per language, the governorate label of an admin-1 name (`DocumentAnalysis.governorate(named:)`),
    /// nil when the name is none.
    // One worker's memos, never accessed overlapping: no runtime exclusivity check per access (see
    // `WordMarks`).
    @exclusivity(unchecked) var governorates: [String: [String: String?]] = [:]
    /// Folded forms of the words met so far.
    let folds = FoldMemo()
    /// A place name in one language's text, with the governorate it is read in (nil where that plays no part).
    struct NameKey: Hashable {
        var language: String
        var governorate: String?
        var name: String
    }
    /// What `DocumentAnalysis.resolve(_:governorate:)` and `isNotPlace(_:)` gave each name.
    @exclusivity(unchecked) private(set) var resolved: [NameKey: (Place?, MatchStatus?)] = [:]
    @exclusivity(unchecked) private(set) var notPlaces: [NameKey: Bool] = [:]
    /// Bound on each of them, so that hostile input cannot grow them without end (past it they start afresh).
    static let nameCapacity = 50_000

    func remember(resolved answer: (Place?, MatchStatus?), for key: NameKey) {
        if resolved.count >= Self.nameCapacity { resolved.removeAll() }
        resolved[key] = answer
    }

    func remember(notPlace answer: Bool, for key: NameKey) {
        if notPlaces.count >= Self.nameCapacity { notPlaces.removeAll() }
        notPlaces[key] = answer
    }
    /// Per language, the readings and table bits of each token key.
    @exclusivity(unchecked) private var marks: [String: WordMarks] = [:]

    /// What `DocumentAnalysis.readClause` works out from a clause's tokens and text alone (with the rule set of
    /// its language), kept with a remembered clause so that a repeated sentence is read once. Nothing here may
    /// depend on the document: its reference date, the clause's place in it and its order numbers are applied
    /// by `readClause` after.
    final class ClauseMemo {
        /// The date mentions of the clause, those after a period-starting word ("since") left out.
        @exclusivity(unchecked) var mentions: [DateMention]?
        @exclusivity(unchecked) var amounts: [Amount]?
        /// Place mentions per governorate the document is mostly about (nil: none).
        @exclusivity(unchecked) var places: [String?: [PlaceMention]] = [:]
        /// "No casualties" phrases as written, and the clause's attack, background and vocabulary findings.
        @exclusivity(unchecked) var findings: DocumentAnalysis.Findings?
        /// Whether the memo is held by a remembered sentence: the answers of a sentence met once are read
        /// once, so they are not written here.
        @exclusivity(unchecked) var isKept = false
    }

    /// The clauses of a sentence: its tokens cut at clause breaks, each with its governorate contexts.
    typealias SentenceClauses = [(tokens: [Token], contexts: [ContextMention], derived: ClauseMemo)]
    /// Per language, the clauses of sentences met more than once, by the sentence's bytes: press releases
    /// repeat their closing paragraphs, and wire copy repeats whole sentences. They are a function of the
    /// sentence and the rule set alone (`DocumentAnalysis.clauses(ofSentence:)`).
    @exclusivity(unchecked) private var sentences: [String: [ByteKey: SentenceClauses]] = [:]
    /// Tokens held by `sentences`: the bound is on them, since a sentence may hold a handful or thousands.
    @exclusivity(unchecked) private var storedTokens = 0
    /// Hashes of the sentences met once; a sentence is stored when met again, so text that never repeats
    /// costs a hash, not a copy of its tokens.
    @exclusivity(unchecked) private var seenSentences: Set<Int> = []
    /// Bounds on the sentence memo (about 100 bytes a token): past them it starts afresh (the repeated
    /// sentences soon return).
    static let tokenCapacity = 300_000
    static let seenCapacity = 200_000

    /// The clauses of `sentence` in `language`, remembered when the sentence repeats.
    func clauses(
        ofSentence sentence: String, language: String, make: () -> SentenceClauses
    ) -> SentenceClauses {
        let key = ByteKey(text: sentence)
        if let known = sentences[language]?[key] { return known }
        let clauses = make()
        var hasher = Hasher()
        hasher.combine(language)
        hasher.combine(key)
        if seenSentences.insert(hasher.finalize()).inserted {
            if seenSentences.count > Self.seenCapacity { seenSentences.removeAll() }
        } else {
            let tokens = clauses.reduce(0) { $0 + $1.tokens.count }
            if storedTokens + tokens > Self.tokenCapacity {
                sentences.removeAll()
                storedTokens = 0
            }
            for c in clauses { c.derived.isKept = true }
            sentences[language, default: [:]][key] = clauses
            storedTokens += tokens
        }
        return clauses
    }

    /// The memo of `language`'s rule set `rules` (the same for every call with that language).
    func marks(_ language: String, rules: CompiledRules, places: PlaceIndex?) -> WordMarks {
        if let m = marks[language] { return m }
        let m = WordMarks(rules: rules, places: places)
        marks[language] = m
        return m
    }
}
