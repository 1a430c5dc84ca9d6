/// The words of extraction for one language, read from `Locales/<lang>/extraction.rules`.
///
/// The file format is described in `Locales/README.md`: `[section]` headers, one entry per line,
/// `phrase = value` where a section takes a value, `#` comments. Phrases are matched on folded
/// words (case, diacritics and Arabic letter variants ignored); a word ending in `*` matches any word
/// it begins, and `#` stands for a number in quantifier patterns.
///
/// ```swift
/// let rules = try RuleSet(parsing: text, language: "en")
/// rules.killed.first?.phrase   // ["killed"]
/// ```
public struct RuleSet: Sendable, Hashable {
    /// ISO 639-1 code of the language the words belong to.
    public var language: String
    /// Words of killing and dying; `position` says on which side of the number they may stand.
    public var killed: [CasualtyWord]
    /// Words of injury (wounded, injured, affected by gas).
    public var injured: [CasualtyWord]
    /// Phrases that count killed and injured together ("casualties", "قتيل وجريح"): a number next to
    /// them is not split.
    public var combined: [Phrase]
    /// Nouns for the people counted ("civilians", "people"): a count may stand between them and the number.
    public var victims: [Phrase]
    /// Patterns around a number (`at least #`, `more than #`, `between # and #`) and what they mean.
    public var quantifiers: [QuantifierRule]
    /// Words that stand for a vague amount ("dozens", "عشرات"); the value is a key of the conventions table.
    public var vagueAmounts: [(phrase: Phrase, convention: String)]
    /// Number words ICU's spellout rules do not parse (dual forms "مدنيان", "a dozen").
    public var numberWords: [(phrase: Phrase, value: Int)]
    /// Phrases that introduce a place name ("the town of", "بلدة") and how strongly they do so.
    public var placeCues: [PlaceCue]
    /// Patterns that locate a governorate: `rural @`, `@ province`, `ريف @` (`@` is the governorate).
    public var contextPatterns: [Phrase]
    /// Words that may precede a context pattern and belong to it ("western", "الغربي").
    public var directions: [Phrase]
    /// Governorate names as written in this language, mapped to the label spelling (`Idleb = Idlib`).
    public var governorates: [(phrase: Phrase, governorate: String)]
    /// Words for attackers, mapped to a small vocabulary (`Russian jets = Russian air force`).
    public var perpetrators: [(phrase: Phrase, term: String)]
    /// Words for means of attack, mapped to a small vocabulary (`barrel bomb* = barrel bombs`).
    public var weapons: [(phrase: Phrase, term: String)]
    /// Words for who the victims were, mapped to a small vocabulary (`children = children`, `أطفال = children`):
    /// "killing 16 people, mostly women and children" records women and children.
    public var victimCategories: [(phrase: Phrase, term: String)]
    /// Words that report an attack even without a figure ("bombed", "targeted", "غارة").
    public var attacks: [Phrase]
    /// Relative day words: the value is days from the dateline (`yesterday = -1`) or `week`.
    public var relativeDates: [(phrase: Phrase, offset: RelativeDate)]
    /// Phrases that mark an earlier event mentioned in passing ("another massacre", "last month").
    public var background: [Phrase]
    /// Phrases that separate clauses reporting different places (", while", "، فيما").
    public var clauseBreaks: [Phrase]
    /// Words that are never place names, though a gazetteer entry is spelled like them.
    public var notPlaces: Set<String>
    /// Month and weekday forms ICU lacks (Maghrebi `جوان = 6`; weekdays `w1` ... `w7`).
    public var extraMonths: [(word: String, month: Int)]
    /// Extra weekday forms (ISO numbering, 1 = Monday), for spellings ICU lacks.
    public var extraWeekdays: [(word: String, weekday: Int)]
    /// Phrases that say nobody died or was hurt ("no casualties"): a figure of zero.
    public var noCasualties: [Phrase]
    /// Single letters joined to the next word in this language's script (Arabic و ب ل ف ك), stripped when
    /// a word does not match as written.
    public var clitics: [String]
    /// The ICU locales for spellout parsing and month names (`ar_SY`, `ar`), most specific first.
    public var icuLocales: [String]
    /// Words that join clauses ("and", "et", "ve"): a casualty word is not read across them.
    public var conjunctions: Set<String>
    /// Words that begin multi-word place names ("Kafr", "Khan", "كفر", "خان").
    public var compoundHeads: Set<String>
    /// Elided articles written before an apostrophe (`d`, `l`): not part of the name after them.
    public var elisions: Set<String>
    /// True for languages whose case suffixes follow an apostrophe (Turkish `İdlib'in`).
    public var apostropheSuffix: Bool
    /// Words after which a date starts a period rather than naming a day ("since", "منذ", "depuis").
    public var dateBlockers: [Phrase]
    /// Words that introduce part of a count ("including", "بينهم", "dont"): the numbers after them are not
    /// separate tolls.
    public var subgroups: [Phrase]
    /// Whether places listed together as hit get one row each (`[locale] listed_places = separate`, the
    /// convention of the non-English labels) or share one row (`together`, the English one).
    public var separateListedPlaces: Bool
    /// How many words after a number a casualty word may stand (German puts the verb last: larger).
    public var forwardWindow: Int
    /// Words right after a number that make it part of a toll given elsewhere ("two of the dead").
    public var parts: [Phrase]
    /// Frequent function words, counted to recognise the language of a document.
    public var stopwords: Set<String>

    /// An empty rule set for `language`.
    public init(language: String) {
        self.language = language
        killed = []
        injured = []
        combined = []
        victims = []
        quantifiers = []
        vagueAmounts = []
        numberWords = []
        placeCues = []
        contextPatterns = []
        directions = []
        governorates = []
        perpetrators = []
        weapons = []
        victimCategories = []
        attacks = []
        relativeDates = []
        background = []
        clauseBreaks = []
        notPlaces = []
        extraMonths = []
        extraWeekdays = []
        noCasualties = []
        clitics = []
        icuLocales = [language]
        stopwords = []
        conjunctions = []
        compoundHeads = []
        elisions = []
        apostropheSuffix = false
        dateBlockers = []
        subgroups = []
        parts = []
        forwardWindow = 7
        separateListedPlaces = false
    }

    /// Rule sets are equal when their canonical dumps are.
    public static func == (a: RuleSet, b: RuleSet) -> Bool { a.description == b.description }
    /// Hashes the canonical dump.
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// A canonical dump of the rules, used for equality and debugging.
    public var description: String {
        var parts: [String] = [language]
        parts.append(killed.map { "\($0.phrase)\($0.position)" }.joined(separator: ","))
        parts.append(injured.map { "\($0.phrase)\($0.position)" }.joined(separator: ","))
        parts.append(quantifiers.map { "\($0.pattern)\($0.meaning)" }.joined(separator: ","))
        parts.append(placeCues.map { "\($0.phrase)\($0.strength)" }.joined(separator: ","))
        parts.append(governorates.map { "\($0.phrase)\($0.governorate)" }.joined(separator: ","))
        parts.append(perpetrators.map { "\($0.phrase)\($0.term)" }.joined(separator: ","))
        parts.append(weapons.map { "\($0.phrase)\($0.term)" }.joined(separator: ","))
        parts.append(victimCategories.map { "\($0.phrase)\($0.term)" }.joined(separator: ","))
        return parts.joined(separator: "|")
    }

}

/// A sequence of folded words; a word ending in `*` matches any word it begins.
public typealias Phrase = [String]

/// A casualty word and the side of the number it may stand on.
public struct CasualtyWord: Sendable, Hashable {
    /// Where the word stands relative to the number it qualifies.
    public enum Position: String, Sendable, Hashable {
        /// "killing 16": the word comes first.
        case before
        /// "16 were killed": the word comes after.
        case after
        /// either side ("killed 16", "16 killed").
        case both
    }

    /// The folded words.
    public var phrase: Phrase
    /// Where the word stands relative to the number.
    public var position: Position

    /// A casualty word at `position`.
    public init(phrase: Phrase, position: Position) {
        self.phrase = phrase
        self.position = position
    }
}

/// What a quantifier does to the number it governs.
public enum QuantifierMeaning: String, Sendable, Hashable, CaseIterable {
    /// "at least N": low N, no high.
    case min
    /// "more than N": low N + the convention's offset (1), no high.
    case above
    /// "nearly N", "up to N": no low, high N.
    case max
    /// "about N": low N, high N (approximate).
    case about
    /// "between N and M": low N, high M.
    case range
    /// "exactly N".
    case exact
}

/// A pattern around numbers (`at least #`) and its meaning.
public struct QuantifierRule: Sendable, Hashable {
    /// Folded words with `#` for each number slot.
    public var pattern: Phrase
    /// What the pattern does to the number.
    public var meaning: QuantifierMeaning

    /// A quantifier rule.
    public init(pattern: Phrase, meaning: QuantifierMeaning) {
        self.pattern = pattern
        self.meaning = meaning
    }
}

/// A phrase that introduces (or follows) a place name.
public struct PlaceCue: Sendable, Hashable {
    /// How much a cue vouches for the word after it being a place.
    public enum Strength: String, Sendable, Hashable {
        /// "the town of", "بلدة": the next words are a place even if the gazetteer is unsure.
        case strong
        /// "in", "on", "في": the next words are a place only if the gazetteer knows them.
        case weak
        /// "town", "village", "kasabası" written after the name.
        case after
        /// "rural", "ريف" before a name: the name locates another place ("in rural Maarat al-Numan"); it is
        /// context, not a place hit.
        case context
        /// "countryside" after a name ("X village in Maarat al-Numan countryside"): the same, written after.
        case contextAfter = "context_after"
    }

    /// The folded words of the cue.
    public var phrase: Phrase
    /// How much the cue vouches for a name.
    public var strength: Strength

    /// A place cue.
    public init(phrase: Phrase, strength: Strength) {
        self.phrase = phrase
        self.strength = strength
    }
}

/// A relative date word's meaning.
public enum RelativeDate: Sendable, Hashable {
    /// Days from the dateline: 0 today, -1 yesterday.
    case days(Int)
    /// Somewhere in the seven days ending on the dateline ("last week", "over the weekend").
    case week
}
