import Extraction
import Foundation
import GazetteModel
import Toponyms

/// Paths and loaded rule sets shared by the tests. Files are read here, in tests, never by the library.
enum Fixtures {
    static let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")
    static let languages = ["en", "ar", "fr", "tr", "de", "es", "it", "pt"]

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    static let ruleSets: [RuleSet] = {
        languages.compactMap { lang in
            let url = repo.appendingPathComponent("Locales/\(lang)/extraction.rules")
            guard let text = try? Fixtures.text(url) else { return nil }
            do { return try RuleSet(parsing: text, language: lang) } catch {
                fatalError("\(url.path): \(error)")
            }
        }
    }()

    static let conventions: QuantityConventions = {
        let url = repo.appendingPathComponent("Locales/quantities.rules")
        return (try? QuantityConventions(parsing: Fixtures.text(url))) ?? .standard
    }()

    static let gazetteer: Gazetteer? = {
        let url = repo.appendingPathComponent("Locales/gazetteer/syria.tsv")
        guard let text = try? Fixtures.text(url) else { return nil }
        return try? Gazetteer(tsv: text, origin: url.path)
    }()

    static let extractor = Extractor(ruleSets: ruleSets, conventions: conventions, gazetteer: gazetteer)
    static let reader = DocumentReader(ruleSets: ruleSets)

    static func read(_ url: URL) throws -> [Document] {
        let bytes = [UInt8](try Data(contentsOf: url))
        return try reader.read(bytes, fileName: url.lastPathComponent).documents
    }

    /// One document from text written in a test.
    static func document(_ text: String, name: String = "test.txt") throws -> Document {
        try reader.read(Array(text.utf8), fileName: name).documents[0]
    }
}
