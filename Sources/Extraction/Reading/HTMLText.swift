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

    static func extract(_ html: String) -> Extracted {
        var out = ""
        var title: String? = nil
        var lang: String? = nil
        var published: String? = nil
        let chars = Array(html.unicodeScalars)
        var i = 0
        var skipDepth = 0
        var skipName = ""
        var inTitle = false
        var titleText = ""
        var textRun = String.UnicodeScalarView()
        func flush() {
            guard !textRun.isEmpty else { return }
            let decoded = decodeEntities(String(textRun))
            if inTitle { titleText += decoded } else if skipDepth == 0 { out += decoded }
            textRun = String.UnicodeScalarView()
        }
        while i < chars.count {
            let c = chars[i]
            if c != "<" {
                if skipDepth == 0 || inTitle { textRun.append(c) }
                i += 1
                continue
            }
            flush()
            // Comment.
            if i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                var k = i + 4
                while k + 2 < chars.count, !(chars[k] == "-" && chars[k + 1] == "-" && chars[k + 2] == ">") { k += 1 }
                i = min(chars.count, k + 3)
                continue
            }
            var k = i + 1
            var quote: Unicode.Scalar? = nil
            while k < chars.count {
                let d = chars[k]
                if let q = quote {
                    if d == q { quote = nil }
                } else if d == "\"" || d == "'" {
                    quote = d
                } else if d == ">" {
                    break
                }
                k += 1
            }
            let tag = String(String.UnicodeScalarView(chars[(i + 1)..<min(k, chars.count)]))
            i = min(chars.count, k + 1)
            let closing = tag.hasPrefix("/")
            let nameChars = (closing ? tag.dropFirst() : Substring(tag)).prefix { $0.isLetter || $0.isNumber }
            let name = nameChars.lowercased()
            if name.isEmpty { continue }
            if name == "title", skipDepth == 0 || skipName == "head" {
                inTitle = !closing
                if closing, title == nil {
                    let t = titleText.trimmingSpaces
                    if !t.isEmpty { title = t }
                }
                continue
            }
            if !closing, name == "html", let l = attribute("lang", in: tag) { lang = String(l.prefix(2)).lowercased() }
            if !closing, name == "meta", let content = attribute("content", in: tag) {
                let key = (attribute("property", in: tag) ?? attribute("name", in: tag) ?? "").lowercased()
                if key.contains("published") || key == "date" || key == "dc.date" { published = published ?? content }
            }
            if !closing, name == "time", published == nil, let dt = attribute("datetime", in: tag) { published = dt }
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
        // Collapse runs of spaces and blank lines left by markup.
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
        return Extracted(text: lines.joined(separator: "\n"), title: title, language: lang, published: published)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
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
        guard s.contains("&") else { return s }
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
        for raw in md.split(separator: "\n", omittingEmptySubsequences: false) {
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

    static func inline(_ s: String) -> String {
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
