import Logging

extension StoreLocation {
    /// Opens the store at this location. Does not migrate: call ``CanvasStore/migrate()``.
    ///
    /// A PostgreSQL URL may carry `?schema=NAME` to keep the tables in that schema (created when
    /// missing) — tests give each run its own.
    public func open(
        logger: Logger = Logger(label: "plumbline.store")
    ) async throws -> any CanvasStore {
        try await SQLCanvasStore.open(self, logger: logger)
    }
}
