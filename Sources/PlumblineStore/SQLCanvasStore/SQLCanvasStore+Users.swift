import Foundation

// MARK: - Users and first-owner setup

extension SQLCanvasStore {
    static let userColumns = "id, email, display_name, password_hash, created_at"

    public func createUser(_ user: NewUser) async throws -> User {
        try Self.validate(user)
        let created = User(
            id: UUID(), email: user.email, displayName: user.displayName, passwordHash: user.passwordHash,
            createdAt: now())
        return try await write(duplicate: "user with this email") { db in
            try await Self.insert(created, into: db)
            return created
        }
    }

    public func user(id: UUID) async throws -> User? {
        try await read { db in
            try await db.first("SELECT \(Self.userColumns) FROM users WHERE id = $1", .uuid(id)).map(Self.user)
        }
    }

    public func user(email: String) async throws -> User? {
        try await read { db in
            try await db.first(
                "SELECT \(Self.userColumns) FROM users WHERE email_key = $1", .text(Validation.emailKey(email))
            ).map(Self.user)
        }
    }

    public func updateUser(id: UUID, displayName: String?, passwordHash: String?) async throws -> User {
        try Validation.optionalText(displayName, "display name", limit: StoreLimits.name, required: true)
        try Validation.optionalText(passwordHash, "password hash", limit: StoreLimits.hash, required: true)
        return try await write { db in
            let row = try await db.first(
                """
                UPDATE users SET display_name = COALESCE($2, display_name), password_hash = COALESCE($3, password_hash)
                WHERE id = $1 RETURNING \(Self.userColumns)
                """, .uuid(id), SQLValue(displayName), SQLValue(passwordHash))
            guard let row else { throw StoreError.notFound("user") }
            return try Self.user(row)
        }
    }

    public func hasUsers() async throws -> Bool {
        try await read { db in try await db.first("SELECT 1 AS found FROM users LIMIT 1") != nil }
    }

    public func userCount() async throws -> Int {
        try await read { db in try await db.first("SELECT COUNT(*) AS users FROM users")?.int("users") ?? 0 }
    }

    public func saveSetupToken(hash: String, expiresAt: Date) async throws {
        try Validation.text(hash, "setup token", limit: StoreLimits.hash)
        let now = now()
        try await write { db in
            try await db.execute("DELETE FROM setup_tokens")
            try await db.execute(
                "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)",
                .text(hash), .date(now), .date(expiresAt))
        }
    }

    public func redeemSetupToken(hash: String, owner: NewUser, workspaceName: String?) async throws -> FirstOwner {
        try Self.validate(owner)
        try Validation.optionalText(workspaceName, "workspace name", limit: StoreLimits.name, required: true)
        let now = now()
        let user = User(
            id: UUID(), email: owner.email, displayName: owner.displayName, passwordHash: owner.passwordHash,
            createdAt: now)
        let workspace = workspaceName.map { Workspace(id: UUID(), name: $0, createdAt: now) }
        return try await write(duplicate: "user with this email") { db in
            // Deleting the token is the claim: of two concurrent redeemers only one deletes it.
            let claimed = try await db.execute(
                "DELETE FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2 RETURNING token_hash",
                .text(hash), .date(now))
            guard claimed == 1 else { throw StoreError.notFound("setup token") }
            try await Self.insert(user, into: db)
            if let workspace {
                try await Self.insert(workspace, ownerID: user.id, at: now, into: db)
            }
            return FirstOwner(user: user, workspace: workspace)
        }
    }

    // MARK: Rows

    static func validate(_ user: NewUser) throws {
        try Validation.email(user.email)
        try Validation.text(user.displayName, "display name", limit: StoreLimits.name)
        try Validation.text(user.passwordHash, "password hash", limit: StoreLimits.hash)
    }

    static func insert(_ user: User, into db: any SQLExecutor) async throws {
        try await db.execute(
            """
            INSERT INTO users (id, email, email_key, display_name, password_hash, created_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, .uuid(user.id), .text(user.email), .text(Validation.emailKey(user.email)), .text(user.displayName),
            .text(user.passwordHash), .date(user.createdAt))
    }

    static func user(_ row: SQLRow) throws -> User {
        User(
            id: try row.uuid("id"), email: try row.string("email"), displayName: try row.string("display_name"),
            passwordHash: try row.string("password_hash"), createdAt: try row.date("created_at"))
    }
}
