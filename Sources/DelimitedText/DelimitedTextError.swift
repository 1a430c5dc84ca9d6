/// A problem in delimited text, located by line, column and byte so a person can find it in an editor.
///
/// ```swift
/// String(describing: error)   // "input.csv:12:7: unterminated quoted field"
/// ```
public struct DelimitedTextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A quoted field reached the end of the input without its closing quote.
        case unterminatedQuote
        /// A closing quote was followed by something other than a delimiter or a line end (`"ab"c`).
        case characterAfterClosingQuote
        /// The bytes at the location are not valid UTF-8.
        case invalidUTF8
        /// A record has a different number of fields than the header (only when reading strictly).
        case fieldCountMismatch(expected: Int, found: Int)
    }

    public var kind: Kind
    /// The file or stream name used in messages (`input.csv`, `<stdin>`); empty when unknown.
    public var origin: String
    /// 1-based line number; lines are counted at every LF, CRLF or lone CR, also inside quoted fields.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// 0-based offset of the offending byte in the input, BOM included.
    public var byteOffset: Int

    public init(kind: Kind, origin: String = "", line: Int, column: Int, byteOffset: Int) {
        self.kind = kind
        self.origin = origin
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// `origin:line:column: message`, the format compilers use, so editors can jump to it.
    public var description: String {
        let message: String
        switch kind {
        case .unterminatedQuote: message = "unterminated quoted field"
        case .characterAfterClosingQuote: message = "unexpected character after a closing quote"
        case .invalidUTF8: message = "invalid UTF-8 (byte offset \(byteOffset))"
        case .fieldCountMismatch(let expected, let found):
            message = "expected \(expected) field\(expected == 1 ? "" : "s"), found \(found)"
        }
        let place = "\(line):\(column)"
        return origin.isEmpty ? "\(place): \(message)" : "\(origin):\(place): \(message)"
    }
}
