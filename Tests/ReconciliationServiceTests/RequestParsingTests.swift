import Testing
import Toponyms
@testable import ReconciliationService

/// The parts of a request read without HTTP: form encoding and the checks of a batch.
@Suite struct RequestParsingTests {
    @Test func formDecodingTurnsPlusIntoSpaceAndDecodesEscapes() throws {
        let form = "queries=%7B%22q0%22%7D&name=Maar+Shurin&ar=%D9%85%D8%B9%D8%B1&flag"
        let fields = try FormDecoding.fields(Array(form.utf8))
        #expect(fields.map(\.0) == ["queries", "name", "ar", "flag"])
        #expect(FormDecoding.first("queries", in: fields) == #"{"q0"}"#)
        #expect(FormDecoding.first("name", in: fields) == "Maar Shurin")
        #expect(FormDecoding.first("ar", in: fields) == "معر")
        #expect(FormDecoding.first("flag", in: fields) == "")
        #expect(FormDecoding.first("missing", in: fields) == nil)
    }

    @Test(arguments: ["a=%", "a=%4", "a=%G1", "a=%C3%28", "a=%FF"])
    func formDecodingRefusesBadEscapesAndInvalidUTF8(_ text: String) {
        #expect(throws: ReconciliationError.self) { try FormDecoding.fields(Array(text.utf8)) }
    }

    @Test func invalidUTF8IsReportedAtItsByte() {
        #expect(firstInvalidUTF8(Array("ab".utf8) + [0xC3, 0x28]) == 2)
        #expect(firstInvalidUTF8(Array("معر".utf8) + [0xFF]) == 6)
        #expect(firstInvalidUTF8(Array("ok".utf8)) == 2)
    }

    @Test func aBatchIsSortedByKeyWithDefaultsAndContext() throws {
        let json = """
            {"q10": {"query": "Idlib", "type": ["governorate"], "limit": 100},
             "q2": {"query": "Duma", "properties": [{"pid": "context", "v": "Hama"},
                                                    {"pid": "district", "v": ["SY0501", 7]}]}}
            """
        let batch = try ReconciliationQuery.batch(json: Array(json.utf8))
        #expect(batch.map(\.key) == ["q10", "q2"])
        #expect(batch[0].type.map { String(describing: $0) } == "governorate")
        #expect(batch[0].limit == 25)
        #expect(batch[1].type == nil)
        #expect(batch[1].limit == 5)
        #expect(batch[1].context == "Hama SY0501 7")
    }

    @Test func errorsNameTheQueryAndWhatIsAccepted() {
        func error(_ json: String) -> ReconciliationError? {
            do {
                _ = try ReconciliationQuery.batch(json: Array(json.utf8), maximumBatchSize: 2)
                return nil
            } catch {
                return error
            }
        }
        #expect(error(#"{"a": {"query": "x", "type": "town"}}"#)?.message == "query a: unknown type 'town'")
        #expect(error(#"{"a": {"query": "x", "limit": 2.5}}"#)?.status == .badRequest)
        #expect(error(#"{"a": {"query": "x", "properties": {"pid": "context"}}}"#)?.message
            == "query a: properties must be an array")
        #expect(error(#"{"a": {"query": "x"}, "b": {"query": "y"}, "c": {"query": "z"}}"#)?.status == .contentTooLarge)
        #expect(error("{\"a\": {\"query\": \"x\"}} trailing")?.message == "the queries parameter is not valid JSON")
        #expect(error(#"{"a": {"query": "x"}}"#) == nil)
    }

    @Test func candidateDescriptionTellsHomonymsApart() throws {
        let place = try #require(Fixture.gazetteer.place(id: "C3076"))
        let candidate = ReconciliationCandidate(place: place, score: 0.97654, match: false)
        #expect(candidate.score == 0.977)
        #expect(candidate.description == "دوما · Hamra, Hama")
        #expect(candidate.type.map(\.id) == ["community"])
    }

    @Test func placeViewEscapesHTML() throws {
        let header = Gazetteer.columns.joined(separator: "\t")
        let row = ["X1", "community", "<script>", "\"&'"] + Array(repeating: "", count: 12)
        let gazetteer = try Gazetteer(tsv: header + "\n" + row.joined(separator: "\t") + "\n")
        let html = try ReconciliationService(gazetteer: gazetteer).place(id: "X1").html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("&quot;&amp;&#39;"))
    }
}
