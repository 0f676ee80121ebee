import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Hostile and broken requests: each a 4xx in the API's one error shape, with a clear message.
@Suite struct BadInputTests {
    @Test(arguments: StoreKind.available)
    func oversizeBodiesAre413(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let huge = "title: " + String(repeating: "x", count: testConfiguration.maxCanvasBytes + 1)
            let imported = try await client.execute(
                uri: "/api/v1/workspaces/\(world.workspaceID)/canvases/import", method: .post,
                headers: [.authorization: "Bearer \(world.tokens[.owner]!)"], body: ByteBuffer(string: huge))
            #expect(imported.status == .contentTooLarge)
            #expect(imported.errorCode == "payload-too-large")

            let bigJSON = try jsonText(["name": String(repeating: "y", count: 2 << 20)])
            let workspace = try await client.send(
                .post, "/api/v1/workspaces", token: world.tokens[.owner], json: bigJSON)
            #expect(workspace.status == .contentTooLarge)
            #expect(workspace.errorCode == "payload-too-large")
        }
    }

    /// Every JSON route, not only signing in, refuses a body that does not say it is JSON.
    @Test(arguments: StoreKind.available)
    func jsonBodiesNeedTheirContentType(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let auth = "Bearer \(world.tokens[.owner]!)"
            for (uri, method) in [
                ("/api/v1/workspaces", HTTPRequest.Method.post),
                ("/api/v1/canvases/\(world.canvasID)", .put),
            ] {
                let response = try await client.execute(
                    uri: uri, method: method, headers: [.authorization: auth, .contentType: "text/plain"],
                    body: ByteBuffer(string: #"{"name": "Forged", "baseVersion": 1, "document": ""}"#))
                #expect(response.status == .unsupportedMediaType, "\(uri): \(response.text)")
                #expect(response.errorCode == "unsupported-media-type")
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func malformedJSONIs400(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            for body in ["{", "[]", #"{"name": 3}"#, "", #"{"baseVersion": "one", "document": ""}"#] {
                let response = try await client.send(
                    .post, "/api/v1/workspaces", token: world.tokens[.owner], json: body)
                #expect(response.status == .badRequest, "\(body): \(response.text)")
                #expect(response.errorCode == "bad-request")
                let message = (try response.json["error"] as? [String: Any])?["message"] as? String
                #expect(message?.isEmpty == false)
            }
            let save = try await client.send(
                .put, "/api/v1/canvases/\(world.canvasID)", token: world.tokens[.owner],
                json: #"{"baseVersion": "one", "document": ""}"#)
            #expect(save.status == .badRequest)
        }
    }

    @Test(arguments: StoreKind.available)
    func pathTraversalInNamesAndIDs(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let owner = world.tokens[.owner]
            for name in ["../../etc/passwd", "..", "/etc/passwd", "a\\b.yaml", ".hidden"] {
                let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let response = try await client.execute(
                    uri: "/api/v1/workspaces/\(world.workspaceID)/canvases/import?name=\(encoded)", method: .post,
                    headers: [.authorization: "Bearer \(owner!)"], body: ByteBuffer(string: World.canvasText))
                #expect(response.status == .badRequest, "\(name)")
                #expect(response.errorCode == "invalid-file-name")
            }
            for path in [
                "/api/v1/canvases/..%2F..%2Fetc", "/api/v1/canvases/../../etc/passwd", "/api/v1/canvases/not-a-uuid",
            ] {
                let response = try await client.send(.get, path, token: owner)
                #expect((400...404).contains(response.status.code), "\(path): \(response.status)")
                #expect(response.errorCode != nil, "\(path) answers in the error shape")
            }
        }
    }

    @Test func unknownRoutesAnswerInTheErrorShape() async throws {
        try await withServer(.sqlite) { _, client in
            let response = try await client.send(.get, "/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not-found")
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func healthAndReadiness() async throws {
        try await withServer(.sqlite) { store, client in
            #expect(try await client.send(.get, "/health").status == .ok)
            let ready = try await client.send(.get, "/ready")
            #expect(ready.status == .ok)
            #expect(try ready.json["schemaVersion"] as? Int == (try await store.schemaVersion()))
        }
    }

    @Test func notReadyWhenTheDatabaseDoesNotAnswer() async throws {
        let store = try await makeStore(.sqlite)
        let router = try buildRouter(testConfiguration, store: store, schemaVersion: try await store.schemaVersion())
        try await store.close()
        try await Application(router: router).test(.router) { client in
            let ready = try await client.send(.get, "/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.errorCode == "not-ready")
            #expect(try await client.send(.get, "/health").status == .ok)
        }
    }
}
