import PlumblineStore

extension APIError {
    /// The store's errors, as the API says them. The store's messages name records, never SQL.
    init?(domain error: any Error) {
        guard let error = error as? StoreError else { return nil }
        switch error {
        case .notFound(let what):
            self = .notFound(what)
        case .staleVersion(let current):
            self = APIError(
                .conflict, code: "stale-version", message: error.description,
                details: StaleVersionDetails(currentVersion: current, current: nil))
        case .duplicate:
            self = APIError(.conflict, code: "duplicate", message: error.description)
        case .conflict:
            self = APIError(.conflict, code: "conflict", message: error.description)
        case .invalid:
            self = APIError(.unprocessableContent, code: "invalid", message: error.description)
        case .unavailable:
            self = APIError(.serviceUnavailable, code: "unavailable", message: "the database is unavailable")
        }
    }
}
