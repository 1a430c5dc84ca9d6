public import GazetteModel
import ICUKit

/// Choices a person made about place names, replayed before the matcher on every run: "Duma" near "Rural
/// Damascus" is C2338, "Eastern Ghouta" is not a place of the gazetteer.
///
/// The file is tab-separated with a header row naming the columns `name`, `context`, `place_id` and `note` (in
/// any order; `context` and `note` may be left out). Lines starting with `#` are comments; empty lines are
/// skipped. `place_id` is a gazetteer P-code, or `none` for "not a place in the gazetteer"; rows whose `place_id`
/// is still empty are undecided and skipped, so a half-filled review file (``reviewTSV(_:origin:)``) can be fed
/// back as it is.
///
/// ```
/// name	context	place_id	note
/// # checked against the SNHR map
/// Duma	Rural Damascus	C2338	the Damascus suburb
/// Eastern Ghouta		none	a region
/// ```
///
/// Names and contexts are compared after NFKC case folding with runs of white space made one space, so a
/// decision for "Maar Shoureen" also applies to "maar  shoureen", but not to "Maar Shourin". A decision with an
/// empty context applies in every context; one with a context only there, and it wins over the one without.
public struct Decisions: Sendable {
    /// One decided row of the file.
    public struct Entry: Sendable, Hashable {
        /// The name as written in the file.
        public var name: String
        /// The context as written; empty for "any context".
        public var context: String
        /// The chosen P-code, or nil for `none` (not a place in the gazetteer).
        public var placeID: String?
        /// The person's note.
        public var note: String
        /// The 1-based line of the file.
        public var line: Int

        /// Creates an entry.
        public init(name: String, context: String, placeID: String?, note: String, line: Int) {
            self.name = name
            self.context = context
            self.placeID = placeID
            self.note = note
            self.line = line
        }
    }

    /// The columns of the file, in the order ``reviewTSV(_:origin:)`` writes them.
    public static let columns = ["name", "context", "place_id", "note"]

    /// Names the file in `why` (`decision:<origin>:<line>`) and in errors.
    public let origin: String
    /// The decided rows, in file order.
    public let entries: [Entry]
    /// Rows whose `place_id` is still empty.
    public let undecided: Int
    private let index: [String: [Int]]

    /// No decisions.
    public init() {
        origin = ""
        entries = []
        undecided = 0
        index = [:]
    }

    /// Reads a decisions file.
    ///
    /// - Parameter origin: names the file in errors and in `why`, usually its path.
    /// - Throws: ``DecisionsError`` naming `origin:line` for a missing or unknown header, a row with more fields
    ///   than the header, an empty name, or a name decided twice for one context with different places.
    public init(tsv: String, origin: String) throws(DecisionsError) {
        self.origin = origin
        var layout: [String: Int]?
        var headerWidth = 0
        var entries: [Entry] = []
        var undecided = 0
        var index: [String: [Int]] = [:]
        var lineNumber = 0
        for rawLine in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(Self.unescape)
            func fail(_ message: String) -> DecisionsError {
                DecisionsError(origin: origin, line: lineNumber, message: message)
            }
            guard let columns = layout else {
                // Spreadsheets may leave empty columns at the end of the header: they are ignored.
                let names = fields.map { Self.trimmed($0).lowercased() }
                let named = names.filter { !$0.isEmpty }
                let unknown = named.filter { !Self.columns.contains($0) }
                guard named.contains("name"), named.contains("place_id"), unknown.isEmpty,
                    Set(named).count == named.count
                else {
                    throw fail("expected a header row with the columns name, context, place_id, note (tab-separated), "
                        + "found '\(fields.joined(separator: " | "))'")
                }
                layout = Dictionary(uniqueKeysWithValues: names.enumerated().filter { !$1.isEmpty }.map { ($1, $0) })
                headerWidth = fields.count
                continue
            }
            guard fields.count <= headerWidth else {
                throw fail("\(fields.count) tab-separated fields, but the header has \(headerWidth); "
                    + "remove the extra tabs")
            }
            func field(_ name: String) -> String {
                guard let i = columns[name], i < fields.count else { return "" }
                return Self.trimmed(fields[i])
            }
            let name = field("name")
            guard !name.isEmpty else { throw fail("empty name; write the name as it appears in the text") }
            let chosen = field("place_id")
            if chosen.isEmpty {
                undecided += 1
                continue
            }
            let placeID: String? = chosen.lowercased() == "none" ? nil : chosen
            let entry = Entry(name: name, context: field("context"), placeID: placeID, note: field("note"),
                              line: lineNumber)
            let key = Self.key(name: name, context: entry.context)
            if let earlier = index[key]?.first.map({ entries[$0] }), earlier.placeID != placeID {
                throw fail("'\(name)'\(entry.context.isEmpty ? "" : " in '\(entry.context)'") was decided "
                    + "differently on line \(earlier.line) (\(earlier.placeID ?? "none")); keep one of the two")
            }
            index[key, default: []].append(entries.count)
            entries.append(entry)
        }
        guard layout != nil else {
            throw DecisionsError(origin: origin, line: 0,
                                 message: "no header row: the file is empty or only comments; "
                                    + "start it with: name, context, place_id, note (tab-separated)")
        }
        self.entries = entries
        self.undecided = undecided
        self.index = index
    }

    /// Problems with the chosen places: P-codes that are not in `gazetteer`, each as `origin:line: message`.
    public func validate(against gazetteer: Gazetteer) -> [String] {
        entries.compactMap { entry in
            guard let id = entry.placeID, gazetteer.place(id: id) == nil else { return nil }
            return "\(origin):\(entry.line): place_id '\(id)' for '\(entry.name)' is not in the gazetteer; "
                + "use a P-code from the gazetteer or none"
        }
    }

    /// The decision for `name` read near `context`: one made for this context, else one made for any context.
    public func entry(for name: String, context: String = "") -> Entry? {
        // Without decisions (the usual case) there is nothing to fold the name for.
        if index.isEmpty { return nil }
        if !context.isEmpty, let hit = index[Self.key(name: name, context: context)]?.first {
            return entries[hit]
        }
        return index[Self.key(name: name, context: "")]?.first.map { entries[$0] }
    }

    /// The decided answer for `name` near `context`, or nil when no decision applies (or it names a place the
    /// gazetteer does not have: see ``validate(against:)``). The match is `matched` with score 1 for a place and
    /// `unmatched` for `none`, with `why` = `decision:<origin>:<line>`.
    public func decide(_ name: String, context: String = "", gazetteer: Gazetteer) -> Match? {
        guard let entry = entry(for: name, context: context) else { return nil }
        let why = "decision:\(origin):\(entry.line)"
        guard let id = entry.placeID else {
            return Match(query: name, context: context, status: .unmatched, candidates: [], why: why)
        }
        guard let place = gazetteer.place(id: id) else { return nil }
        return Match(query: name, context: context, status: .matched,
                     candidates: [Candidate(place: place, score: 1, why: why)], why: why)
    }

    /// ``decide(_:context:gazetteer:)`` with the matcher's gazetteer.
    public func decide(_ name: String, context: String = "", matcher: Matcher) -> Match? {
        decide(name, context: context, gazetteer: matcher.gazetteer)
    }

    // MARK: - Folding

    /// The comparison form of a name or context: NFKC case folded, white space runs as one space, trimmed.
    public static func fold(_ text: String) -> String {
        let folded = (try? Normalizer.nfkcCasefold.normalize(text)) ?? text.lowercased()
        var out = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private static func key(name: String, context: String) -> String {
        fold(name) + "\u{1F}" + fold(context)
    }

    static func trimmed(_ s: String) -> String { SpellingClusterer.trimmed(s) }

    /// Undoes the escapes of `TSVWriter` (`\t`, `\n`, `\r`, `\\`); a backslash before anything else stays.
    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var out = ""
        var escaping = false
        for c in field {
            if escaping {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return out
    }
}

/// Why a decisions file could not be read: where (`origin:line`) and what to do.
public typealias DecisionsError = InputError
