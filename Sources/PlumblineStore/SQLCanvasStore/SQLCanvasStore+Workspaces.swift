import Foundation

// MARK: - Workspaces and members

extension SQLCanvasStore {
    public func createWorkspace(name: String, ownerID: UUID) async throws -> Workspace {
        try Validation.text(name, "workspace name", limit: StoreLimits.name)
        let workspace = Workspace(id: UUID(), name: name, createdAt: now())
        return try await write { db in
            try await db.requireRow("users", id: ownerID, "user")
            try await Self.insert(workspace, ownerID: ownerID, at: workspace.createdAt, into: db)
            return workspace
        }
    }

    public func workspace(id: UUID) async throws -> Workspace? {
        try await read { db in
            try await db.first("SELECT id, name, created_at FROM workspaces WHERE id = $1", .uuid(id))
                .map(Self.workspace)
        }
    }

    public func renameWorkspace(id: UUID, name: String) async throws -> Workspace {
        try Validation.text(name, "workspace name", limit: StoreLimits.name)
        return try await write { db in
            let row = try await db.first(
                "UPDATE workspaces SET name = $2 WHERE id = $1 RETURNING id, name, created_at", .uuid(id), .text(name))
            guard let row else { throw StoreError.notFound("workspace") }
            return try Self.workspace(row)
        }
    }

    public func deleteWorkspace(id: UUID) async throws {
        try await write { db in
            let deleted = try await db.execute("DELETE FROM workspaces WHERE id = $1 RETURNING id", .uuid(id))
            if deleted == 0 { throw StoreError.notFound("workspace") }
        }
    }

    public func addMember(workspaceID: UUID, userID: UUID, role: WorkspaceRole) async throws -> Membership {
        let membership = Membership(workspaceID: workspaceID, userID: userID, role: role, createdAt: now())
        return try await write(duplicate: "membership") { db in
            try await db.requireRow("workspaces", id: workspaceID, "workspace")
            try await db.requireRow("users", id: userID, "user")
            try await db.execute(
                "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
                .uuid(workspaceID), .uuid(userID), .text(role.rawValue), .date(membership.createdAt))
            return membership
        }
    }

    public func changeRole(workspaceID: UUID, userID: UUID, role: WorkspaceRole) async throws -> Membership {
        try await write { db in
            let current = try await Self.lockedMembership(workspaceID: workspaceID, userID: userID, in: db, dialect)
            if current.role == .owner && role != .owner {
                try await Self.requireAnotherOwner(workspaceID: workspaceID, in: db)
            }
            try await db.execute(
                "UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2", .uuid(workspaceID),
                .uuid(userID), .text(role.rawValue))
            return Membership(workspaceID: workspaceID, userID: userID, role: role, createdAt: current.createdAt)
        }
    }

    public func removeMember(workspaceID: UUID, userID: UUID) async throws {
        try await write { db in
            let current = try await Self.lockedMembership(workspaceID: workspaceID, userID: userID, in: db, dialect)
            if current.role == .owner {
                try await Self.requireAnotherOwner(workspaceID: workspaceID, in: db)
            }
            try await db.execute(
                "DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2", .uuid(workspaceID), .uuid(userID))
        }
    }

    public func workspaces(userID: UUID) async throws -> [WorkspaceAccess] {
        try await read { db in
            try await db.query(
                """
                SELECT w.id, w.name, w.created_at, m.role FROM workspaces w
                JOIN memberships m ON m.workspace_id = w.id
                WHERE m.user_id = $1 ORDER BY w.name, w.id
                """, .uuid(userID)
            ).map { row in WorkspaceAccess(workspace: try Self.workspace(row), role: try Self.role(row)) }
        }
    }

    public func members(workspaceID: UUID) async throws -> [Member] {
        try await read { db in
            try await db.query(
                """
                SELECT u.id, u.email, u.display_name, u.password_hash, u.created_at, m.role,
                    m.created_at AS joined_at
                FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.workspace_id = $1 ORDER BY u.display_name, u.id
                """, .uuid(workspaceID)
            ).map { row in
                Member(user: try Self.user(row), role: try Self.role(row), joinedAt: try row.date("joined_at"))
            }
        }
    }

    public func role(userID: UUID, workspaceID: UUID) async throws -> WorkspaceRole? {
        try await read { db in
            try await db.first(
                "SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2", .uuid(workspaceID),
                .uuid(userID)
            ).map(Self.role)
        }
    }

    // MARK: Rows and rules

    static func insert(_ workspace: Workspace, ownerID: UUID, at time: Date, into db: any SQLExecutor) async throws {
        try await db.execute(
            "INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)", .uuid(workspace.id),
            .text(workspace.name), .date(workspace.createdAt))
        try await db.execute(
            "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)",
            .uuid(workspace.id), .uuid(ownerID), .date(time))
    }

    /// The membership, after locking the workspace's row so that two concurrent changes to its
    /// owners take turns (PostgreSQL; SQLite's writer is exclusive anyway).
    static func lockedMembership(
        workspaceID: UUID, userID: UUID, in db: any SQLExecutor, _ dialect: SQLDialect
    )
        async throws -> Membership
    {
        guard
            try await db.first("SELECT id FROM workspaces WHERE id = $1\(dialect.lockRows)", .uuid(workspaceID)) != nil
        else { throw StoreError.notFound("workspace") }
        let row = try await db.first(
            "SELECT role, created_at FROM memberships WHERE workspace_id = $1 AND user_id = $2", .uuid(workspaceID),
            .uuid(userID))
        guard let row else { throw StoreError.notFound("membership") }
        return Membership(
            workspaceID: workspaceID, userID: userID, role: try role(row), createdAt: try row.date("created_at"))
    }

    static func requireAnotherOwner(workspaceID: UUID, in db: any SQLExecutor) async throws {
        let row = try await db.first(
            "SELECT COUNT(*) AS owners FROM memberships WHERE workspace_id = $1 AND role = 'owner'", .uuid(workspaceID))
        if try row?.int("owners") ?? 0 < 2 {
            throw StoreError.conflict("a workspace keeps at least one owner")
        }
    }

    static func workspace(_ row: SQLRow) throws -> Workspace {
        Workspace(id: try row.uuid("id"), name: try row.string("name"), createdAt: try row.date("created_at"))
    }

    static func role(_ row: SQLRow) throws -> WorkspaceRole {
        let text = try row.string("role")
        guard let role = WorkspaceRole(rawValue: text) else {
            throw StoreError.unavailable("unknown role \(text) in the database")
        }
        return role
    }
}

// MARK: - Share links

extension SQLCanvasStore {
    static let shareLinkColumns = "id, canvas_id, token_hash, created_by, created_at, revoked_at"

    public func createShareLink(canvasID: UUID, tokenHash: String, createdBy: UUID) async throws -> ShareLink {
        try Validation.text(tokenHash, "token hash", limit: StoreLimits.hash)
        let link = ShareLink(
            id: UUID(), canvasID: canvasID, tokenHash: tokenHash, createdBy: createdBy, createdAt: now())
        return try await write(duplicate: "share link") { db in
            try await db.requireRow("canvases", id: canvasID, "canvas")
            try await db.requireRow("users", id: createdBy, "user")
            try await db.execute(
                "INSERT INTO share_links (id, canvas_id, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
                .uuid(link.id), .uuid(canvasID), .text(tokenHash), .uuid(createdBy), .date(link.createdAt))
            return link
        }
    }

    public func shareLink(tokenHash: String) async throws -> ShareLink? {
        try await read { db in
            try await db.first(
                "SELECT \(Self.shareLinkColumns) FROM share_links WHERE token_hash = $1 AND revoked_at IS NULL",
                .text(tokenHash)
            ).map(Self.shareLink)
        }
    }

    public func shareLinks(canvasID: UUID) async throws -> [ShareLink] {
        try await read { db in
            try await db.query(
                "SELECT \(Self.shareLinkColumns) FROM share_links WHERE canvas_id = $1 ORDER BY created_at, id",
                .uuid(canvasID)
            ).map(Self.shareLink)
        }
    }

    public func revokeShareLink(id: UUID) async throws -> ShareLink {
        let now = now()
        return try await write { db in
            let row = try await db.first(
                """
                UPDATE share_links SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1
                RETURNING \(Self.shareLinkColumns)
                """, .uuid(id), .date(now))
            guard let row else { throw StoreError.notFound("share link") }
            return try Self.shareLink(row)
        }
    }

    static func shareLink(_ row: SQLRow) throws -> ShareLink {
        ShareLink(
            id: try row.uuid("id"), canvasID: try row.uuid("canvas_id"), tokenHash: try row.string("token_hash"),
            createdBy: try row.uuid("created_by"), createdAt: try row.date("created_at"),
            revokedAt: try row.optionalDate("revoked_at"))
    }
}
