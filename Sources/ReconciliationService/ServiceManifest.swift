/// The service manifest a client reads first (`GET /reconcile` without `queries`): Reconciliation Service API
/// v0.2 fields only.
public struct ServiceManifest: Sendable, Hashable, Encodable {
    /// Where the candidates of `view` and `preview` are shown.
    public struct View: Sendable, Hashable, Encodable {
        /// A URL template with `{{id}}`.
        public var url: String
    }

    /// A small page a client embeds to show a candidate.
    public struct Preview: Sendable, Hashable, Encodable {
        /// A URL template with `{{id}}`.
        public var url: String
        public var width: Int
        public var height: Int
    }

    /// `["0.1", "0.2"]`.
    public var versions: [String]
    /// The service's name, shown by clients in their list of services.
    public var name: String
    /// The namespace of the ids (OCHA P-codes).
    public var identifierSpace: String
    /// The namespace of the types.
    public var schemaSpace: String
    /// The gazetteer's kinds of place: community, subdistrict, district, governorate.
    public var defaultTypes: [ReconciliationType]
    /// `<base>/place/{{id}}`: a page for a person, when the base URL is known.
    public var view: View?
    /// `<base>/place/{{id}}?preview=1`.
    public var preview: Preview?

    /// The manifest of a service named `name`; `baseURL` (`http://127.0.0.1:8000`, no trailing slash) adds
    /// `view` and `preview`.
    public init(name: String, identifierSpace: String, schemaSpace: String, baseURL: String?) {
        versions = ["0.1", "0.2"]
        self.name = name
        self.identifierSpace = identifierSpace
        self.schemaSpace = schemaSpace
        defaultTypes = ReconciliationType.all
        if let baseURL {
            view = View(url: baseURL + "/place/{{id}}")
            preview = Preview(url: baseURL + "/place/{{id}}?preview=1", width: 420, height: 180)
        }
    }
}
