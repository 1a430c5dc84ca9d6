public import GazetteModel

/// A ``Matcher`` that first replays a person's ``Decisions``: what every command that matches names uses when
/// it is given `--decisions FILE`.
///
/// ```swift
/// let decided = DecidedMatcher(matcher: Matcher(gazetteer: gazetteer), decisions: decisions)
/// decided.match("Duma", context: "Rural Damascus").why   // "decision:review.tsv:3"
/// ```
///
/// Not `Sendable`, like the matcher it wraps.
public struct DecidedMatcher {
    /// The algorithm, asked when no decision applies.
    public let matcher: Matcher
    /// The decisions, asked first.
    public let decisions: Decisions

    /// Wraps `matcher` with `decisions`.
    public init(matcher: Matcher, decisions: Decisions) {
        self.matcher = matcher
        self.decisions = decisions
    }

    /// The decision for `name` near `context` when there is one, else the matcher's answer.
    public func match(_ name: String, context: String = "") -> Match {
        decisions.decide(name, context: context, matcher: matcher) ?? matcher.match(name, context: context)
    }
}
