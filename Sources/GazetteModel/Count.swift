/// A casualty figure as sources state it: bounds, never an invented point.
///
/// "at least 16" is `Count(low: 16, high: nil)`; "between 5 and 7" is `Count(low: 5, high: 7)`;
/// "16 people" is `Count(low: 16, high: 16)`; nothing stated is `Count.unknown`.
public struct Count: Sendable, Hashable, CustomStringConvertible {
    /// The smallest number the text supports, or nil when it gives no lower bound.
    public var low: Int?
    /// The largest number the text supports, or nil when it is open or unknown.
    public var high: Int?
    /// The phrase(s) of the text the figure comes from, joined by " | ".
    public var text: String

    public init(low: Int?, high: Int?, text: String = "") {
        self.low = low
        self.high = high
        self.text = text
    }

    public static func exactly(_ n: Int, text: String = "") -> Count { Count(low: n, high: n, text: text) }

    public static let unknown = Count(low: nil, high: nil)

    public var isUnknown: Bool { low == nil && high == nil }

    public var description: String {
        switch (low, high) {
        case (nil, nil): return "?"
        case let (l?, h?) where l == h: return "\(l)"
        case let (l?, h?): return "\(l)–\(h)"
        case let (l?, nil): return "≥\(l)"
        case let (nil, h?): return "≤\(h)"
        }
    }
}
