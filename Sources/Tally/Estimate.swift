public import GazetteModel

/// A casualty figure for an event, made from what each report states: low, best and high, and which report
/// gave each bound, so every figure in a report can be followed back to a sentence.
///
/// The rule (also in the README and `gazette report --help`):
/// - **low** = the highest lower bound any report states (nil when none states one);
/// - **high** = the highest upper bound any report states, provided it is not below `low`; nil (open, "no upper
///   bound") when no report states one or when every stated upper bound is below `low` (the reports then
///   contradict each other, and the honest upper bound is unknown);
/// - **best** = the median of the point figures (reports whose low equals their high), the lower middle one
///   when there is an even number, moved into `low...high`; nil when no report gives a point figure.
public struct Estimate: Sendable, Hashable, CustomStringConvertible {
    public var low: Int?
    public var best: Int?
    public var high: Int?
    /// The report (`document#index`) that stated `low`, the first one on a tie.
    public var lowSource: String?
    /// The report that stated `high`, the first one on a tie.
    public var highSource: String?
    /// The reports whose point figures `best` is the median of.
    public var bestSources: [String]
    /// The reports state different figures (a note for the reader, never a silent choice).
    public var sourcesDisagree: Bool

    /// Creates an estimate from its parts.
    public init(
        low: Int?, best: Int?, high: Int?, lowSource: String? = nil, highSource: String? = nil,
        bestSources: [String] = [], sourcesDisagree: Bool = false
    ) {
        self.low = low
        self.best = best
        self.high = high
        self.lowSource = lowSource
        self.highSource = highSource
        self.bestSources = bestSources
        self.sourcesDisagree = sourcesDisagree
    }

    /// Nothing stated.
    public static let unknown = Estimate(low: nil, best: nil, high: nil)

    /// Combines the figures of several reports by the rule above. `figures` pairs each report id with its count.
    public init(combining figures: [(report: String, count: Count)]) {
        var low: Int?
        var lowSource: String?
        var high: Int?
        var highSource: String?
        var points: [(value: Int, report: String)] = []
        for (report, count) in figures {
            if let l = count.low, l > (low ?? Int.min) {
                low = l
                lowSource = report
            }
            if let h = count.high, h > (high ?? Int.min) {
                high = h
                highSource = report
            }
            if let l = count.low, l == count.high { points.append((l, report)) }
        }
        if let h = high, let l = low, h < l {
            high = nil
            highSource = nil
        }
        var best: Int?
        var bestSources: [String] = []
        if !points.isEmpty {
            let sorted = points.map(\.value).sorted()
            var b = sorted[(sorted.count - 1) / 2]
            if let l = low { b = max(b, l) }
            if let h = high { b = min(b, h) }
            best = b
            bestSources = points.map(\.report)
        }
        let stated = figures.map(\.count).filter { !$0.isUnknown }
        let disagree = stated.contains { $0.low != stated[0].low || $0.high != stated[0].high }
        self.init(
            low: low, best: best, high: high, lowSource: lowSource, highSource: highSource,
            bestSources: bestSources, sourcesDisagree: disagree)
    }

    /// `16`, `16–20`, `≥16 (best 18)`, `?`.
    public var description: String {
        let range: String
        switch (low, high) {
        case (nil, nil): range = "?"
        case (let l?, let h?) where l == h: range = "\(l)"
        case (let l?, let h?): range = "\(l)–\(h)"
        case (let l?, nil): range = "≥\(l)"
        case (nil, let h?): range = "≤\(h)"
        }
        if let best, !(low == best && high == best) { return "\(range) (best \(best))" }
        return range
    }
}
