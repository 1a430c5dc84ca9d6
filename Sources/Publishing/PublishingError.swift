/// A problem in a report definition or a strings file, named by file and line.
public struct PublishingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or other origin) the text came from.
    public var origin: String
    /// 1-based line, or 0 when the problem is not on one line.
    public var line: Int
    public var message: String

    /// Creates an error.
    public init(origin: String, line: Int, message: String) {
        self.origin = origin
        self.line = line
        self.message = message
    }

    /// `origin:line: message`.
    public var description: String { line > 0 ? "\(origin):\(line): \(message)" : "\(origin): \(message)" }
}
