/// A rule file that could not be read, with the line at fault.
public struct RuleSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number in the rule file.
    public var line: Int
    /// What is wrong with the line.
    public var message: String

    /// An error at `line` (1-based).
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

extension RuleSet {
    /// Reads a rule file (see `Locales/README.md`). Throws `RuleSetError` naming the first bad line.
    ///
    /// ```swift
    /// let rules = try RuleSet(parsing: "[killed]\nkilled = both\n", language: "en")
    /// ```
    public init(parsing text: String, language: String) throws(RuleSetError) {
        self.init(language: language)
        var section: String? = nil
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if let hash = RuleSet.commentStart(in: line) { line = line[..<hash] }
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else {
                    throw RuleSetError(line: lineNumber, message: "a section header must end with ']'")
                }
                let name = String(trimmed.dropFirst().dropLast()).trimmingSpaces
                guard RuleSet.sections.contains(name) else {
                    throw RuleSetError(
                        line: lineNumber,
                        message:
                            "unknown section [\(name)]; known: \(RuleSet.sections.sorted().joined(separator: ", "))")
                }
                section = name
                continue
            }
            guard let section else {
                throw RuleSetError(line: lineNumber, message: "an entry before any [section] header")
            }
            let (lhs, rhs) = RuleSet.splitEntry(trimmed)
            let phrase = RuleSet.phrase(lhs)
            guard !phrase.isEmpty else { throw RuleSetError(line: lineNumber, message: "an empty phrase") }
            func need(_ what: String) throws(RuleSetError) -> String {
                guard let rhs, !rhs.isEmpty else {
                    throw RuleSetError(line: lineNumber, message: "[\(section)] needs '\(lhs) = \(what)'")
                }
                return rhs
            }
            func int(_ s: String) throws(RuleSetError) -> Int {
                guard let n = Int(s) else {
                    throw RuleSetError(line: lineNumber, message: "'\(s)' is not an integer")
                }
                return n
            }
            switch section {
            case "killed", "injured":
                let pos = rhs ?? "both"
                guard let p = CasualtyWord.Position(rawValue: pos) else {
                    throw RuleSetError(
                        line: lineNumber, message: "position must be before, after or both, not '\(pos)'")
                }
                if section == "killed" {
                    killed.append(CasualtyWord(phrase: phrase, position: p))
                } else {
                    injured.append(CasualtyWord(phrase: phrase, position: p))
                }
            case "combined": combined.append(phrase)
            case "victims": victims.append(phrase)
            case "quantifiers":
                let m = try need("min|above|max|about|range|exact")
                guard let meaning = QuantifierMeaning(rawValue: m) else {
                    throw RuleSetError(line: lineNumber, message: "unknown quantifier meaning '\(m)'")
                }
                let slots = phrase.filter { $0 == "#" }.count
                guard slots == (meaning == .range ? 2 : 1) else {
                    throw RuleSetError(
                        line: lineNumber,
                        message: "'\(meaning.rawValue)' needs \(meaning == .range ? 2 : 1) '#' slot(s)")
                }
                quantifiers.append(QuantifierRule(pattern: phrase, meaning: meaning))
            case "vague": vagueAmounts.append((phrase, try need("a key of the conventions table")))
            case "numbers": numberWords.append((phrase, try int(try need("an integer"))))
            case "place_cues":
                let s = rhs ?? "weak"
                guard let strength = PlaceCue.Strength(rawValue: s) else {
                    throw RuleSetError(
                        line: lineNumber, message: "cue strength must be strong, weak, after, context or context_after")
                }
                placeCues.append(PlaceCue(phrase: phrase, strength: strength))
            case "context":
                guard phrase.contains("@") else {
                    throw RuleSetError(line: lineNumber, message: "a context pattern needs '@' for the governorate")
                }
                contextPatterns.append(phrase)
            case "directions": directions.append(phrase)
            case "governorates": governorates.append((phrase, try need("the governorate's label spelling")))
            case "perpetrators": perpetrators.append((phrase, try need("a vocabulary term")))
            case "weapons": weapons.append((phrase, try need("a vocabulary term")))
            case "victim_categories": victimCategories.append((phrase, try need("a vocabulary term")))
            case "attacks": attacks.append(phrase)
            case "relative_dates":
                let v = try need("a day offset or 'week'")
                if v == "week" {
                    relativeDates.append((phrase, .week))
                } else {
                    relativeDates.append((phrase, .days(try int(v))))
                }
            case "background": background.append(phrase)
            case "clause_breaks": clauseBreaks.append(phrase)
            case "not_places": notPlaces.insert(phrase.joined(separator: " "))
            case "months":
                let m = try int(try need("a month number 1-12"))
                guard (1...12).contains(m) else { throw RuleSetError(line: lineNumber, message: "month must be 1-12") }
                extraMonths.append((phrase.joined(separator: " "), m))
            case "weekdays":
                let d = try int(try need("an ISO weekday 1-7 (1 = Monday)"))
                guard (1...7).contains(d) else { throw RuleSetError(line: lineNumber, message: "weekday must be 1-7") }
                extraWeekdays.append((phrase.joined(separator: " "), d))
            case "no_casualties": noCasualties.append(phrase)
            case "clitics": clitics.append(contentsOf: phrase)
            case "stopwords": stopwords.formUnion(phrase)
            case "conjunctions": conjunctions.formUnion(phrase)
            case "compound_heads": compoundHeads.formUnion(phrase)
            case "elisions": elisions.formUnion(phrase)
            case "date_blockers": dateBlockers.append(phrase)
            case "subgroups": subgroups.append(phrase)
            case "parts": parts.append(phrase)
            case "locale":
                switch lhs {
                case "icu":
                    icuLocales = try need("ICU locale ids").split(separator: ",").map { String($0).trimmingSpaces }
                case "apostrophe":
                    let v = try need("suffix or join")
                    guard v == "suffix" || v == "join" else {
                        throw RuleSetError(line: lineNumber, message: "apostrophe must be 'suffix' or 'join'")
                    }
                    apostropheSuffix = v == "suffix"
                case "listed_places":
                    let v = try need("separate or together")
                    guard v == "separate" || v == "together" else {
                        throw RuleSetError(line: lineNumber, message: "listed_places must be 'separate' or 'together'")
                    }
                    separateListedPlaces = v == "separate"
                case "window":
                    let n = try int(try need("a number of words"))
                    guard (1...30).contains(n) else {
                        throw RuleSetError(line: lineNumber, message: "window must be 1-30")
                    }
                    forwardWindow = n
                default:
                    throw RuleSetError(
                        line: lineNumber, message: "[locale] takes 'icu', 'apostrophe', 'window' or 'listed_places'")
                }
            default:
                throw RuleSetError(line: lineNumber, message: "unhandled section [\(section)]")
            }
        }
    }

    static let sections: Set<String> = [
        "killed", "injured", "combined", "victims", "quantifiers", "vague", "numbers", "place_cues", "context",
        "directions", "governorates", "perpetrators", "weapons", "victim_categories", "attacks", "relative_dates", "background",
        "clause_breaks", "not_places", "months", "weekdays", "no_casualties", "clitics", "locale", "stopwords",
        "conjunctions", "compound_heads", "elisions", "date_blockers", "subgroups", "parts",
    ]

    /// Comments: a line whose first non-space character is `#`; after an `=`, everything from `#` on;
    /// on a line without `=`, everything from `#` on. Number slots (`#`) therefore only appear before `=`.
    static func commentStart(in line: Substring) -> Substring.Index? {
        if line[line.trimmingStart...].hasPrefix("#") { return line.trimmingStart }
        if let eq = line.firstIndex(of: "=") { return line[eq...].firstIndex(of: "#") }
        return line.firstIndex(of: "#")
    }

    static func splitEntry(_ line: String) -> (String, String?) {
        guard let eq = line.firstIndex(of: "=") else { return (line, nil) }
        return (String(line[..<eq]).trimmingSpaces, String(line[line.index(after: eq)...]).trimmingSpaces)
    }

    /// Folds a rule phrase into words the same way text is folded; `*`, `#` and `@` survive.
    static func phrase(_ text: String) -> Phrase {
        var out: Phrase = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if part == "#" || part == "@" {
                out.append(String(part))
                continue
            }
            let star = part.hasSuffix("*")
            let body = star ? String(part.dropLast()) : String(part)
            var keys = Tokenizer.tokens(of: body).map(\.key)
            if star, !keys.isEmpty { keys[keys.count - 1] += "*" }
            out += keys
        }
        return out
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    var trimmingStart: Substring.Index {
        var i = startIndex
        while i < endIndex, self[i].isWhitespace { i = index(after: i) }
        return i
    }
}
