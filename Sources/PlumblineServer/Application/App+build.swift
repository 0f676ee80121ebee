import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import Logging
import PlumblineCore
import PlumblineStore
import ServiceLifecycle

/// Builds the server: migrates the store, issues the setup link when there is no user yet, and
/// wires the router. Run the result with `runService()` for graceful shutdown on SIGTERM/SIGINT.
///
/// - Parameters:
///   - announce: where console messages go (the setup link); tests capture them.
public func buildApplication(
    _ configuration: ServerConfiguration, store: any CanvasStore, demo: DemoSeed? = nil, logger: Logger,
    announce: @escaping @Sendable (String) -> Void = { print($0) }
) async throws -> some ApplicationProtocol {
    let applied = try await store.migrate()
    if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": "\(applied)"]) }
    let schemaVersion = try await store.schemaVersion()
    var demoAccounts = 0
    if let demo {
        let account = try await demo.seed(into: store, passwords: PasswordHasher(cost: configuration.bcryptCost))
        announce(account.announcement)
        demoAccounts = 1
    }
    let setupToken = try await SetupRoutes.issueIfNeeded(store, demoAccounts: demoAccounts)
    let router = try buildRouter(configuration, store: store, schemaVersion: schemaVersion)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "plumbline"),
        onServerRunning: { channel in
            guard let setupToken else { return }
            let port = channel.localAddress?.port ?? configuration.port
            announce(
                """
                No user yet. Create the first owner within 24 hours at:
                  http://\(configuration.host):\(port)/setup?token=\(setupToken.value)
                """)
        },
        logger: logger)
    app.addServices(StoreUpkeep(store: store, logger: logger))
    return app
}

/// The router with every route and middleware, for `buildApplication` and for tests.
public func buildRouter(
    _ configuration: ServerConfiguration, store: any CanvasStore, schemaVersion: Int
) throws -> Router<PlumblineRequestContext> {
    let router = Router(context: PlumblineRequestContext.self)
    router.add(middleware: RequestLog())
    // Every error below, including unknown routes, leaves in the API's one shape.
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: PrincipalAuthenticator(store: store))
    router.add(middleware: CSRFMiddleware())

    let passwords = PasswordHasher(cost: configuration.bcryptCost)
    let access = AccessPolicy(store: store)
    HealthRoutes(store: store, schemaVersion: schemaVersion).addRoutes(to: router)
    try OpenAPIRoutes().addRoutes(to: router)
    SetupRoutes(store: store, passwords: passwords).addRoutes(to: router)

    let api = router.group("api/v1")
    SessionRoutes(
        store: store, passwords: passwords,
        throttle: LoginThrottle(limit: configuration.loginAttempts, window: configuration.loginWindow),
        configuration: configuration, access: access,
        decoyHash: Bcrypt.hash("no such user", cost: configuration.bcryptCost)
    ).addRoutes(to: api)
    TokenRoutes(store: store, access: access).addRoutes(to: api)
    WorkspaceRoutes(store: store, access: access, passwords: passwords).addRoutes(to: api)
    let canvases = CanvasRoutes(
        store: store, access: access, intake: CanvasIntake(maxBytes: configuration.maxCanvasBytes),
        maxCanvasBytes: configuration.maxCanvasBytes)
    canvases.addRoutes(to: api)
    VersionRoutes(store: store, access: access, canvases: canvases).addRoutes(to: api)
    ShareLinkRoutes(store: store, access: access).addRoutes(to: api)
    CommentRoutes(store: store, access: access).addRoutes(to: api)
    ReviewRoutes(store: store, access: access).addRoutes(to: api)
    ValueRoutes(store: store, access: access, maxCSVBytes: configuration.maxCSVBytes).addRoutes(to: api)
    FindingsRoutes(store: store, access: access, engine: DiagnosisEngine(knowledge: try KnowledgeBase.bundled()))
        .addRoutes(to: api)
    return router
}

/// Closes the store when the server shuts down, and meanwhile deletes expired sessions hourly.
struct StoreUpkeep: Service {
    let store: any CanvasStore
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await store.deleteExpiredSessions()
                    if removed > 0 { logger.info("removed expired sessions", metadata: ["count": "\(removed)"]) }
                } catch {
                    logger.warning("could not remove expired sessions", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        try await store.close()
    }
}
