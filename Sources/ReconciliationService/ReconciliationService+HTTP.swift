public import Hummingbird

extension ReconciliationService {
    /// An HTTP/1.1 application serving ``router()`` on `host:port` (`port` 0 picks a free port).
    ///
    /// - Parameter onServerRunning: called with the bound port once the server listens (tests, and the CLI's
    ///   "listening on" line).
    public func application(
        host: String = "127.0.0.1",
        port: Int = 8000,
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> Application<RouterResponder<BasicRequestContext>> {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "gazette"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
    }

    /// Serves on `host:port` until the task is cancelled or, with `untilSignalled`, until SIGINT or SIGTERM
    /// (then in-flight requests are finished first).
    ///
    /// Clients that do not import Hummingbird (the CLI, tests) start the server through this.
    /// - Throws: when the address cannot be bound (in use, not an address of this machine).
    public func serve(
        host: String = "127.0.0.1",
        port: Int = 8000,
        untilSignalled: Bool = false,
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) async throws {
        let app = application(host: host, port: port, onServerRunning: onServerRunning)
        if untilSignalled {
            try await app.runService()
        } else {
            try await app.run()
        }
    }

    /// The routes: `/reconcile` (GET, POST, OPTIONS), `/place/{id}` (GET, OPTIONS) and `/` (a short help page).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("reconcile") { request, _ in await self.reconcileEndpoint(request, body: nil) }
        router.post("reconcile") { request, _ in
            switch await self.collect(request.body, contentLength: request.headers[.contentLength]) {
            case .success(let body): return await self.reconcileEndpoint(request, body: body)
            case .failure(let error): return Self.response(error)
            }
        }
        router.on("reconcile", method: .options) { _, _ in Self.preflight() }
        router.get("place/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let place: PlaceView
            do throws(ReconciliationError) {
                place = try self.place(id: id)
            } catch {
                return Self.response(error)
            }
            let accept = request.headers[.accept] ?? ""
            let parameters = (try? FormDecoding.fields(Array((request.uri.query ?? "").utf8))) ?? []
            if FormDecoding.first("format", in: parameters) == "json"
                || (accept.contains("application/json") && !accept.contains("text/html")) {
                return Self.response(.ok, Self.json(place), contentType: "application/json; charset=utf-8")
            }
            let compact = FormDecoding.first("preview", in: parameters) != nil
            return Self.response(.ok, Array(place.html(compact: compact).utf8), contentType: "text/html; charset=utf-8")
        }
        router.on("place/:id", method: .options) { _, _ in Self.preflight() }
        router.get("/") { request, _ in
            let base = self.baseURL(request) ?? ""
            let text = """
                Gazette reconciliation service (W3C Reconciliation Service API v0.2).
                In OpenRefine: Reconcile > Start reconciling > Add standard service > \(base)/reconcile

                """
            return Self.response(.ok, Array(text.utf8), contentType: "text/plain; charset=utf-8")
        }
        return router
    }

    // MARK: - Endpoints

    private func reconcileEndpoint(_ request: Request, body: [UInt8]?) async -> Response {
        let query = Array((request.uri.query ?? "").utf8)
        guard query.count <= configuration.maximumBodyBytes else {
            return Self.response(ReconciliationError(
                .contentTooLarge, "the query string is too long",
                details: "\(query.count) bytes; send at most \(configuration.maximumBodyBytes)"))
        }
        do throws(ReconciliationError) {
            var parameters = try FormDecoding.fields(query)
            var queriesJSON = FormDecoding.first("queries", in: parameters).map { Array($0.utf8) }
            if let body {
                let type = (request.headers[.contentType] ?? "").lowercased()
                if type.hasPrefix("application/json") {
                    queriesJSON = body
                } else if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
                    let form = try FormDecoding.fields(body)
                    parameters = form + parameters
                    queriesJSON = FormDecoding.first("queries", in: form).map { Array($0.utf8) } ?? queriesJSON
                } else {
                    throw ReconciliationError(
                        .unsupportedMediaType, "cannot read a body of type \(type)",
                        details: "send queries=... as application/x-www-form-urlencoded, or the queries object "
                            + "as application/json")
                }
            }
            let callback = FormDecoding.first("callback", in: parameters)
            if let callback, !Self.isJavaScriptIdentifier(callback) {
                throw ReconciliationError(
                    .badRequest, "callback must be a JavaScript identifier",
                    details: "letters, digits, _, $ and dots, not starting with a digit; "
                        + "found '\(callback.prefix(40))'")
            }
            let answer: [UInt8]
            if let queriesJSON {
                answer = Self.json(try await reconcile(json: queriesJSON))
            } else if body != nil {
                throw ReconciliationError(
                    .badRequest, "no queries parameter in the body",
                    details: #"send queries={"q0":{"query":"Duma"}} form-encoded"#)
            } else {
                answer = Self.json(manifest(baseURL: baseURL(request)))
            }
            if let callback {
                return Self.response(
                    .ok, Array("\(callback)(".utf8) + answer + Array(");".utf8),
                    contentType: "text/javascript; charset=utf-8")
            }
            return Self.response(.ok, answer, contentType: "application/json; charset=utf-8")
        } catch {
            return Self.response(error)
        }
    }

    /// The body, refused once it passes the limit: by its declared length before reading, else while reading.
    private func collect(
        _ body: RequestBody, contentLength: String?
    ) async -> Result<[UInt8], ReconciliationError> {
        let limit = configuration.maximumBodyBytes
        func tooLarge(_ size: String) -> ReconciliationError {
            ReconciliationError(
                .contentTooLarge, "the request body is too large",
                details: "\(size) bytes; send at most \(limit) bytes (split the batch)")
        }
        if let contentLength, let declared = Int(contentLength), declared > limit {
            return .failure(tooLarge(String(declared)))
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in body {
                guard bytes.count + buffer.readableBytes <= limit else {
                    return .failure(tooLarge("more than \(limit)"))
                }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch {
            return .failure(ReconciliationError(.badRequest, "could not read the request body", details: "\(error)"))
        }
        return .success(bytes)
    }

    /// `http://host:port`, from the configuration or the request's `Host`.
    private func baseURL(_ request: Request) -> String? {
        if let url = configuration.publicURL { return url }
        guard let host = request.head.authority, !host.isEmpty,
              host.unicodeScalars.allSatisfy({
                  $0.isASCII && $0.value > 0x20 && !"/\"<>\\".unicodeScalars.contains($0)
              })
        else { return nil }
        return "http://\(host)"
    }

    private static func isJavaScriptIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 100,
              !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_$.".unicodeScalars.contains($0)
        }
    }

    // MARK: - Responses

    private static func response(_ status: HTTPResponse.Status, _ body: [UInt8], contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.accessControlAllowOrigin] = "*"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func response(_ error: ReconciliationError) -> Response {
        struct Body: Encodable {
            var error: String
            var details: String
        }
        return response(
            HTTPResponse.Status(code: error.status.rawValue), json(Body(error: error.message, details: error.details)),
            contentType: "application/json; charset=utf-8")
    }

    private static func preflight() -> Response {
        var headers = HTTPFields()
        headers[.accessControlAllowOrigin] = "*"
        headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        headers[.accessControlAllowHeaders] = "Content-Type"
        headers[.accessControlMaxAge] = "86400"
        return Response(status: .noContent, headers: headers)
    }
}
