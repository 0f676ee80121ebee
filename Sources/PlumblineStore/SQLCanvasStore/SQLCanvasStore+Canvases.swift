import Foundation
import PlumblineCore

// MARK: - Canvases and their trash

extension SQLCanvasStore {
    static let canvasColumns =
        "id, workspace_id, title, current_version, created_by, created_at, updated_at, trashed_at"

    public func createCanvas(workspaceID: UUID, title: String, first: CanvasRevision) async throws -> StoredCanvas {
        try Validation.text(title, "title", limit: StoreLimits.name)
        try Self.validate(first)
        let now = now()
        let canvas = StoredCanvas(
            id: UUID(), workspaceID: workspaceID, title: title, currentVersion: 1, createdBy: first.authorID,
            createdAt: now, updatedAt: now)
        let version = CanvasVersion(
            canvasID: canvas.id, number: 1, authorID: first.authorID, createdAt: now, message: first.message,
            document: first.document, syntax: first.syntax)
        return try await write { db in
            try await db.requireRow("workspaces", id: workspaceID, "workspace")
            try await db.requireRow("users", id: first.authorID, "user")
            try await db.execute(
                """
                INSERT INTO canvases (id, workspace_id, title, current_version, created_by, created_at, updated_at)
                VALUES ($1, $2, $3, 1, $4, $5, $5)
                """, .uuid(canvas.id), .uuid(workspaceID), .text(title), .uuid(first.authorID), .date(now))
            try await Self.insert(version, into: db)
            return canvas
        }
    }

    public func canvas(id: UUID) async throws -> StoredCanvas? {
        try await read { db in
            try await db.first("SELECT \(Self.canvasColumns) FROM canvases WHERE id = $1", .uuid(id)).map(Self.canvas)
        }
    }

    public func canvases(workspaceID: UUID) async throws -> [StoredCanvas] {
        try await read { db in
            try await db.query(
                """
                SELECT \(Self.canvasColumns) FROM canvases WHERE workspace_id = $1 AND trashed_at IS NULL
                ORDER BY title, id
                """, .uuid(workspaceID)
            ).map(Self.canvas)
        }
    }

    public func trashedCanvases(workspaceID: UUID) async throws -> [StoredCanvas] {
        try await read { db in
            try await db.query(
                """
                SELECT \(Self.canvasColumns) FROM canvases WHERE workspace_id = $1 AND trashed_at IS NOT NULL
                ORDER BY trashed_at DESC, id
                """, .uuid(workspaceID)
            ).map(Self.canvas)
        }
    }

    public func trashCanvas(id: UUID) async throws -> StoredCanvas {
        let now = now()
        return try await write { db in
            let row = try await db.first(
                "UPDATE canvases SET trashed_at = $2 WHERE id = $1 AND trashed_at IS NULL RETURNING \(Self.canvasColumns)",
                .uuid(id), .date(now))
            guard let row else { throw try await Self.whyNot(canvasID: id, in: db, expectTrashed: false) }
            return try Self.canvas(row)
        }
    }

    public func restoreCanvas(id: UUID) async throws -> StoredCanvas {
        try await write { db in
            let row = try await db.first(
                """
                UPDATE canvases SET trashed_at = NULL WHERE id = $1 AND trashed_at IS NOT NULL
                RETURNING \(Self.canvasColumns)
                """, .uuid(id))
            guard let row else { throw try await Self.whyNot(canvasID: id, in: db, expectTrashed: true) }
            return try Self.canvas(row)
        }
    }

    public func purgeCanvas(id: UUID) async throws {
        try await write { db in
            let deleted = try await db.execute(
                "DELETE FROM canvases WHERE id = $1 AND trashed_at IS NOT NULL RETURNING id", .uuid(id))
            if deleted == 0 { throw try await Self.whyNot(canvasID: id, in: db, expectTrashed: true) }
        }
    }

    // MARK: Versions

    public func save(canvasID: UUID, baseVersion: Int, revision: CanvasRevision) async throws -> CanvasVersion {
        try Self.validate(revision)
        try Validation.optionalText(revision.title, "title", limit: StoreLimits.name, required: true)
        return try await write { db in
            try await commit(revision, restoredFrom: nil, canvasID: canvasID, baseVersion: baseVersion, in: db)
        }
    }

    public func versions(canvasID: UUID) async throws -> [CanvasVersionSummary] {
        try await read { db in
            try await db.query(
                """
                SELECT canvas_id, number, author_id, created_at, message, syntax, restored_from,
                    OCTET_LENGTH(document) AS document_length
                FROM canvas_versions WHERE canvas_id = $1 ORDER BY number
                """, .uuid(canvasID)
            ).map { row in
                CanvasVersionSummary(
                    canvasID: try row.uuid("canvas_id"), number: try row.int("number"),
                    authorID: try row.uuid("author_id"), createdAt: try row.date("created_at"),
                    message: try row.string("message"), syntax: try Self.syntax(row),
                    documentLength: try row.int("document_length"), restoredFrom: try row.optionalInt("restored_from"))
            }
        }
    }

    public func version(canvasID: UUID, number: Int) async throws -> CanvasVersion? {
        try await read { db in
            try await db.first(
                """
                SELECT canvas_id, number, author_id, created_at, message, document, syntax, restored_from
                FROM canvas_versions WHERE canvas_id = $1 AND number = $2
                """, .uuid(canvasID), .integer(Int64(number))
            ).map(Self.version)
        }
    }

    public func restoreVersion(
        canvasID: UUID, number: Int, baseVersion: Int, authorID: UUID, message: String
    )
        async throws -> CanvasVersion
    {
        try Validation.text(message, "message", limit: StoreLimits.message, required: false)
        return try await write { db in
            let old = try await db.first(
                "SELECT document, syntax FROM canvas_versions WHERE canvas_id = $1 AND number = $2", .uuid(canvasID),
                .integer(Int64(number)))
            guard let old else {
                try await db.requireRow("canvases", id: canvasID, "canvas")
                throw StoreError.notFound("version \(number)")
            }
            let revision = CanvasRevision(
                authorID: authorID, message: message, document: try old.string("document"), syntax: try Self.syntax(old)
            )
            return try await commit(
                revision, restoredFrom: number, canvasID: canvasID, baseVersion: baseVersion, in: db)
        }
    }

    /// The heart of optimistic concurrency: one conditional UPDATE moves the canvas from
    /// `baseVersion` to the next number. Under concurrency exactly one transaction matches it —
    /// PostgreSQL re-checks the WHERE clause after waiting for the row lock, SQLite has one writer —
    /// and every other gets `.staleVersion` with the number that won.
    private func commit(
        _ revision: CanvasRevision, restoredFrom: Int?, canvasID: UUID, baseVersion: Int, in db: any SQLExecutor
    ) async throws -> CanvasVersion {
        let now = now()
        let moved = try await db.first(
            """
            UPDATE canvases SET current_version = current_version + 1, updated_at = $3, title = COALESCE($4, title)
            WHERE id = $1 AND current_version = $2 AND trashed_at IS NULL
            RETURNING current_version
            """, .uuid(canvasID), .integer(Int64(baseVersion)), .date(now), SQLValue(revision.title))
        guard let moved else {
            let row = try await db.first(
                "SELECT current_version, trashed_at FROM canvases WHERE id = $1", .uuid(canvasID))
            guard let row else { throw StoreError.notFound("canvas") }
            if try row.optionalDate("trashed_at") != nil { throw StoreError.conflict("the canvas is in the trash") }
            throw StoreError.staleVersion(current: try row.int("current_version"))
        }
        try await db.requireRow("users", id: revision.authorID, "user")
        let version = CanvasVersion(
            canvasID: canvasID, number: try moved.int("current_version"), authorID: revision.authorID, createdAt: now,
            message: revision.message, document: revision.document, syntax: revision.syntax, restoredFrom: restoredFrom)
        try await Self.insert(version, into: db)
        return version
    }

    // MARK: Rows and rules

    static func validate(_ revision: CanvasRevision) throws {
        try Validation.text(revision.message, "message", limit: StoreLimits.message, required: false)
        try Validation.text(revision.document, "document", limit: StoreLimits.document)
    }

    /// Why a canvas was not in the state an operation needed.
    static func whyNot(canvasID: UUID, in db: any SQLExecutor, expectTrashed: Bool) async throws -> StoreError {
        guard let row = try await db.first("SELECT trashed_at FROM canvases WHERE id = $1", .uuid(canvasID)) else {
            return .notFound("canvas")
        }
        let trashed = try row.optionalDate("trashed_at") != nil
        if expectTrashed && !trashed { return .conflict("the canvas is not in the trash") }
        if !expectTrashed && trashed { return .conflict("the canvas is in the trash") }
        return .unavailable("the canvas changed during the operation")
    }

    static func insert(_ version: CanvasVersion, into db: any SQLExecutor) async throws {
        try await db.execute(
            """
            INSERT INTO canvas_versions
                (canvas_id, number, author_id, created_at, message, document, syntax, restored_from)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, .uuid(version.canvasID), .integer(Int64(version.number)), .uuid(version.authorID),
            .date(version.createdAt), .text(version.message), .text(version.document), .text(version.syntax.rawValue),
            SQLValue(version.restoredFrom))
    }

    static func canvas(_ row: SQLRow) throws -> StoredCanvas {
        StoredCanvas(
            id: try row.uuid("id"), workspaceID: try row.uuid("workspace_id"), title: try row.string("title"),
            currentVersion: try row.int("current_version"), createdBy: try row.uuid("created_by"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            trashedAt: try row.optionalDate("trashed_at"))
    }

    static func version(_ row: SQLRow) throws -> CanvasVersion {
        CanvasVersion(
            canvasID: try row.uuid("canvas_id"), number: try row.int("number"), authorID: try row.uuid("author_id"),
            createdAt: try row.date("created_at"), message: try row.string("message"),
            document: try row.string("document"), syntax: try syntax(row),
            restoredFrom: try row.optionalInt("restored_from"))
    }

    static func syntax(_ row: SQLRow) throws -> DocumentSyntax {
        let text = try row.string("syntax")
        guard let syntax = DocumentSyntax(rawValue: text) else {
            throw StoreError.unavailable("unknown syntax \(text) in the database")
        }
        return syntax
    }
}
