/// A problem in a text Gazette reads — a gazetteer, a decisions file, a report definition, a strings file, an
/// incident table — named by where it is (`origin:line`) and said in words a user can act on.
///
/// One type for every such file, so every message has the same shape:
/// `Locales/gazetteer/syria.tsv:12: expected 16 columns, found 15`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other origin) the text came from.
    public var origin: String
    /// The 1-based line, or 0 when the problem concerns the whole text.
    public var line: Int
    /// What is wrong and, where it helps, what to do.
    public var message: String

    /// Creates an error.
    public init(origin: String, line: Int, message: String) {
        self.origin = origin
        self.line = line
        self.message = message
    }

    /// `origin:line: message`, or `origin: message` for the whole text.
    public var description: String { line > 0 ? "\(origin):\(line): \(message)" : "\(origin): \(message)" }
}
