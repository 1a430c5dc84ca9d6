import Foundation
import Testing
import Toponyms
@testable import ReconciliationService

/// A service over a gazetteer of a few rows written here, with tight limits, over real HTTP.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SmallGazetteerTests {
    /// Two governorates, and a village name shared by both: the smallest case of a homonym.
    static let tsv: String = {
        let rows = [
            ["SY05", "governorate", "Hama", "حماة", "Hamah", "SY05", "Hama", "حماة"]
                + Array(repeating: "", count: 8),
            ["SY07", "governorate", "Idleb", "إدلب", "Idlib", "SY07", "Idleb", "إدلب"]
                + Array(repeating: "", count: 8),
            ["C1", "community", "Kafr Nabudah", "كفرنبودة", "Kafranbouda", "SY05", "Hama", "حماة"]
                + Array(repeating: "", count: 6) + ["35.4", "36.5"],
            ["C2", "community", "Tell Aswad", "تل أسود", "", "SY05", "Hama", "حماة"]
                + Array(repeating: "", count: 6) + ["35.1", "36.6"],
            ["C3", "community", "Tell Aswad", "تل أسود", "", "SY07", "Idleb", "إدلب"]
                + Array(repeating: "", count: 6) + ["35.9", "36.6"],
        ]
        return ([Gazetteer.columns] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }()

    static func service(_ configure: (inout ReconciliationService.Configuration) -> Void = { _ in }) throws
        -> ReconciliationService
    {
        var configuration = ReconciliationService.Configuration()
        configure(&configuration)
        return ReconciliationService(gazetteer: try Gazetteer(tsv: tsv, origin: "test"), configuration: configuration)
    }

    @Test func homonymIsAmbiguousUntilAGovernorateIsGiven() async throws {
        try await withServer(try Self.service()) { port in
            let batch = """
                {"a": {"query": "Tell Aswad"},
                 "b": {"query": "تل اسود", "properties": [{"pid": "governorate", "v": "إدلب"}]},
                 "c": {"query": "Kafr Nabuda"}}
                """
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm(batch))
            #expect(reply.status == 200)
            #expect(Set(ids(candidates(reply, "a"))) == ["C2", "C3"])
            #expect(matched(candidates(reply, "a")).isEmpty)
            #expect(ids(candidates(reply, "b")) == ["C3"])
            #expect(ids(candidates(reply, "c")).first == "C1")
        }
    }

    @Test func limitsComeFromTheConfiguration() async throws {
        let service = try Self.service {
            $0.maximumBatchSize = 3
            $0.maximumBodyBytes = 2_000
            $0.defaultLimit = 1
            $0.publicURL = "https://gazette.example.org/api"
            $0.name = "Test places"
        }
        try await withServer(service) { port in
            let manifest = try await HTTPClient.get(port, "/reconcile")
            #expect(manifest.object?["name"] as? String == "Test places")
            #expect((manifest.object?["view"] as? [String: Any])?["url"] as? String
                == "https://gazette.example.org/api/place/{{id}}")

            let one = try await HTTPClient.post(
                port, "/reconcile", body: queriesForm(#"{"a": {"query": "Tell Aswad"}}"#))
            #expect(candidates(one, "a").count == 1)

            let four = (1...4).map { #""q\#($0)": {"query": "Hama"}"# }.joined(separator: ",")
            let tooMany = try await HTTPClient.post(port, "/reconcile", body: queriesForm("{\(four)}"))
            #expect(tooMany.status == 413)

            let long = String(repeating: "Tell Aswad ", count: 200)
            let tooLarge = try await HTTPClient.post(
                port, "/reconcile", body: queriesForm(#"{"a": {"query": "\#(long)"}}"#))
            #expect(tooLarge.status == 413)
            let tooLongURL = try await HTTPClient.get(
                port, "/reconcile?queries=" + String(repeating: "x", count: 3_000))
            #expect(tooLongURL.status == 413)

            #expect(try await HTTPClient.get(port, "/reconcile").status == 200)
        }
    }

    @Test func answersStayTheSameWhenTheMatcherIsRebuilt() async throws {
        // A refresh every two names: the memo is dropped between almost every batch.
        let service = try Self.service { $0.matcherRefreshInterval = 2 }
        try await withServer(service) { port in
            let batch = queriesForm(#"{"a": {"query": "Kafranbouda"}, "b": {"query": "Tell Aswad", "limit": 3}}"#)
            let first = try await HTTPClient.post(port, "/reconcile", body: batch)
            #expect(first.status == 200)
            for _ in 0..<5 {
                let again = try await HTTPClient.post(port, "/reconcile", body: batch)
                #expect(again.body == first.body)
            }
        }
    }

    @Test func hostileNamesGiveEmptyResultsNotErrors() async throws {
        try await withServer(try Self.service()) { port in
            let long = String(repeating: "Tell Aswad", count: 1_000)
            let batch = """
                {"empty": {"query": ""}, "long": {"query": "\(long)"}, "control": {"query": "\\u0000\\u0007\\u001b[2J"},
                 "mixed": {"query": "Tell أسود ТеллАсвад"}, "spaces": {"query": "   "}}
                """
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm(batch))
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.object?.count == 5)
            #expect(candidates(reply, "empty").isEmpty)
            #expect(candidates(reply, "long").isEmpty)
            #expect(candidates(reply, "spaces").isEmpty)
            #expect(matched(candidates(reply, "control")).isEmpty)
            #expect(try await HTTPClient.get(port, "/reconcile").status == 200)
        }
    }

    @Test func preflightAndHelpPage() async throws {
        try await withServer(try Self.service()) { port in
            let options = try await HTTPClient.perform(
                port, HTTPClient.request(port: port, method: "OPTIONS", target: "/reconcile", headers: [
                    "Origin": "http://localhost:3333", "Access-Control-Request-Method": "POST",
                ], body: []))
            #expect(options.status == 204)
            #expect(options.headers["access-control-allow-origin"] == "*")
            #expect(options.headers["access-control-allow-methods"]?.contains("POST") == true)

            let help = try await HTTPClient.get(port, "/")
            #expect(help.status == 200)
            #expect(help.text.contains("http://127.0.0.1:\(port)/reconcile"))
        }
    }
}
