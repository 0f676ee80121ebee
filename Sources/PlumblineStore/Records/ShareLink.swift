import Foundation

/// A read-only link to one canvas, stored only as the hash of its token.
public struct ShareLink: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var canvasID: UUID
    public var tokenHash: String
    public var createdBy: UUID
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: UUID, canvasID: UUID, tokenHash: String, createdBy: UUID, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.canvasID = canvasID
        self.tokenHash = tokenHash
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}
