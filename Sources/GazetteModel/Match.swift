/// How sure the reconciler is about a name.
public enum MatchStatus: String, Sendable, Hashable, CaseIterable {
    /// One place, clearly ahead of any other.
    case matched
    /// Several places fit about as well; a person must choose (see the review file).
    case ambiguous
    /// No place in the gazetteer fits.
    case unmatched
}

/// A place the reconciler considered for a name, with its score in 0...1.
public struct Candidate: Sendable, Hashable {
    public var place: Place
    public var score: Double
    /// The layer and key that produced the candidate, e.g. `skeleton:mrshrn`.
    public var why: String

    public init(place: Place, score: Double, why: String) {
        self.place = place
        self.score = score
        self.why = why
    }
}

/// The reconciler's answer for one name in its context.
public struct Match: Sendable, Hashable {
    public var query: String
    public var context: String
    public var status: MatchStatus
    /// Best first. For `matched`, the first is the answer; for `ambiguous`, the ones to choose from.
    public var candidates: [Candidate]
    /// Why this status: the layer, the key, and for `ambiguous` what tied.
    public var why: String

    public init(query: String, context: String, status: MatchStatus, candidates: [Candidate], why: String) {
        self.query = query
        self.context = context
        self.status = status
        self.candidates = candidates
        self.why = why
    }

    /// The chosen place when `status == .matched`.
    public var place: Place? { status == .matched ? candidates.first?.place : nil }
}
