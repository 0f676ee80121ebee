/// One step of the schema: a number and the statements that take the schema there from the step
/// before. Steps are only ever appended; an applied step never changes.
struct Migration: Sendable {
    var version: Int
    var summary: String
    /// The statements, one per string (SQLite runs one statement per call).
    var statements: @Sendable (SQLDialect) -> [String]
}

extension Migration {
    /// Every step, in order.
    static let all: [Migration] = [initialSchema]

    /// The table that records applied steps.
    static func ledger(_ dialect: SQLDialect) -> String {
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            summary TEXT NOT NULL,
            applied_at \(dialect.timeType) NOT NULL
        )
        """
    }

    // MARK: 1 — the schema of issue 7

    static let initialSchema = Migration(version: 1, summary: "accounts, workspaces, canvases, collaboration, data") {
        dialect in
        let id = dialect.uuidType
        let time = dialect.timeType
        return [
            """
            CREATE TABLE users (
                id \(id) PRIMARY KEY,
                email TEXT NOT NULL,
                email_key TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE setup_tokens (
                token_hash TEXT PRIMARY KEY,
                created_at \(time) NOT NULL,
                expires_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                user_id \(id) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at \(time) NOT NULL,
                expires_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX sessions_user ON sessions(user_id)",
            "CREATE INDEX sessions_expiry ON sessions(expires_at)",
            """
            CREATE TABLE api_tokens (
                id \(id) PRIMARY KEY,
                user_id \(id) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at \(time) NOT NULL,
                last_used_at \(time),
                revoked_at \(time)
            )
            """,
            "CREATE INDEX api_tokens_user ON api_tokens(user_id)",
            """
            CREATE TABLE workspaces (
                id \(id) PRIMARY KEY,
                name TEXT NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE memberships (
                workspace_id \(id) NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                user_id \(id) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'reviewer', 'viewer')),
                created_at \(time) NOT NULL,
                PRIMARY KEY (workspace_id, user_id)
            )
            """,
            "CREATE INDEX memberships_user ON memberships(user_id)",
            """
            CREATE TABLE canvases (
                id \(id) PRIMARY KEY,
                workspace_id \(id) NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                current_version INTEGER NOT NULL CHECK (current_version >= 1),
                created_by \(id) NOT NULL REFERENCES users(id),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                trashed_at \(time)
            )
            """,
            "CREATE INDEX canvases_workspace ON canvases(workspace_id)",
            """
            CREATE TABLE canvas_versions (
                canvas_id \(id) NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
                number INTEGER NOT NULL CHECK (number >= 1),
                author_id \(id) NOT NULL REFERENCES users(id),
                created_at \(time) NOT NULL,
                message TEXT NOT NULL,
                document TEXT NOT NULL,
                syntax TEXT NOT NULL CHECK (syntax IN ('yaml', 'json')),
                restored_from INTEGER,
                PRIMARY KEY (canvas_id, number)
            )
            """,
            """
            CREATE TABLE share_links (
                id \(id) PRIMARY KEY,
                canvas_id \(id) NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                created_by \(id) NOT NULL REFERENCES users(id),
                created_at \(time) NOT NULL,
                revoked_at \(time)
            )
            """,
            "CREATE INDEX share_links_canvas ON share_links(canvas_id)",
            """
            CREATE TABLE comments (
                id \(id) PRIMARY KEY,
                canvas_id \(id) NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
                entity_id TEXT,
                parent_id \(id) REFERENCES comments(id) ON DELETE CASCADE,
                author_id \(id) NOT NULL REFERENCES users(id),
                body TEXT NOT NULL,
                created_at \(time) NOT NULL,
                edited_at \(time),
                resolved_at \(time),
                resolved_by \(id) REFERENCES users(id)
            )
            """,
            "CREATE INDEX comments_canvas ON comments(canvas_id, entity_id)",
            "CREATE INDEX comments_parent ON comments(parent_id)",
            """
            CREATE TABLE review_requests (
                id \(id) PRIMARY KEY,
                canvas_id \(id) NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                requester_id \(id) NOT NULL REFERENCES users(id),
                reviewer_id \(id) NOT NULL REFERENCES users(id),
                status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'changes-requested')),
                participant_id TEXT,
                note TEXT,
                decision_note TEXT,
                created_at \(time) NOT NULL,
                decided_at \(time),
                FOREIGN KEY (canvas_id, version) REFERENCES canvas_versions(canvas_id, number) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX review_requests_canvas ON review_requests(canvas_id)",
            "CREATE INDEX review_requests_reviewer ON review_requests(reviewer_id, status)",
            """
            CREATE TABLE kpi_uploads (
                id \(id) PRIMARY KEY,
                canvas_id \(id) NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL,
                csv TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                row_count INTEGER NOT NULL CHECK (row_count >= 0),
                uploaded_by \(id) NOT NULL REFERENCES users(id),
                uploaded_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX kpi_uploads_canvas ON kpi_uploads(canvas_id)",
            """
            CREATE TABLE findings_cache (
                canvas_id \(id) NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                data_key TEXT NOT NULL,
                json TEXT NOT NULL,
                created_at \(time) NOT NULL,
                PRIMARY KEY (canvas_id, version, data_key)
            )
            """,
        ]
    }
}
