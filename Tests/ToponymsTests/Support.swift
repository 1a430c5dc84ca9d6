import Foundation
import Toponyms

/// Files of the repository and of `../shared`, located from this source file.
enum Files {
    static let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")
    static let gazetteerPath = repo.appendingPathComponent("Locales/gazetteer/syria.tsv").path

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The shipped gazetteer, read once per test process.
    static let gazetteer: Gazetteer = {
        do {
            return try Gazetteer(tsv: try text(gazetteerPath), origin: gazetteerPath)
        } catch {
            fatalError("cannot read the gazetteer: \(error)")
        }
    }()
}
