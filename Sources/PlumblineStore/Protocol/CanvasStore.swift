/// Everything the server keeps, behind one protocol: accounts, workspaces, canvases with their
/// history, collaboration records, KPI data and cached findings.
///
/// The implementation is ``SQLCanvasStore``, on SQLite (embedded, the default) or PostgreSQL;
/// ``StoreLocation/open(logger:)`` opens one from a `--db` argument.
/// Every write runs in one transaction and either happens whole or not at all; a failed write
/// throws a ``StoreError``. Timestamps are the store's clock in UTC, to the millisecond.
public protocol CanvasStore: UserRepository, SessionRepository, APITokenRepository, WorkspaceRepository,
    ShareLinkRepository, CanvasRepository, CommentRepository, ReviewRepository, KPIUploadRepository,
    FindingsCacheRepository, Sendable
{
    /// Applies the schema migrations not applied yet, each in its own transaction, and returns
    /// the numbers of those it applied (empty when the schema is current). Safe to run again and
    /// from several processes.
    func migrate() async throws -> [Int]

    /// The number of the newest applied migration, 0 for an empty database.
    func schemaVersion() async throws -> Int

    /// Closes the connections. The store must not be used afterwards.
    func close() async throws
}
