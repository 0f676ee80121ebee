import Foundation
import PlumblineStore

/// The checks every route makes before touching a workspace or canvas.
///
/// Anonymous requests get 401. A user who is not a member gets 404, as if the workspace or
/// canvas did not exist, so ids cannot be probed. A member whose role lacks the permission gets
/// 403. A share link opens only GET routes marked shareable, and only for its own canvas.
struct AccessPolicy: Sendable {
    let store: any CanvasStore

    /// The signed-in user, or 401 (anonymous) / 403 (share link).
    func user(_ context: PlumblineRequestContext) throws -> SignedInUser {
        switch context.identity {
        case .user(let user): return user
        case .shareLink: throw APIError.shareLinkReadOnly
        case nil: throw APIError.unauthenticated
        }
    }

    /// The user's role in `workspaceID`, when it allows `permission`.
    @discardableResult
    func workspace(
        _ workspaceID: UUID, _ permission: Permission, _ context: PlumblineRequestContext
    ) async throws
        -> (user: SignedInUser, role: WorkspaceRole, workspace: Workspace)
    {
        let user = try user(context)
        guard let role = try await store.role(userID: user.id, workspaceID: workspaceID),
            let workspace = try await store.workspace(id: workspaceID)
        else { throw APIError.notFound("the workspace") }
        guard role.allows(permission) else { throw APIError.roleLacks(permission, role: role) }
        return (user, role, workspace)
    }

    /// The canvas, when the request may `permission` it. Trashed canvases are found only with
    /// `inTrash` (the trash and restore routes).
    func canvas(
        _ canvasID: UUID, _ permission: Permission, _ context: PlumblineRequestContext, shareable: Bool = false,
        inTrash: Bool = false
    ) async throws -> CanvasAccess {
        guard let canvas = try await store.canvas(id: canvasID), canvas.isTrashed == inTrash else {
            if context.identity == nil { throw APIError.unauthenticated }
            throw APIError.notFound("the canvas")
        }
        switch context.identity {
        case nil:
            throw APIError.unauthenticated
        case .shareLink(let grant):
            guard shareable, permission == .read, grant.canvasID == canvasID else { throw APIError.shareLinkReadOnly }
            return CanvasAccess(canvas: canvas, user: nil, role: nil)
        case .user(let user):
            guard let role = try await store.role(userID: user.id, workspaceID: canvas.workspaceID) else {
                throw APIError.notFound("the canvas")
            }
            guard role.allows(permission) else { throw APIError.roleLacks(permission, role: role) }
            return CanvasAccess(canvas: canvas, user: user, role: role)
        }
    }
}

/// A canvas a request was allowed to reach, and as whom.
struct CanvasAccess: Sendable {
    var canvas: StoredCanvas
    /// Nil for share links.
    var user: SignedInUser?
    var role: WorkspaceRole?

    /// The user, for routes that write (never reached by share links).
    func writer() throws -> SignedInUser {
        guard let user else { throw APIError.shareLinkReadOnly }
        return user
    }
}

extension APIError {
    static let shareLinkReadOnly = APIError(
        .forbidden, code: "share-link-read-only",
        message: "a share link can only read its canvas, the canvas's versions and findings")

    static func roleLacks(_ permission: Permission, role: WorkspaceRole) -> APIError {
        APIError(
            .forbidden, code: "forbidden",
            message: "the \(role.rawValue) role cannot \(permission.rawValue) here")
    }
}
