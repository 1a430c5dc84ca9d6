import Extraction
import Foundation
import GazetteModel
import Synchronization
import Toponyms

/// Documents in, incidents out: reading and extraction over many files, on every core.
///
/// The CLI owns the files; the stages below it are values. Reading and extraction run in parallel, one
/// `ExtractionSession` per worker (ICU's break iterators, spellout parsers and the matcher's memo are not
/// shareable), and the result is put back in input order so output is the same on every run.
struct Pipeline {
    let ruleSets: [RuleSet]
    let reader: DocumentReader
    let extractor: Extractor
    let gazetteer: Gazetteer
    /// A person's decisions on place names, applied to every incident after extraction.
    var decisions = Decisions()

    /// Loads every `Locales/<lang>/extraction.rules` and `Locales/quantities.rules`.
    init(resources: Resources, gazetteer: Gazetteer) throws {
        let rules = try Self.rules(resources)
        self.init(ruleSets: rules.ruleSets, conventions: rules.conventions, gazetteer: gazetteer)
    }

    /// The pipeline of rule sets read before.
    init(ruleSets: [RuleSet], conventions: QuantityConventions, gazetteer: Gazetteer) {
        self.ruleSets = ruleSets
        self.gazetteer = gazetteer
        reader = DocumentReader(ruleSets: ruleSets)
        extractor = Extractor(ruleSets: ruleSets, conventions: conventions, gazetteer: gazetteer)
    }

    /// Every `Locales/<lang>/extraction.rules` and `Locales/quantities.rules` of `resources`.
    static func rules(_ resources: Resources) throws -> (ruleSets: [RuleSet], conventions: QuantityConventions) {
        let fm = FileManager.default
        var ruleSets: [RuleSet] = []
        let languages = (try? fm.contentsOfDirectory(atPath: resources.locales.path))?.sorted() ?? []
        for language in languages {
            let url = resources.locales.appendingPathComponent(language).appendingPathComponent("extraction.rules")
            guard fm.fileExists(atPath: url.path) else { continue }
            ruleSets.append(try Files.parse(url) { try RuleSet(parsing: $0, language: language) })
        }
        guard !ruleSets.isEmpty else {
            throw CLIError.resources("no rule sets found under \(resources.locales.path)/<lang>/extraction.rules")
        }
        let conventionsURL = resources.locales.appendingPathComponent("quantities.rules")
        var conventions = QuantityConventions.standard
        if fm.fileExists(atPath: conventionsURL.path) {
            conventions = try Files.parse(conventionsURL) { try QuantityConventions(parsing: $0) }
        }
        return (ruleSets, conventions)
    }

    /// The pipeline a command's options describe: the gazetteer (`--gazetteer`), the rule sets found with it,
    /// and a person's decisions on place names (`--decisions`).
    init(
        _ gazetteerOptions: GazetteerOptions, _ decisionOptions: DecisionOptions, resources: Resources? = nil,
        diagnostics: Diagnostics
    ) throws {
        let gazetteer = try gazetteerOptions.load()
        try self.init(resources: try resources ?? Resources.locate(), gazetteer: gazetteer)
        decisions = try decisionOptions.load(gazetteer: gazetteer, diagnostics: diagnostics)
    }

    /// The pipeline `init(_:_:resources:diagnostics:)` builds and the files of `paths`. The gazetteer is read on
    /// another thread while the files are listed and the rule sets read; then the indexes are built. Problems
    /// with the paths are reported as `incidents(of:diagnostics:)` reports them; an error loading the gazetteer or
    /// rule sets is thrown after the listing.
    static func prepare(
        _ gazetteerOptions: GazetteerOptions, _ decisionOptions: DecisionOptions, paths: [String],
        diagnostics: Diagnostics
    ) throws -> (pipeline: Pipeline, files: [URL]) {
        let loaded = Mutex<Result<Gazetteer, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result = Result { try gazetteerOptions.load() }
            loaded.withLock { $0 = result }
            done.signal()
        }
        let files = Files.expand(paths, extensions: Pipeline.documentExtensions, diagnostics: diagnostics)
        let rules = Result { try Self.rules(try Resources.locate()) }
        done.wait()
        guard let gazetteer = try loaded.withLock({ $0 })?.get() else { throw CLIError.resources("no gazetteer") }
        let (ruleSets, conventions) = try rules.get()
        var pipeline = Pipeline(ruleSets: ruleSets, conventions: conventions, gazetteer: gazetteer)
        pipeline.decisions = try decisionOptions.load(gazetteer: gazetteer, diagnostics: diagnostics)
        return (pipeline, files)
    }

    /// The file extensions read inside folders.
    static let documentExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "jsonl", "ndjson"]

    /// One file's outcome.
    struct FileResult: Sendable {
        var url: URL
        /// The documents read, without their text (`body` is empty once they are extracted).
        var documents: [Document] = []
        var incidents: [Incident] = []
        var errors: [String] = []
        var warnings: [String] = []
    }

    /// Reads and extracts every file, in parallel; results in input order.
    func run(_ files: [URL]) -> [FileResult] {
        run(files) { $0 }
    }

    /// Reads and extracts every file in parallel, and hands each file's result, with the decisions applied, to
    /// `finish` on the worker that read it; what `finish` returns comes back in input order. Work that is per file
    /// (such as writing its rows) done in `finish` runs on every core instead of after the last file.
    func run<T: Sendable>(_ files: [URL], finish: @Sendable (FileResult) -> T) -> [T] {
        let results = Mutex<[Int: T]>([:])
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let extractor = self.extractor
        let reader = self.reader
        let decisions = self.decisions
        let gazetteer = self.gazetteer
        // Workers take the next file as they finish one, so a single large file does not leave a core idle.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let session = extractor.session()
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < files.count else { break }
                var result = Pipeline.process(files[i], reader: reader, session: session)
                if !decisions.entries.isEmpty {
                    result.incidents = result.incidents.map { decisions.apply(to: $0, gazetteer: gazetteer) }
                }
                let finished = finish(result)
                results.withLock { $0[i] = finished }
            }
        }
        return results.withLock { all in (0..<files.count).compactMap { all.removeValue(forKey: $0) } }
    }

    /// Every incident of `paths` (files or folders), with problems reported to `diagnostics`, and the documents
    /// read (without their text).
    func incidents(of paths: [String], diagnostics: Diagnostics) -> (incidents: [Incident], documents: [Document]) {
        incidents(of: Files.expand(paths, extensions: Pipeline.documentExtensions, diagnostics: diagnostics),
                  diagnostics: diagnostics)
    }

    /// Every incident of `files` (listed already), with problems reported to `diagnostics`.
    func incidents(of files: [URL], diagnostics: Diagnostics) -> (incidents: [Incident], documents: [Document]) {
        var incidents: [Incident] = []
        var documents: [Document] = []
        for result in run(files) {
            result.errors.forEach(diagnostics.failure)
            result.warnings.forEach(diagnostics.warning)
            incidents += result.incidents
            documents += result.documents
        }
        return (incidents, documents)
    }

    private static func process(_ url: URL, reader: DocumentReader, session: ExtractionSession) -> FileResult {
        var result = FileResult(url: url)
        let path = url.path
        let bytes: [UInt8]
        do {
            bytes = try Files.read(path: path)
        } catch {
            result.errors.append(error.description)
            return result
        }
        do {
            let read = try reader.read(bytes, fileName: path, using: session)
            result.documents = read.documents
            result.errors += read.errors.map(\.description)
        } catch {
            result.errors.append(error.description)
            return result
        }
        for document in result.documents {
            result.warnings += document.warnings.map { "\(document.origin): \($0)" }
            var incidents = session.extract(document)
            for i in incidents.indices where incidents[i].source.isEmpty {
                incidents[i].source = document.metadata["source"] ?? ""
            }
            result.incidents += incidents
        }
        // The text has been read: what callers use of a document is its id, language and metadata. Dropped
        // here, on the worker, rather than kept for the whole run (10,000 documents' text) and freed at the end.
        for i in result.documents.indices { result.documents[i].body = "" }
        return result
    }
}
