import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PlumblineServer
import PlumblineStore

/// `plumb serve`: the web server and JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Plumbline server: the JSON API under /api/v1 for the web app and the CLI.",
        discussion: """
            Stores everything in a SQLite file (plumbline.sqlite in the working directory) unless \
            --db names another file or a postgres:// URL. Migrations run at start. On first start \
            the server prints a one-time setup link that creates the first owner. Stops gracefully \
            on SIGTERM or SIGINT.

            Examples:
              plumb serve
              plumb serve --db postgres://plumb:secret@127.0.0.1/plumbline --host 0.0.0.0 --port 8080
              plumb serve --demo
            """
    )

    @Option(help: "A SQLite file path or a postgres:// URL.")
    var db: String = "plumbline.sqlite"

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Flag(help: "Load the example canvases into a Demo workspace with a demo account.")
    var demo = false

    @Option(help: "Where --demo finds the example canvases.")
    var demoExamples: String = "examples"

    @Flag(help: "Mark session cookies Secure (the server is behind TLS).")
    var secureCookies = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        var logger = Logger(label: "plumbline")
        logger.logLevel = level
        let location = StoreLocation(argument: db)
        logger.info("opening the store", metadata: ["db": "\(location)"])
        let store = try await location.open(logger: logger)
        let configuration = ServerConfiguration(host: host, port: port, secureCookies: secureCookies)
        let seed = demo ? DemoSeed(directory: URL(fileURLWithPath: demoExamples)) : nil
        let app = try await buildApplication(configuration, store: store, demo: seed, logger: logger) { text in
            // Flushed at once: standard output is a pipe under scripts and supervisors, and the
            // setup link must reach them while the server runs.
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
        try await app.runService()
    }
}

/// `plumb migrate`: applies the schema migrations and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the database schema migrations (plumb serve also applies them at start)."
    )

    @Option(help: "A SQLite file path or a postgres:// URL.")
    var db: String = "plumbline.sqlite"

    func run() async throws {
        let logger = Logger(label: "plumbline")
        let location = StoreLocation(argument: db)
        let store = try await location.open(logger: logger)
        do {
            let applied = try await store.migrate()
            let version = try await store.schemaVersion()
            print(
                applied.isEmpty
                    ? "\(location): up to date at schema version \(version)"
                    : "\(location): applied \(applied.map(String.init).joined(separator: ", ")); schema version \(version)"
            )
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }
}
