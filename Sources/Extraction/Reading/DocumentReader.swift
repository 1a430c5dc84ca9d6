import Foundation
public import GazetteModel

/// A file (or one JSON Lines record) that could not be read, and what to do about it.
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name given to the reader.
    public var file: String
    /// 1-based line of a JSON Lines file, when the problem is one record.
    public var line: Int?
    /// What went wrong and what to do about it.
    public var message: String

    /// An error about `file` (and `line` of a JSON Lines file).
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message`.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// What reading one file gave: its documents (one, or one per JSON Lines record) and the records that
/// could not be read.
public struct ReadResult: Sendable, Hashable {
    /// The documents read, in file order.
    public var documents: [Document]
    /// Per-record problems (a bad JSON line); the other records are still in `documents`.
    public var errors: [ReadError]

    /// A result of documents and per-record errors.
    public init(documents: [Document], errors: [ReadError]) {
        self.documents = documents
        self.errors = errors
    }
}

/// Turns the bytes of a file into `Document`s: decoding, header lines, markup, language and dateline.
///
/// The reader never touches the file system: the caller passes the bytes and the file name (whose extension
/// picks the format: `.html`/`.htm`, `.md`, `.jsonl`/`.ndjson`, anything else plain text).
///
/// ```swift
/// let reader = DocumentReader(ruleSets: [english, arabic])
/// let result = try reader.read(Array(data), fileName: "en-002.txt")
/// result.documents[0].dateline   // 2017-04-10
/// ```
public struct DocumentReader: Sendable {
    let ruleSets: [RuleSet]
    /// Largest single document read, in bytes (a JSON Lines file may be larger: the limit is per record).
    public let maximumDocumentBytes: Int
    let datelineFinders: [String: DateFinder]
    let generalFinder: DateFinder
    /// The rule sets' stop words by word, for language detection (nil past 64 languages).
    let stopwords: Stopwords?

    /// `ruleSets` give the stop words for language detection and the extra month names; month and weekday
    /// names themselves come from ICU for each rule set's locales.
    ///
    /// `maximumDocumentBytes` bounds one document (a press release is a few kilobytes; a 50 MB "document" is
    /// a dump to split, and reading it as one text would only produce noise slowly).
    public init(ruleSets: [RuleSet], maximumDocumentBytes: Int = 10_000_000) {
        self.ruleSets = ruleSets.sorted { $0.language < $1.language }
        self.maximumDocumentBytes = maximumDocumentBytes
        let counted = self.ruleSets.filter { !$0.stopwords.isEmpty && $0.language != "ar" }
        stopwords = counted.count <= 64 ? Stopwords(self.ruleSets) : nil
        var finders: [String: DateFinder] = [:]
        let english = ruleSets.first { $0.language == "en" }
        // Every vocabulary below asks for English and Arabic names: each locale's are read from ICU once.
        var known: [String: DateVocabulary.LocaleNames] = [:]
        func names(_ locale: String) -> DateVocabulary.LocaleNames {
            if let n = known[locale] { return n }
            let n = DateVocabulary.localeNames(locale)
            known[locale] = n
            return n
        }
        for r in ruleSets {
            // Datelines in any language's pages are often in English or Arabic too.
            let locales = r.icuLocales + ["en", "ar"]
            let arabic = ruleSets.first { $0.language == "ar" }
            let vocab = DateVocabulary(
                locales: locales, rules: [r] + [english, arabic].compactMap { $0 }, names: names)
            finders[r.language] = DateFinder(vocabulary: vocab, relative: [], clitics: r.clitics)
        }
        datelineFinders = finders
        let allLocales = ruleSets.flatMap(\.icuLocales)
        generalFinder = DateFinder(
            vocabulary: DateVocabulary(
                locales: allLocales.isEmpty ? ["en"] : allLocales, rules: ruleSets, names: names),
            relative: [], clitics: ["و", "ب", "ل", "ف"])
    }

    /// Reads one file. Throws when the whole file is unusable (empty, binary); a bad JSON Lines record is
    /// reported in `errors` and the other records are still read.
    public func read(_ bytes: [UInt8], fileName: String) throws(ReadError) -> ReadResult {
        try read(bytes, fileName: fileName, folds: nil)
    }

    /// `read(_:fileName:)` for a worker that extracts what it reads with `session`: the words folded to
    /// detect the language and find the dateline are remembered with the session's (same result, less work).
    public func read(_ bytes: [UInt8], fileName: String, using session: ExtractionSession) throws(ReadError)
        -> ReadResult
    {
        try read(bytes, fileName: fileName, folds: session.memo.folds)
    }

    func read(_ bytes: [UInt8], fileName: String, folds: FoldMemo?) throws(ReadError) -> ReadResult {
        let stem = DocumentReader.stem(of: fileName)
        guard !bytes.isEmpty else {
            throw ReadError(
                file: fileName,
                message: "the file is empty (0 bytes); nothing to read — check that it "
                    + "was saved completely, or remove it from the input")
        }
        let ext0 = DocumentReader.extension(of: fileName)
        if bytes.count > maximumDocumentBytes, ext0 != "jsonl", ext0 != "ndjson" {
            throw ReadError(
                file: fileName,
                message: "the file is \(bytes.count / 1_000_000) MB, more than the "
                    + "\(maximumDocumentBytes / 1_000_000) MB a single document may have; split it into documents "
                    + "(or JSON Lines, one record per line)")
        }
        // Most files have no NUL byte at all: memchr says so before any counting.
        let head = min(bytes.count, 65_536)
        let hasNul = bytes.withUnsafeBufferPointer { memchr($0.baseAddress!, 0, head) != nil }
        let nulCount = hasNul ? bytes.prefix(65_536).reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : 0
        let isUTF16 =
            bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if nulCount > 0, !isUTF16 {
            throw ReadError(
                file: fileName,
                message: "this looks like a binary file (\(nulCount) NUL bytes in the "
                    + "first 64 KB), not text; give Gazette plain text, Markdown, HTML or JSON Lines (UTF-8 or UTF-16 "
                    + "with a byte-order mark)")
        }
        let decoded = TextDecoding.decode(bytes)
        var warnings: [String] = []
        if !decoded.invalidOffsets.isEmpty {
            let shown = decoded.invalidOffsets.prefix(5).map(String.init).joined(separator: ", ")
            let more = decoded.invalidOffsets.count > 5 ? " and \(decoded.invalidOffsets.count - 5) more" : ""
            warnings.append(
                "\(decoded.invalidOffsets.count) invalid \(decoded.encoding) byte "
                    + "sequence(s) replaced with U+FFFD at byte offset \(shown)\(more)")
        }
        // Scalars and control characters counted in one pass, on the UTF-8 bytes where they lie: a scalar is a
        // byte that is no continuation byte, and a scalar below U+0020 is a single byte below 0x20.
        var scalars = 0
        var controls = 0
        let counted: Void? = decoded.text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes {
                if b & 0xC0 != 0x80 { scalars += 1 }
                if b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { controls += 1 }
            }
        }
        if counted == nil {
            for s in decoded.text.unicodeScalars {
                scalars += 1
                if s.value < 0x20 && s != "\n" && s != "\r" && s != "\t" { controls += 1 }
            }
        }
        let scalarCount = max(1, scalars)
        if decoded.invalidOffsets.count * 3 > scalarCount || controls * 10 > scalarCount {
            throw ReadError(
                file: fileName,
                message: "this looks like a binary file, not text (\(decoded.invalidOffsets.count) "
                    + "invalid byte sequences, \(controls) control characters); give Gazette plain text, Markdown, "
                    + "HTML or JSON Lines")
        }
        let text = decoded.text.replacingCRLF
        if text.allSatisfy({ $0.isWhitespace }) {
            throw ReadError(file: fileName, message: "the file holds only white space; nothing to read")
        }
        let ext = DocumentReader.extension(of: fileName)
        if ext == "jsonl" || ext == "ndjson" {
            return readJSONLines(text, fileName: fileName, stem: stem, warnings: warnings, folds: folds)
        }
        var metadata: [String: String] = [:]
        let (headers, rest) = DocumentReader.headerLines(of: text)
        for (k, v) in headers { metadata[k] = v }
        var body = rest
        var title: String? = nil
        // Only the first 14 characters are compared; a few more keep their grapheme breaks as in the whole text.
        let trimmedStart = rest.drop { $0.isWhitespace }.prefix(20).lowercased()
        if ext == "html" || ext == "htm" || ext == "xhtml" || trimmedStart.hasPrefix("<!doctype html")
            || trimmedStart.hasPrefix("<html")
        {
            let html = HTMLText.extract(rest)
            body = html.text
            title = html.title
            if let l = html.language, metadata["lang"] == nil { metadata["lang"] = l }
            if let p = html.published, metadata["published"] == nil { metadata["published"] = p }
        } else if ext == "md" || ext == "markdown" {
            let md = MarkdownText.extract(rest)
            body = md.text
            title = md.title
        }
        if body.allSatisfy({ $0.isWhitespace }) {
            throw ReadError(file: fileName, message: "no text left after removing markup and header lines")
        }
        let doc = makeDocument(
            id: stem, origin: fileName, metadata: metadata, title: title, body: body,
            warnings: warnings, folds: folds)
        return ReadResult(documents: [doc], errors: [])
    }

    func readJSONLines(
        _ text: String, fileName: String, stem: String, warnings: [String], folds: FoldMemo? = nil
    ) -> ReadResult {
        var docs: [Document] = []
        var errors: [ReadError] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            if line.utf8.count > maximumDocumentBytes {
                errors.append(
                    ReadError(
                        file: fileName, line: lineNumber,
                        message: "the record is larger than "
                            + "\(maximumDocumentBytes / 1_000_000) MB; split it"))
                continue
            }
            let object: [String: Any]
            do {
                guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    errors.append(
                        ReadError(
                            file: fileName, line: lineNumber,
                            message: "expected a JSON object "
                                + "with a \"text\" field"))
                    continue
                }
                object = o
            } catch {
                errors.append(
                    ReadError(
                        file: fileName, line: lineNumber,
                        message: "not valid JSON; each line must "
                            + "be one JSON object with a \"text\" field"))
                continue
            }
            guard let body = (object["text"] ?? object["body"] ?? object["content"]) as? String,
                !body.allSatisfy({ $0.isWhitespace })
            else {
                errors.append(
                    ReadError(
                        file: fileName, line: lineNumber,
                        message: "the record has no \"text\" "
                            + "field (a non-empty string)"))
                continue
            }
            var metadata: [String: String] = [:]
            for (k, v) in object where k != "text" {
                if let s = v as? String {
                    metadata[k.lowercased()] = s
                } else if let n = v as? NSNumber {
                    metadata[k.lowercased()] = n.stringValue
                }
            }
            if let d = metadata["date"], metadata["published"] == nil { metadata["published"] = d }
            let id = metadata["id"] ?? "\(stem):\(lineNumber)"
            var doc = makeDocument(
                id: id, origin: "\(fileName):\(lineNumber)", metadata: metadata,
                title: metadata["title"], body: body, warnings: warnings, folds: folds)
            doc.warnings = warnings
            docs.append(doc)
        }
        return ReadResult(documents: docs, errors: errors)
    }

    func makeDocument(
        id: String, origin: String, metadata: [String: String], title: String?, body: String, warnings: [String],
        folds: FoldMemo? = nil
    ) -> Document {
        var metadata = metadata
        let language: String
        if let l = metadata["lang"] ?? metadata["language"], !l.isEmpty {
            language = String(l.prefix(2)).lowercased()
        } else {
            language = LanguageDetector.detect(body, ruleSets: ruleSets, folds: folds, stopwords: stopwords)
            metadata["lang_detected"] = language
        }
        let dl = dateline(body: body, metadata: metadata, language: language, folds: folds)
        if let dl {
            metadata["dateline_source"] = dl.source
            metadata["dateline_precision"] = dl.reference.precision.rawValue
        }
        return Document(
            id: id, origin: origin, metadata: metadata, language: language, dateline: dl?.reference.date,
            title: title, body: body, warnings: warnings)
    }

    /// The publication date: a `DATE:`/`published` header, a full date in the first lines, the URL, or an
    /// archive's ` date 2017-04` line (month precision), in that order.
    func dateline(
        body: String, metadata: [String: String], language: String, folds: FoldMemo? = nil
    )
        -> (reference: DateReference, source: String)?
    {
        let finder = datelineFinders[language] ?? generalFinder
        for key in ["date", "published", "dateline", "pubdate"] {
            guard let v = metadata[key] else { continue }
            if let d = CivilDate(iso: v.prefix(10)) { return (DateReference(date: d, precision: .day), "header") }
            for m in finder.mentions(in: Tokenizer.tokens(of: v, folds: folds)) {
                if case .full(let d) = m.kind { return (DateReference(date: d, precision: .day), "header") }
            }
        }
        var archive: DateReference? = nil
        var lines = 0
        // Lines are taken one at a time (not `split`, which would cut the whole body for 15 lines).
        var rest = body[...]
        while !rest.isEmpty {
            let lineEnd = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<lineEnd]
            rest = lineEnd == rest.endIndex ? rest[lineEnd...] : rest[rest.index(after: lineEnd)...]
            let t = line.trimmingSpaces
            if t.isEmpty { continue }
            lines += 1
            if lines > 15 { break }
            // An archived copy's " date 2017-04" line (possibly followed by text): month precision at best.
            if t.hasPrefix("date "), archive == nil {
                let tk = Tokenizer.tokens(of: String(t.prefix(20)))
                if tk.count >= 4, tk[1].kind == .number, tk[2].key == "-", let y = tk[1].number, let m = tk[3].number,
                    let d = CivilDate(year: y, month: m, day: 1)
                {
                    archive = DateReference(date: d, precision: .month)
                    continue
                }
            }
            let head = String(t.prefix(300))
            // A full date has a year: without four digits the line cannot give one, so it is not tokenized.
            guard DocumentReader.hasFourDigits(head) else { continue }
            // Readings filled in from the worker's memo: the finder then looks up each reading instead of working
            // out the clitic readings of every token in every table (the same candidates, found once per word).
            let tokens = Tokenizer.withReadings(
                Tokenizer.tokens(of: head, folds: folds), clitics: finder.clitics, memo: folds)
            for m in finder.mentions(in: tokens) {
                if case .full(let d) = m.kind { return (DateReference(date: d, precision: .day), "text") }
            }
        }
        if let url = metadata["url"], let d = DocumentReader.dateInURL(url) {
            return (DateReference(date: d.date, precision: d.precision), "url")
        }
        if let archive { return (archive, "archive") }
        return nil
    }

    /// Whether `text` holds at least four decimal digits (any script), as every full date does.
    static func hasFourDigits(_ text: String) -> Bool {
        var n = 0
        for s in text.unicodeScalars {
            let digit = s.isASCII ? (0x30...0x39).contains(s.value) : s.properties.numericType == .decimal
            if digit {
                n += 1
                if n == 4 { return true }
            }
        }
        return false
    }

    /// `/2017/11/13/`, `/2017-11-13`, `/20171113` in a URL.
    static func dateInURL(_ url: String) -> (date: CivilDate, precision: DatePrecision)? {
        let tokens = Tokenizer.tokens(of: url)
        for i in tokens.indices where tokens[i].kind == .number && tokens[i].key.count == 4 {
            guard let y = tokens[i].number, (1990...2035).contains(y) else { continue }
            if i + 4 < tokens.count, tokens[i + 1].key == tokens[i + 3].key,
                ["/", "-", "_", "."].contains(tokens[i + 1].key),
                let m = tokens[i + 2].number, let d = tokens[i + 4].number, tokens[i + 2].key.count <= 2,
                tokens[i + 4].key.count <= 2, let date = CivilDate(year: y, month: m, day: d)
            {
                // "/2019/07/12.html": a blog's year and month, then a post number that only looks like a day.
                if i + 6 < tokens.count, tokens[i + 5].key == ".",
                    ["html", "htm", "php", "aspx"].contains(tokens[i + 6].key)
                {
                    return (CivilDate(year: y, month: m, day: 1)!, .month)
                }
                return (date, .day)
            }
            // "/2019/11/slug": year and month only.
            if i + 2 < tokens.count, tokens[i + 1].key == "/", tokens[i + 2].key.count == 2,
                let m = tokens[i + 2].number,
                i + 3 < tokens.count, tokens[i + 3].key == "/", let date = CivilDate(year: y, month: m, day: 1),
                !(i + 4 < tokens.count && tokens[i + 4].kind == .number)
            {
                return (date, .month)
            }
        }
        // "/201907/22/": year and month in one number, then the day.
        for i in tokens.indices where tokens[i].kind == .number && tokens[i].key.count == 6 {
            let k = Array(tokens[i].key)
            guard i + 2 < tokens.count, tokens[i + 1].key == "/", tokens[i + 2].key.count <= 2,
                let y = Int(String(k[0..<4])), (1990...2035).contains(y), let m = Int(String(k[4..<6])),
                let d = tokens[i + 2].number, let date = CivilDate(year: y, month: m, day: d)
            else { continue }
            return (date, .day)
        }
        for t in tokens where t.kind == .number && t.key.count == 8 {
            let k = Array(t.key)
            if let y = Int(String(k[0..<4])), (1990...2035).contains(y), let m = Int(String(k[4..<6])),
                let d = Int(String(k[6..<8])), let date = CivilDate(year: y, month: m, day: d)
            {
                return (date, .day)
            }
        }
        return nil
    }

    /// `Key: value` lines at the very top, ended by an empty line. Keys are lower-cased. When the top lines
    /// are not all of that form, there is no header and the whole text is the body.
    static func headerLines(of text: String) -> ([(String, String)], String) {
        var headers: [(String, String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            // A line feed is always a character of its own (grapheme rules break on both sides of it), so its
            // byte is the character: found without a character walk over a first line of prose.
            let lineEnd = text.firstIndex(ofByte: UInt8(ascii: "\n"), in: index..<text.endIndex) ?? text.endIndex
            let line = text[index..<lineEnd]
            let next = lineEnd == text.endIndex ? lineEnd : text.index(after: lineEnd)
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                return headers.isEmpty ? ([], text) : (headers, String(text[next...]))
            }
            // No ":" byte, no ":" character (the usual first line of prose).
            guard text.firstIndex(ofByte: UInt8(ascii: ":"), in: index..<lineEnd) != nil,
                let colon = line.firstIndex(of: ":")
            else { return ([], text) }
            let key = line[..<colon]
            if let isKey = asciiHeaderKey(key) {
                guard isKey else { return ([], text) }
            } else {
                guard !key.isEmpty, key.count <= 24, key.first!.isLetter,
                    key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                    key.allSatisfy({ $0.isASCII }),
                    key.allSatisfy({ !$0.isLetter || $0.isUppercase }) || knownHeaderKeys.contains(key.lowercased())
                else { return ([], text) }
            }
            headers.append((key.lowercased(), line[line.index(after: colon)...].trimmingSpaces))
            index = next
        }
        return ([], text)
    }

    /// Whether `key` passes the header key tests of `headerLines`, decided on its bytes when they are all ASCII
    /// (each ASCII byte before the colon is then a character of its own: no CR is left, and CR LF is the only
    /// pair of ASCII scalars that makes one character); nil for other keys, which are tested by characters.
    static func asciiHeaderKey(_ key: Substring) -> Bool? {
        let utf8 = key.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        guard let first = utf8.first, utf8.count <= 24, isLetter(first),
            utf8.allSatisfy({ isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D })
        else { return false }
        return utf8.allSatisfy({ !isLetter($0) || $0 <= 0x5A }) || knownHeaderKeys.contains(key.lowercased())
    }

    /// Header keys accepted in any case; other keys must be written in capitals (`URL:`, `SOURCE:`), so a
    /// first line of prose such as "Warning: ..." is not taken for a header.
    static let knownHeaderKeys: Set<String> = [
        "url", "source", "lang", "language", "date", "published", "title", "id",
        "author", "dateline",
    ]

    /// The last path component, as `split(separator: "/").last` gives it, without cutting the whole path.
    static func baseName(_ fileName: String) -> String {
        // The last "/" byte, between ASCII bytes (or at the start): no mark before or after can join it into
        // another character, so it is the slash the character walk below finds, without breaking the path
        // into characters.
        let utf8 = fileName.utf8
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
            let after = utf8.index(after: slash)
            let asciiBefore = slash == utf8.startIndex || utf8[utf8.index(before: slash)] < 0x80
            if asciiBefore, after == utf8.endIndex {
                return fileName.split(separator: "/").last.map(String.init) ?? fileName
            }
            if asciiBefore, utf8[after] < 0x80 { return String(fileName[after...]) }
        }
        if let slash = fileName.lastIndex(of: "/") {
            let base = fileName[fileName.index(after: slash)...]
            if !base.isEmpty { return String(base) }
        }
        return fileName.split(separator: "/").last.map(String.init) ?? fileName
    }

    static func stem(of fileName: String) -> String {
        let base = baseName(fileName)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    static func `extension`(of fileName: String) -> String {
        let base = baseName(fileName)
        guard let dot = base.lastIndex(of: ".") else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }
}

extension String {
    /// CRLF and lone CR as LF, so lines split the same on every platform's files.
    var replacingCRLF: String {
        // The byte first: in UTF-8 a CR byte is the CR scalar and nothing else (no scalar walk for most files).
        guard containsByte(0x0D) else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in unicodeScalars {
            if s == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if s == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(s)
        }
        return String(out)
    }
}
