import Foundation
import Testing
import Toponyms
@testable import ReconciliationService

/// The service over real HTTP on 127.0.0.1, each test with its own server on a free port.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ReconciliationHTTPTests {
    @Test func manifestDescribesTheServiceAndItsTypes() async throws {
        try await withServer { port in
            let reply = try await HTTPClient.get(port, "/reconcile")
            #expect(reply.status == 200)
            #expect(reply.headers["access-control-allow-origin"] == "*")
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            let manifest = try #require(reply.object)
            #expect((manifest["versions"] as? [String])?.contains("0.2") == true)
            #expect((manifest["name"] as? String)?.isEmpty == false)
            #expect((manifest["identifierSpace"] as? String)?.isEmpty == false)
            #expect((manifest["schemaSpace"] as? String)?.isEmpty == false)
            let types = try #require(manifest["defaultTypes"] as? [[String: Any]])
            #expect(types.compactMap { $0["id"] as? String } == ["community", "subdistrict", "district", "governorate"])
            #expect(types.allSatisfy { ($0["name"] as? String)?.isEmpty == false })
            // The view template points back at this server, as the client reached it.
            let view = try #require(manifest["view"] as? [String: Any])
            #expect(view["url"] as? String == "http://127.0.0.1:\(port)/place/{{id}}")
        }
    }

    @Test func aBatchWithAnArabicNameAndAHomonymWithAndWithoutContext() async throws {
        try await withServer { port in
            let batch = """
                {"q0": {"query": "معرشورين"},
                 "q1": {"query": "Duma"},
                 "q2": {"query": "Duma", "properties": [{"pid": "context", "v": "Hama"}]},
                 "q3": {"query": "Duma", "properties": [{"pid": "governorate", "v": "Rural Damascus"}]},
                 "q4": {"query": "Duma", "type": "community",
                        "properties": [{"pid": "governorate", "v": {"id": "SY05", "name": "Hama"}}]}}
                """
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm(batch))
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.headers["access-control-allow-origin"] == "*")
            #expect(Set(reply.object?.keys.map { $0 } ?? []) == ["q0", "q1", "q2", "q3", "q4"])

            let arabic = candidates(reply, "q0")
            #expect(ids(arabic).first == "C3978")
            #expect(matched(arabic) == ["C3978"])
            let first = try #require(arabic.first)
            #expect(first["name"] as? String == "Maar Shurin")
            #expect((first["type"] as? [[String: Any]])?.first?["id"] as? String == "community")
            #expect((first["score"] as? Double).map { $0 > 0.8 && $0 <= 1 } == true)
            #expect((first["description"] as? String)?.contains("Idleb") == true)

            // Three Dumas: without context none is sure, and both the Damascus and the Hama one are offered.
            let bare = candidates(reply, "q1")
            #expect(matched(bare).isEmpty)
            #expect(Set(ids(bare)).isSuperset(of: ["C2338", "C3076"]))
            #expect(ids(bare).count <= 5)

            // With a governorate (a name, or a reconciled value's P-code) only that governorate's Duma is left.
            // Whether it is sure enough for `match` is the matcher's call (see matchFlagFollowsTheMatcher).
            #expect(ids(candidates(reply, "q2")) == ["C3076"])
            #expect(ids(candidates(reply, "q3")).first == "C2338")
            #expect(!ids(candidates(reply, "q3")).contains("C3076"))
            #expect(matched(candidates(reply, "q3")) == ["C2338"])
            #expect(ids(candidates(reply, "q4")) == ["C3076"])
        }
    }

    /// The service adds nothing to the matcher's judgement: the candidates are the matcher's, in its order, and
    /// `match` is set on the first exactly when the matcher says `matched`.
    @Test func matchFlagFollowsTheMatcher() async throws {
        let cases: [(String, String)] = [
            ("معرشورين", ""), ("Duma", ""), ("Duma", "Hama"), ("Duma", "Rural Damascus"), ("Douma", "ريف دمشق"),
            ("Maarat al-Numan", ""), ("Khan Sheikhoun", ""), ("Halab", ""), ("Eastern Ghouta", ""), ("Xyzzy", ""),
            ("Tall", ""), ("Jisr al-Shughur", "Idlib"), ("كفرنبل", ""), ("Saraqib", "SY07"),
        ]
        let matcher = Matcher(gazetteer: Fixture.gazetteer)
        let batch = cases.enumerated().map { i, c in
            #""q\#(i)": {"query": "\#(c.0)", "limit": 25, "properties": [{"pid": "context", "v": "\#(c.1)"}]}"#
        }.joined(separator: ", ")
        try await withServer { port in
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm("{\(batch)}"))
            #expect(reply.status == 200)
            var sure = 0
            for (i, c) in cases.enumerated() {
                let (expectedIDs, isMatched) = matcher.match(c.0, context: c.1).idsAndCertainty
                let got = candidates(reply, "q\(i)")
                #expect(ids(got) == expectedIDs, "\(c)")
                #expect(matched(got) == (isMatched ? [expectedIDs[0]] : []), "\(c)")
                if isMatched { sure += 1 }
            }
            // Both kinds of answer are exercised.
            #expect(sure >= 3)
            #expect(sure < cases.count)
        }
    }

    @Test func queriesInTheURLAndAsJSONBodyGiveTheSameAnswerAsTheForm() async throws {
        try await withServer { port in
            let batch = #"{"q0": {"query": "Maar Shoureen"}, "q1": {"query": "Duma", "limit": 2}}"#
            let form = try await HTTPClient.post(port, "/reconcile", body: queriesForm(batch))
            let url = try await HTTPClient.get(port, "/reconcile?queries=" + HTTPClient.encode(batch))
            let json = try await HTTPClient.post(
                port, "/reconcile", body: Array(batch.utf8), contentType: "application/json")
            #expect(form.status == 200)
            #expect(url.status == 200)
            #expect(json.status == 200)
            #expect(ids(candidates(form, "q0")) == ["C3978"] || ids(candidates(form, "q0")).first == "C3978")
            #expect(ids(candidates(form, "q1")).count == 2)
            // Sorted keys: the same request gives the same bytes.
            #expect(form.body == url.body)
            #expect(form.body == json.body)

            let jsonp = try await HTTPClient.get(port, "/reconcile?callback=cb_1&queries=" + HTTPClient.encode(batch))
            #expect(jsonp.status == 200)
            #expect(jsonp.text == "cb_1(" + form.text + ");")
            let badCallback = try await HTTPClient.get(port, "/reconcile?callback=alert(1)")
            #expect(badCallback.status == 400)
        }
    }

    @Test func typeFilterKeepsOnlyThatKindAndAsksTheMatcherForIt() async throws {
        try await withServer { port in
            let batch = """
                {"q0": {"query": "Duma", "type": "district"},
                 "q1": {"query": "Idlib", "type": "governorate"},
                 "q2": {"query": "Duma", "type": "community", "limit": 2},
                 "q3": {"query": "Maar Shurin", "type": "district"}}
                """
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm(batch))
            #expect(reply.status == 200, "\(reply.text)")
            func kinds(_ key: String) -> Set<String> {
                Set(candidates(reply, key).compactMap { ($0["type"] as? [[String: Any]])?.first?["id"] as? String })
            }
            #expect(ids(candidates(reply, "q0")).first == "SY0302")
            #expect(kinds("q0") == ["district"])
            #expect(ids(candidates(reply, "q1")).first == "SY07")
            #expect(matched(candidates(reply, "q1")) == ["SY07"])
            #expect(kinds("q1") == ["governorate"])
            #expect(kinds("q2") == ["community"])
            #expect(candidates(reply, "q2").count == 2)
            // A community asked for as a district: no district has that name, so nothing is offered as sure.
            #expect(matched(candidates(reply, "q3")).isEmpty)
            #expect(!ids(candidates(reply, "q3")).contains("C3978"))
        }
    }

    @Test(arguments: [
        (#"{"q0": {"query": "Duma"#, "not valid JSON"),
        (#"[{"query": "Duma"}]"#, "must be a JSON object"),
        (#"{"q0": {"query": 5}}"#, "query q0: query must be a string"),
        (#"{"q0": {"type": "community"}}"#, "query q0: no query field"),
        (#"{"q0": {"query": "Duma", "limit": 0}}"#, "query q0: limit"),
        (#"{"q0": {"query": "Duma", "properties": [{"pid": "population", "v": "1"}]}}"#, "unknown property"),
        ("", "not valid JSON"),
    ])
    func malformedQueriesAre400AndTheServerKeepsServing(queries: String, message: String) async throws {
        try await withServer { port in
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm(queries))
            #expect(reply.status == 400)
            #expect(reply.headers["access-control-allow-origin"] == "*")
            let error = try #require(reply.object)
            #expect((error["error"] as? String)?.contains(message) == true, "\(reply.text)")
            #expect(error["details"] is String)

            let next = try await HTTPClient.post(port, "/reconcile", body: queriesForm(#"{"q0": {"query": "Idlib"}}"#))
            #expect(next.status == 200)
            #expect(!candidates(next, "q0").isEmpty)
        }
    }

    @Test func unknownTypeIs400NamingTheKnownTypes() async throws {
        try await withServer { port in
            let batch = #"{"q0": {"query": "Duma"}, "q1": {"query": "Duma", "type": "/place/village"}}"#
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm(batch))
            #expect(reply.status == 400)
            let error = try #require(reply.object)
            #expect(error["error"] as? String == "query q1: unknown type '/place/village'")
            #expect(error["details"] as? String == "known types: community, subdistrict, district, governorate")
            #expect(try await HTTPClient.get(port, "/reconcile").status == 200)
        }
    }

    @Test func oversizedBatchesAre413AndTheServerKeepsServing() async throws {
        try await withServer { port in
            let many = (0...1_000).map { #""q\#($0)": {"query": "Duma"}"# }.joined(separator: ", ")
            let tooMany = try await HTTPClient.post(port, "/reconcile", body: queriesForm("{\(many)}"))
            #expect(tooMany.status == 413)
            #expect((tooMany.object?["details"] as? String)?.contains("1001 queries") == true, "\(tooMany.text)")

            let padding = String(repeating: "x", count: 1_200_000)
            let huge = try await HTTPClient.post(
                port, "/reconcile", body: queriesForm(#"{"q0": {"query": "\#(padding)"}}"#))
            #expect(huge.status == 413)
            #expect((huge.object?["error"] as? String)?.contains("too large") == true)

            let fine = try await HTTPClient.post(port, "/reconcile", body: queriesForm(#"{"q0": {"query": "Duma"}}"#))
            #expect(fine.status == 200)
        }
    }

    @Test func aThousandQueriesAreAnsweredInOneBatch() async throws {
        try await withServer { port in
            let names = ["Duma", "معرشورين", "Maarat al-Numan", "Khan Shaykhun", "Douma", "Eastern Ghouta", "Xyzzy"]
            let batch = (0..<1_000).map { #""q\#($0)": {"query": "\#(names[$0 % names.count])"}"# }
                .joined(separator: ", ")
            let reply = try await HTTPClient.post(port, "/reconcile", body: queriesForm("{\(batch)}"))
            #expect(reply.status == 200)
            #expect(reply.object?.count == 1_000)
            #expect(ids(candidates(reply, "q1")).first == "C3978")
            #expect(candidates(reply, "q5").isEmpty)
        }
    }

    @Test func concurrentRequestsAreAllAnswered() async throws {
        try await withServer { port in
            let answers = try await withThrowingTaskGroup(of: (Int, HTTPReply).self) { group in
                for i in 0..<8 {
                    group.addTask {
                        let name = i.isMultiple(of: 2) ? "معرشورين" : "Duma"
                        let form = queriesForm(#"{"q0": {"query": "\#(name)"}}"#)
                        return (i, try await HTTPClient.post(port, "/reconcile", body: form))
                    }
                }
                var out: [Int: HTTPReply] = [:]
                for try await (i, reply) in group { out[i] = reply }
                return out
            }
            #expect(answers.count == 8)
            for (i, reply) in answers {
                #expect(reply.status == 200)
                #expect(ids(candidates(reply, "q0")).first.map { i.isMultiple(of: 2) ? $0 == "C3978" : true } == true)
            }
        }
    }

    @Test func garbageOnTheWireDoesNotStopTheServer() async throws {
        try await withServer { port in
            _ = try? await HTTPClient.perform(port, Array("\u{1}\u{2}NOT HTTP\r\n\r\n".utf8))
            let badEscape = try await HTTPClient.get(port, "/reconcile?queries=%7B%zz")
            #expect(badEscape.status == 400)
            #expect((badEscape.object?["error"] as? String)?.contains("form encoding") == true)
            let invalidUTF8 = try await HTTPClient.get(port, "/reconcile?queries=%FF%FE")
            #expect(invalidUTF8.status == 400)
            let csv = try await HTTPClient.post(port, "/reconcile", body: Array("x".utf8), contentType: "text/csv")
            #expect(csv.status == 415)
            #expect(try await HTTPClient.get(port, "/reconcile").status == 200)
        }
    }

    @Test func placeViewShowsNamesUnitsAndCoordinates() async throws {
        try await withServer { port in
            let json = try await HTTPClient.get(port, "/place/C3978?format=json")
            #expect(json.status == 200)
            let place = try #require(json.object)
            #expect(place["id"] as? String == "C3978")
            #expect(place["kind"] as? String == "community")
            #expect(place["name_en"] as? String == "Maar Shurin")
            #expect(place["name_ar"] as? String == "معرشورين")
            #expect((place["admin1"] as? [String: Any])?["id"] as? String == "SY07")
            #expect((place["admin2"] as? [String: Any])?["name_en"] as? String == "Al Ma'ra")
            #expect((place["latitude"] as? Double).map { abs($0 - 35.66616) < 1e-6 } == true)

            let accept = try await HTTPClient.get(port, "/place/C3978", headers: ["Accept": "application/json"])
            #expect(accept.body == json.body)

            let html = try await HTTPClient.get(port, "/place/C3978")
            #expect(html.status == 200)
            #expect(html.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(html.text.contains("معرشورين"))
            #expect(html.text.contains("Al Ma&#39;ra"))
            #expect(html.headers["access-control-allow-origin"] == "*")

            let missing = try await HTTPClient.get(port, "/place/C0000000")
            #expect(missing.status == 404)
            #expect((missing.object?["error"] as? String)?.contains("C0000000") == true)
        }
    }
}
