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
        self.ruleSets = ruleSets
        self.gazetteer = gazetteer
        reader = DocumentReader(ruleSets: ruleSets)
        extractor = Extractor(ruleSets: ruleSets, conventions: conventions, gazetteer: gazetteer)
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

    /// The pipeline `init(_:_:resources:diagnostics:)` builds and the files of `paths`, listed while the gazetteer
    /// and its indexes are built on another thread: both take a few tenths of a second and neither needs the
    /// other. Problems with the paths are reported as `incidents(of:diagnostics:)` reports them; an error loading
    /// the gazetteer or rule sets is thrown after the listing.
    static func prepare(
        _ gazetteerOptions: GazetteerOptions, _ decisionOptions: DecisionOptions, paths: [String],
        diagnostics: Diagnostics
    ) throws -> (pipeline: Pipeline, files: [URL]) {
        let built = Mutex<Result<Pipeline, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result = Result {
                let gazetteer = try gazetteerOptions.load()
                return try Pipeline(resources: try Resources.locate(), gazetteer: gazetteer)
            }
            built.withLock { $0 = result }
            done.signal()
        }
        let files =
            Pipeline.listFolders(paths, extensions: Pipeline.documentExtensions)
            ?? Files.expand(paths, extensions: Pipeline.documentExtensions, diagnostics: diagnostics)
        done.wait()
        guard var pipeline = try built.withLock({ $0 })?.get() else { throw CLIError.resources("no pipeline") }
        pipeline.decisions = try decisionOptions.load(gazetteer: pipeline.gazetteer, diagnostics: diagnostics)
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
        let results = Mutex<[Int: FileResult]>([:])
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let extractor = self.extractor
        let reader = self.reader
        // Workers take the next file as they finish one, so a single large file does not leave a core idle.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let session = extractor.session()
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < files.count else { break }
                let result = Pipeline.process(files[i], reader: reader, session: session)
                results.withLock { $0[i] = result }
            }
        }
        var ordered = results.withLock { all in (0..<files.count).compactMap { all[$0] } }
        if !decisions.entries.isEmpty {
            for i in ordered.indices {
                ordered[i].incidents = ordered[i].incidents.map { decisions.apply(to: $0, gazetteer: gazetteer) }
            }
        }
        return ordered
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

    /// `Files.expand(paths, extensions:diagnostics:)` when every path is a folder holding only folders and
    /// regular files, some of them documents: listed with `readdir`, whose entries say their type, instead
    /// of asking for each file's attributes (a third of a second for 10,000 files, before any work can start).
    /// The URLs are built, filtered and sorted as `Files.expand` builds, filters and sorts them. Nil otherwise
    /// (a file, a missing path, a link, an unreadable or empty folder): `Files.expand` then lists them and
    /// reports what it reports.
    static func listFolders(_ paths: [String], extensions: Set<String>) -> [URL]? {
        var out: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else { return nil }
            var found: [(path: String, url: URL)] = []
            guard walk(URL(fileURLWithPath: path), extensions: extensions, into: &found), !found.isEmpty else {
                return nil
            }
            found.sort { $0.path < $1.path }
            out += found.map(\.url)
        }
        return out
    }

    /// Adds the documents under `folder` to `found`; false on anything `listFolders` leaves to `Files.expand`.
    private static func walk(
        _ folder: URL, extensions: Set<String>, into found: inout [(path: String, url: URL)]
    ) -> Bool {
        guard let stream = opendir(folder.path) else { return false }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            // Hidden entries (and "." and "..") are skipped, as the enumerator's `.skipsHiddenFiles` does.
            if name.hasPrefix(".") { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                guard walk(folder.appendingPathComponent(name, isDirectory: true), extensions: extensions, into: &found)
                else { return false }
            case Int32(DT_REG):
                let file = folder.appendingPathComponent(name, isDirectory: false)
                if extensions.contains(file.pathExtension.lowercased()),
                    !file.lastPathComponent.uppercased().hasPrefix("README")
                {
                    found.append((file.path, file))
                }
            default:
                return false
            }
        }
        return true
    }

    /// The bytes of a regular file of up to 1 MB with one `read`, or nil (then `Files.read` reads it, or says
    /// why it cannot): for a press release of a few kilobytes, mapping the file and copying the mapping cost
    /// more than the reading.
    private static func readSmallFile(_ url: URL) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 1_000_000 else { return nil }
        let size = Int(info.st_size)
        var complete = false
        // One byte more than the size: reading it tells that the file grew since `fstat`.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var total = 0
            while total <= size {
                let n = read(fd, buffer.baseAddress! + total, size + 1 - total)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                total += n
            }
            count = total
            complete = total == size
        }
        return complete ? bytes : nil
    }

    private static func process(_ url: URL, reader: DocumentReader, session: ExtractionSession) -> FileResult {
        var result = FileResult(url: url)
        var bytes: [UInt8]
        do {
            if let small = Pipeline.readSmallFile(url) { bytes = small } else { bytes = try Files.read(url) }
        } catch {
            result.errors.append(error.description)
            return result
        }
        do {
            let read = try reader.read(bytes, fileName: url.path, using: session)
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
