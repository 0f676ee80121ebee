import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PlumblineStore
import Testing

@testable import PlumblineServer

/// The databases every API test runs against: SQLite always, PostgreSQL when
/// `PLUMB_TEST_POSTGRES_URL` is set (scripts/test sets it; otherwise those cases are skipped
/// and say so).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["PLUMB_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The kinds that can run here.
    static var available: [StoreKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
}

/// A real store in a fresh place (a temporary SQLite file, a new PostgreSQL schema), migrated.
func makeStore(_ kind: StoreKind) async throws -> any CanvasStore {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let store: SQLCanvasStore
    switch kind {
    case .sqlite:
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plumb-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try await SQLCanvasStore.openSQLite(
            path: directory.appendingPathComponent("test.sqlite").path, logger: logger)
    case .postgres:
        let url = try #require(StoreKind.postgresURL, "PLUMB_TEST_POSTGRES_URL is not set")
        let tag = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        // Swift Testing runs cases in parallel; a few connections per store and a bounded number of
        // stores at once keep the suite well under the server's max_connections (100 by default)
        // and the handshakes few.
        await PostgresSlots.shared.acquire()
        do {
            // A generous timeout: while the whole suite runs, two cores are busy and PostgreSQL's
            // password handshake (SCRAM) can take seconds.
            store = try await SQLCanvasStore.connectPostgres(
                url: url, schema: "plumb_server_\(tag)", maximumConnections: 3, timeout: .seconds(60), logger: logger)
        } catch {
            await PostgresSlots.shared.release()
            throw error
        }
    }
    _ = try await store.migrate()
    return store
}

/// Closes a store from `makeStore`, dropping a PostgreSQL test schema.
func discard(_ store: any CanvasStore) async throws {
    guard let postgres = store as? SQLCanvasStore, postgres.kind == .postgres else { return try await store.close() }
    var failure: (any Error)?
    do { try await postgres.dropSchema() } catch { failure = error }
    do { try await postgres.close() } catch { failure = failure ?? error }
    await PostgresSlots.shared.release()
    if let failure { throw failure }
}

/// A counting semaphore for PostgreSQL test stores.
actor PostgresSlots {
    static let shared = PostgresSlots(count: 4)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// Runs `body` with a fresh store, closed (and its schema dropped) whatever happens: a SQLite
/// connection left open asserts when it is released.
func withStore<T>(_ kind: StoreKind, _ body: (any CanvasStore) async throws -> T) async throws -> T {
    let store = try await makeStore(kind)
    do {
        let result = try await body(store)
        try await discard(store)
        return result
    } catch {
        try? await discard(store)
        throw error
    }
}

/// Configuration for tests: cheap bcrypt, otherwise what a server uses.
let testConfiguration = ServerConfiguration(port: 0, maxCanvasBytes: 256 << 10, maxCSVBytes: 1 << 20, bcryptCost: 4)

/// Runs `body` against the real router on a real store of `kind`.
func withServer(
    _ kind: StoreKind, configuration: ServerConfiguration = testConfiguration,
    _ body: @Sendable (any CanvasStore, any TestClientProtocol) async throws -> Void
) async throws {
    try await withStore(kind) { store in
        let router = try buildRouter(configuration, store: store, schemaVersion: try await store.schemaVersion())
        try await Application(router: router).test(.router) { client in try await body(store, client) }
    }
}

// MARK: - Requests

extension TestClientProtocol {
    /// A JSON request with an optional bearer token; returns the response.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as JSON.
    var json: [String: Any] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body))
            return try #require(object as? [String: Any], "not a JSON object: \(String(buffer: body))")
        }
    }

    var text: String { String(buffer: body) }

    /// The error code of an error response.
    var errorCode: String? {
        ((try? json)?["error"] as? [String: Any])?["code"] as? String
    }
}

/// JSON text of an encodable value, for request bodies.
func jsonText(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
}
