/// Why a request was refused: the HTTP status and a message for the person who sent it.
///
/// Sent as `{"error": message, "details": details}` with the status; the server goes on serving.
public struct ReconciliationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP statuses the service refuses with.
    public enum Status: Int, Sendable, Hashable {
        /// Malformed JSON or form encoding, a wrong shape, an unknown type or property.
        case badRequest = 400
        /// No place with that id.
        case notFound = 404
        /// The body or the batch is larger than the service accepts.
        case contentTooLarge = 413
        /// A body in an encoding other than form or JSON.
        case unsupportedMediaType = 415
    }

    /// The HTTP status.
    public var status: Status
    /// What is wrong, in one line.
    public var message: String
    /// Where and what to do: the query key, the byte, the accepted values.
    public var details: String

    /// Creates an error.
    public init(_ status: Status, _ message: String, details: String = "") {
        self.status = status
        self.message = message
        self.details = details
    }

    /// `status message (details)`.
    public var description: String {
        details.isEmpty ? "\(status.rawValue) \(message)" : "\(status.rawValue) \(message) (\(details))"
    }
}
