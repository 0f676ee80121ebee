import Logging
import PlumblineStore

// MARK: - TEMPORARY until the store's opener lands (store-requests.md, requests 4 and 5)

extension StoreLocation {
    public func open(logger: Logger, schema: String? = nil) async throws -> any CanvasStore {
        throw StoreError.unavailable("this build has no store implementation yet")
    }
}
