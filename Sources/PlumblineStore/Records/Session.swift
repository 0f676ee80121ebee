import Foundation

/// A signed-in browser. The id is the hash of the cookie's token, so a leaked database does not
/// leak live cookies.
public struct Session: Hashable, Sendable, Identifiable {
    public var id: String
    public var userID: UUID
    /// Sent back by the browser on unsafe methods (double-submit CSRF protection).
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(id: String, userID: UUID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A token for scripts and the CLI, stored only as its hash.
public struct APIToken: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var userID: UUID
    /// What the person called it ("CI", "laptop").
    public var name: String
    public var tokenHash: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: UUID, userID: UUID, name: String, tokenHash: String, createdAt: Date, lastUsedAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// A revoked token no longer signs anyone in.
    public var isRevoked: Bool { revokedAt != nil }
}
