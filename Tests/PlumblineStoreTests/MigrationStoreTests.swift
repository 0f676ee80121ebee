import Foundation
import Testing

@testable import PlumblineStore

/// Schema migrations and durability across reopening, on every database.
@Suite struct MigrationStoreTests {
    @Test(
        .enabled(
            if: postgresTestURL != nil,
            "PLUMB_TEST_POSTGRES_URL is unset: the PostgreSQL cases of every store test are skipped"))
    func thePostgresTestServerAnswers() async throws {
        let fixture = try StoreFixture(.postgres)
        try await fixture.with { (store) async throws in
            #expect(try await store.schemaVersion() == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func migrationsApplyOnceAndReRunIdempotently(kind: StoreKind) async throws {
        try await StoreFixture(kind).with { (store) async throws in
            #expect(try await store.schemaVersion() == 0)
            #expect(try await store.migrate() == Migration.all.map(\.version))
            #expect(try await store.schemaVersion() == Migration.all.last?.version)
            #expect(try await store.migrate() == [])
            #expect(try await store.schemaVersion() == Migration.all.last?.version)
        }
    }

    @Test(arguments: StoreKind.available)
    func twoStoresMigratingAtOnceApplyEachStepOnce(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        try await fixture.with { (first) async throws in
            let second = try await fixture.open()
            // Closed on every path: a SQLite connection released open asserts and ends the run.
            let applied: [Int]
            do {
                async let a = first.migrate()
                async let b = second.migrate()
                applied = try await a + b
            } catch {
                try? await second.close()
                throw error
            }
            try await second.close()
            #expect(applied.sorted() == Migration.all.map(\.version))
            #expect(try await first.schemaVersion() == Migration.all.last?.version)
        }
    }

    @Test(arguments: StoreKind.available)
    func aFailingMigrationLeavesNothingBehind(kind: StoreKind) async throws {
        try await StoreFixture(kind).with { (store) async throws in
            let broken = Migration(version: 99, summary: "broken") { _ in
                ["CREATE TABLE probe (x INTEGER)", "INSERT INTO probe (x) VALUES (1)", "THIS IS NOT SQL"]
            }
            await #expect(throws: StoreError.self) { try await store.migrate(Migration.all + [broken]) }
            #expect(try await store.schemaVersion() == Migration.all.last?.version)
            await #expect(throws: StoreError.self) {
                try await store.read { try await $0.query("SELECT x FROM probe") }
            }

            let fixed = Migration(version: 99, summary: "fixed") { _ in
                ["CREATE TABLE probe (x INTEGER)", "INSERT INTO probe (x) VALUES (1)"]
            }
            #expect(try await store.migrate(Migration.all + [fixed]) == [99])
            #expect(try await store.read { try await $0.query("SELECT x FROM probe") }.count == 1)
            #expect(try await store.migrate(Migration.all + [fixed]) == [])
        }
    }

    @Test(arguments: StoreKind.available)
    func aReopenedDatabaseKeepsEverything(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        try await fixture.with { (store) async throws in
            _ = try await store.migrate()
            let (owner, workspace, canvas) = try await store.makeCanvas()
            let second = try await store.save(
                canvasID: canvas.id, baseVersion: 1, revision: .sample(author: owner.id, text: "v2"))
            let comment = try await store.addComment(NewComment(canvasID: canvas.id, authorID: owner.id, body: "kept"))
            let token = try await store.createAPIToken(userID: owner.id, name: "CI", tokenHash: "kept-hash")
            try await store.close()

            let reopened = try await fixture.open()
            #expect(try await reopened.migrate() == [])
            #expect(try await reopened.user(id: owner.id) == owner)
            #expect(try await reopened.workspaces(userID: owner.id).map(\.workspace) == [workspace])
            #expect(try await reopened.canvas(id: canvas.id)?.currentVersion == 2)
            #expect(try await reopened.version(canvasID: canvas.id, number: 2) == second)
            #expect(try await reopened.comments(canvasID: canvas.id) == [comment])
            #expect(try await reopened.apiToken(hash: "kept-hash") == token)
            try await reopened.close()
        }
    }

    @Test func theSQLiteFileIsInWALModeWithForeignKeysOn() async throws {
        try await withStore(.sqlite) { (store) async throws in
            let mode = try await store.read { try await $0.first("PRAGMA journal_mode")?.string("journal_mode") }
            #expect(mode == "wal")
            let keys = try await store.read { try await $0.first("PRAGMA foreign_keys")?.int("foreign_keys") }
            #expect(keys == 1)
        }
    }

    @Test func anUnopenableSQLitePathIsUnavailable() async throws {
        await #expect(throws: StoreError.self) {
            try await SQLCanvasStore.openSQLite(path: "/nonexistent-folder-\(UUID())/store.sqlite")
        }
    }

    @Test func anUnreachablePostgresServerIsUnavailable() async throws {
        // Port 1 on loopback refuses at once.
        await #expect(throws: StoreError.self) {
            try await SQLCanvasStore.connectPostgres(
                url: "postgres://u:p@127.0.0.1:1/db?sslmode=disable", timeout: .seconds(2))
        }
    }

    @Test(.enabled(if: postgresTestURL != nil, "PLUMB_TEST_POSTGRES_URL is unset"))
    func aWrongPasswordSaysSo() async throws {
        var url = try #require(URLComponents(string: postgresTestURL!))
        url.password = "not-the-password"
        let refused = await #expect(throws: StoreError.self) {
            try await SQLCanvasStore.connectPostgres(url: url.string!, timeout: .seconds(30))
        }
        guard case .unavailable(let message) = refused else {
            Issue.record("expected .unavailable, got \(String(describing: refused))")
            return
        }
        #expect(message.contains("password"))
    }
}

/// Opening a store from a `--db` argument.
@Suite struct StoreOpeningTests {
    @Test func aFileLocationOpensASQLiteStore() async throws {
        let fixture = try StoreFixture(.sqlite)
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = try await StoreLocation(argument: fixture.sqlitePath).open()
        #expect(try await store.migrate() == Migration.all.map(\.version))
        _ = try await store.makeUserThroughProtocol()
        try await store.close()
        let again = try await StoreLocation.sqlite(path: fixture.sqlitePath).open()
        #expect(try await again.userCount() == 1)
        try await again.close()
    }

    @Test(.enabled(if: postgresTestURL != nil, "PLUMB_TEST_POSTGRES_URL is unset"))
    func aURLWithASchemaOpensAPostgresStoreInThatSchema() async throws {
        let schema = "plumb_test_open_\(UUID().uuidString.prefix(8).lowercased())"
        let separator = postgresTestURL!.contains("?") ? "&" : "?"
        let location = StoreLocation(argument: postgresTestURL! + separator + "schema=" + schema)
        let store = try await location.open()
        #expect(try await store.migrate() == Migration.all.map(\.version))
        _ = try await store.makeUserThroughProtocol()
        // Another schema on the same database sees nothing of it.
        let other = try await SQLCanvasStore.connectPostgres(url: postgresTestURL!, schema: schema + "_other")
        _ = try await other.migrate()
        #expect(try await other.userCount() == 0)
        #expect(try await store.userCount() == 1)
        try await other.dropSchema()
        try await other.close()
        try await (store as? SQLCanvasStore)?.dropSchema()
        try await store.close()
    }
}

extension CanvasStore {
    /// Creates a user through the protocol alone, as the server does.
    func makeUserThroughProtocol() async throws -> User {
        try await createUser(NewUser(email: "via-protocol@example.org", displayName: "P", passwordHash: "h"))
    }
}

/// Reading `--db` arguments.
@Suite struct StoreLocationTests {
    @Test func urlsArePostgresAndEverythingElseIsAFile() {
        #expect(StoreLocation(argument: "postgres://a:b@h/db") == .postgres(url: "postgres://a:b@h/db"))
        #expect(StoreLocation(argument: "PostgreSQL://h/db") == .postgres(url: "PostgreSQL://h/db"))
        #expect(StoreLocation(argument: "data/plumb.sqlite") == .sqlite(path: "data/plumb.sqlite"))
        #expect(StoreLocation.default == .sqlite(path: "plumbline.sqlite"))
    }

    @Test func descriptionsHidePasswords() {
        #expect(
            StoreLocation.postgres(url: "postgres://ann:s3cret@db:5432/p").description == "postgres://ann:***@db:5432/p"
        )
        #expect(StoreLocation.postgres(url: "postgres://db/p").description == "postgres://db/p")
        #expect(StoreLocation.sqlite(path: "a.sqlite").description == "sqlite:a.sqlite")
    }

    @Test func postgresURLsAreReadWithTheirOptions() throws {
        let url = try PostgresURL("postgres://ann:p%40ss@db.local:6543/plumb?sslmode=disable&schema=team_1")
        #expect(url.host == "db.local" && url.port == 6543 && url.username == "ann" && url.password == "p@ss")
        #expect(url.database == "plumb" && url.schema == "team_1")
        let pool = url.clientConfiguration
        #expect(pool.host == "db.local" && pool.port == 6543 && pool.database == "plumb")
        #expect(throws: StoreError.self) { try PostgresURL("postgres://db/p?schema=bad;name") }
        #expect(throws: StoreError.self) { try PostgresURL("postgres://db/p?sslmode=sometimes") }
        #expect(throws: StoreError.self) { try PostgresURL("mysql://db/p") }
    }
}
