import Foundation
import Hummingbird
import PlumblineStore

/// `/health` (the process answers) and `/ready` (the store answers and is migrated), for load
/// balancers and orchestrators. Neither needs a sign-in nor reveals anything.
struct HealthRoutes: Sendable {
    let store: any CanvasStore
    /// The schema version the server migrated to at start.
    let schemaVersion: Int

    struct Status: ResponseCodable {
        var status: String
        var schemaVersion: Int?
    }

    func addRoutes(to router: Router<PlumblineRequestContext>) {
        router.get("health") { _, _ in Status(status: "ok") }
        router.get("ready") { _, context -> Status in
            let current: Int
            do {
                current = try await store.schemaVersion()
            } catch {
                context.logger.warning("not ready: the store did not answer", metadata: ["error": "\(error)"])
                throw APIError(.serviceUnavailable, code: "not-ready", message: "the database does not answer")
            }
            guard current >= schemaVersion else {
                throw APIError(
                    .serviceUnavailable, code: "not-ready",
                    message: "the database schema is at version \(current); the server needs \(schemaVersion)")
            }
            return Status(status: "ready", schemaVersion: current)
        }
    }
}
