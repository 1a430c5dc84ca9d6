/// A source document once read: text, metadata and the date it was published.
public struct Document: Sendable, Hashable {
    /// The file name without its extension (`en-002`), or the JSON Lines record's id.
    public var id: String
    /// Where it was read from (a path, or `path:line` for JSON Lines).
    public var origin: String
    /// `Key: value` header lines or JSON metadata, keys lower-cased (`url`, `source`, `lang`, `published`).
    public var metadata: [String: String]
    /// ISO 639-1 code of the main language (`en`, `ar`, `fr`), from `LANG:` or detection.
    public var language: String
    /// The publication date, from the dateline, a header, or metadata.
    public var dateline: CivilDate?
    public var title: String?
    /// The text, without header lines or markup.
    public var body: String
    /// Problems met while reading that did not stop it (replaced bytes, odd encodings), for the user.
    public var warnings: [String]

    public init(
        id: String,
        origin: String,
        metadata: [String: String] = [:],
        language: String,
        dateline: CivilDate? = nil,
        title: String? = nil,
        body: String,
        warnings: [String] = []
    ) {
        self.id = id
        self.origin = origin
        self.metadata = metadata
        self.language = language
        self.dateline = dateline
        self.title = title
        self.body = body
        self.warnings = warnings
    }
}
