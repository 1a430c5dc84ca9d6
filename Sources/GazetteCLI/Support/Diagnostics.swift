import Foundation

/// Messages for the person at the terminal, on standard error, and a record of whether anything failed.
final class Diagnostics {
    private(set) var failures = 0
    private(set) var warnings = 0

    /// A problem that lost an input (a file that could not be read); the run goes on.
    func failure(_ message: String) {
        failures += 1
        emit("error: \(message)")
    }

    /// A problem that lost nothing (a replaced byte, an unmatched name).
    func warning(_ message: String) {
        warnings += 1
        emit("warning: \(message)")
    }

    func note(_ message: String) { emit(message) }

    private func emit(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
