import Foundation

// MARK: - Schema migrations

extension SQLCanvasStore {
    public func migrate() async throws -> [Int] {
        try await migrate(Migration.all)
    }

    /// Applies the steps of `migrations` that the ledger does not list, each in its own
    /// transaction together with its ledger row, so a step is applied whole or not at all.
    func migrate(_ migrations: [Migration]) async throws -> [Int] {
        let dialect = database.dialect
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let now = now()
            let didApply = try await write { db in
                if let lock = dialect.migrationLock { try await db.execute(lock) }
                try await db.execute(Migration.ledger(dialect))
                // Checked under the lock: another process may have applied it meanwhile.
                let done = try await db.first(
                    "SELECT version FROM schema_migrations WHERE version = $1", .integer(Int64(migration.version)))
                if done != nil { return false }
                for statement in migration.statements(dialect) {
                    try await db.execute(statement)
                }
                try await db.execute(
                    "INSERT INTO schema_migrations (version, summary, applied_at) VALUES ($1, $2, $3)",
                    .integer(Int64(migration.version)), .text(migration.summary), .date(now))
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    public func schemaVersion() async throws -> Int {
        let dialect = database.dialect
        return try await write { db in
            if let lock = dialect.migrationLock { try await db.execute(lock) }
            try await db.execute(Migration.ledger(dialect))
            let row = try await db.first("SELECT MAX(version) AS version FROM schema_migrations")
            return try row?.optionalInt("version") ?? 0
        }
    }
}
