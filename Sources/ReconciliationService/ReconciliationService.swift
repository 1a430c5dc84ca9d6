import Foundation
import GazetteModel
public import Toponyms

/// A W3C Reconciliation Service API (v0.2) over the gazetteer, so that OpenRefine and other clients reconcile a
/// column of place names to OCHA P-codes with Gazette's matcher.
///
/// ```swift
/// let service = ReconciliationService(gazetteer: try Gazetteer(tsv: text))
/// let app = service.application(host: "127.0.0.1", port: 8000)
/// try await app.runService()      // until SIGINT or SIGTERM
/// ```
///
/// Endpoints (every response carries `Access-Control-Allow-Origin: *`):
/// - `GET /reconcile`: the ``ServiceManifest``; with `callback=f`, as JSONP.
/// - `GET|POST /reconcile?queries={...}`: a batch, `{"q0": {"query": "Duma", "type": "community", "limit": 3,
///   "properties": [{"pid": "context", "v": "Hama"}]}}`, in the URL or in a form-encoded body (what OpenRefine
///   sends) or as a JSON body; the answer is `{"q0": {"result": [ReconciliationCandidate]}}`.
/// - `GET /place/{id}`: the place as a small HTML page, or JSON with `?format=json` or `Accept: application/json`.
///
/// Types are the gazetteer's kinds of place, their ids the raw values of `Place.Kind` (`community`,
/// `subdistrict`, `district`, `governorate`): short, readable in a client's type box, and the same words the
/// CLI's output uses. The `context`, `governorate`, `district` and `subdistrict` properties narrow homonyms:
/// their values (names in any supported language, or P-codes) become the matcher's context. Refusals are 4xx
/// with `{"error": ..., "details": ...}`; see ``ReconciliationError``.
public struct ReconciliationService: Sendable {
    /// What the service accepts and how it names itself.
    public struct Configuration: Sendable, Hashable {
        /// The name clients show in their list of services.
        public var name = "Gazette: places of Syria (OCHA P-codes)"
        /// The namespace of the ids.
        public var identifierSpace = "https://data.humdata.org/dataset/cod-ab-syr#p-code"
        /// The namespace of the types.
        public var schemaSpace = "https://data.humdata.org/dataset/cod-ab-syr#admin-level"
        /// Candidates per query when the query gives no limit.
        public var defaultLimit = 5
        /// A larger limit is lowered to this.
        public var maximumLimit = 25
        /// More queries in one request are refused with 413.
        public var maximumBatchSize = 1_000
        /// A larger body (or query string) is refused with 413.
        public var maximumBodyBytes = 1 << 20
        /// Names matched before the matcher's memo is dropped (see ``SharedMatcher``).
        public var matcherRefreshInterval = 200_000
        /// The URL clients reach the service at (`https://example.org/gazette`), for the manifest's `view`;
        /// when `nil`, it is built from the request's `Host` header.
        public var publicURL: String?

        /// The defaults above.
        public init() {}
    }

    /// The gazetteer names are reconciled to.
    public let gazetteer: Gazetteer
    /// Limits and names.
    public let configuration: Configuration
    private let matcher: SharedMatcher

    /// Builds the matcher's index (about a tenth of a second for the full Syrian gazetteer).
    public init(gazetteer: Gazetteer, configuration: Configuration = Configuration()) {
        self.gazetteer = gazetteer
        self.configuration = configuration
        self.matcher = SharedMatcher(gazetteer: gazetteer, refreshInterval: configuration.matcherRefreshInterval)
    }

    /// The manifest; `baseURL` (no trailing slash) gives the `view` and `preview` templates.
    public func manifest(baseURL: String?) -> ServiceManifest {
        ServiceManifest(
            name: configuration.name, identifierSpace: configuration.identifierSpace,
            schemaSpace: configuration.schemaSpace, baseURL: configuration.publicURL ?? baseURL)
    }

    /// Reads, checks and answers a batch given as the JSON of the `queries` parameter.
    ///
    /// - Throws: ``ReconciliationError`` (400 or 413) before any name is matched when one query is wrong: a
    ///   client learns of a typo in a type at once, not as an empty column.
    public func reconcile(json: [UInt8]) async throws(ReconciliationError) -> [String: ReconciliationResult] {
        let queries = try ReconciliationQuery.batch(
            json: json, defaultLimit: configuration.defaultLimit, maximumLimit: configuration.maximumLimit,
            maximumBatchSize: configuration.maximumBatchSize)
        return await reconcile(queries)
    }

    /// Answers checked queries, keyed by ``ReconciliationQuery/key``.
    ///
    /// A type filter is also told to the matcher (as the word "district", "town" ... in its context), so that
    /// "Duma" asked as a district is the district Duma and not the town its seat, which the matcher prefers
    /// otherwise. `match` is `true` only for the first candidate of a query the matcher calls `matched`, and only
    /// when that candidate is of the requested type.
    public func reconcile(_ queries: [ReconciliationQuery]) async -> [String: ReconciliationResult] {
        let requests = queries.map { query in
            let hint = query.type.map(Self.hintWord) ?? ""
            return (name: query.query, context: [query.context, hint].filter { !$0.isEmpty }.joined(separator: " "))
        }
        let matches = await matcher.match(requests)
        var out: [String: ReconciliationResult] = [:]
        for (query, match) in zip(queries, matches) {
            var candidates: [ReconciliationCandidate] = []
            var seen: Set<String> = []
            for (i, candidate) in match.candidates.enumerated() {
                guard query.type == nil || candidate.place.kind == query.type,
                      seen.insert(candidate.place.id).inserted else { continue }
                let sure = i == 0 && match.status == .matched
                candidates.append(ReconciliationCandidate(place: candidate.place, score: candidate.score, match: sure))
                if candidates.count == query.limit { break }
            }
            out[query.key] = ReconciliationResult(result: candidates)
        }
        return out
    }

    /// The word of the matcher's vocabulary that asks for a kind of place.
    private static func hintWord(_ kind: Place.Kind) -> String {
        switch kind {
        case .community: "town"
        case .subdistrict: "subdistrict"
        case .district: "district"
        case .governorate: "governorate"
        }
    }

    /// The view of the place with P-code `id`.
    public func place(id: String) throws(ReconciliationError) -> PlaceView {
        guard let place = gazetteer.place(id: id) else {
            throw ReconciliationError(
                .notFound, "no place with id '\(id)'",
                details: "ids are OCHA P-codes such as C3978 (a community) or SY0703 (a district)")
        }
        return PlaceView(place)
    }

    /// JSON with sorted keys, so the same request gives the same bytes.
    static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            // Only non-finite doubles fail, and scores and coordinates are finite.
            return Array(#"{"error":"internal error: could not encode the answer"}"#.utf8)
        }
    }
}

extension Match {
    /// The distinct candidate ids in order and whether the matcher is sure: what the service's answer must agree
    /// with. For tests, whose target does not import GazetteModel.
    var idsAndCertainty: (ids: [String], matched: Bool) {
        var ids: [String] = []
        for candidate in candidates where !ids.contains(candidate.place.id) { ids.append(candidate.place.id) }
        return (ids, status == .matched)
    }
}
