import Foundation
import Hummingbird
import PlumblineStore

/// Workspaces and their members: `/api/v1/workspaces`.
struct WorkspaceRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy
    let passwords: PasswordHasher

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("workspaces", use: list)
        group.post("workspaces", use: create)
        group.get("workspaces/{workspaceID}", use: show)
        group.patch("workspaces/{workspaceID}", use: rename)
        group.get("workspaces/{workspaceID}/members", use: members)
        group.post("workspaces/{workspaceID}/members", use: addMember)
        group.patch("workspaces/{workspaceID}/members/{userID}", use: changeRole)
        group.delete("workspaces/{workspaceID}/members/{userID}", use: removeMember)
    }

    @Sendable func list(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<WorkspaceBody> {
        let user = try access.user(context)
        let items = try await store.workspaces(userID: user.id).map { WorkspaceBody($0.workspace, role: $0.role) }
        return ListBody(items: items)
    }

    @Sendable func create(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<WorkspaceBody>
    {
        let user = try access.user(context)
        let body = try await request.decode(as: WorkspaceRequest.self, context: context)
        let workspace = try await store.createWorkspace(
            name: try Field.name(body.name, what: "workspace name"), ownerID: user.id)
        return EditedResponse(status: .created, response: WorkspaceBody(workspace, role: .owner))
    }

    @Sendable func show(_ request: Request, context: PlumblineRequestContext) async throws -> WorkspaceBody {
        let found = try await access.workspace(try workspaceID(context), .read, context)
        return WorkspaceBody(found.workspace, role: found.role)
    }

    @Sendable func rename(_ request: Request, context: PlumblineRequestContext) async throws -> WorkspaceBody {
        let found = try await access.workspace(try workspaceID(context), .administer, context)
        let body = try await request.decode(as: WorkspaceRequest.self, context: context)
        let renamed = try await store.renameWorkspace(
            id: found.workspace.id, name: try Field.name(body.name, what: "workspace name"))
        return WorkspaceBody(renamed, role: found.role)
    }

    @Sendable func members(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<MemberBody> {
        let found = try await access.workspace(try workspaceID(context), .read, context)
        return ListBody(items: try await store.members(workspaceID: found.workspace.id).map(MemberBody.init))
    }

    @Sendable func addMember(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<MemberBody>
    {
        let found = try await access.workspace(try workspaceID(context), .administer, context)
        let body = try await request.decode(as: NewMemberRequest.self, context: context)
        let email = try Field.email(body.email)
        // Only existing accounts: creating one here would let any workspace owner claim a
        // colleague's email with a password of their own (accounts come from `plumb user add`).
        guard let user = try await store.user(email: email) else {
            throw APIError(
                .unprocessableContent, code: "unknown-user",
                message:
                    "no account has the email \(email); the server's administrator creates accounts with `plumb user add`"
            )
        }
        let membership = try await store.addMember(workspaceID: found.workspace.id, userID: user.id, role: body.role)
        return EditedResponse(
            status: .created,
            response: MemberBody(Member(user: user, role: membership.role, joinedAt: membership.createdAt)))
    }

    @Sendable func changeRole(_ request: Request, context: PlumblineRequestContext) async throws -> MemberBody {
        let found = try await access.workspace(try workspaceID(context), .administer, context)
        let userID = try context.parameters.require("userID", as: UUID.self)
        let body = try await request.decode(as: RoleRequest.self, context: context)
        try await keepAnOwner(found.workspace.id, changing: userID, to: body.role)
        let membership = try await store.changeRole(workspaceID: found.workspace.id, userID: userID, role: body.role)
        guard let user = try await store.user(id: userID) else { throw APIError.notFound("the member") }
        return MemberBody(Member(user: user, role: membership.role, joinedAt: membership.createdAt))
    }

    @Sendable func removeMember(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let found = try await access.workspace(try workspaceID(context), .administer, context)
        let userID = try context.parameters.require("userID", as: UUID.self)
        try await keepAnOwner(found.workspace.id, changing: userID, to: nil)
        try await store.removeMember(workspaceID: found.workspace.id, userID: userID)
        return Response(status: .noContent)
    }

    /// A workspace always keeps at least one owner: the last one cannot leave or step down.
    func keepAnOwner(_ workspaceID: UUID, changing userID: UUID, to role: WorkspaceRole?) async throws {
        guard role != .owner else { return }
        let owners = try await store.members(workspaceID: workspaceID).filter { $0.role == .owner }
        if owners.count == 1, owners[0].user.id == userID {
            throw APIError(
                .conflict, code: "last-owner", message: "a workspace needs an owner; make another member owner first")
        }
    }

    func workspaceID(_ context: PlumblineRequestContext) throws -> UUID {
        try context.parameters.require("workspaceID", as: UUID.self)
    }
}
