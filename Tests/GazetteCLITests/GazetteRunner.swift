import Foundation
import Testing

/// Runs the built `gazette` binary the way a user does, and captures what it prints.
struct GazetteRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The TSV on standard output as rows of cells keyed by the header.
        var tsvRecords: [[String: String]] {
            let lines = stdout.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            else { return [] }
            return lines.dropFirst().map { line in
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                var record: [String: String] = [:]
                for (i, name) in header.enumerated() { record[name] = i < cells.count ? cells[i] : "" }
                return record
            }
        }
    }

    /// The repository root (the folder with Package.swift).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository: real documents used for tests, never copied into the repository.
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// The binary next to the test bundle (`swift build --build-tests` builds both into one folder).
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("gazette")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/gazette")
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        var env = ProcessInfo.processInfo.environment
        env["GAZETTE_HOME"] = repository.path
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let errData = ReadBox()
        let thread = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        thread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errData.data == nil { usleep(1000) }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.data ?? Data(), as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

private final class ReadBox: @unchecked Sendable {
    var data: Data?
}
