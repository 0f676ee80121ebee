import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Canvases through the API: create, import, save with a base version, history, trash.
@Suite struct CanvasTests {
    static func document(title: String) -> String {
        "plumbline: 1\nkind: kpi-misalignment\ntitle: \(title)\n"
    }

    @Test(arguments: StoreKind.available)
    func createSaveAndReadHistory(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let editor = world.tokens[.editor]
            let created = try await client.send(
                .post, "/api/v1/workspaces/\(world.workspaceID)/canvases", token: editor,
                json: #"{"title": "Quarterly", "kind": "accountability-network"}"#)
            #expect(created.status == .created, "\(created.text)")
            let canvas = try #require(try created.json["canvas"] as? [String: Any])
            let id = try #require(canvas["id"] as? String)
            #expect(canvas["title"] as? String == "Quarterly")
            #expect(canvas["currentVersion"] as? Int == 1)
            #expect(created.headers[.location] == "/api/v1/canvases/\(id)")

            let save = try jsonText([
                "baseVersion": 1, "document": Self.document(title: "Quarterly v2"), "message": "Rename",
            ])
            let saved = try await client.send(.put, "/api/v1/canvases/\(id)", token: editor, json: save)
            #expect(saved.status == .ok, "\(saved.text)")
            let version = try #require(try saved.json["version"] as? [String: Any])
            #expect(version["number"] as? Int == 2)
            #expect(version["message"] as? String == "Rename")
            #expect(version["authorID"] as? String == world.users[.editor]!.id.uuidString)

            let stale = try await client.send(.put, "/api/v1/canvases/\(id)", token: editor, json: save)
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "stale-version")
            let details = try #require((try stale.json["error"] as? [String: Any])?["details"] as? [String: Any])
            #expect(details["currentVersion"] as? Int == 2)
            #expect(
                (details["current"] as? [String: Any])?["document"] as? String == Self.document(title: "Quarterly v2"))

            let versions = try await client.send(.get, "/api/v1/canvases/\(id)/versions", token: editor)
            let items = try #require(try versions.json["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["number"] as? Int }.sorted() == [1, 2])

            let diff = try await client.send(.get, "/api/v1/canvases/\(id)/diff?from=1&to=2", token: editor)
            #expect(diff.status == .ok, "\(diff.text)")
            let changes = try #require(try diff.json["changes"] as? [[String: Any]])
            let title = try #require(changes.first { $0["section"] as? String == "title" })
            #expect(title["change"] as? String == "changed")
            #expect(title["before"] as? String == "Quarterly")
            #expect(title["after"] as? String == "Quarterly v2")
            let noChange = try await client.send(.get, "/api/v1/canvases/\(id)/diff?from=2&to=2", token: editor)
            #expect((try noChange.json["changes"] as? [Any])?.isEmpty == true)
            let badDiff = try await client.send(.get, "/api/v1/canvases/\(id)/diff?from=0", token: editor)
            #expect(badDiff.status == .badRequest)

            let first = try await client.send(.get, "/api/v1/canvases/\(id)/versions/1", token: editor)
            #expect((try first.json["document"] as? String)?.contains("Quarterly") == true)
            let raw = try await client.send(.get, "/api/v1/canvases/\(id)/document", token: editor)
            #expect(raw.text == Self.document(title: "Quarterly v2"))
            #expect(raw.headers[.contentType]?.hasPrefix("application/yaml") == true)

            let restored = try await client.send(
                .post, "/api/v1/canvases/\(id)/versions/1/restore", token: editor, json: "{}")
            #expect(restored.status == .created)
            #expect(try restored.json["number"] as? Int == 3)
            #expect(try restored.json["restoredFrom"] as? Int == 1)
            let missing = try await client.send(.get, "/api/v1/canvases/\(id)/versions/9", token: editor)
            #expect(missing.status == .notFound)
        }
    }

    @Test(arguments: StoreKind.available)
    func trashAndRestore(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let editor = world.tokens[.editor]
            let path = "/api/v1/canvases/\(world.canvasID)"
            #expect(try await client.send(.delete, path, token: editor).status == .ok)
            #expect(try await client.send(.get, path, token: editor).status == .notFound)
            let trash = try await client.send(.get, "/api/v1/workspaces/\(world.workspaceID)/trash", token: editor)
            #expect((try trash.json["items"] as? [[String: Any]])?.count == 1)
            let listed = try await client.send(.get, "/api/v1/workspaces/\(world.workspaceID)/canvases", token: editor)
            #expect((try listed.json["items"] as? [[String: Any]])?.isEmpty == true)
            // Share links stop working while the canvas is in the trash.
            let shared = try await world.send(client, as: .shareLink, .get, path)
            #expect(shared.status == .notFound)
            #expect(try await client.send(.post, path + "/restore", token: editor).status == .ok)
            #expect(try await client.send(.get, path, token: editor).status == .ok)
        }
    }

    @Test(arguments: StoreKind.available)
    func importKeepsTheDocumentAsGiven(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let json = #"{"plumbline": 1, "kind": "kpi-misalignment", "title": "From JSON"}"#
            let response = try await client.execute(
                uri: "/api/v1/workspaces/\(world.workspaceID)/canvases/import?name=plan.json", method: .post,
                headers: [.authorization: "Bearer \(world.tokens[.owner]!)", .contentType: "application/json"],
                body: ByteBuffer(string: json))
            #expect(response.status == .created, "\(response.text)")
            let version = try #require(try response.json["version"] as? [String: Any])
            #expect(version["syntax"] as? String == "json")
            #expect(version["document"] as? String == json)
        }
    }

    @Test(arguments: StoreKind.available)
    func invalidCanvasesGetTheFormatsIssues(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let broken =
                "plumbline: 1\nkind: kpi-misalignment\ntitle: Broken\nobjectives:\n  - id: Bad Id\n    name: x\n"
            let response = try await client.execute(
                uri: "/api/v1/workspaces/\(world.workspaceID)/canvases/import?name=broken.yaml", method: .post,
                headers: [.authorization: "Bearer \(world.tokens[.owner]!)"], body: ByteBuffer(string: broken))
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "invalid-canvas")
            let issues = try #require((try response.json["error"] as? [String: Any])?["details"] as? [[String: Any]])
            let issue = try #require(issues.first)
            #expect(issue["file"] as? String == "broken.yaml")
            #expect(issue["line"] as? Int == 5)
            #expect(issue["column"] as? Int != nil)
            #expect((issue["path"] as? String)?.hasPrefix("objectives[0]") == true)
            #expect(issue["message"] as? String != nil)

            let save = try jsonText(["baseVersion": 1, "document": "plumbline: 1\nkind: nope\n"])
            let refused = try await client.send(
                .put, "/api/v1/canvases/\(world.canvasID)", token: world.tokens[.owner], json: save)
            #expect(refused.status == .unprocessableContent)
            let versions = try await store.versions(canvasID: world.canvasID)
            #expect(versions.count == 1)
        }
    }
}
