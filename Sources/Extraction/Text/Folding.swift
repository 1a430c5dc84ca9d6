import Foundation
import GazetteModel

/// The folded form words are compared in: lower case, no diacritics, Arabic letter variants joined.
///
/// Rule files, gazetteer names and document text all pass through the same function, so a rule written
/// "Şeyhun" or "قُتل" matches "seyhun" or "قتل" in the text. Folding is not locale-sensitive, so Foundation's
/// diacritic folding is enough here; nothing locale-dependent is decided with it.
enum Folding {
    static func fold(_ word: some StringProtocol) -> String {
        var ascii = true
        for b in word.utf8 where b >= 0x80 {
            ascii = false
            break
        }
        if ascii { return asciiLowercased(word) }
        let base = String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for s in base.unicodeScalars {
            switch s.value {
            case 0x064B...0x065F, 0x0670, 0x0640, 0x0610...0x061A, 0x06D6...0x06ED: continue  // harakat, tatweel
            case 0x0623, 0x0625, 0x0622, 0x0671: out.append("\u{0627}")  // alef forms → ا
            case 0x0649: out.append("\u{064A}")  // ى → ي
            case 0x0629: out.append("\u{0647}")  // ة → ه
            case 0x0624: out.append("\u{0648}")  // ؤ → و
            case 0x0626: out.append("\u{064A}")  // ئ → ي
            case 0x06CC: out.append("\u{064A}")  // Persian yeh
            case 0x06A9: out.append("\u{0643}")  // Persian kaf
            case 0x0131: out.append("i")  // dotless ı
            case 0x0307: continue  // combining dot left by İ
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// `word.lowercased()` for ASCII text, byte by byte: the Unicode case mapping of ASCII is A-Z to a-z, and
    /// `lowercased()` pays for the general case on every word of every Latin-script text.
    static func asciiLowercased(_ word: some StringProtocol) -> String {
        let utf8 = word.utf8
        let n = utf8.count
        return String(unsafeUninitializedCapacity: n) { out in
            var i = 0
            for b in utf8 {
                out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                i += 1
            }
            return n
        }
    }

    /// True when the word is written in Arabic script.
    static func isArabic(_ word: some StringProtocol) -> Bool {
        word.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) || (0x0750...0x077F).contains($0.value) }
    }
}

extension String {
    /// Whether the string is the one ASCII character `byte`: `== "'"` on an Arabic word would first check
    /// whether the two are canonically equivalent.
    @inline(__always)
    func isASCII(_ byte: UInt8) -> Bool { utf8.count == 1 && utf8.first == byte }

    /// Byte-for-byte equality, for folded words (see `ByteKey`): `==` on two different non-ASCII strings first
    /// checks whether they are canonically equivalent, which costs a Unicode table look-up per scalar.
    @inline(__always)
    func sameBytes(_ other: String) -> Bool {
        let n = utf8.count
        guard n == other.utf8.count else { return false }
        return utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                n == 0 || memcmp(a.baseAddress!, b.baseAddress!, n) == 0
            }
        }.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}

/// The folded forms of the non-ASCII words one worker has met. Foundation's diacritic folding is the
/// costliest step of tokenizing Arabic or accented text, and news repeats its words, so each spelling is
/// folded once. Keys compare byte for byte (not by canonical equivalence), so a cached form is always
/// the fold of exactly the same text. One per session: not shared between threads.
final class FoldMemo {
    typealias Bytes = ByteKey

    // One worker's memo, never accessed overlapping: no runtime exclusivity check per word (see `WordMarks`).
    @exclusivity(unchecked) private var folded = WrittenWords<String>()
    /// Per clitic list, the Arabic variants of place-name key words (`PlaceIndex.arabicVariants`).
    @exclusivity(unchecked) private var variantTables: [[String]: VariantTable] = [:]

    /// One clitic list's remembered variants; fetched once per clause, then asked once per Arabic word.
    final class VariantTable {
        let clitics: [String]
        @exclusivity(unchecked) private var variants: [Bytes: [String]] = [:]
        init(clitics: [String]) { self.clitics = clitics }

        /// `PlaceIndex.arabicVariants(of: key, clitics: clitics)`, remembered per exact key.
        func variants(of key: String) -> [String] {
            let k = Bytes(text: key)
            if let v = variants[k] { return v }
            let v = PlaceIndex.arabicVariants(of: key, clitics: clitics)
            if variants.count < FoldMemo.capacity { variants[k] = v }
            return v
        }
    }

    func variantTable(clitics: [String]) -> VariantTable {
        if let t = variantTables[clitics] { return t }
        let t = VariantTable(clitics: clitics)
        variantTables[clitics] = t
        return t
    }
    /// Per clitic list (one per language), the readings of each key (`PhraseTable.readings`).
    @exclusivity(unchecked) private var readings: [[String]: [Bytes: [String]]] = [:]
    /// Enough for the vocabulary of a large corpus; past it words are folded without being kept, so memory
    /// stays bounded on hostile input.
    static let capacity = 200_000

    /// `Folding.fold(word)`.
    func fold(_ word: Substring) -> String {
        // ASCII (most words of Latin-script text): `Folding.asciiLowercased` in one pass over the bytes where
        // they lie, rather than three walks through the substring's UTF-8 view.
        let ascii: String?? = word.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            for b in bytes where b >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return bytes.count
            }
        }
        if let ascii, let lowered = ascii { return lowered }
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return Folding.fold(word) }
        // Looked up by the word's bytes where they lie (`WrittenWords`): no `String` made for a word met before.
        var word = word
        word.makeContiguousUTF8()
        return word.utf8.withContiguousStorageIfAvailable { bytes in
            let hash = WrittenWords<String>.hash(bytes)
            if let f = folded.value(for: bytes, hash: hash) { return f }
            let f = Folding.fold(String(word))
            if folded.count < FoldMemo.capacity { folded.insert(f, for: bytes, hash: hash) }
            return f
        } ?? Folding.fold(String(word))
    }

    /// Fills in the readings of the word tokens (`PhraseTable.readings(of:clitics:)`), each key's worked out
    /// once. The table for the clitic list is looked up once per call, not per token.
    func fillReadings(_ tokens: inout [Token], clitics: [String]) {
        var table = readings.removeValue(forKey: clitics) ?? [:]
        for i in tokens.indices where tokens[i].kind == .word {
            let k = Bytes(text: tokens[i].key)
            if let r = table[k] {
                tokens[i].readings = r
            } else {
                let r = PhraseTable<Bool>.readings(of: tokens[i].key, clitics: clitics)
                if table.count < FoldMemo.capacity { table[k] = r }
                tokens[i].readings = r
            }
        }
        readings[clitics] = table
    }
}
