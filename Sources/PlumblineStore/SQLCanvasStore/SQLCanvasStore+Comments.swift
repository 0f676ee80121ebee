import Foundation

// MARK: - Comments

extension SQLCanvasStore {
    static let commentColumns =
        "id, canvas_id, entity_id, parent_id, author_id, body, created_at, edited_at, resolved_at, resolved_by"

    public func addComment(_ comment: NewComment) async throws -> Comment {
        try Validation.text(comment.body, "comment", limit: StoreLimits.comment)
        try Validation.optionalText(comment.entityID, "entity id", limit: StoreLimits.entityID, required: true)
        let created = Comment(
            id: UUID(), canvasID: comment.canvasID, entityID: comment.entityID, parentID: comment.parentID,
            authorID: comment.authorID, body: comment.body, createdAt: now())
        return try await write { db in
            try await db.requireRow("canvases", id: comment.canvasID, "canvas")
            try await db.requireRow("users", id: comment.authorID, "user")
            if let parentID = comment.parentID {
                let parent = try await db.first("SELECT canvas_id FROM comments WHERE id = $1", .uuid(parentID))
                guard let parent else { throw StoreError.notFound("parent comment") }
                if try parent.uuid("canvas_id") != comment.canvasID {
                    throw StoreError.conflict("a reply must be on the same canvas as its parent")
                }
            }
            try await db.execute(
                """
                INSERT INTO comments (id, canvas_id, entity_id, parent_id, author_id, body, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, .uuid(created.id), .uuid(created.canvasID), SQLValue(created.entityID), SQLValue(created.parentID),
                .uuid(created.authorID), .text(created.body), .date(created.createdAt))
            return created
        }
    }

    public func comment(id: UUID) async throws -> Comment? {
        try await read { db in
            try await db.first("SELECT \(Self.commentColumns) FROM comments WHERE id = $1", .uuid(id))
                .map(Self.comment)
        }
    }

    public func comments(canvasID: UUID) async throws -> [Comment] {
        try await read { db in
            try await db.query(
                "SELECT \(Self.commentColumns) FROM comments WHERE canvas_id = $1 ORDER BY created_at, id",
                .uuid(canvasID)
            ).map(Self.comment)
        }
    }

    public func comments(canvasID: UUID, entityID: String) async throws -> [Comment] {
        try await read { db in
            try await db.query(
                """
                SELECT \(Self.commentColumns) FROM comments WHERE canvas_id = $1 AND entity_id = $2
                ORDER BY created_at, id
                """, .uuid(canvasID), .text(entityID)
            ).map(Self.comment)
        }
    }

    public func editComment(id: UUID, body: String) async throws -> Comment {
        try Validation.text(body, "comment", limit: StoreLimits.comment)
        let now = now()
        return try await write { db in
            let row = try await db.first(
                "UPDATE comments SET body = $2, edited_at = $3 WHERE id = $1 RETURNING \(Self.commentColumns)",
                .uuid(id), .text(body), .date(now))
            guard let row else { throw StoreError.notFound("comment") }
            return try Self.comment(row)
        }
    }

    public func setCommentResolved(id: UUID, resolved: Bool, by userID: UUID) async throws -> Comment {
        let now = now()
        return try await write { db in
            try await db.requireRow("users", id: userID, "user")
            let row =
                resolved
                ? try await db.first(
                    """
                    UPDATE comments SET resolved_at = COALESCE(resolved_at, $2),
                        resolved_by = CASE WHEN resolved_at IS NULL THEN $3 ELSE resolved_by END
                    WHERE id = $1 RETURNING \(Self.commentColumns)
                    """, .uuid(id), .date(now), .uuid(userID))
                : try await db.first(
                    "UPDATE comments SET resolved_at = NULL, resolved_by = NULL WHERE id = $1 RETURNING \(Self.commentColumns)",
                    .uuid(id))
            guard let row else { throw StoreError.notFound("comment") }
            return try Self.comment(row)
        }
    }

    public func deleteComment(id: UUID) async throws {
        try await write { db in
            let deleted = try await db.execute("DELETE FROM comments WHERE id = $1 RETURNING id", .uuid(id))
            if deleted == 0 { throw StoreError.notFound("comment") }
        }
    }

    static func comment(_ row: SQLRow) throws -> Comment {
        Comment(
            id: try row.uuid("id"), canvasID: try row.uuid("canvas_id"), entityID: try row.optionalString("entity_id"),
            parentID: try row.optionalUUID("parent_id"), authorID: try row.uuid("author_id"),
            body: try row.string("body"), createdAt: try row.date("created_at"),
            editedAt: try row.optionalDate("edited_at"), resolvedAt: try row.optionalDate("resolved_at"),
            resolvedBy: try row.optionalUUID("resolved_by"))
    }
}
