#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// ICUKit must not import Foundation (its ICU 76 would mix with the system ICU 72): run the repository's checker on
/// the tree, and its self-test that proves it catches every import form.
@Suite struct NoFoundationTests {
    static let script: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // NoFoundationTests.swift, ICUKitTests, Tests
        return parts.joined(separator: "/") + "/Scripts/check-no-foundation"
    }()

    static func run(_ arguments: String) -> Int32 {
        let status = system("'\(script)' \(arguments) > /dev/null 2>&1")
        return status == -1 ? -1 : (status >> 8) & 0xFF
    }

    @Test func treeHasNoFoundationImports() throws {
        try #require(access(Self.script, X_OK) == 0, "missing or not executable: \(Self.script)")
        #expect(Self.run("") == 0)
    }

    @Test func checkerCatchesEveryImportForm() throws {
        try #require(access(Self.script, X_OK) == 0)
        #expect(Self.run("--self-test") == 0)
    }
}
