import ArgumentParser
import Foundation
import ReconciliationService
import Toponyms

/// `gazette serve`: the gazetteer as a W3C Reconciliation Service for OpenRefine and other clients.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the gazetteer as a reconciliation service (W3C API v0.2) for OpenRefine and other tools.",
        discussion: """
            Answers the Reconciliation Service API v0.2 at /reconcile: the service manifest for a plain GET, and \
            batches of queries (`queries` as a URL parameter, a form-encoded POST body, or a JSON body). Types \
            are the kinds of place: community, subdistrict, district, governorate. A property `context` (or \
            `governorate`, `district`) whose value is a governorate or district name in any language, or its \
            P-code, narrows a name shared by several places. A candidate has `match: true` only when the \
            matcher is sure; the rest are left for a person. GET /place/<P-code> shows a place.

            In OpenRefine: on a column of place names, Reconcile > Start reconciling… > Add standard service…, \
            enter http://127.0.0.1:8000/reconcile, pick the type (or reconcile against no particular type), \
            and under "Also use relevant details from other columns" give a governorate column the property \
            name `context`.

            Limits: at most 1,000 queries and 1 MB per request (413 otherwise), 25 candidates per query. \
            Malformed requests get a 4xx with {"error": ..., "details": ...}; the server keeps serving. Stop \
            it with Ctrl-C.

            Examples:
              gazette serve
              gazette serve --port 8080 --gazetteer my-gazetteer.tsv
              curl 'http://127.0.0.1:8000/reconcile'
              curl http://127.0.0.1:8000/reconcile \\
                --data-urlencode 'queries={"q0":{"query":"Duma","properties":[{"pid":"context","v":"Hama"}]}}'
            """
    )

    @Option(help: "The address to listen on; 0.0.0.0 listens on every interface (the service has no access control).")
    var host: String = "127.0.0.1"

    @Option(help: "The TCP port to listen on (0 picks a free one).")
    var port: Int = 8000

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, not \(port).")
        }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty; use 127.0.0.1.") }
    }

    func run() async throws {
        let gazetteer = try gazetteerOptions.load()
        let service = ReconciliationService(gazetteer: gazetteer)
        let host = self.host
        let count = gazetteer.places.count
        do {
            try await service.serve(host: host, port: port, untilSignalled: true) { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                let line = "gazette serve: \(count) places; add http://\(shown):\(port)/reconcile to OpenRefine "
                    + "(Ctrl-C stops)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        } catch {
            let text = "\(error)"
            let hint = text.contains("in use")
                ? "another program listens on port \(port): choose another with --port"
                : "check --host (an address or name of this machine, e.g. 127.0.0.1) and --port"
            throw ServeFailure(description: "cannot serve on \(host):\(port): \(text); \(hint)")
        }
    }
}

/// The server could not start or stopped on an error; says what to change.
private struct ServeFailure: Error, CustomStringConvertible {
    var description: String
}
