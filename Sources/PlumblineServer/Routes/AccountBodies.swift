import Foundation
import Hummingbird
import PlumblineStore

// MARK: - Users and sessions

/// A user as the API shows it: never the password hash.
struct UserBody: ResponseCodable, Equatable {
    var id: UUID
    var email: String
    var displayName: String

    init(_ user: User) {
        id = user.id
        email = user.email
        displayName = user.displayName
    }

    init(_ user: SignedInUser) {
        id = user.id
        email = user.email
        displayName = user.displayName
    }
}

/// `POST /api/v1/session` and `POST /setup`.
struct Credentials: Decodable {
    var email: String
    var password: String
}

/// The signed-in user and, for cookie sessions, the token to send as `X-CSRF-Token`.
struct SessionBody: ResponseCodable {
    var user: UserBody
    var csrfToken: String?
}

/// `POST /setup?token=…`: the first owner.
struct SetupRequest: Decodable {
    var email: String
    var password: String
    var displayName: String?
    var workspaceName: String?
}

struct SetupResult: ResponseCodable {
    var user: UserBody
    var workspace: WorkspaceBody?
}

// MARK: - API tokens

struct TokenBody: ResponseCodable {
    var id: UUID
    var name: String
    var createdAt: Date
    var lastUsedAt: Date?
    var revokedAt: Date?

    init(_ token: APIToken) {
        id = token.id
        name = token.name
        createdAt = token.createdAt
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
    }
}

struct NewTokenRequest: Decodable {
    var name: String
}

/// The secret is shown once, here; the store keeps only its hash.
struct CreatedToken: ResponseCodable {
    var token: TokenBody
    var secret: String
}

// MARK: - Workspaces

struct WorkspaceBody: ResponseCodable {
    var id: UUID
    var name: String
    var createdAt: Date
    /// The caller's role, where the caller is a member.
    var role: WorkspaceRole?

    init(_ workspace: Workspace, role: WorkspaceRole? = nil) {
        id = workspace.id
        name = workspace.name
        createdAt = workspace.createdAt
        self.role = role
    }
}

struct WorkspaceRequest: Decodable {
    var name: String
}

struct MemberBody: ResponseCodable {
    var user: UserBody
    var role: WorkspaceRole
    var joinedAt: Date

    init(_ member: Member) {
        user = UserBody(member.user)
        role = member.role
        joinedAt = member.joinedAt
    }
}

/// Adds an existing account, by email.
struct NewMemberRequest: Decodable {
    var email: String
    var role: WorkspaceRole
}

struct RoleRequest: Decodable {
    var role: WorkspaceRole
}

// MARK: - Share links

struct ShareLinkBody: ResponseCodable {
    var id: UUID
    var canvasID: UUID
    var createdAt: Date
    var revokedAt: Date?

    init(_ link: ShareLink) {
        id = link.id
        canvasID = link.canvasID
        createdAt = link.createdAt
        revokedAt = link.revokedAt
    }
}

/// The token is shown once; `path` is the canvas's URL with it.
struct CreatedShareLink: ResponseCodable {
    var link: ShareLinkBody
    var token: String
    var path: String
}

/// A list, wrapped so it can grow fields (paging) without breaking clients.
struct ListBody<Item: Codable & Sendable>: ResponseCodable {
    var items: [Item]
}
