import Foundation

// MARK: - Sessions

extension SQLCanvasStore {
    public func createSession(_ session: Session) async throws {
        try Validation.text(session.id, "session id", limit: StoreLimits.hash)
        try Validation.text(session.csrfToken, "CSRF token", limit: StoreLimits.hash)
        try await write(duplicate: "session") { db in
            try await db.requireRow("users", id: session.userID, "user")
            try await db.execute(
                "INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
                .text(session.id), .uuid(session.userID), .text(session.csrfToken), .date(session.createdAt),
                .date(session.expiresAt))
        }
    }

    public func session(id: String) async throws -> Session? {
        let now = now()
        return try await read { db in
            let row = try await db.first(
                """
                SELECT id, user_id, csrf_token, created_at, expires_at FROM sessions
                WHERE id = $1 AND expires_at > $2
                """, .text(id), .date(now))
            return try row.map { row in
                Session(
                    id: try row.string("id"), userID: try row.uuid("user_id"), csrfToken: try row.string("csrf_token"),
                    createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"))
            }
        }
    }

    public func deleteSession(id: String) async throws {
        try await write { db in try await db.execute("DELETE FROM sessions WHERE id = $1", .text(id)) }
    }

    public func deleteSessions(userID: UUID) async throws {
        try await write { db in try await db.execute("DELETE FROM sessions WHERE user_id = $1", .uuid(userID)) }
    }

    public func deleteExpiredSessions() async throws -> Int {
        let now = now()
        return try await write { db in
            try await db.execute("DELETE FROM sessions WHERE expires_at <= $1 RETURNING id", .date(now))
        }
    }
}

// MARK: - API tokens

extension SQLCanvasStore {
    static let apiTokenColumns = "id, user_id, name, token_hash, created_at, last_used_at, revoked_at"

    public func createAPIToken(userID: UUID, name: String, tokenHash: String) async throws -> APIToken {
        try Validation.text(name, "token name", limit: StoreLimits.name)
        try Validation.text(tokenHash, "token hash", limit: StoreLimits.hash)
        let token = APIToken(id: UUID(), userID: userID, name: name, tokenHash: tokenHash, createdAt: now())
        return try await write(duplicate: "API token") { db in
            try await db.requireRow("users", id: userID, "user")
            try await db.execute(
                "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
                .uuid(token.id), .uuid(userID), .text(name), .text(tokenHash), .date(token.createdAt))
            return token
        }
    }

    public func apiToken(hash: String) async throws -> APIToken? {
        try await read { db in
            try await db.first(
                "SELECT \(Self.apiTokenColumns) FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
                .text(hash)
            ).map(Self.apiToken)
        }
    }

    public func apiTokens(userID: UUID) async throws -> [APIToken] {
        try await read { db in
            try await db.query(
                "SELECT \(Self.apiTokenColumns) FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id",
                .uuid(userID)
            ).map(Self.apiToken)
        }
    }

    public func markAPITokenUsed(id: UUID) async throws {
        let now = now()
        try await write { db in
            let updated = try await db.execute(
                "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 RETURNING id", .uuid(id), .date(now))
            if updated == 0 { throw StoreError.notFound("API token") }
        }
    }

    public func revokeAPIToken(id: UUID) async throws -> APIToken {
        let now = now()
        return try await write { db in
            let row = try await db.first(
                """
                UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1
                RETURNING \(Self.apiTokenColumns)
                """, .uuid(id), .date(now))
            guard let row else { throw StoreError.notFound("API token") }
            return try Self.apiToken(row)
        }
    }

    static func apiToken(_ row: SQLRow) throws -> APIToken {
        APIToken(
            id: try row.uuid("id"), userID: try row.uuid("user_id"), name: try row.string("name"),
            tokenHash: try row.string("token_hash"), createdAt: try row.date("created_at"),
            lastUsedAt: try row.optionalDate("last_used_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}
