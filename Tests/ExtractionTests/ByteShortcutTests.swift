import Foundation
import Testing

@testable import Extraction

/// The byte searches that replaced character walks in reading a document find what the walks found.
@Suite struct ByteShortcutTests {
    /// Texts with the searched bytes next to combining marks, prepended marks, multi-byte scalars, CR LF,
    /// at either end, and not at all.
    static let texts: [String] = [
        "", "\n", "a", "TITLE: x\nLANG: en\n\nbody", "no colon here\nsecond: line",
        "x:\u{301}y\n\u{301}z", "\u{600}:a\n", "عنوان: قصف\r\nنص", "dir/sub\u{301}/file.txt", "/", "a/", "//x",
        "\u{600}/name.txt", "path/é/ü.md", "/tmp/dir/doc-1.html", "plain", "caf\u{E9}/\u{301}x/y",
    ]

    @Test(arguments: texts)
    func firstByteIsTheFirstByteOfTheView(text: String) {
        for byte in [UInt8(ascii: "\n"), UInt8(ascii: ":"), UInt8(ascii: "/"), 0x0D] {
            #expect(text.firstIndex(ofByte: byte) == text.utf8.firstIndex(of: byte))
            #expect(text.containsByte(byte) == text.utf8.contains(byte))
            // From every scalar boundary to the end, and up to every boundary.
            for i in text.unicodeScalars.indices {
                #expect(text.firstIndex(ofByte: byte, in: i..<text.endIndex) == text.utf8[i...].firstIndex(of: byte))
                #expect(text.firstIndex(ofByte: byte, in: text.startIndex..<i) == text.utf8[..<i].firstIndex(of: byte))
            }
        }
    }

    /// `baseName` as it was written before the byte search: the last "/" character, else `split`.
    static func referenceBaseName(_ fileName: String) -> String {
        if let slash = fileName.lastIndex(of: "/") {
            let base = fileName[fileName.index(after: slash)...]
            if !base.isEmpty { return String(base) }
        }
        return fileName.split(separator: "/").last.map(String.init) ?? fileName
    }

    @Test(arguments: texts)
    func baseNameAgreesWithTheCharacterWalk(fileName: String) {
        #expect(DocumentReader.baseName(fileName) == Self.referenceBaseName(fileName))
        #expect(DocumentReader.baseName(fileName + "/") == Self.referenceBaseName(fileName + "/"))
    }

    /// `replacingCRLF` with the byte test gives what the scalar test gave: the text itself without a CR.
    @Test func replacingCRLFKeepsTextWithoutCR() {
        #expect("a\nb".replacingCRLF == "a\nb")
        #expect("a\r\nb\rc".replacingCRLF == "a\nb\nc")
        #expect("ب\u{301}\r\n".replacingCRLF == "ب\u{301}\n")
    }

    /// Header lines are found as before: key lines up to an empty line; prose (with or without a colon, or a
    /// colon joined to a mark) is no header.
    @Test func headerLinesStillReadHeadersAndRefuseProse() {
        let (h, rest) = DocumentReader.headerLines(of: "TITLE: Strike\nLANG: en\n\nBody text.")
        #expect(h.map(\.0) == ["title", "lang"])
        #expect(h.map(\.1) == ["Strike", "en"])
        #expect(rest == "Body text.")
        #expect(DocumentReader.headerLines(of: "A long first line of prose\n\nmore").0.isEmpty)
        #expect(DocumentReader.headerLines(of: "Warning: prose with a colon\n\nmore").0.isEmpty)
        #expect(DocumentReader.headerLines(of: "LANG:\u{301} en\n\nmore").0.isEmpty)
        #expect(DocumentReader.headerLines(of: "LANG: en").0.isEmpty)
    }

    /// Non-ASCII punctuation keys from the `switch` match the `String.contains` tests they replaced.
    @Test func punctuationKeysAsBefore() {
        func reference(_ c: Character) -> String {
            var k = String(c)
            if "’‘ʼ`´".contains(c) { k = "'" }
            if "‐‑–—".contains(c) { k = "-" }
            if c == "،" { k = "," }
            if c == "؛" { k = ";" }
            return k
        }
        let text = "a’b ‘c ʼd ´e ‐f ‑g –h —i ،j ؛k «l» “m” …n ´\u{301}o —\u{301}p"
        for t in Tokenizer.tokens(of: text) where t.kind == .punctuation {
            #expect(t.key == reference(text[t.range.lowerBound]), "\(text[t.range])")
        }
    }

    /// The article tests by comparison say what the sets say, for their members and for other short keys.
    @Test func articleTestsAgreeWithTheSets() {
        let keys = PlaceIndex.articles.union(PlaceIndex.assimilated).union([
            "", "a", "l", "e", "the", "of", "in", "ال", "é", "al\u{301}", "aş", "ah", "ab", "AL", "\u{212A}",
        ])
        for key in keys {
            #expect(PlaceIndex.isArticle(key) == PlaceIndex.articles.contains(key), "\(key)")
            #expect(PlaceIndex.isAssimilated(key) == PlaceIndex.assimilated.contains(key), "\(key)")
        }
    }

    /// A worker's memo folds ASCII words on their bytes as `Folding.fold` does, and other words as before.
    @Test func memoFoldAgreesWithFolding() {
        let memo = FoldMemo()
        let text = "Al-Atareb KILLED 13 Ma'arrat ÉTÉ Şeyhun قُتل بالأتارب ab\u{301}c ZZ a"
        for t in Tokenizer.tokens(of: text) where t.kind == .word {
            let raw = text[t.range]
            #expect(memo.fold(raw) == Folding.fold(raw), "\(raw)")
            #expect(memo.fold(raw).utf8.elementsEqual(Folding.fold(raw).utf8), "\(raw)")
        }
    }

    /// The parenthesis that ends a gazetteer name's usable part is the one the character walk finds.
    @Test func firstParenthesisAgreesWithTheCharacterWalk() {
        for name in [
            "Atareb (town)", "Atareb", "(x)", "a(", "تل (1)", "x(\u{301}y) (z)", "\u{600}(a) (b)", "é(", "(\u{301}",
            "Kafr Nubl (Idlib)", "",
        ] {
            #expect(PlaceIndex.firstParenthesis(in: name) == name.firstIndex(of: "("), "\(name)")
        }
    }

    /// Header keys decided on their bytes pass exactly when the character tests pass them.
    @Test func asciiHeaderKeysAgreeWithTheCharacterTests() {
        func reference(_ key: Substring) -> Bool {
            !key.isEmpty && key.count <= 24 && key.first!.isLetter
                && key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                && key.allSatisfy({ $0.isASCII })
                && (key.allSatisfy({ !$0.isLetter || $0.isUppercase })
                    || DocumentReader.knownHeaderKeys.contains(key.lowercased()))
        }
        for key in [
            "", "LANG", "Lang", "lang", "Title", "URL", "X_ID-2", "2X", "Warning", "A B", "A\rB", "ABCDEFGHIJKLMNOPQRSTUVWXY",
            "ABCDEFGHIJKLMNOPQRSTUVWX", "Published", "dateline", "_X", "-X", "X.Y", "ÉTÉ", "LANGé", "عنوان",
        ] {
            let k = Substring(key)
            if let fast = DocumentReader.asciiHeaderKey(k) { #expect(fast == reference(k), "\(key)") }
        }
        #expect(DocumentReader.asciiHeaderKey("ÉTÉ") == nil)
    }

    /// Tag names read from ASCII bytes are the names the character reading gives.
    @Test func asciiTagNamesAgreeWithTheCharacterReading() {
        let tags = [
            "", "/", "p", "/p", "DIV class=\"x\"", "h1", "/H2 ", "br/", "meta name=\"date\"", "!doctype html", "a\u{301}",
            "/\u{301}p", "p\u{301}", "span1x", "é", "/é", "ab-cd", "تاريخ", "x\u{600}", "title", "/title",
        ]
        for tag in tags {
            let closing = tag.hasPrefix("/")
            let name = (closing ? tag.dropFirst() : Substring(tag)).prefix { $0.isLetter || $0.isNumber }.lowercased()
            var copy = tag
            copy.withUTF8 { chars in
                if let fast = HTMLText.asciiTagName(chars, from: 0, to: chars.count) {
                    #expect(fast.closing == closing, "\(tag)")
                    #expect(fast.name == name, "\(tag)")
                }
            }
        }
        var plain = "/DIV class"
        plain.withUTF8 { #expect(HTMLText.asciiTagName($0, from: 0, to: $0.count)?.name == "div") }
    }

    /// The language detector's table of alphabetic scalars is the Unicode property.
    @Test func alphabeticTableIsTheProperty() {
        for v in 0..<0x800 {
            let expected = Unicode.Scalar(UInt32(v)).map { $0.properties.isAlphabetic } ?? false
            #expect(LanguageDetector.alphabetic[v] == expected, "U+\(String(v, radix: 16))")
        }
    }
}
