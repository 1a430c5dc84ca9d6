public import GazetteModel
import ICUKit

/// The comparison forms of one place name, computed once and compared many times.
///
/// Folding: NFKC_Casefold; Latin diacritics removed ("Ma‘arrat an Nu‘mān" → "maarrat an numan", "ş" → "sh");
/// Arabic letter forms unified (أ إ آ ٱ → ا, ى → ي, ة → ه, ی → ي, ک → ك), tatweel, harakat and hamza marks
/// removed; `_`, `-`, `/` and other punctuation separate words; apostrophes and ʿ are dropped (except the French
/// elision "d'", "l'" and Turkish case endings such as "İdlib'in"); text in parentheses (OCHA's disambiguators,
/// "Duma (Duma)") is left out.
///
/// ```swift
/// let key = NameKey("Ma'arat al-Nu'man")
/// key.tokens       // ["maarat", "numan"]
/// key.compact      // "maaratnuman"
/// key.skeletons    // ["MRNMN"]  (vowels dropped, the construct "-at" dropped, see ``skeletons``)
/// ```
public struct NameKey: Sendable, Hashable {
    /// Folded words, with the article as a word of its own and generic words ("town of", مركز) removed.
    public let tokens: [String]
    /// The tokens written together: "Kafr Nabl", "Kafrnabl" and "كفر نبل" / "كفرنبل" agree on it.
    public let compact: String
    /// ``compact`` with the article also stripped where it is attached ("Albab", "Alashara", "الأتارب",
    /// "Adduhour"): the article-optional key.
    public let bare: String
    /// Cross-script consonant skeletons of ``bare``: Latin and Arabic letters map into one consonant-class
    /// alphabet (B T J H D R Z S X=sh G F K L M N), vowels, w, y, ع and ء are dropped, double letters collapse and
    /// the feminine ending (-a/-ah/-eh/-at/ة) is dropped. Spellings whose class is unclear ("ch": French sh,
    /// German kh; a final Latin "-ah"/"-at") give up to four variants.
    public let skeletons: [String]
    /// The meanings of the words that tell places of one name apart ("upper", "small", "east"), sorted.
    public let qualifiers: [String]
    /// Skeletons of the name without those words (empty when it has none): "Upper Baguz" → "BGZ".
    public let coreSkeletons: [String]
    /// Whether the name is written in Arabic script.
    public let isArabic: Bool
    /// The kind of admin unit the name's generic words point to ("Idlib province" → governorate).
    public let kindHint: Place.Kind?
    /// Whether a generic word marks a town or village ("the town of Saraqib", "بلدة").
    public let saysCommunity: Bool
    /// The word that makes the name a facility ("airbase", "مخيم"), when there is one.
    public let facility: String?
    /// Number of Unicode scalars in the input: very long inputs are not place names.
    public let inputLength: Int
    /// ``bare`` as the letters the spelling similarity compares.
    let letters: [UInt32]

    /// Computes the keys of `name`. Never fails: text ICU cannot normalize is lower-cased instead.
    public init(_ name: String) {
        let length = name.unicodeScalars.count
        inputLength = length
        // Place names are short; the keys of the first 200 characters are enough to say "not a place".
        let limited = length > 200 ? String(String.UnicodeScalarView(name.unicodeScalars.prefix(200))) : name
        let raw = Self.fold(limited)
        var facility: String?
        var kind: Place.Kind?
        var community = false
        let roles = raw.map { Vocabulary.roles[$0] }
        for (token, role) in zip(raw, roles) {
            guard let role else { continue }
            if facility == nil, role.isFacility { facility = token }
            if kind == nil, let hint = role.kindHint { kind = hint }
            if role.isCommunityHint { community = true }
        }
        var tokens: [String] = []
        var qualifiers: [String] = []
        for (token, role) in zip(raw, roles) where !(role?.isArticle ?? false) && !(role?.isGeneric ?? false) {
            tokens.append(token)
            if let meaning = role?.qualifier { qualifiers.append(meaning) }
        }
        if tokens.isEmpty {
            for (token, role) in zip(raw, roles) where !(role?.isArticle ?? false) {
                tokens.append(token)
                if let meaning = role?.qualifier { qualifiers.append(meaning) }
            }
        }
        if tokens.isEmpty {
            tokens = raw
            qualifiers = roles.compactMap { $0?.qualifier }
        }
        self.tokens = tokens
        self.facility = facility
        self.kindHint = kind
        self.saysCommunity = community
        compact = tokens.joined()
        let bareTokens = tokens.map(Self.withoutAttachedArticle)
        bare = bareTokens.joined()
        letters = Spelling.letters(bare)
        isArabic = tokens.contains { $0.unicodeScalars.contains { Self.isArabicLetter($0) } }
        skeletons = Skeleton.variants(of: bareTokens)
        self.qualifiers = Array(Set(qualifiers)).sorted()
        if qualifiers.isEmpty {
            coreSkeletons = []
        } else {
            let core = bareTokens.filter {
                Vocabulary.qualifiers[$0] == nil && Vocabulary.qualifiers["ال" + $0] == nil
            }
            coreSkeletons = core.isEmpty ? [] : Skeleton.variants(of: core)
        }
    }

    /// Words of `name` after folding, before articles and generic words are removed.
    static func fold(_ name: String) -> [String] {
        var text: String
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            text = (try? Normalizer.nfkcCasefold.normalize(name)) ?? name.lowercased()
        } else {
            let folded = (try? Normalizer.nfkcCasefold.normalize(name)) ?? name.lowercased()
            var spelled = String.UnicodeScalarView()
            for scalar in folded.unicodeScalars {
                switch scalar.value {
                case 0x15F, 0x219: spelled.append(contentsOf: "sh".unicodeScalars)  // ş ș
                case 0x131: spelled.append("i")  // dotless ı
                case 0xE6: spelled.append(contentsOf: "ae".unicodeScalars)
                case 0x153: spelled.append(contentsOf: "oe".unicodeScalars)
                case 0xF8: spelled.append("o")
                case 0x111: spelled.append("d")
                case 0x142: spelled.append("l")
                case 0x127: spelled.append("h")
                default: spelled.append(scalar)
                }
            }
            text = String(spelled)
            text = (try? Normalizer.nfd.normalize(text)) ?? text
        }
        let scalars = Array(text.unicodeScalars)
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        func flush() {
            if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            i += 1
            switch scalar {
            case "(", "[", "{":
                flush()
                depth += 1
                continue
            case ")", "]", "}":
                flush()
                depth = max(0, depth - 1)
                continue
            default: break
            }
            if depth > 0 { continue }
            if Self.isApostrophe(scalar) {
                let word = String(current)
                if Self.elisions.contains(word) {
                    flush()
                } else {
                    // Turkish writes case endings after an apostrophe ("İdlib'in", "Halep'te"): skip them.
                    var j = i
                    var suffix = ""
                    while j < scalars.count, scalars[j].properties.isAlphabetic {
                        suffix.unicodeScalars.append(scalars[j])
                        j += 1
                    }
                    if !current.isEmpty, Self.turkishEndings.contains(suffix) {
                        i = j
                        flush()
                    }
                }
                continue
            }
            if Self.isDropped(scalar) {
                continue
            } else if let mapped = Self.letter(scalar) {
                current.append(mapped)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// The article attached to a word: "albab" → "bab", "adduhour" → "duhour", "الاتارب" → "اتارب".
    static func withoutAttachedArticle(_ token: String) -> String {
        let scalars = Array(token.unicodeScalars)
        if scalars.count > 3, scalars[0] == "ا", scalars[1] == "ل" {
            return String(String.UnicodeScalarView(scalars[2...]))
        }
        guard scalars.count >= 5, scalars[0] == "a" || scalars[0] == "e" else { return token }
        if scalars[1] == "l", !Self.isLatinVowel(scalars[2]) || scalars.count >= 6 {
            return String(String.UnicodeScalarView(scalars[2...]))
        }
        if "tdrzsln".unicodeScalars.contains(scalars[1]), scalars[2] == scalars[1] {
            return String(String.UnicodeScalarView(scalars[2...]))
        }
        return token
    }

    static let elisions: Set<String> = ["d", "l", "dell", "all", "nell", "sull", "dall", "qu", "s", "j"]
    static let turkishEndings: Set<String> = [
        "in", "ın", "un", "ün", "nin", "nın", "de", "da", "te", "ta", "den", "dan", "ten", "tan", "e", "a", "ye", "ya",
        "i", "ı", "u", "ü", "yi", "yı", "deki", "daki", "teki", "taki", "li", "lı", "lu", "lü", "le", "la", "ndeki",
        "ndaki", "nde", "nda", "ne", "na", "yla", "yle", "ya", "s", "nun", "nün",
    ]

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2018, 0x2019, 0x201B, 0x2032, 0x2035, 0x5F3,
            0x55A:
            return true
        default: return false
        }
    }

    static func isLatinVowel(_ s: Unicode.Scalar) -> Bool { "aeiouy".unicodeScalars.contains(s) }

    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool { (0x620...0x64A).contains(s.value) || s.value == 0x671 }

    /// Marks and invisible characters: dropped without separating words.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        // ASCII and the Arabic letters and harakat without the Unicode tables: nearly every scalar of a name.
        switch s.value {
        case 0..<0x80: return false
        case 0x621, 0x640: return true
        case 0x622...0x64A: return false
        case 0x64B...0x65F, 0x670: return true
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return s.value == 0x640 || s.value == 0x621  // tatweel, a hamza on its own
        }
    }

    /// The folded form of a letter or digit, or nil when the scalar separates words.
    static func letter(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x671, 0x622, 0x623, 0x625: return "ا"
        case 0x649, 0x6CC, 0x626: return "ي"
        case 0x629, 0x6C0, 0x6C1, 0x6D5: return "ه"
        case 0x624: return "و"
        case 0x6A9: return "ك"
        case 0x660...0x669: return Unicode.Scalar(s.value - 0x660 + 0x30)
        case 0x6F0...0x6F9: return Unicode.Scalar(s.value - 0x6F0 + 0x30)
        case 0x621, 0x640: return nil
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x627...0x63A, 0x641...0x64A: return s
        case 0..<0x80: return nil
        default:
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil { return s }
            return nil
        }
    }
}
