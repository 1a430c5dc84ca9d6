import Foundation
public import GazetteModel

/// One query of a batch, as the Reconciliation Service API v0.2 defines it, once checked.
public struct ReconciliationQuery: Sendable, Hashable {
    /// The key of the query in the batch (`q0`); the answer uses the same key.
    public var key: String
    /// The name to reconcile.
    public var query: String
    /// Only candidates of this kind, or any kind when `nil`.
    public var type: Place.Kind?
    /// At most this many candidates.
    public var limit: Int
    /// The values of the `context`, `governorate` and `district` properties, joined by spaces: given to the
    /// matcher as the context that narrows homonyms.
    public var context: String

    /// Creates a query.
    public init(key: String, query: String, type: Place.Kind? = nil, limit: Int = 5, context: String = "") {
        self.key = key
        self.query = query
        self.type = type
        self.limit = limit
        self.context = context
    }

    /// Property ids whose values narrow the candidates. All of them become the matcher's context: the matcher
    /// finds governorate and district names and P-codes in any of them.
    public static let contextProperties = ["context", "governorate", "district", "subdistrict"]

    /// Reads and checks a batch: a JSON object of `{"q0": {"query": ..., "type"?, "limit"?, "properties"?}}`.
    ///
    /// - Throws: ``ReconciliationError`` with status 400 for malformed JSON, a wrong shape, an unknown type or
    ///   property (the message names the query key and the field), and 413 for more than `maximumBatchSize`
    ///   queries. Queries come back sorted by key, so answers do not depend on the order of a dictionary.
    public static func batch(
        json: [UInt8], defaultLimit: Int = 5, maximumLimit: Int = 25, maximumBatchSize: Int = 1_000
    ) throws(ReconciliationError) -> [ReconciliationQuery] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        } catch {
            throw ReconciliationError(
                .badRequest, "the queries parameter is not valid JSON",
                details: jsonErrorDetails(error, bytes: json))
        }
        guard case .object(let queries) = value else {
            throw ReconciliationError(
                .badRequest, "the queries parameter must be a JSON object",
                details: #"expected {"q0": {"query": "Duma"}}, found \#(value.kind)"#)
        }
        guard queries.count <= maximumBatchSize else {
            throw ReconciliationError(
                .contentTooLarge, "too many queries in one batch",
                details: "\(queries.count) queries; send at most \(maximumBatchSize) per request")
        }
        return try queries.keys.sorted().map { key throws(ReconciliationError) in
            try query(key: key, queries[key]!, defaultLimit: defaultLimit, maximumLimit: maximumLimit)
        }
    }

    private static func query(
        key: String, _ value: JSONValue, defaultLimit: Int, maximumLimit: Int
    ) throws(ReconciliationError) -> ReconciliationQuery {
        func bad(_ message: String, _ details: String = "") -> ReconciliationError {
            ReconciliationError(.badRequest, "query \(key): \(message)", details: details)
        }
        guard case .object(let fields) = value else {
            throw bad("must be an object with a query field", "found \(value.kind)")
        }
        guard case .string(let text)? = fields["query"] else {
            throw bad(fields["query"] == nil ? "no query field" : "query must be a string",
                      #"e.g. {"query": "Maarat al-Numan", "type": "community"}"#)
        }
        var result = ReconciliationQuery(key: key, query: text, limit: defaultLimit)

        switch fields["type"] {
        case nil, .null?:
            break
        case .string(let id)?:
            result.type = try kind(id, bad)
        case .array(let ids)?:
            // v0.2 clients send one type; a list of one is accepted, more than one kind means any of them.
            let kinds = try ids.map { value throws(ReconciliationError) -> Place.Kind in
                guard case .string(let id) = value else { throw bad("type must be a string", "found \(value.kind)") }
                return try kind(id, bad)
            }
            result.type = Set(kinds).count == 1 ? kinds[0] : nil
        case let other?:
            throw bad("type must be a string", "found \(other.kind)")
        }

        switch fields["limit"] {
        case nil, .null?:
            break
        case .number(let n)?:
            guard n == n.rounded(), n >= 1 else {
                throw bad("limit must be a whole number of at least 1", "found \(n)")
            }
            result.limit = n > Double(maximumLimit) ? maximumLimit : Int(n)
        case .string(let s)? where Int(s) != nil:
            guard let n = Int(s), n >= 1 else { throw bad("limit must be a whole number of at least 1", "found \(s)") }
            result.limit = min(n, maximumLimit)
        case let other?:
            throw bad("limit must be a number", "found \(other.kind)")
        }

        switch fields["properties"] {
        case nil, .null?:
            break
        case .array(let properties)?:
            var contexts: [String] = []
            for (i, property) in properties.enumerated() {
                guard case .object(let p) = property else {
                    throw bad("properties[\(i)] must be an object {\"pid\": ..., \"v\": ...}", "found \(property.kind)")
                }
                guard case .string(let pid)? = p["pid"] ?? p["p"] else {
                    throw bad("properties[\(i)] has no pid string", #"e.g. {"pid": "context", "v": "Idlib"}"#)
                }
                guard contextProperties.contains(pid) else {
                    throw bad("unknown property '\(pid)'",
                              "known properties: \(contextProperties.joined(separator: ", ")); "
                                  + "each names an admin unit or region that narrows the candidates")
                }
                contexts.append(contentsOf: try texts(p["v"] ?? .null, at: "properties[\(i)].v", bad))
            }
            result.context = contexts.filter { !$0.isEmpty }.joined(separator: " ")
        case let other?:
            throw bad("properties must be an array", "found \(other.kind)")
        }
        return result
    }

    private static func kind(
        _ id: String, _ bad: (String, String) -> ReconciliationError
    ) throws(ReconciliationError) -> Place.Kind {
        if let kind = Place.Kind(rawValue: id) { return kind }
        throw bad("unknown type '\(id)'",
                  "known types: \(Place.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    /// A property value as text: a string, a number, a reconciled value `{"id": "SY07", "name": ...}` (its id,
    /// a P-code the matcher reads), or a list of these.
    private static func texts(
        _ value: JSONValue, at path: String, _ bad: (String, String) -> ReconciliationError
    ) throws(ReconciliationError) -> [String] {
        switch value {
        case .null: return []
        case .string(let s): return [s]
        case .number(let n): return [n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)]
        case .bool: throw bad("\(path) must be a string", "found a boolean")
        case .object(let o):
            if case .string(let id)? = o["id"] { return [id] }
            if case .string(let name)? = o["name"] { return [name] }
            throw bad("\(path) must be a string or {\"id\": ...}", "found an object without id or name")
        case .array(let values):
            var out: [String] = []
            for (i, v) in values.enumerated() { out += try texts(v, at: "\(path)[\(i)]", bad) }
            return out
        }
    }

    /// The decoder's complaint in words, with the byte where parsing stopped when it says so.
    private static func jsonErrorDetails(_ error: any Error, bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "the parameter is empty"
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            return "byte \(firstInvalidUTF8(bytes)) starts an invalid UTF-8 sequence"
        }
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }
}
