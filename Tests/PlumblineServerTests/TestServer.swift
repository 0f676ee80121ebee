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
        store = try await SQLCanvasStore.connectPostgres(url: url, schema: "plumb_server_\(tag)", logger: logger)
    }
    _ = try await store.migrate()
    return store
}

/// Closes a store from `makeStore`, dropping a PostgreSQL test schema.
func discard(_ store: any CanvasStore) async throws {
    if let store = store as? SQLCanvasStore, store.kind == .postgres { try await store.dropSchema() }
    try await store.close()
}

/// Configuration for tests: cheap bcrypt, otherwise what a server uses.
let testConfiguration = ServerConfiguration(port: 0, maxCanvasBytes: 256 << 10, maxCSVBytes: 1 << 20, bcryptCost: 4)

/// Runs `body` against the real router on a real store of `kind`.
func withServer(
    _ kind: StoreKind, configuration: ServerConfiguration = testConfiguration,
    _ body: @Sendable (any CanvasStore, any TestClientProtocol) async throws -> Void
) async throws {
    let store = try await makeStore(kind)
    let router = try buildRouter(configuration, store: store, schemaVersion: try await store.schemaVersion())
    let app = Application(router: router)
    do {
        try await app.test(.router) { client in try await body(store, client) }
        try await discard(store)
    } catch {
        try? await discard(store)
        throw error
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
