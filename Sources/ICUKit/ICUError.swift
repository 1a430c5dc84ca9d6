internal import CICU

/// A failure reported by ICU: the raw `UErrorCode` and what was being done when it happened.
///
/// ICU warnings (negative codes) are treated as success and never thrown.
///
/// ```swift
/// do { _ = try Transliterator(id: "No-Such-Transform") } catch { print(error) }
/// // U_INVALID_ID (opening transliterator 'No-Such-Transform')
/// ```
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The raw `UErrorCode` (positive: an error).
    public let code: Int32
    /// What was being done, e.g. "opening transliterator 'Any-Latin'".
    public let operation: String

    /// Creates an error from a raw `UErrorCode` and a description of the operation that failed.
    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// ICU's name for the code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
    public var name: String { String(cString: cicu_error_name(code)) }

    /// "U_INVALID_ID (opening transliterator 'X')".
    public var description: String { "\(name) (\(operation))" }
}

/// `U_BUFFER_OVERFLOW_ERROR`: the only code on which a call is retried (once, with the size ICU asked for).
let bufferOverflowCode: Int32 = 15

extension Int32 {
    /// Warnings (negative) and `U_ZERO_ERROR` are success, as in ICU's `U_SUCCESS`.
    var isICUSuccess: Bool { self <= 0 }

    func checkICU(_ operation: @autoclosure () -> String) throws(ICUError) {
        if !isICUSuccess { throw ICUError(code: self, operation: operation()) }
    }
}
