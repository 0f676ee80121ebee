import Foundation
import Logging

/// The ``CanvasStore`` on a relational database: SQLite (embedded, the default) or PostgreSQL.
/// Both run the same SQL — the dialects agree on everything the store needs but column types
/// and row locks — so the rules live once, here.
public struct SQLCanvasStore: CanvasStore {
    /// Which database a store runs on.
    public enum Kind: String, Sendable, CaseIterable {
        case sqlite, postgres
    }

    public let kind: Kind
    let database: any StoreDatabase
    /// The store's clock. Times are kept to the millisecond, in UTC.
    let clock: @Sendable () -> Date

    init(kind: Kind, database: any StoreDatabase, clock: @escaping @Sendable () -> Date) {
        self.kind = kind
        self.database = database
        self.clock = clock
    }

    /// The current time, to the millisecond.
    func now() -> Date { Date(milliseconds: clock().milliseconds) }

    var dialect: SQLDialect { database.dialect }

    // MARK: Opening

    /// Opens the database at `location`. Does not migrate: call ``migrate()`` (the server does so
    /// at start, `plumb migrate` on demand).
    public static func open(
        _ location: StoreLocation, logger: Logger = Logger(label: "plumbline.store"),
        clock: @escaping @Sendable () -> Date = Date.init
    ) async throws -> SQLCanvasStore {
        switch location {
        case .sqlite(let path): try await openSQLite(path: path, logger: logger, clock: clock)
        case .postgres(let url): try await connectPostgres(url: url, logger: logger, clock: clock)
        }
    }

    /// Opens (creating when missing) a SQLite database file; its folder must exist.
    public static func openSQLite(
        path: String, readers: Int = 2, logger: Logger = Logger(label: "plumbline.store"),
        clock: @escaping @Sendable () -> Date = Date.init
    ) async throws -> SQLCanvasStore {
        let database = try await SQLiteStoreDatabase.open(path: path, readers: readers, logger: logger)
        return SQLCanvasStore(kind: .sqlite, database: database, clock: clock)
    }

    /// Connects to a PostgreSQL server. With `schema` (or `?schema=` in the URL), the store's
    /// tables live in that schema (created when missing) instead of the user's default one.
    /// Throws `.unavailable` when the server does not answer within `timeout`.
    public static func connectPostgres(
        url: String, schema: String? = nil, maximumConnections: Int = 10, timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "plumbline.store"), clock: @escaping @Sendable () -> Date = Date.init
    ) async throws -> SQLCanvasStore {
        let database = try await PostgresStoreDatabase.connect(
            url: url, schema: schema, maximumConnections: maximumConnections, timeout: timeout, logger: logger)
        return SQLCanvasStore(kind: .postgres, database: database, clock: clock)
    }

    public func close() async throws {
        try await database.close()
    }

    /// Drops the PostgreSQL schema the store was opened with (`?schema=` or `schema:`) and
    /// everything in it, for tests that clean up after themselves. The store stays open but empty.
    public func dropSchema() async throws {
        guard let postgres = database as? PostgresStoreDatabase else {
            throw StoreError.invalid("only a PostgreSQL store has a schema to drop")
        }
        try await postgres.dropSchema()
    }

    // MARK: Transactions

    /// Runs `body` in one write transaction and turns database failures into ``StoreError``s;
    /// `duplicate` names what a unique-key violation means here.
    @discardableResult
    func write<Result: Sendable>(
        duplicate: String = "record", _ body: @Sendable (any SQLExecutor) async throws -> Result
    ) async throws -> Result {
        do {
            return try await database.write(body)
        } catch let failure as DatabaseFailure {
            throw Self.storeError(failure, duplicate: duplicate)
        }
    }

    /// Runs `body` for reading, with the same error translation.
    func read<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result {
        do {
            return try await database.read(body)
        } catch let failure as DatabaseFailure {
            throw Self.storeError(failure, duplicate: "record")
        }
    }

    static func storeError(_ failure: DatabaseFailure, duplicate: String) -> StoreError {
        switch failure {
        case .uniqueViolation: .duplicate(duplicate)
        case .foreignKeyViolation: .notFound("referenced record")
        case .checkViolation: .invalid("a value breaks a rule of the data")
        case .other(let message): .unavailable(message)
        }
    }
}

// MARK: - Checks inside transactions

extension SQLExecutor {
    /// Throws `.notFound(what)` unless `table` has a row with this id.
    func requireRow(_ table: String, id: UUID, _ what: String) async throws {
        guard try await first("SELECT 1 AS found FROM \(table) WHERE id = $1", .uuid(id)) != nil else {
            throw StoreError.notFound(what)
        }
    }
}
