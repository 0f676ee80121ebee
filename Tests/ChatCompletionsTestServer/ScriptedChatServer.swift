import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The replies still to give and the requests received so far.
public actor ChatScript {
    private var replies: [ScriptedReply]
    public private(set) var requests: [RecordedRequest] = []

    init(_ replies: [ScriptedReply]) { self.replies = replies }

    /// Records a request and hands out the next reply; a request beyond the script gets a 500
    /// that says so, which fails the test that sent it.
    func answer(_ request: RecordedRequest) -> ScriptedReply {
        requests.append(request)
        guard !replies.isEmpty else {
            return .failure(.internalServerError, message: "the test script has no reply left")
        }
        return replies.removeFirst()
    }
}

/// An OpenAI-compatible chat-completions server on 127.0.0.1 with a port of the system's
/// choosing, answering `POST /v1/chat/completions` from a script: the one stand-in the provider
/// tests use, for a model that would otherwise need a GPU and give different answers each time.
public enum ScriptedChatServer {
    /// Runs the server for the duration of `body`, which gets the base URL (`http://127.0.0.1:PORT/v1`)
    /// and the script, to inspect what was sent.
    public static func run<Value: Sendable>(
        _ replies: [ScriptedReply], _ body: @Sendable (_ baseURL: String, _ script: ChatScript) async throws -> Value
    ) async throws -> Value {
        let script = ChatScript(replies)
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            let reply = await script.answer(
                RecordedRequest(
                    path: request.uri.path, authorization: request.headers[.authorization],
                    body: String(buffer: bytes)))
            if let delay = reply.delay { try await Task.sleep(for: delay) }
            return Response(
                status: reply.status, headers: reply.headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        return try await serve(router) { port in try await body("http://127.0.0.1:\(port)/v1", script) }
    }

    /// A base URL where nothing listens: a port bound and released at once.
    public static func closedPortURL() async throws -> String {
        let port = try await serve(Router()) { $0 }
        return "http://127.0.0.1:\(port)/v1"
    }

    /// Serves `router` on 127.0.0.1 while `body` runs with the bound port; stopped when it returns.
    private static func serve<Value: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: (Int) async throws -> Value
    ) async throws -> Value {
        let (ports, port) = AsyncStream<Int>.makeStream()
        // The server is stopped by cancelling it, which it logs as errors that say nothing about
        // the test; only critical messages are let through.
        var quiet = Logger(label: "chat-completions-test-server")
        quiet.logLevel = .critical
        let app = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.yield(channel.localAddress?.port ?? 0)
                port.finish()
            }, logger: quiet)
        // Stopped by a graceful shutdown, never by cancellation: a request still being answered
        // (a scripted delay outliving the client's timeout) is finished, not torn down mid-write.
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: quiet))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // A server that fails to start ends the port stream, so nobody waits for it.
                defer { port.finish() }
                try await services.run()
            }
            var running = ports.makeAsyncIterator()
            guard let bound = await running.next(), bound > 0 else {
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                throw CancellationError()
            }
            let result: Result<Value, any Error>
            do { result = .success(try await body(bound)) } catch { result = .failure(error) }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return try result.get()
        }
    }
}
