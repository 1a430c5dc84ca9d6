public import GazetteModel

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
    public let conventions: QuantityConventions
    let index: PlaceIndex?
    let matcher: (any PlaceMatching)?
    /// Every language's governorate names: copy in one language often writes them in another.
    let governorates: [(phrase: Phrase, governorate: String)]
    let finders: [String: DateFinder]
    let fallbackLanguage: String

    /// - Parameters:
    ///   - ruleSets: one per language; a document in a language without one is read with English (or the first).
    ///   - conventions: how vague amounts become bounds (`Locales/quantities.rules`).
    ///   - places: the gazetteer's places, for spotting names anywhere in a text; empty to rely on cues alone.
    ///   - matcher: reconciles cue-introduced names the exact index does not know (spelling variants).
    public init(
        ruleSets: [RuleSet], conventions: QuantityConventions = .standard, places: [Place] = [],
        matcher: (any PlaceMatching)? = nil
    ) {
        var byLanguage: [String: RuleSet] = [:]
        for r in ruleSets { byLanguage[r.language] = r }
        self.ruleSets = byLanguage
        self.conventions = conventions
        index = places.isEmpty ? nil : PlaceIndex(places: places)
        self.matcher = matcher
        var govs: [(Phrase, String)] = []
        for r in ruleSets.sorted(by: { $0.language < $1.language }) { govs += r.governorates }
        governorates = govs.sorted { $0.0.count > $1.0.count }.map { (phrase: $0.0, governorate: $0.1) }
        var finders: [String: DateFinder] = [:]
        for r in ruleSets {
            let vocab = DateVocabulary(locales: r.icuLocales, rules: [r])
            finders[r.language] = DateFinder(vocabulary: vocab, relative: r.relativeDates, clitics: r.clitics)
        }
        self.finders = finders
        fallbackLanguage = byLanguage["en"] != nil ? "en" : (ruleSets.first?.language ?? "en")
    }

    /// The incidents `document` reports, numbered from 1 in the order they are first mentioned.
    public func extract(_ document: Document) -> [Incident] {
        session().extract(document)
    }

    /// A worker's own ICU objects, for extracting many documents on one thread.
    public func session() -> ExtractionSession { ExtractionSession(extractor: self) }
}

/// One worker's extraction state: the extractor plus the ICU objects it must not share between threads.
public final class ExtractionSession {
    let extractor: Extractor
    let icu = ICUWorker()

    init(extractor: Extractor) { self.extractor = extractor }

    /// The incidents `document` reports.
    public func extract(_ document: Document) -> [Incident] {
        let language = extractor.ruleSets[document.language] != nil ? document.language : extractor.fallbackLanguage
        guard let rules = extractor.ruleSets[language], let finder = extractor.finders[language] else { return [] }
        var reader = DocumentAnalysis(extractor: extractor, rules: rules, finder: finder, icu: icu, document: document)
        return reader.run()
    }
}
