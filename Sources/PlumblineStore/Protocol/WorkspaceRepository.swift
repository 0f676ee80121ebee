import Foundation

/// Workspaces and their members.
public protocol WorkspaceRepository: Sendable {
    /// Creates a workspace with `ownerID` as its owner, in one transaction.
    func createWorkspace(name: String, ownerID: UUID) async throws -> Workspace

    func workspace(id: UUID) async throws -> Workspace?

    func renameWorkspace(id: UUID, name: String) async throws -> Workspace

    /// Deletes a workspace with its memberships, canvases and everything hanging off them.
    func deleteWorkspace(id: UUID) async throws

    /// Adds a member; `.duplicate` when they are one already.
    func addMember(workspaceID: UUID, userID: UUID, role: WorkspaceRole) async throws -> Membership

    /// Changes a member's role; `.conflict` when that would leave the workspace without an owner.
    func changeRole(workspaceID: UUID, userID: UUID, role: WorkspaceRole) async throws -> Membership

    /// Removes a member; `.conflict` when they are the last owner.
    func removeMember(workspaceID: UUID, userID: UUID) async throws

    /// The workspaces a user belongs to, with their role, by name.
    func workspaces(userID: UUID) async throws -> [WorkspaceAccess]

    /// A workspace's members, by display name.
    func members(workspaceID: UUID) async throws -> [Member]

    /// The user's role in the workspace, or nil when they are not a member.
    func role(userID: UUID, workspaceID: UUID) async throws -> WorkspaceRole?
}

/// Read-only share links.
public protocol ShareLinkRepository: Sendable {
    /// Keeps a link's token hash; `.duplicate` when the hash exists.
    func createShareLink(canvasID: UUID, tokenHash: String, createdBy: UUID) async throws -> ShareLink

    /// The link with this token hash, or nil when unknown or revoked.
    func shareLink(tokenHash: String) async throws -> ShareLink?

    /// A canvas's links, revoked ones included, oldest first.
    func shareLinks(canvasID: UUID) async throws -> [ShareLink]

    /// Revokes a link (again is fine).
    func revokeShareLink(id: UUID) async throws -> ShareLink
}
