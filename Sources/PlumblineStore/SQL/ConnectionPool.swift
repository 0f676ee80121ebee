/// A fixed set of connections lent out one caller at a time, in arrival order. The SQLite store
/// keeps one for writing — SQLite allows one writer, and a transaction must own its connection
/// from BEGIN to COMMIT — and a few for reading beside it (WAL mode).
///
/// A waiting caller waits until a connection is free even when its task is cancelled: the work
/// on a connection is short, and giving up half-way would leave the queue order to chance.
actor ConnectionPool<Connection: Sendable> {
    private var idle: [Connection]
    private var waiting: [CheckedContinuation<Connection, Never>] = []
    private let all: [Connection]

    init(_ connections: [Connection]) {
        precondition(!connections.isEmpty, "a pool needs a connection")
        idle = connections
        all = connections
    }

    /// Lends a connection to `body` and takes it back afterwards, whatever happens.
    nonisolated func withConnection<Result: Sendable>(
        _ body: @Sendable (Connection) async throws -> Result
    ) async throws -> Result {
        let connection = await lease()
        do {
            let result = try await body(connection)
            await giveBack(connection)
            return result
        } catch {
            await giveBack(connection)
            throw error
        }
    }

    /// Every connection, lent or not, for closing.
    var connections: [Connection] { all }

    private func lease() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func giveBack(_ connection: Connection) {
        if waiting.isEmpty {
            idle.append(connection)
        } else {
            waiting.removeFirst().resume(returning: connection)
        }
    }
}
