import Foundation
import HTTPTypes
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Everyone an authorisation test needs, made through the real store: a workspace with one member
/// per role, an outsider who owns another workspace, a canvas and a share link of it.
struct World: Sendable {
    enum Actor: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case owner, editor, reviewer, viewer, outsider, anonymous, shareLink

        var testDescription: String { rawValue }

        var role: WorkspaceRole? {
            switch self {
            case .owner: .owner
            case .editor: .editor
            case .reviewer: .reviewer
            case .viewer: .viewer
            default: nil
            }
        }
    }

    var workspaceID: UUID
    var otherWorkspaceID: UUID
    var canvasID: UUID
    var users: [Actor: User]
    var tokens: [Actor: String]
    var tokenIDs: [Actor: UUID]
    var shareToken: String
    var shareLinkID: UUID

    /// The canvas every world starts with.
    static let canvasText = """
        plumbline: 1
        kind: kpi-misalignment
        title: Growth vs retention
        objectives:
          - id: retain
            statement: Keep customers
        participants:
          - id: cfo
            name: Chief financial officer
            type: individual
        kpis:
          - id: churn
            name: Monthly churn
            serves: [retain]
            accountable: cfo
        """

    /// KPI values for `canvasText`, long layout.
    static let csv = "kpi,period,value\nchurn,2026-01,0.05\nchurn,2026-02,0.04\n"

    static func make(_ store: any CanvasStore) async throws -> World {
        let hash = try await PasswordHasher(cost: 4).hash("correct horse battery")
        var users: [Actor: User] = [:]
        var tokens: [Actor: String] = [:]
        var tokenIDs: [Actor: UUID] = [:]
        for actor in [Actor.owner, .editor, .reviewer, .viewer, .outsider] {
            let user = try await store.createUser(
                NewUser(
                    email: "\(actor.rawValue)-\(UUID().uuidString.prefix(6))@example.com", displayName: actor.rawValue,
                    passwordHash: hash))
            users[actor] = user
            let token = SecretToken.generate(prefix: "plb_")
            tokenIDs[actor] = try await store.createAPIToken(userID: user.id, name: "test", tokenHash: token.hash).id
            tokens[actor] = token.value
        }
        // An account that belongs to no workspace yet, for the route that adds members (the API
        // adds existing accounts only).
        if try await store.user(email: "newcomer@example.com") == nil {
            _ = try await store.createUser(
                NewUser(email: "newcomer@example.com", displayName: "Newcomer", passwordHash: hash))
        }
        let owner = try #require(users[.owner])
        let workspace = try await store.createWorkspace(name: "Team", ownerID: owner.id)
        for actor in [Actor.editor, .reviewer, .viewer] {
            _ = try await store.addMember(workspaceID: workspace.id, userID: users[actor]!.id, role: actor.role!)
        }
        let other = try await store.createWorkspace(name: "Elsewhere", ownerID: users[.outsider]!.id)
        let canvas = try await store.createCanvas(
            workspaceID: workspace.id, title: "Growth vs retention",
            first: CanvasRevision(authorID: owner.id, message: "first", document: canvasText, syntax: .yaml))
        let share = SecretToken.generate(prefix: "shr_")
        let link = try await store.createShareLink(canvasID: canvas.id, tokenHash: share.hash, createdBy: owner.id)
        return World(
            workspaceID: workspace.id, otherWorkspaceID: other.id, canvasID: canvas.id, users: users, tokens: tokens,
            tokenIDs: tokenIDs, shareToken: share.value, shareLinkID: link.id)
    }

    /// Sends a request as `actor`: a bearer token, `?share=` for the share link, nothing for anonymous.
    func send(
        _ client: any TestClientProtocol, as actor: Actor, _ method: HTTPRequest.Method, _ path: String,
        json: String? = nil
    ) async throws -> TestResponse {
        var path = path
        if actor == .shareLink { path += (path.contains("?") ? "&" : "?") + "share=\(shareToken)" }
        return try await client.send(method, path, token: tokens[actor], json: json)
    }
}
