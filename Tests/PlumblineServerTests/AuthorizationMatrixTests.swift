import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Every route × every role, a member of another workspace, anonymous and a share link:
/// allowed or denied, from one table. A route missing from the table fails the coverage test.
@Suite struct AuthorizationMatrixTests {
    /// What a route needs.
    enum Needs: Sendable {
        /// A signed-in user, any (their own tokens, workspaces).
        case signedIn
        /// A role in the route's workspace allowing this.
        case permission(Permission)
    }

    struct Route: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        /// The router's template, `{name}` for parameters.
        var template: String
        var needs: Needs
        var shareable = false
        var body: String? = nil
        /// Done through the store before the request (e.g. trash the canvas to restore it); returns
        /// more `{name}` substitutions for the template.
        var prepare: (@Sendable (any CanvasStore, World, World.Actor) async throws -> [String: String])? = nil

        var testDescription: String { "\(method) \(template)" }
    }

    static let saveBody = #"{"baseVersion": 1, "document": "plumbline: 1\nkind: kpi-misalignment\ntitle: Saved\n"}"#

    static let routes: [Route] = [
        Route(method: .get, template: "/api/v1/session", needs: .signedIn),
        Route(method: .delete, template: "/api/v1/session", needs: .signedIn),
        Route(method: .get, template: "/api/v1/tokens", needs: .signedIn),
        Route(method: .post, template: "/api/v1/tokens", needs: .signedIn, body: #"{"name": "ci"}"#),
        Route(method: .delete, template: "/api/v1/tokens/{tokenID}", needs: .signedIn),
        Route(method: .get, template: "/api/v1/workspaces", needs: .signedIn),
        Route(method: .post, template: "/api/v1/workspaces", needs: .signedIn, body: #"{"name": "Mine"}"#),
        Route(method: .get, template: "/api/v1/workspaces/{workspaceID}", needs: .permission(.read)),
        Route(
            method: .patch, template: "/api/v1/workspaces/{workspaceID}", needs: .permission(.administer),
            body: #"{"name": "Renamed"}"#),
        Route(method: .get, template: "/api/v1/workspaces/{workspaceID}/members", needs: .permission(.read)),
        Route(
            method: .post, template: "/api/v1/workspaces/{workspaceID}/members", needs: .permission(.administer),
            body: #"{"email": "newcomer@example.com", "role": "viewer"}"#),
        Route(
            method: .patch, template: "/api/v1/workspaces/{workspaceID}/members/{userID}",
            needs: .permission(.administer), body: #"{"role": "reviewer"}"#),
        Route(
            method: .delete, template: "/api/v1/workspaces/{workspaceID}/members/{userID}",
            needs: .permission(.administer)),
        Route(method: .get, template: "/api/v1/workspaces/{workspaceID}/canvases", needs: .permission(.read)),
        Route(
            method: .post, template: "/api/v1/workspaces/{workspaceID}/canvases", needs: .permission(.edit),
            body: #"{"title": "New one", "kind": "kpi-misalignment"}"#),
        Route(
            method: .post, template: "/api/v1/workspaces/{workspaceID}/canvases/import?syntax=yaml",
            needs: .permission(.edit), body: World.canvasText),
        Route(method: .get, template: "/api/v1/workspaces/{workspaceID}/trash", needs: .permission(.read)),
        Route(method: .get, template: "/api/v1/canvases/{canvasID}", needs: .permission(.read), shareable: true),
        Route(
            method: .get, template: "/api/v1/canvases/{canvasID}/document", needs: .permission(.read),
            shareable: true),
        Route(method: .put, template: "/api/v1/canvases/{canvasID}", needs: .permission(.edit), body: saveBody),
        Route(method: .delete, template: "/api/v1/canvases/{canvasID}", needs: .permission(.edit)),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/restore", needs: .permission(.edit),
            prepare: { store, world, _ in
                _ = try await store.trashCanvas(id: world.canvasID)
                return [:]
            }),
        Route(
            method: .get, template: "/api/v1/canvases/{canvasID}/versions", needs: .permission(.read),
            shareable: true),
        Route(
            method: .get, template: "/api/v1/canvases/{canvasID}/versions/{version}", needs: .permission(.read),
            shareable: true),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/versions/{version}/restore",
            needs: .permission(.edit), body: "{}"),
        Route(
            method: .get, template: "/api/v1/canvases/{canvasID}/diff?from=1&to=1", needs: .permission(.read),
            shareable: true),
        Route(method: .get, template: "/api/v1/canvases/{canvasID}/share-links", needs: .permission(.administer)),
        Route(method: .post, template: "/api/v1/canvases/{canvasID}/share-links", needs: .permission(.administer)),
        Route(
            method: .delete, template: "/api/v1/canvases/{canvasID}/share-links/{linkID}",
            needs: .permission(.administer)),
        Route(method: .get, template: "/api/v1/canvases/{canvasID}/comments", needs: .permission(.read)),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/comments", needs: .permission(.comment),
            body: #"{"body": "Is this KPI gameable?", "entityID": "retain"}"#),
        Route(
            method: .patch, template: "/api/v1/canvases/{canvasID}/comments/{commentID}",
            needs: .permission(.comment), body: #"{"body": "Edited"}"#, prepare: commentByActor),
        Route(
            method: .delete, template: "/api/v1/canvases/{canvasID}/comments/{commentID}",
            needs: .permission(.comment), prepare: commentByActor),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/comments/{commentID}/resolve",
            needs: .permission(.comment), prepare: commentByActor),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/comments/{commentID}/reopen",
            needs: .permission(.comment), prepare: commentByActor),
        Route(method: .get, template: "/api/v1/canvases/{canvasID}/reviews", needs: .permission(.read)),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/reviews", needs: .permission(.review),
            body: #"{"reviewerID": "{reviewerID}"}"#),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/reviews/{reviewID}/approve",
            needs: .permission(.review), body: "{}", prepare: reviewOfActor),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/reviews/{reviewID}/request-changes",
            needs: .permission(.review), body: #"{"note": "Pair the KPI"}"#, prepare: reviewOfActor),
        Route(method: .get, template: "/api/v1/canvases/{canvasID}/values", needs: .permission(.read)),
        Route(
            method: .post, template: "/api/v1/canvases/{canvasID}/values?name=churn.csv", needs: .permission(.edit),
            body: World.csv),
        Route(
            method: .delete, template: "/api/v1/canvases/{canvasID}/values/{uploadID}", needs: .permission(.edit),
            prepare: { store, world, _ in
                let upload = try await store.addKPIUpload(
                    NewKPIUpload(
                        canvasID: world.canvasID, fileName: "churn.csv", csv: World.csv, rowCount: 2,
                        uploadedBy: world.users[.owner]!.id))
                return ["{uploadID}": upload.id.uuidString]
            }),
        Route(
            method: .get, template: "/api/v1/canvases/{canvasID}/findings", needs: .permission(.read),
            shareable: true),
    ]

    /// A comment written by the actor when they may comment (authors edit their own), else by the owner.
    static let commentByActor: @Sendable (any CanvasStore, World, World.Actor) async throws -> [String: String] = {
        store, world, actor in
        let mayComment = actor.role.map { rolesAllowed[.comment]!.contains($0) } ?? false
        let author = mayComment ? world.users[actor]! : world.users[.owner]!
        let comment = try await store.addComment(
            NewComment(canvasID: world.canvasID, authorID: author.id, body: "Who owns this?"))
        return ["{commentID}": comment.id.uuidString]
    }

    /// A pending review addressed to the actor when they may review, else to the owner.
    static let reviewOfActor: @Sendable (any CanvasStore, World, World.Actor) async throws -> [String: String] = {
        store, world, actor in
        let mayReview = actor.role.map { rolesAllowed[.review]!.contains($0) } ?? false
        let reviewer = mayReview ? world.users[actor]! : world.users[.owner]!
        let review = try await store.requestReview(
            canvasID: world.canvasID, version: 1, requesterID: world.users[.owner]!.id, reviewerID: reviewer.id,
            note: nil)
        return ["{reviewID}": review.id.uuidString]
    }

    /// Routes anyone may call: probes, the API description, sign-in and first-owner setup.
    static let publicRoutes: Set<String> = [
        "GET /health", "GET /ready", "GET /api/openapi.yaml", "GET /setup", "POST /setup", "POST /api/v1/session",
    ]

    @Test func everyRouteIsInTheTable() async throws {
        let router = try await withStore(.sqlite) { store in
            try buildRouter(testConfiguration, store: store, schemaVersion: 1)
        }
        let served = Set(router.routes.map { "\($0.method) \($0.path)" })
        let tabled = Set(Self.routes.map { "\($0.method) \($0.template.split(separator: "?")[0])" })
        #expect(served.subtracting(Self.publicRoutes) == tabled)
    }

    @Test(arguments: StoreKind.available, routes)
    func route(_ kind: StoreKind, _ route: Route) async throws {
        try await withServer(kind) { store, client in
            for actor in World.Actor.allCases {
                let world = try await World.make(store)
                let extra = try await route.prepare?(store, world, actor) ?? [:]
                let path = Self.fill(route.template, world, actor, extra)
                let body = route.body.map { Self.fill($0, world, actor, extra) }
                let response = try await world.send(client, as: actor, route.method, path, json: body)
                let expected = Self.expected(route, actor)
                #expect(
                    expected.contains(response.status.code),
                    "\(actor) \(route.method) \(route.template): \(response.status.code) \(response.text)")
                if response.status.code >= 400 {
                    #expect(response.errorCode != nil, "a denial in the API's one error shape: \(response.text)")
                }
            }
        }
    }

    /// Who may do what, written out here rather than read from the server's `WorkspaceRole.allows`,
    /// so a change to the server's rules fails this test.
    static let rolesAllowed: [Permission: Set<WorkspaceRole>] = [
        .read: [.owner, .editor, .reviewer, .viewer],
        .comment: [.owner, .editor, .reviewer],
        .review: [.owner, .editor, .reviewer],
        .edit: [.owner, .editor],
        .administer: [.owner],
    ]

    /// The statuses that count as the right answer for `actor`.
    static func expected(_ route: Route, _ actor: World.Actor) -> ClosedRange<Int> {
        switch actor {
        case .anonymous: return 401...401
        case .shareLink: return route.shareable ? 200...299 : 403...403
        case .outsider:
            if case .signedIn = route.needs { return 200...299 }
            return 404...404
        case .owner, .editor, .reviewer, .viewer:
            switch route.needs {
            case .signedIn: return 200...299
            case .permission(let permission):
                return Self.rolesAllowed[permission]!.contains(actor.role!) ? 200...299 : 403...403
            }
        }
    }

    /// The template (path or body) with `{name}` replaced by the world's ids and `extra`.
    static func fill(_ template: String, _ world: World, _ actor: World.Actor, _ extra: [String: String]) -> String {
        var values = [
            "{workspaceID}": world.workspaceID.uuidString, "{canvasID}": world.canvasID.uuidString, "{version}": "1",
            "{userID}": world.users[.viewer]!.id.uuidString, "{linkID}": world.shareLinkID.uuidString,
            "{tokenID}": (world.tokenIDs[actor] ?? UUID()).uuidString,
            "{reviewerID}": world.users[.reviewer]!.id.uuidString,
        ]
        values.merge(extra) { _, new in new }
        return values.reduce(template) { text, pair in text.replacingOccurrences(of: pair.key, with: pair.value) }
    }
}
