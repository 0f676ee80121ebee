import Foundation
import HTTPTypes
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Members and roles, and share links, through the API.
@Suite struct WorkspaceTests {
    @Test(arguments: StoreKind.available)
    func membersAreAddedChangedAndAWorkspaceKeepsAnOwner(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let owner = world.tokens[.owner]
            let members = "/api/v1/workspaces/\(world.workspaceID)/members"

            let unknown = try await client.send(
                .post, members, token: owner, json: #"{"email": "new@example.com", "role": "viewer"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorCode == "unknown-user")
            // No account is created through the API, whatever the body says: an owner could
            // otherwise claim a colleague's email with a password of their own.
            let claimed = try await client.send(
                .post, members, token: owner,
                json: #"{"email": "new@example.com", "role": "editor", "password": "a long enough secret"}"#)
            #expect(claimed.status == .unprocessableContent)
            #expect(try await store.user(email: "new@example.com") == nil)
            let signIn = try await client.send(
                .post, "/api/v1/session", json: #"{"email": "new@example.com", "password": "a long enough secret"}"#)
            #expect(signIn.status == .unauthorized)
            _ = try await store.createUser(NewUser(email: "new@example.com", displayName: "New", passwordHash: "x"))
            let created = try await client.send(
                .post, members, token: owner, json: #"{"email": "new@example.com", "role": "editor"}"#)
            #expect(created.status == .created, "\(created.text)")
            let existing = try await client.send(
                .post, members, token: owner,
                json: try jsonText(["email": world.users[.outsider]!.email, "role": "viewer"]))
            #expect(existing.status == .created)
            let twice = try await client.send(
                .post, members, token: owner,
                json: try jsonText(["email": world.users[.outsider]!.email, "role": "viewer"]))
            #expect(twice.status == .conflict)

            let listed = try await client.send(.get, members, token: world.tokens[.viewer])
            #expect((try listed.json["items"] as? [[String: Any]])?.count == 6)

            let ownerID = world.users[.owner]!.id
            let stepDown = try await client.send(
                .patch, "\(members)/\(ownerID)", token: owner, json: #"{"role": "editor"}"#)
            #expect(stepDown.status == .conflict)
            #expect(stepDown.errorCode == "last-owner")
            #expect(try await client.send(.delete, "\(members)/\(ownerID)", token: owner).status == .conflict)

            let promoted = try await client.send(
                .patch, "\(members)/\(world.users[.editor]!.id)", token: owner, json: #"{"role": "owner"}"#)
            #expect(try promoted.json["role"] as? String == "owner")
            #expect(try await client.send(.delete, "\(members)/\(ownerID)", token: owner).status == .noContent)
            let gone = try await client.send(.get, "/api/v1/workspaces/\(world.workspaceID)", token: owner)
            #expect(gone.status == .notFound)
        }
    }

    @Test(arguments: StoreKind.available)
    func shareLinksReadUntilRevoked(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let owner = world.tokens[.owner]
            let links = "/api/v1/canvases/\(world.canvasID)/share-links"
            let created = try await client.send(.post, links, token: owner)
            #expect(created.status == .created)
            let token = try #require(try created.json["token"] as? String)
            let path = try #require(try created.json["path"] as? String)
            let linkID = try #require((try created.json["link"] as? [String: Any])?["id"] as? String)

            let read = try await client.send(.get, path)
            #expect(read.status == .ok)
            #expect((try read.json["canvas"] as? [String: Any])?["id"] as? String == world.canvasID.uuidString)
            let write = try await client.send(
                .put, "/api/v1/canvases/\(world.canvasID)?share=\(token)", json: AuthorizationMatrixTests.saveBody)
            #expect(write.status == .forbidden)
            #expect(write.errorCode == "share-link-read-only")
            let otherCanvas = try await store.createCanvas(
                workspaceID: world.workspaceID, title: "Other",
                first: CanvasRevision(
                    authorID: world.users[.owner]!.id, message: "", document: World.canvasText, syntax: .yaml))
            let elsewhere = try await client.send(.get, "/api/v1/canvases/\(otherCanvas.id)?share=\(token)")
            #expect(elsewhere.status == .forbidden)

            #expect(try await client.send(.delete, "\(links)/\(linkID)", token: owner).status == .ok)
            let revoked = try await client.send(.get, path)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.errorCode == "invalid-share-link")
        }
    }

    @Test func setupPageIsAFormThatNeedsItsToken() async throws {
        try await withServer(.sqlite) { _, client in
            let page = try await client.send(.get, "/setup?token=abc")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains(#"action="/setup?token=abc""#))
            #expect(try await client.send(.get, "/setup").status == .badRequest)
        }
    }
}
