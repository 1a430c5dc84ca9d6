/// How vague amounts and "more than" become bounds: the one configurable table of conventions.
///
/// Read from `Locales/quantities.rules`; the defaults are those of the labels Gazette is measured against
/// ("dozens" → at least 24, two dozens; ACLED codes it 12 — change the file, not the code).
///
/// ```
/// [conventions]
/// above = 1        # "more than N" → at least N + 1
/// dozens = 24..    # at least 24, no upper bound
/// ```
public struct QuantityConventions: Sendable, Hashable {
    /// Added to N for "more than N" / "over N".
    public var aboveOffset: Int
    /// Bounds for each vague amount key used by the rule sets' `[vague]` sections.
    public var amounts: [String: Bounds]

    /// A pair of optional bounds.
    public struct Bounds: Sendable, Hashable {
        /// The lower bound, or nil for none.
        public var low: Int?
        /// The upper bound, or nil for none.
        public var high: Int?

        /// Bounds `low...high`, either open.
        public init(low: Int?, high: Int?) {
            self.low = low
            self.high = high
        }
    }

    /// A table with the given offset and vague amounts.
    public init(aboveOffset: Int, amounts: [String: Bounds]) {
        self.aboveOffset = aboveOffset
        self.amounts = amounts
    }

    /// The conventions of the labels: above +1, dozens 24.., hundreds 200.., tens 20.., several 2..,
    /// thousands 2000.., a dozen 12..12, none 0..0.
    public static let standard = QuantityConventions(
        aboveOffset: 1,
        amounts: [
            "dozens": Bounds(low: 24, high: nil), "hundreds": Bounds(low: 200, high: nil),
            "tens": Bounds(low: 20, high: nil), "several": Bounds(low: 2, high: nil),
            "thousands": Bounds(low: 2000, high: nil), "dozen": Bounds(low: 12, high: 12),
            "none": Bounds(low: 0, high: 0),
        ])

    /// Reads a `[conventions]` file: `above = N` and `key = LOW..HIGH` (either side may be empty).
    public init(parsing text: String) throws(RuleSetError) {
        self.init(aboveOffset: 1, amounts: [:])
        var lineNumber = 0
        var inSection = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = raw
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let t = line.trimmingSpaces
            if t.isEmpty { continue }
            if t == "[conventions]" {
                inSection = true
                continue
            }
            guard inSection else {
                throw RuleSetError(line: lineNumber, message: "expected the [conventions] header first")
            }
            guard let eq = t.firstIndex(of: "=") else {
                throw RuleSetError(line: lineNumber, message: "expected 'key = LOW..HIGH'")
            }
            let key = t[..<eq].trimmingSpaces
            let value = t[t.index(after: eq)...].trimmingSpaces
            if key == "above" {
                guard let n = Int(value.hasPrefix("+") ? String(value.dropFirst()) : value) else {
                    throw RuleSetError(line: lineNumber, message: "'above' takes an integer offset, not '\(value)'")
                }
                aboveOffset = n
                continue
            }
            let parts = value.componentsSeparatedByDots
            guard let parts else {
                throw RuleSetError(
                    line: lineNumber, message: "expected LOW..HIGH (e.g. 24.. or 12..12), not '\(value)'")
            }
            func bound(_ s: String) throws(RuleSetError) -> Int? {
                if s.isEmpty { return nil }
                guard let n = Int(s), n >= 0 else {
                    throw RuleSetError(line: lineNumber, message: "'\(s)' is not a non-negative integer")
                }
                return n
            }
            let low = try bound(parts.0)
            let high = try bound(parts.1)
            if let low, let high, low > high {
                throw RuleSetError(line: lineNumber, message: "low \(low) is above high \(high)")
            }
            amounts[key] = Bounds(low: low, high: high)
        }
    }
}

extension String {
    /// Splits `A..B` into its two trimmed sides; nil when there is no `..`.
    fileprivate var componentsSeparatedByDots: (String, String)? {
        let chars = Array(self)
        for i in 0..<max(0, chars.count - 1) where chars[i] == "." && chars[i + 1] == "." {
            return (String(chars[..<i]).trimmingSpaces, String(chars[(i + 2)...]).trimmingSpaces)
        }
        return nil
    }
}
