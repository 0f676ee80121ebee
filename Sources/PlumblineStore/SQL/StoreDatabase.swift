import Foundation

/// Runs statements on one connection, inside a transaction or a read.
protocol SQLExecutor: Sendable {
    /// Runs one statement. Placeholders are written `$1`, `$2`, … in every dialect.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
}

extension SQLExecutor {
    func query(_ sql: String, _ binds: SQLValue...) async throws -> [SQLRow] {
        try await query(sql, binds)
    }

    func first(_ sql: String, _ binds: SQLValue...) async throws -> SQLRow? {
        try await query(sql, binds).first
    }

    /// Runs `body` on this connection between `begin` and COMMIT, rolling back when it throws.
    func transaction<Result: Sendable>(
        begin: String, _ body: @Sendable (any SQLExecutor) async throws -> Result
    ) async throws -> Result {
        _ = try await query(begin, [])
        do {
            let result = try await body(self)
            _ = try await query("COMMIT", [])
            return result
        } catch {
            _ = try? await query("ROLLBACK", [])
            throw error
        }
    }

    /// Runs a statement for its effect and returns how many rows its RETURNING clause gave.
    @discardableResult
    func execute(_ sql: String, _ binds: SQLValue...) async throws -> Int {
        try await query(sql, binds).count
    }
}

/// A database the relational store runs on: SQLite or PostgreSQL.
protocol StoreDatabase: Sendable {
    var dialect: SQLDialect { get }

    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    func write<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result

    /// Runs `body` for reading.
    func read<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result

    func close() async throws
}

/// Where the SQL of the two databases differs.
struct SQLDialect: Sendable {
    /// The column type of ids.
    var uuidType: String
    /// The column type of times.
    var timeType: String
    /// Appended to a SELECT that must lock the rows it reads until the transaction ends.
    var lockRows: String
    /// Run first in every migration transaction so that two processes migrating at once take
    /// turns; nil where the write transaction itself is exclusive.
    var migrationLock: String?

    static let sqlite = SQLDialect(
        uuidType: "TEXT", timeType: "INTEGER", lockRows: "", migrationLock: nil)
    static let postgres = SQLDialect(
        uuidType: "UUID", timeType: "TIMESTAMPTZ", lockRows: " FOR UPDATE",
        migrationLock: "SELECT pg_advisory_xact_lock(7061827365)")
}

/// A failure of the database, sorted so the store can say what it means.
enum DatabaseFailure: Error, Sendable {
    /// A UNIQUE or PRIMARY KEY constraint: the record exists.
    case uniqueViolation(String)
    /// A FOREIGN KEY constraint: a referenced record is missing.
    case foreignKeyViolation(String)
    /// A CHECK or NOT NULL constraint.
    case checkViolation(String)
    /// Anything else: connection, I/O, corruption.
    case other(String)
}
