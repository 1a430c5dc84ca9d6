import Foundation
import ReconciliationService
import Toponyms

/// The service over the repository's Syrian gazetteer, built once for every test (the index is the slow part).
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let gazetteer: Gazetteer = {
        let url = repository.appendingPathComponent("Locales/gazetteer/syria.tsv")
        do {
            return try Gazetteer(tsv: try String(contentsOf: url, encoding: .utf8), origin: url.path)
        } catch {
            fatalError("cannot read the gazetteer at \(url.path): \(error)")
        }
    }()

    static let service: ReconciliationService = {
        // Hummingbird logs every start at info level; the tests only want to hear about problems.
        setenv("LOG_LEVEL", "critical", 1)
        return ReconciliationService(gazetteer: gazetteer)
    }()
}

struct ServerDidNotStart: Error {}

/// Runs `service` on a free port of 127.0.0.1 for the length of `body`, then stops it (task cancellation shuts
/// the application's service group down) and waits until it has stopped.
func withServer<T: Sendable>(
    _ service: ReconciliationService = Fixture.service,
    _ body: (Int) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let server = Task {
        try await service.serve(host: "127.0.0.1", port: 0) { port in
            continuation.yield(port)
            continuation.finish()
        }
    }
    let port = await withTaskGroup(of: Int?.self) { group in
        group.addTask {
            for await port in ports { return port }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(30))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        continuation.finish()
        return first
    }
    guard let port else {
        server.cancel()
        _ = await server.result
        throw ServerDidNotStart()
    }
    do {
        let result = try await body(port)
        server.cancel()
        _ = await server.result
        return result
    } catch {
        server.cancel()
        _ = await server.result
        throw error
    }
}

/// `queries=<json>` as a form body.
func queriesForm(_ json: String) -> [UInt8] {
    HTTPClient.form([("queries", json)])
}

/// The candidates of query `key` in a reconciliation answer.
func candidates(_ reply: HTTPReply, _ key: String) -> [[String: Any]] {
    ((reply.object?[key] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
}

func ids(_ candidates: [[String: Any]]) -> [String] {
    candidates.compactMap { $0["id"] as? String }
}

func matched(_ candidates: [[String: Any]]) -> [String] {
    candidates.filter { ($0["match"] as? Bool) == true }.compactMap { $0["id"] as? String }
}
