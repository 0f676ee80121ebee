import Foundation
import Logging
import SQLiteNIO

/// The store's SQLite database: one file in WAL mode, one writing connection and a few reading
/// ones, foreign keys enforced on each.
final class SQLiteStoreDatabase: StoreDatabase {
    let dialect = SQLDialect.sqlite
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>

    /// How long a statement waits for another process's lock (`plumb migrate` beside a server).
    static let busyTimeoutMilliseconds = 10_000

    private init(writer: ConnectionPool<SQLiteConnection>, readers: ConnectionPool<SQLiteConnection>) {
        self.writer = writer
        self.readers = readers
    }

    /// Opens (creating when missing) the database file at `path`.
    static func open(path: String, readers readerCount: Int, logger: Logger) async throws -> SQLiteStoreDatabase {
        var opened: [SQLiteConnection] = []
        do {
            let writing = try await connect(path: path, logger: logger)
            opened.append(writing)
            // WAL is a property of the file: set once, by the writer, before readers open.
            _ = try await writing.query("PRAGMA journal_mode = WAL")
            var reading: [SQLiteConnection] = []
            for _ in 0..<max(1, readerCount) {
                let connection = try await connect(path: path, logger: logger)
                opened.append(connection)
                reading.append(connection)
            }
            return SQLiteStoreDatabase(writer: ConnectionPool([writing]), readers: ConnectionPool(reading))
        } catch {
            for connection in opened { try? await connection.close() }
            throw StoreError.unavailable("cannot open SQLite database at \(path): \(Self.describe(error))")
        }
    }

    private static func connect(path: String, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        // busy_timeout replaces sqlite-nio's wait-forever busy handler with a bounded wait.
        _ = try await connection.query("PRAGMA busy_timeout = \(busyTimeoutMilliseconds)")
        _ = try await connection.query("PRAGMA foreign_keys = ON")
        // FULL: a commit is on disk before the caller hears of it, even if the machine then stops.
        _ = try await connection.query("PRAGMA synchronous = FULL")
        return connection
    }

    // MARK: StoreDatabase

    func write<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result {
        try await writer.withConnection { connection in
            // IMMEDIATE takes the write lock at BEGIN, so a transaction never fails half-way to
            // upgrade a read lock when another process writes.
            try await SQLiteExecutor(connection: connection).transaction(begin: "BEGIN IMMEDIATE", body)
        }
    }

    func read<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result {
        try await readers.withConnection { connection in
            try await body(SQLiteExecutor(connection: connection))
        }
    }

    func close() async throws {
        for connection in await readers.connections + writer.connections {
            try await connection.close()
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? SQLiteError)?.message ?? String(describing: error)
    }
}

/// Runs statements on one SQLite connection, translating values and errors.
struct SQLiteExecutor: SQLExecutor {
    let connection: SQLiteConnection

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        let rows: [SQLiteRow]
        do {
            rows = try await connection.query(Self.numberedPlaceholders(sql), binds.map(Self.sqliteData))
        } catch let error as SQLiteError {
            throw Self.failure(error)
        }
        return rows.map { row in
            var values: [String: SQLValue] = [:]
            for column in row.columns { values[column.name] = Self.value(column.data) }
            return SQLRow(values: values)
        }
    }

    /// `$1` → `?1`: SQLite reads `$1` as a named parameter, numbered by first appearance.
    static func numberedPlaceholders(_ sql: String) -> String {
        sql.replacing(/\$(\d+)/) { "?" + $0.output.1 }
    }

    static func sqliteData(_ value: SQLValue) -> SQLiteData {
        switch value {
        case .text(let text): .text(text)
        case .integer(let integer): .integer(SQLiteInt64(integer))
        case .uuid(let uuid): .text(uuid.uuidString)
        case .date(let date): .integer(SQLiteInt64(date.milliseconds))
        case .null: .null
        }
    }

    static func value(_ data: SQLiteData) -> SQLValue {
        switch data {
        case .integer(let integer): .integer(Int64(integer))
        case .float(let double): .integer(Int64(double))
        case .text(let text): .text(text)
        case .blob(let buffer): .text(String(buffer: buffer))
        case .null: .null
        }
    }

    static func failure(_ error: SQLiteError) -> DatabaseFailure {
        switch error.reason {
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed: .uniqueViolation(error.message)
        case .constraintForeignKeyFailed: .foreignKeyViolation(error.message)
        case .constraintCheckFailed, .constraintNotNullFailed: .checkViolation(error.message)
        default: .other(error.message)
        }
    }
}
