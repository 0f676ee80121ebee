import Foundation

/// A remark on a canvas, or on one entity in it; replies name their parent.
public struct Comment: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var canvasID: UUID
    /// The id of the objective, KPI, participant … it is about; nil for the canvas as a whole.
    public var entityID: String?
    /// The comment this one answers; nil for the start of a thread.
    public var parentID: UUID?
    public var authorID: UUID
    public var body: String
    public var createdAt: Date
    public var editedAt: Date?
    public var resolvedAt: Date?
    public var resolvedBy: UUID?

    public init(
        id: UUID, canvasID: UUID, entityID: String?, parentID: UUID?, authorID: UUID, body: String, createdAt: Date,
        editedAt: Date? = nil, resolvedAt: Date? = nil, resolvedBy: UUID? = nil
    ) {
        self.id = id
        self.canvasID = canvasID
        self.entityID = entityID
        self.parentID = parentID
        self.authorID = authorID
        self.body = body
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
    }

    public var isResolved: Bool { resolvedAt != nil }
}

/// What it takes to add a comment.
public struct NewComment: Hashable, Sendable {
    public var canvasID: UUID
    public var entityID: String?
    public var parentID: UUID?
    public var authorID: UUID
    public var body: String

    public init(canvasID: UUID, entityID: String? = nil, parentID: UUID? = nil, authorID: UUID, body: String) {
        self.canvasID = canvasID
        self.entityID = entityID
        self.parentID = parentID
        self.authorID = authorID
        self.body = body
    }
}
