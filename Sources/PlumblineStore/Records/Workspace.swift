import Foundation

/// A team's space: it holds canvases and has members.
public struct Workspace: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var createdAt: Date

    public init(id: UUID, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

/// What a member may do in a workspace, from most to least.
public enum WorkspaceRole: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
    /// Manages members and everything an editor does.
    case owner
    /// Creates, edits, deletes canvases and uploads data.
    case editor
    /// Reads, comments and decides review requests.
    case reviewer
    /// Reads only.
    case viewer

    /// Lower is more powerful: owner 0 … viewer 3.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// Orders by power: `.owner < .viewer`.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Whether this role allows at least what `other` allows.
    public func includes(_ other: WorkspaceRole) -> Bool { rank <= other.rank }
}

/// A user's place in a workspace.
public struct Membership: Hashable, Sendable {
    public var workspaceID: UUID
    public var userID: UUID
    public var role: WorkspaceRole
    public var createdAt: Date

    public init(workspaceID: UUID, userID: UUID, role: WorkspaceRole, createdAt: Date) {
        self.workspaceID = workspaceID
        self.userID = userID
        self.role = role
        self.createdAt = createdAt
    }
}

/// A workspace as one of its members sees it in a list: the workspace and their role.
public struct WorkspaceAccess: Hashable, Sendable {
    public var workspace: Workspace
    public var role: WorkspaceRole

    public init(workspace: Workspace, role: WorkspaceRole) {
        self.workspace = workspace
        self.role = role
    }
}

/// A member in a workspace's member list: the user and their role.
public struct Member: Hashable, Sendable {
    public var user: User
    public var role: WorkspaceRole
    public var joinedAt: Date

    public init(user: User, role: WorkspaceRole, joinedAt: Date) {
        self.user = user
        self.role = role
        self.joinedAt = joinedAt
    }
}
