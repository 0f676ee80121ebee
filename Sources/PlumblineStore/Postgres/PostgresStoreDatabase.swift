import Foundation
import Logging
import PostgresNIO

/// The store's PostgreSQL database: a `PostgresClient` connection pool, run by a task the store
/// owns from `connect` to `close`.
final class PostgresStoreDatabase: StoreDatabase {
    let dialect = SQLDialect.postgres
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger
    /// The schema given at connection, if any.
    let schema: String?

    private init(client: PostgresClient, running: Task<Void, Never>, schema: String?, logger: Logger) {
        self.client = client
        self.running = running
        self.schema = schema
        self.logger = logger
    }

    /// Connects to the server `url` names, with `schema` (created when missing) as the search
    /// path when given. One probing connection first says why a server refuses (the pool itself
    /// retries a refused connection for ever), then one query checks the pool, both within
    /// `timeout`.
    static func connect(
        url: String, schema: String?, maximumConnections: Int, timeout: Duration, logger: Logger
    ) async throws -> PostgresStoreDatabase {
        let parsed = try PostgresURL(url)
        var configuration = parsed.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        let schema = schema ?? parsed.schema
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        // The pool logs every retry of a failed connection; errors are enough in the background.
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: background)
        let running = Task { await client.run() }
        let database = PostgresStoreDatabase(client: client, running: running, schema: schema, logger: logger)
        let probeConfiguration = try parsed.connectionConfiguration()
        let quiet = background
        let check = schema.map { "CREATE SCHEMA IF NOT EXISTS \(quoted($0))" } ?? "SELECT 1"
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let probe = try await PostgresConnection.connect(
                        configuration: probeConfiguration, id: 0, logger: quiet)
                    try await probe.close()
                    _ = try await database.read { try await $0.query(check, []) }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw StoreError.unavailable("no answer within \(timeout)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            running.cancel()
            await running.value
            throw StoreError.unavailable("cannot reach PostgreSQL: \(describe(error))")
        }
        return database
    }

    /// Drops the store's own schema with everything in it.
    func dropSchema() async throws {
        guard let schema else { throw StoreError.invalid("the store has no schema of its own to drop") }
        _ = try await read { try await $0.query("DROP SCHEMA IF EXISTS \(Self.quoted(schema)) CASCADE", []) }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: StoreDatabase

    func write<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            // READ COMMITTED: a conditional UPDATE that waited for a row lock re-checks its WHERE
            // clause against the committed row, which is what optimistic saves rely on.
            try await PostgresExecutor(connection: connection, logger: logger).transaction(begin: "BEGIN", body)
        }
    }

    func read<Result: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await body(PostgresExecutor(connection: connection, logger: logger))
        }
    }

    func close() async throws {
        running.cancel()
        await running.value
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}

/// Runs statements on one PostgreSQL connection, translating values and errors.
struct PostgresExecutor: SQLExecutor {
    let connection: PostgresConnection
    let logger: Logger

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let integer): bindings.append(integer)
            case .uuid(let uuid): bindings.append(uuid)
            case .date(let date): bindings.append(date)
            case .null: bindings.appendNull()
            }
        }
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            var result: [SQLRow] = []
            for try await row in rows {
                var values: [String: SQLValue] = [:]
                for cell in row { values[cell.columnName] = try Self.value(cell) }
                result.append(SQLRow(values: values))
            }
            return result
        } catch let error as PSQLError {
            throw Self.failure(error)
        }
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .uuid: return .uuid(try cell.decode(UUID.self))
        case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
        case .int2, .int4, .int8: return .integer(Int64(try cell.decode(Int.self)))
        default: return .text(try cell.decode(String.self))
        }
    }

    static func failure(_ error: PSQLError) -> DatabaseFailure {
        let message = PostgresStoreDatabase.describe(error)
        switch error.serverInfo?[.sqlState] {
        case "23505": return .uniqueViolation(message)
        case "23503": return .foreignKeyViolation(message)
        case "23514", "23502": return .checkViolation(message)
        default: return .other(message)
        }
    }
}
