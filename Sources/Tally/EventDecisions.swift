public import GazetteModel

/// A person's decisions about which reports are one incident, replayed on every run and stronger than the rule.
///
/// Format (a text file, one decision per line; `#` at the start of a word starts a comment; blank lines ignored):
///
/// ```text
/// # same strike: one source dates it by the day of publication
/// join  en-102#1  ar-305#2
/// # two strikes on one day in the same town
/// apart en-102#1  fr-202#1
/// ```
///
/// `join A B` puts the reports' events together whatever the rule says; `apart A B` keeps the two reports in
/// different events. When a join would bring together two reports kept apart, `apart` wins and the join is
/// reported as not applied.
public struct EventDecisions: Sendable, Hashable {
    /// One decision, with the line it came from for explanations.
    public struct Decision: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case join, apart }
        public var kind: Kind
        /// Report ids, `document#index`.
        public var first: String
        public var second: String
        /// `file:line`.
        public var origin: String

        /// Creates a decision.
        public init(kind: Kind, first: String, second: String, origin: String) {
            self.kind = kind
            self.first = first
            self.second = second
            self.origin = origin
        }
    }

    /// A line that is not a decision.
    public typealias ParseError = InputError

    public var decisions: [Decision]

    /// Creates decisions from a list.
    public init(_ decisions: [Decision] = []) { self.decisions = decisions }

    /// Parses the decisions format.
    public init(parsing text: String, origin: String) throws(ParseError) {
        var decisions: [Decision] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A comment starts at a `#` that begins a word: report ids contain `#` too (`en-102#1`).
            var words: [String] = []
            for word in raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if word.hasPrefix("#") { break }
                words.append(String(word))
            }
            if words.isEmpty { continue }
            guard let kind = Decision.Kind(rawValue: words[0].lowercased()) else {
                throw ParseError(
                    origin: origin, line: offset + 1,
                    message: "unknown decision '\(words[0])' (known: join, apart)")
            }
            guard words.count == 3 else {
                throw ParseError(
                    origin: origin, line: offset + 1,
                    message: "expected '\(kind.rawValue) REPORT REPORT' (reports as document#index)")
            }
            decisions.append(Decision(kind: kind, first: words[1], second: words[2], origin: "\(origin):\(offset + 1)"))
        }
        self.decisions = decisions
    }

    func isApart(_ a: String, _ b: String) -> Decision? {
        decisions.first {
            $0.kind == .apart && (($0.first == a && $0.second == b) || ($0.first == b && $0.second == a))
        }
    }
}
