import Foundation

/// Finds Gazette's data folders (`Locales/`, `Reports/`) at run time.
///
/// Order: `$GAZETTE_HOME`; then the folders above the executable (a build in `.build/debug/gazette` finds the
/// source tree it was built from); then the folders above the current directory.
struct Resources {
    /// The folder that holds `Locales/` and `Reports/`.
    let root: URL

    var locales: URL { root.appendingPathComponent("Locales", isDirectory: true) }
    var reports: URL { root.appendingPathComponent("Reports", isDirectory: true) }
    var defaultGazetteer: URL { locales.appendingPathComponent("gazetteer/syria.tsv") }

    static func locate() throws -> Resources {
        let env = ProcessInfo.processInfo.environment
        if let home = env["GAZETTE_HOME"], !home.isEmpty {
            let url = URL(fileURLWithPath: home, isDirectory: true)
            guard isRoot(url) else {
                throw CLIError.resources("GAZETTE_HOME=\(home) has no Locales/ folder; point it at the Gazette source tree")
            }
            return Resources(root: url)
        }
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        ]
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                if isRoot(dir) { return Resources(root: dir) }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw CLIError.resources(
            "cannot find Gazette's Locales/ folder near the executable or the current folder; "
                + "set GAZETTE_HOME to the Gazette source tree")
    }

    private static func isRoot(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(
            atPath: url.appendingPathComponent("Locales/gazetteer").path, isDirectory: &isDir) && isDir.boolValue
    }
}
