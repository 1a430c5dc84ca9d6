/// A value to write into a CSV cell, typed so the writer knows what a spreadsheet should see.
///
/// Only `.text` is protected: a number the caller means as a number (`.integer(-5)`) is written as `-5` and
/// stays a number, while the text `"-5"` is neutralized. See `CSVWriter` for the rules.
public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Text: neutralized when it begins like a formula, protected when a spreadsheet would convert it.
    case text(String)
    /// A whole number, written as plain ASCII digits with a leading `-` when negative.
    case integer(Int)
    /// Text the caller vouches for, written with RFC 4180 quoting only: an ISO date (`2017-12-19`) that a
    /// spreadsheet should read as a date. Formula-like text is still neutralized.
    case verbatim(String)
    /// A value copied from the user's own file (`gazette reconcile` keeps every column as it was): RFC 4180
    /// quoting, no conversion protection, and formula neutralization only where it is a formula: a value that
    /// begins with `=`, `@`, TAB, CR or LF, or with `+`/`-` and is not a plain number (`-33.5` stays a number).
    case copied(String)
    /// An empty cell (an unknown or open value).
    case empty

    /// `.text(value)`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `.integer(value)`.
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// `.integer(n)`, or `.empty` for nil: the usual shape of a bound that may be unknown.
    public static func integer(_ n: Int?) -> Cell { n.map(Cell.integer) ?? .empty }
}
