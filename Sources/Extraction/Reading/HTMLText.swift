/// Text of an HTML page: no scripts, styles, navigation or comments; entities decoded; block elements
/// become line breaks. A single forward scan with no tree, so deeply nested or broken markup cannot blow
/// the stack: unclosed elements simply end at the end of the input.
enum HTMLText {
    struct Extracted {
        var text: String
        var title: String?
        var language: String?
        var published: String?
    }

    static let skipped: Set<String> = [
        "script", "style", "nav", "noscript", "template", "svg", "footer", "aside",
        "form", "button", "iframe", "head",
    ]
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
        "table", "article", "section", "header", "blockquote", "pre", "figcaption", "figure", "time", "dd", "dt", "hr",
        "main", "td", "th",
    ]

    /// Whether the tag in `chars[start..<end]` closes and its lower-cased name, read from ASCII bytes: the "/"
    /// and the letters and digits of the name are then characters of their own, as are the ASCII bytes after
    /// them, so this is what the character tests give. Nil when a non-ASCII byte stands where it could join a
    /// character or continue the name: the caller then reads the tag by characters.
    static func asciiTagName(
        _ chars: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> (closing: Bool, name: String)? {
        func isAlnum(_ b: UInt8) -> Bool { ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        // A byte at `p` is a character of its own when it and the byte after it (if any) are ASCII.
        func asciiAt(_ p: Int) -> Bool { p >= end || chars[p] < 0x80 }
        guard asciiAt(start), asciiAt(start + 1) else { return nil }
        let closing = start < end && chars[start] == UInt8(ascii: "/")
        var p = closing ? start + 1 : start
        let nameStart = p
        while p < end, isAlnum(chars[p]) { p += 1 }
        // The byte that ends the name, and the one after it, must be ASCII too.
        guard asciiAt(p), asciiAt(p + 1) else { return nil }
        let name = String(unsafeUninitializedCapacity: p - nameStart) { out in
            for q in nameStart..<p {
                let b = chars[q]
                out[q - nameStart] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return p - nameStart
        }
        return (closing, name)
    }

    /// Works on the UTF-8 bytes: every byte the markup is made of (`<`, `>`, quotes, `!`, `-`) is ASCII, and an
    /// ASCII byte is never part of a longer character, so the text between tags is cut where the scalars were.
    static func extract(_ html: String) -> Extracted {
        var out = ""
        var title: String? = nil
        var lang: String? = nil
        var published: String? = nil
        var html = html
        return html.withUTF8 { chars in
            var i = 0
            var skipDepth = 0
            var skipName = ""
            var inTitle = false
            var titleText = ""
            // The text since the last tag: a range of `chars`, copied once when a tag ends it.
            var runStart = 0
            var runEnd = 0
            func flush() {
                guard runEnd > runStart else { return }
                let decoded = decodeEntities(String(decoding: chars[runStart..<runEnd], as: UTF8.self))
                if inTitle { titleText += decoded } else if skipDepth == 0 { out += decoded }
                runStart = runEnd
            }
            while i < chars.count {
                let c = chars[i]
                if c != UInt8(ascii: "<") {
                    // Text is kept or dropped a whole run at a time: the state cannot change before the next tag.
                    var k = i + 1
                    while k < chars.count, chars[k] != UInt8(ascii: "<") { k += 1 }
                    if skipDepth == 0 || inTitle {
                        runStart = i
                        runEnd = k
                    }
                    i = k
                    continue
                }
                flush()
                runStart = 0
                runEnd = 0
                // Comment.
                if i + 3 < chars.count, chars[i + 1] == UInt8(ascii: "!"), chars[i + 2] == UInt8(ascii: "-"),
                    chars[i + 3] == UInt8(ascii: "-")
                {
                    var k = i + 4
                    while k + 2 < chars.count,
                        !(chars[k] == UInt8(ascii: "-") && chars[k + 1] == UInt8(ascii: "-")
                            && chars[k + 2] == UInt8(ascii: ">"))
                    {
                        k += 1
                    }
                    i = min(chars.count, k + 3)
                    continue
                }
                var k = i + 1
                var quote: UInt8? = nil
                while k < chars.count {
                    let d = chars[k]
                    if let q = quote {
                        if d == q { quote = nil }
                    } else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") {
                        quote = d
                    } else if d == UInt8(ascii: ">") {
                        break
                    }
                    k += 1
                }
                let tagEnd = min(k, chars.count)
                let tag = String(decoding: chars[(i + 1)..<tagEnd], as: UTF8.self)
                let closing: Bool
                let name: String
                if let (c, n) = asciiTagName(chars, from: i + 1, to: tagEnd) {
                    (closing, name) = (c, n)
                } else {
                    closing = tag.hasPrefix("/")
                    let nameChars = (closing ? tag.dropFirst() : Substring(tag)).prefix { $0.isLetter || $0.isNumber }
                    name = nameChars.lowercased()
                }
                i = min(chars.count, k + 1)
                if name.isEmpty { continue }
                if name == "title", skipDepth == 0 || skipName == "head" {
                    inTitle = !closing
                    if closing, title == nil {
                        let t = titleText.trimmingSpaces
                        if !t.isEmpty { title = t }
                    }
                    continue
                }
                if !closing, name == "html", let l = attribute("lang", in: tag) {
                    lang = String(l.prefix(2)).lowercased()
                }
                if !closing, name == "meta", let content = attribute("content", in: tag) {
                    let key = (attribute("property", in: tag) ?? attribute("name", in: tag) ?? "").lowercased()
                    if key.contains("published") || key == "date" || key == "dc.date" {
                        published = published ?? content
                    }
                }
                if !closing, name == "time", published == nil, let dt = attribute("datetime", in: tag) {
                    published = dt
                }
                if skipped.contains(name) {
                    let selfClosing = tag.hasSuffix("/")
                    if skipDepth == 0, !closing, !selfClosing {
                        skipName = name
                        skipDepth = 1
                    } else if skipDepth > 0, name == skipName {
                        skipDepth += closing ? -1 : (selfClosing ? 0 : 1)
                    }
                    continue
                }
                if skipDepth == 0, blocks.contains(name) { out += "\n" }
            }
            flush()
            return Extracted(text: collapsed(out), title: title, language: lang, published: published)
        }
    }

    /// Runs of spaces and blank lines left by markup collapsed: one space between words, at most one empty
    /// line, none at the end.
    static func collapsed(_ out: String) -> String {
        collapsedBytes(out) ?? collapsedByCharacters(out)
    }

    /// `collapsed`, cutting at characters.
    static func collapsedByCharacters(_ out: String) -> String {
        var lines: [String] = []
        var blank = 0
        for line in out.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
                .joined(separator: " ")
            if t.isEmpty {
                blank += 1
                if blank == 1, !lines.isEmpty { lines.append("") }
            } else {
                blank = 0
                lines.append(t)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `collapsed` on the bytes, or nil when cutting at bytes could differ from cutting at characters: a CR
    /// (CR LF is one character), or a space or no-break space next to a scalar that would join it into one
    /// character (a combining mark after it, a prepended mark before it; scalars from U+0800 on are not looked
    /// into and count as joining).
    static func collapsedBytes(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            let n = b.count
            /// Whether the scalar starting at `k` may join the character before it.
            func joinsPrevious(_ k: Int) -> Bool {
                guard k < n, b[k] >= 0x80 else { return false }
                guard b[k] & 0xE0 == 0xC0 else { return true }
                let s = Int(b[k] & 0x1F) << 6 | Int(b[k + 1] & 0x3F)
                return Tokenizer.twoByteScalars[s].extends
            }
            /// Whether the scalar ending just before `k` may join the character after it.
            func joinsNext(_ k: Int) -> Bool {
                guard k > 0, b[k - 1] >= 0x80 else { return false }
                var start = k - 1
                while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
                guard b[start] & 0xE0 == 0xC0, k - start == 2 else { return true }
                let s = Int(b[start] & 0x1F) << 6 | Int(b[start + 1] & 0x3F)
                return Tokenizer.twoByteScalars[s].prepend
            }
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var blank = 0
            var lines = 0
            var lineStart = 0
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n, b[lineEnd] != 0x0A { lineEnd += 1 }
                // The words of the line, one space between them.
                var line: [UInt8] = []
                var k = lineStart
                while k < lineEnd {
                    let c = b[k]
                    var width = 0
                    if c == 0x0D { return nil }
                    if c == 0x20 {
                        width = 1
                    } else if c == 0x09 {
                        width = 1
                    } else if c == 0xC2, k + 1 < lineEnd, b[k + 1] == 0xA0 {
                        width = 2
                    }
                    if width > 0 {
                        if c != 0x09, joinsNext(k) || joinsPrevious(k + width) { return nil }
                        k += width
                        continue
                    }
                    var e = k
                    while e < lineEnd {
                        let d = b[e]
                        if d == 0x20 || d == 0x09 || d == 0x0D || (d == 0xC2 && e + 1 < lineEnd && b[e + 1] == 0xA0) {
                            break
                        }
                        e += 1
                    }
                    if !line.isEmpty { line.append(0x20) }
                    line.append(contentsOf: b[k..<e])
                    k = e
                }
                if line.isEmpty {
                    blank += 1
                    if blank == 1, lines > 0 {
                        out.append(0x0A)
                        lines += 1
                    }
                } else {
                    blank = 0
                    if lines > 0 { out.append(0x0A) }
                    out.append(contentsOf: line)
                    lines += 1
                }
                lineStart = lineEnd + 1
            }
            // Trailing empty lines: each kept empty line added one "\n" before it.
            while out.last == 0x0A { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        if let found = asciiAttribute(name, in: tag) { return found }
        return attributeByCharacters(name, in: tag)
    }

    /// `attribute(_:in:)` of an ASCII tag and name, read on bytes (`.some(nil)`: no such attribute); nil when
    /// either is not ASCII. In ASCII only CR LF is a character of two bytes, which the test before the name
    /// respects.
    static func asciiAttribute(_ name: String, in tag: String) -> String?? {
        let t = Array(tag.utf8)
        let n = Array(name.utf8)
        guard t.allSatisfy({ $0 < 0x80 }), n.allSatisfy({ $0 < 0x80 }), !n.isEmpty else { return nil }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
            let needle = n.map(lower) + [UInt8(ascii: "="), quote]
            var i = 0
            while i + needle.count <= t.count {
                var matches = true
                for k in needle.indices where lower(t[i + k]) != needle[k] {
                    matches = false
                    break
                }
                if matches {
                    let before: UInt8 = i == 0 ? UInt8(ascii: " ") : t[i - 1]
                    let crlf = before == UInt8(ascii: "\n") && i >= 2 && t[i - 2] == UInt8(ascii: "\r")
                    let space = before == UInt8(ascii: " ") || before == UInt8(ascii: "\t")
                    if space || (before == UInt8(ascii: "\n") && !crlf) {
                        let start = i + needle.count
                        if let end = t[start...].firstIndex(of: quote) {
                            return .some(String(decoding: t[start..<end], as: UTF8.self))
                        }
                    }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return .some(nil)
    }

    static func attributeByCharacters(_ name: String, in tag: String) -> String? {
        let lower = tag.lowercased()
        for quote in ["\"", "'"] {
            let needle = name + "=" + quote
            var search = lower.startIndex
            while let r = lower[search...].firstRange(of: needle) {
                // Make sure we matched a whole attribute name.
                let before = r.lowerBound == lower.startIndex ? " " : lower[lower.index(before: r.lowerBound)]
                if before == " " || before == "\t" || before == "\n" {
                    let valueStart = r.upperBound
                    if let end = tag[valueStart...].firstIndex(of: Character(quote)) {
                        return String(tag[valueStart..<end])
                    }
                }
                search = r.upperBound
            }
        }
        return nil
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "laquo": "«", "raquo": "»",
        "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "szlig": "ß", "copy": "©", "middot": "·", "bull": "•", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "lrm": "\u{200E}", "rlm": "\u{200F}",
    ]

    static func decodeEntities(_ s: String) -> String {
        // Bytes first: a text without the byte has no "&" character (the usual case, and no character walk).
        guard s.utf8.contains(UInt8(ascii: "&")), s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let body = s[s.index(after: i)..<semi]
                var replacement: String? = nil
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    if let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                        replacement = String(u)
                    }
                } else if body.hasPrefix("#") {
                    if let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(u) }
                } else {
                    replacement = named[String(body)]
                }
                if let replacement {
                    out += replacement
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }
}

/// Text of a Markdown document: headings, emphasis, links, images, code fences and block quotes reduced to
/// their words.
enum MarkdownText {
    static func extract(_ md: String) -> (text: String, title: String?) {
        var lines: [String] = []
        var title: String? = nil
        var inFence = false
        for raw in splitLines(md) {
            var line = String(raw)
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            var t = Substring(line)
            while t.first == ">" { t = t.dropFirst().drop { $0 == " " } }
            if t.first == "#" {
                t = t.drop { $0 == "#" }.drop { $0 == " " }
                if title == nil { title = inline(String(t)).trimmingSpaces }
            }
            if t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("+ ") { t = t.dropFirst(2) }
            if t.allSatisfy({ $0 == "-" || $0 == "=" || $0 == "*" || $0 == "_" }) && !t.isEmpty { t = "" }
            line = inline(String(t))
            lines.append(line)
        }
        return (lines.joined(separator: "\n"), title)
    }

    /// `md.split(separator: "\n", omittingEmptySubsequences: false)`, cut at the bytes: a line feed is a
    /// character of its own except in CR LF, which `split` does not cut either, so the lines are the same
    /// (`split` compares every character, which costs more than reading the rest of the document).
    static func splitLines(_ md: String) -> [Substring] {
        var out: [Substring] = []
        let utf8 = md.utf8
        var lineStart = utf8.startIndex
        var previous: UInt8 = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            let next = utf8.index(after: i)
            if b == 0x0A, previous != 0x0D {
                out.append(md[lineStart..<i])
                lineStart = next
            }
            previous = b
            i = next
        }
        out.append(md[lineStart...])
        return out
    }

    static func inline(_ s: String) -> String {
        // Only these ASCII characters are markup: a line without their bytes is its own text.
        if !s.utf8.contains(where: { b in
            b == UInt8(ascii: "!") || b == UInt8(ascii: "[") || b == UInt8(ascii: "*") || b == UInt8(ascii: "`")
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "<")
        }) {
            return s
        }
        var out = ""
        let c = Array(s)
        var i = 0
        while i < c.count {
            // ![alt](url) and [text](url) keep their words.
            if c[i] == "!" && i + 1 < c.count && c[i + 1] == "[" {
                i += 1
                continue
            }
            if c[i] == "[", let close = c[i...].firstIndex(of: "]"), close + 1 < c.count, c[close + 1] == "(",
                let paren = c[close...].firstIndex(of: ")")
            {
                out += String(c[(i + 1)..<close])
                i = paren + 1
                continue
            }
            if c[i] == "*" || c[i] == "`"
                || (c[i] == "_"
                    && (i == 0 || i + 1 == c.count || c[i - 1] == " "
                        || c[i + 1] == " " || c[i + 1] == "_" || c[i - 1] == "_"))
            {
                i += 1
                continue
            }
            if c[i] == "<", let close = c[i...].firstIndex(of: ">"), close - i < 40 {
                i = close + 1
                continue
            }
            out.append(c[i])
            i += 1
        }
        return out
    }
}
