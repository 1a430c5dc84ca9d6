import ArgumentParser

/// Errors the CLI reports to the user; each says what to do.
enum CLIError: Error, CustomStringConvertible {
    case resources(String)
    case input(path: String, message: String)
    case output(path: String, message: String)

    var description: String {
        switch self {
        case .resources(let m): return m
        case .input(let path, let m): return "\(path): \(m)"
        case .output(let path, let m): return "\(path): cannot write: \(m)"
        }
    }

    /// sysexits.h: EX_DATAERR for input, EX_CANTCREAT for output, EX_CONFIG for missing data files.
    var exitCode: ExitCode {
        switch self {
        case .input: return .dataError
        case .output: return ExitCode(73)
        case .resources: return ExitCode(78)
        }
    }
}

/// Exit codes from sysexits.h, as argument-parser uses for usage errors.
extension ExitCode {
    /// Some input was malformed or missing; the rest was processed.
    static let dataError = ExitCode(65)
}
