internal import CICU

/// Numbers written in words ("sixteen", "seize", "ستة عشر", "on altı", "sechzehn") read back as integers.
///
/// ```swift
/// let parser = try SpelloutParser(locale: "en")
/// parser.parse("twenty-one")                             // 21
/// let text = "sixteen people were killed"
/// parser.parsePrefix(of: text[...])                      // (16, index of " people")
/// ```
///
/// How it works: at `init` every integer 0...999 (and round thousands and millions) is formatted with each cardinal
/// spellout rule set of the locale (ICU RBNF, `UNUM_SPELLOUT`: masculine and feminine, verbose "one hundred and five"
/// ...) and stored under a folded key. Input words are folded the same way and the longest run of words with a known
/// key wins. Folding: NFKC_Casefold, accents and harakat removed, "-" as a space, Turkish "ı" as "i", and for Arabic
/// the hamza seats, ى/ي, مائة/مئة, a detached "و " joined to the next word, the word-final case endings ـون/ـين/ـان
/// made one (so "ثلاثين" and "اثنين", the oblique forms common in news, match "ثلاثون" and "اثنان"), and a final ة
/// dropped (so the gender forms "ثلاث", "ست عشرة" match "ثلاثة", "ستة عشر", the only ones ICU 72 writes). Larger
/// numbers fall back to ICU's own lenient parse (`unum_parseInt64`), accepted only when it ends on a word boundary,
/// covers more words than the table, and is not an ordinal ("first", "third"). Only words that occur in some number are
/// read, so the scan stops at the first other word.
///
/// Cost (release build, this machine): `init` 7–45 ms ("ar" is the slowest), `parsePrefix` 1–20 µs; ICU's lenient
/// parse alone took 1.5–2.7 ms per call, which is why it is only the fallback.
///
/// An Arabic proclitic on the first word is read through: "وخمسة" (and five) → 5, "بثلاث" (with three) → 3.
///
/// Verified (tests) for en, fr, ar, tr, de, es, it, pt. Limits: "pt" is Brazilian ("dezesseis"; use "pt_PT" for
/// "dezasseis"); words that are not numbers ("dozens", "عشرات", "a hundred") and ordinals give nil; Arabic
/// ICU 72 rules know only the forms listed above (no "بضعة", "a few").
///
/// Not Sendable: the legacy `UNumberFormat` behind it is not documented as thread safe (unum.h), so use one per
/// worker.
public final class SpelloutParser {
    private let handle: OpaquePointer
    /// The locale whose number words are read.
    public let locale: String
    /// What `init` works out from the locale's rules, the same for every parser of the locale.
    private let tables: Tables
    private var phrases: [String: Int] { tables.phrases }
    /// Folded words, compared by their bytes: `fold` gives one spelling per word, so no normalization is needed
    /// to compare, and this set is asked about every word a caller tries.
    private var vocabulary: Set<ByteKey> { tables.vocabulary }
    private var ordinalRuleSets: [String] { tables.ordinalRuleSets }
    private var longestPhrase: Int { tables.longestPhrase }
    /// First words (as written) that `parsePrefix` found no number can start with: news asks about the same
    /// words again and again, and folding one costs more than remembering it. Nearly every call is such a
    /// refusal, so the memo is read on the word's bytes, with no `String` made and no SipHash: a table of
    /// `refusalSlots` entries addressed by an FNV-1a hash of the bytes, each holding the hash and the word
    /// (a newer word takes the slot of an older one).
    private var refusedHashes = [UInt64](repeating: 0, count: SpelloutParser.refusalSlots)
    private var refusedWords = [[UInt8]](repeating: [], count: SpelloutParser.refusalSlots)
    private static let refusalSlots = 4096
    /// Folded forms of the words met (`fold` normalizes with ICU, and news repeats its words). NFKC_Casefold
    /// comes first in `fold`, so canonically equivalent spellings, which `String` keys merge, fold alike.
    /// Keyed by the word's bytes: hashing a `String` key normalizes it first, which costs more than the look-up.
    private var folds: [ByteKey: String] = [:]
    /// ICU's lenient parse (about a millisecond a call) of the exact UTF-16 text it was given.
    private var icuParses: [[UInt16]: (value: Int64, end: Int32, status: Int32)] = [:]
    /// Bound on each memo, so that hostile input cannot grow it without end.
    private static let memoCapacity = 100_000

    /// The phrase table, vocabulary and first folds of one locale: immutable, so built once per process
    /// (about 1000 formatted numbers per rule set, 7–45 ms) and shared by every parser of the locale, each
    /// of which opens its own ICU handle.
    private final class Tables: Sendable {
        let phrases: [String: Int]
        let vocabulary: Set<ByteKey>
        let ordinalRuleSets: [String]
        let longestPhrase: Int
        let folds: [ByteKey: String]

        init(handle: OpaquePointer, locale: String) throws(ICUError) {
            let list = try fillUTF16(capacity: 512, "listing spellout rule sets for '\(locale)'") {
                dest, size, status in
                cicu_spellout_rule_sets(handle, dest, size, &status)
            }
            let names = list.split(separator: ";").map(String.init)
            let cardinal = names.filter {
                ($0.contains("cardinal") || $0.contains("numbering")) && !$0.contains("year")
            }
            ordinalRuleSets = names.filter { $0.contains("ordinal") }
            var phrases: [String: Int] = [:]
            var vocabulary: Set<String> = []
            var longest = 1
            // The same few dozen words spell every number: each is folded once.
            var initFolds: [String: String] = [:]
            func memoFold(_ word: Substring) -> String {
                let w = String(word)
                if let f = initFolds[w] { return f }
                let f = SpelloutParser.fold(word)
                initFolds[w] = f
                return f
            }
            // The words of large round numbers ("thousand", "mille", "آلاف") join the vocabulary, so that ICU's
            // parse is tried on runs that contain them.
            let large = [1_000, 2_000, 3_000, 11_000, 100_000, 1_000_000, 2_000_000, 3_000_000, 1_000_000_000]
            for ruleSet in cardinal {
                for value in Array(0...999) + large {
                    let words = SpelloutParser.words(
                        in: SpelloutParser.format(handle, value, ruleSet)[...], fold: memoFold)
                    if words.isEmpty { continue }
                    longest = max(longest, words.count)
                    vocabulary.formUnion(words.map(\.folded))
                    let key = SpelloutParser.key(words.map(\.folded))
                    if phrases[key] == nil { phrases[key] = value }
                }
            }
            vocabulary.insert("و")
            self.phrases = phrases
            self.vocabulary = Set(vocabulary.map { ByteKey(text: $0) })
            longestPhrase = longest + 2  // room for a detached "و" and "and"
            folds = Dictionary(initFolds.map { (ByteKey(text: $0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Tables per locale, for the life of the process (a handful of locales).
    private static let tableCache = HandleCache<String, Tables>()

    /// Builds the parser for `locale` (the first parser of a locale in the process formats about 1000 numbers
    /// per rule set; later ones share those tables and only open their own ICU handle).
    public init(locale: String) throws(ICUError) {
        self.locale = locale
        var status: Int32 = 0
        let operation = "opening spellout rules for '\(locale)'"
        let handle = try withLocale(locale, operation) { cicu_spellout_open($0, &status) }
        guard let handle, status.isICUSuccess else {
            throw ICUError(code: status.isICUSuccess ? 7 : status, operation: operation)
        }
        do {
            tables = try Self.tableCache.value(for: locale) { () throws(ICUError) -> Tables in
                try Tables(handle: handle, locale: locale)
            }
        } catch {
            cicu_spellout_close(handle)
            throw error
        }
        self.handle = handle
        folds = tables.folds
    }

    /// `fold(word)`, remembered.
    private func memoFold(_ word: Substring) -> String {
        let w = ByteKey(text: String(word))
        if let f = folds[w] { return f }
        let f = Self.fold(word)
        if folds.count < Self.memoCapacity { folds[w] = f }
        return f
    }

    deinit { cicu_spellout_close(handle) }

    /// The number that the whole of `text` (leading and trailing spaces aside) spells, or nil.
    public func parse(_ text: String) -> Int? {
        let trimmed = text.drop { $0.isWhitespace }
        guard let result = parsePrefix(of: trimmed) else { return nil }
        return trimmed[result.end...].allSatisfy(\.isWhitespace) ? result.value : nil
    }

    /// The number spelled by the words at the start of `text` (after leading spaces), and where those words end,
    /// so the caller can read on: "sixteen people were killed" → (16, index before " people").
    public func parsePrefix(of text: Substring) -> (value: Int, end: String.Index)? {
        // A first word met before and refused is refused again without folding it.
        let scalars = text.unicodeScalars
        var firstStart = scalars.startIndex
        while firstStart < scalars.endIndex, Self.isSpace(scalars[firstStart]) {
            firstStart = scalars.index(after: firstStart)
        }
        var firstEnd = firstStart
        while firstEnd < scalars.endIndex, Self.isWordScalar(scalars[firstEnd]) {
            firstEnd = scalars.index(after: firstEnd)
        }
        if firstStart == firstEnd { return nil }
        let firstBytes = text[firstStart..<firstEnd].utf8
        let hash = Self.fnv1a(firstBytes)
        let slot = Int(truncatingIfNeeded: hash) & (Self.refusalSlots - 1)
        if refusedHashes[slot] == hash, refusedWords[slot].elementsEqual(firstBytes) { return nil }
        // Only words that occur in some number can be part of one: this stops at "people" before any lookup.
        var isFirst = true
        var words = Self.words(in: text, limit: longestPhrase, fold: memoFold) { folded in
            defer { isFirst = false }
            return vocabulary.contains(ByteKey(text: folded)) || isFirst && withoutProclitic(folded) != nil
        }[...]
        if words.isEmpty {
            // The first word was read exactly as above, and refused by its fold alone.
            refusedHashes[slot] = hash
            refusedWords[slot] = Array(firstBytes)
            return nil
        }
        var best = tableMatch(words)
        if best == nil, let bare = withoutProclitic(words[words.startIndex].folded) {
            words[words.startIndex].folded = bare
            return tableMatch(words).map { ($0.value, $0.end) }
        }
        // ICU's lenient parse costs about a millisecond: ask it only when it could read more words than the table.
        if words.count > best?.count ?? 0,
           let icu = icuPrefix(text[words.first!.range.lowerBound..<words.last!.range.upperBound], words),
           icu.count > best?.count ?? 0 {
            best = icu
        }
        return best.map { ($0.value, $0.end) }
    }

    /// The 64-bit FNV-1a hash of `bytes`, never 0 (the mark of an empty slot).
    private static func fnv1a(_ bytes: Substring.UTF8View) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        if hashed == nil { for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 } }
        return hash | 1
    }

    /// The longest run of leading words whose key is in the table.
    private func tableMatch(_ words: ArraySlice<Word>) -> (value: Int, end: String.Index, count: Int)? {
        for count in stride(from: words.count, through: 1, by: -1) {
            if let value = phrases[Self.key(words.prefix(count).map(\.folded))] {
                return (value, words[words.startIndex + count - 1].range.upperBound, count)
            }
        }
        return nil
    }

    /// An Arabic word without its one- or two-letter proclitic (و "and", ف "so", ب "with", ل "for", ك "as"), when the
    /// rest is a number word of at least three letters: "بثلاث" → "ثلاث", "وخمسة" → "خمس". Shorter rests are refused
    /// ("لست" is "I am not", not ل + ست).
    private func withoutProclitic(_ folded: String) -> String? {
        // Most words start with no proclitic: refused before any copy.
        guard let first = folded.unicodeScalars.first, Self.proclitics.contains(first) else { return nil }
        let scalars = Array(folded.unicodeScalars)
        for length in 1...2 where scalars.count - length >= 3 {
            guard scalars.prefix(length).allSatisfy(Self.proclitics.contains) else { break }
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: scalars.dropFirst(length))
            let bare = String(rest)
            if vocabulary.contains(ByteKey(text: bare)) { return bare }
        }
        return nil
    }

    private static let proclitics: Set<Unicode.Scalar> = ["\u{0648}", "\u{0641}", "\u{0628}", "\u{0644}", "\u{0643}"]

    /// ICU's lenient parse over the run of words, trimmed to whole words and refused for ordinals.
    private func icuPrefix(
        _ span: Substring, _ words: ArraySlice<Word>
    ) -> (value: Int, end: String.Index, count: Int)? {
        var status: Int32 = 0
        var end: Int32 = 0
        let units = Array(span.utf16)
        let value: Int64
        if let known = icuParses[units] {
            (value, end, status) = known
        } else {
            value = units.withUnsafeBufferPointer {
                cicu_spellout_parse(handle, $0.baseAddress!, Int32($0.count), &end, &status)
            }
            if icuParses.count < Self.memoCapacity { icuParses[units] = (value, end, status) }
        }
        guard status.isICUSuccess, end > 0, let int = Int(exactly: value) else { return nil }
        let endIndex = span.utf16.index(span.startIndex, offsetBy: Int(end))
        let covered = words.prefix { $0.range.upperBound <= endIndex }
        if covered.isEmpty { return nil }
        let key = Self.key(covered.map(\.folded))
        for ruleSet in ordinalRuleSets
        where Self.key(Self.words(in: Self.format(handle, int, ruleSet)[...], fold: memoFold).map(\.folded)) == key {
            return nil
        }
        return (int, covered[covered.endIndex - 1].range.upperBound, covered.count)
    }

    private static func format(_ handle: OpaquePointer, _ value: Int, _ ruleSet: String) -> String {
        let units = Array(ruleSet.utf16)
        let text = try? units.withUnsafeBufferPointer { (name) throws(ICUError) -> String in
            try fillUTF16(capacity: 64, "spelling out \(value)") { dest, capacity, status in
                cicu_spellout_format(handle, Int64(value), name.baseAddress!, Int32(name.count), dest, capacity,
                                     &status)
            }
        }
        return text ?? ""
    }

    // MARK: words and keys

    struct Word {
        var range: Range<String.Index>
        var folded: String
    }

    /// The run of words at the start of `text`: letters and marks, separated only by spaces or hyphens, up to
    /// `limit` words or the first word whose folded form `accept` refuses.
    static func words(
        in text: Substring, limit: Int = .max, fold: (Substring) -> String = SpelloutParser.fold,
        while accept: (String) -> Bool = { _ in true }
    ) -> [Word] {
        var words: [Word] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex, isSpace(scalars[index]) { index = scalars.index(after: index) }
        while index < scalars.endIndex, words.count < limit {
            let start = index
            while index < scalars.endIndex, isWordScalar(scalars[index]) { index = scalars.index(after: index) }
            if start == index { break }
            let folded = fold(text[start..<index])
            if !accept(folded) { break }
            words.append(Word(range: start..<index, folded: folded))
            var next = index
            while next < scalars.endIndex, isSpace(scalars[next]) || isHyphen(scalars[next]) {
                next = scalars.index(after: next)
            }
            if next == index { break }
            index = next
        }
        return words
    }

    /// `isWordScalar` and `isSpace` of each scalar below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic), worked
    /// out once: the general category look-up costs more than the rest of reading a word.
    private static let smallScalars: [(word: Bool, space: Bool)] = (0..<0x800).map { v in
        guard let s = Unicode.Scalar(UInt32(v)) else { return (false, false) }
        return (classifyWordScalar(s), s.properties.isWhitespace)
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x800 ? smallScalars[Int(s.value)].word : classifyWordScalar(s)
    }

    static func classifyWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .format:  // ICU writes soft hyphens inside words ("ein\u{AD}und\u{AD}zwanzig"); folding drops them
            return true
        default:
            return s == "'" || s == "\u{2019}" || s == "\u{0640}"  // apostrophes, Arabic tatweel
        }
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x800 ? smallScalars[Int(s.value)].space : s.properties.isWhitespace
    }
    private static func isHyphen(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "\u{2010}" || s == "\u{2011}" }

    /// The comparison form of one word (see the type's documentation).
    static func fold(_ word: Substring) -> String {
        let folded = (try? Normalizer.nfkcCasefold.normalize(String(word))) ?? word.lowercased()
        let decomposed = (try? Normalizer.nfd.normalize(folded)) ?? folded
        var scalars = String.UnicodeScalarView()
        var arabic = false
        for s in decomposed.unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark || s == "\u{0640}" { continue }
            switch s {
            case "\u{0131}": scalars.append("i")             // Turkish dotless i, often typed as "i"
            case "\u{0629}": scalars.append("\u{0647}")      // ة → ه
            case "\u{0649}": scalars.append("\u{064A}")      // ى → ي
            case "\u{0671}": scalars.append("\u{0627}")      // ٱ → ا
            case "\u{2019}": scalars.append("'")
            default: scalars.append(s)
            }
            if (0x0600...0x06FF).contains(s.value) { arabic = true }
        }
        var result = String(scalars)
        guard arabic else { return result }
        if result.hasPrefix("ماي") { result = "مي" + result.dropFirst(3) }  // مائة, مائتان → مئة, مئتان
        if result.unicodeScalars.count >= 4 {
            for ending in ["ين", "ان"] where result.hasSuffix(ending) {
                result = result.dropLast(2) + "ون"  // case endings of tens and duals
                break
            }
        }
        // ICU 72's Arabic rules write only the forms with ة (ثلاثة, ستة عشر, even in the feminine rule set); the
        // forms without it (ثلاث, ست عشرة) are as common, so the final ة/ه is dropped on both sides.
        if result.unicodeScalars.count >= 3 && result.hasSuffix("\u{0647}") { result.removeLast() }
        return result
    }

    /// Folded words joined by spaces, with a detached Arabic "و" ("and") joined to the word after it.
    static func key(_ folded: [String]) -> String {
        var key = ""
        var glue = false
        for word in folded {
            if !key.isEmpty && !glue { key += " " }
            key += word
            glue = word == "و"
        }
        return key
    }
}

/// A string compared and hashed by its UTF-8 bytes, without the normalization `String`'s own `==` and hash do:
/// for memo keys, where two canonically equivalent spellings may simply be kept apart.
private struct ByteKey: Hashable, Sendable {
    let text: String
    static func == (a: ByteKey, b: ByteKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
