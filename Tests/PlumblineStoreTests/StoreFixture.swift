import Foundation
import PlumblineCore
import Synchronization
import Testing

@testable import PlumblineStore

/// The databases the contract runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The kinds this run can test: PostgreSQL only with a server to test against. Its absence
    /// is reported by `MigrationStoreTests.thePostgresTestServerAnswers`, skipped with a reason.
    static var available: [StoreKind] { postgresTestURL == nil ? [.sqlite] : allCases }
}

/// The PostgreSQL server for the tests, from `scripts/postgres-up` via scripts/test.
let postgresTestURL = ProcessInfo.processInfo.environment["PLUMB_TEST_POSTGRES_URL"].flatMap {
    $0.isEmpty ? nil : $0
}

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    var function: @Sendable () -> Date { { self.now } }
}

/// One isolated database for one test: a SQLite file in a new temporary folder, or a new schema
/// on the test PostgreSQL server. It can be opened several times (to test reopening) and removes
/// itself at the end.
struct StoreFixture: Sendable {
    let kind: StoreKind
    let folder: URL
    let schema: String
    let clock: TestClock

    init(_ kind: StoreKind, clock: TestClock = TestClock()) throws {
        if kind == .postgres && postgresTestURL == nil {
            throw StoreError.unavailable("PLUMB_TEST_POSTGRES_URL is unset; scripts/postgres-up prints one")
        }
        self.kind = kind
        self.clock = clock
        let tag = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("plumbline-store-\(tag)")
        schema = "plumb_test_\(tag)"
        if kind == .sqlite {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    var sqlitePath: String { folder.appendingPathComponent("plumbline.sqlite").path }

    /// Opens the store, without migrating.
    func open() async throws -> SQLCanvasStore {
        switch kind {
        case .sqlite:
            try await SQLCanvasStore.openSQLite(path: sqlitePath, clock: clock.function)
        case .postgres:
            try await SQLCanvasStore.connectPostgres(url: postgresTestURL!, schema: schema, clock: clock.function)
        }
    }

    /// Removes the database.
    func destroy() async throws {
        switch kind {
        case .sqlite:
            try? FileManager.default.removeItem(at: folder)
        case .postgres:
            let store = try await open()
            try await store.dropSchema()
            try await store.close()
        }
    }
}

/// Runs `body` with a fresh, migrated store of `kind`, then closes and removes it.
func withStore<Result>(
    _ kind: StoreKind, clock: TestClock = TestClock(), _ body: (SQLCanvasStore) async throws -> Result
) async throws -> Result {
    let fixture = try StoreFixture(kind, clock: clock)
    return try await fixture.with { (store) async throws in
        _ = try await store.migrate()
        return try await body(store)
    }
}

extension StoreFixture {
    /// Opens the store for `body`, closes it after, and removes the database at the end.
    func with<Result>(_ body: (SQLCanvasStore) async throws -> Result) async throws -> Result {
        let store = try await open()
        do {
            let result = try await body(store)
            try await store.close()
            try await destroy()
            return result
        } catch {
            try? await store.close()
            try? await destroy()
            throw error
        }
    }
}

// MARK: - Records the tests build on

extension SQLCanvasStore {
    func makeUser(_ name: String = "Ada") async throws -> User {
        try await createUser(
            NewUser(
                email: "\(name.lowercased())-\(UUID().uuidString.prefix(8))@example.org", displayName: name,
                passwordHash: "$2b$12$" + String(repeating: "x", count: 53)))
    }

    /// A user owning a workspace with one canvas at version 1.
    func makeCanvas(title: String = "Growth") async throws -> (owner: User, workspace: Workspace, canvas: StoredCanvas)
    {
        let owner = try await makeUser("Owner")
        let workspace = try await createWorkspace(name: "Team", ownerID: owner.id)
        let canvas = try await createCanvas(
            workspaceID: workspace.id, title: title, first: .sample(author: owner.id, text: "v1"))
        return (owner, workspace, canvas)
    }
}

extension CanvasRevision {
    static func sample(author: UUID, text: String, message: String = "edit") -> CanvasRevision {
        CanvasRevision(
            authorID: author, message: message, document: "version: 1\nname: \(text)\n", syntax: .yaml)
    }
}

/// Expects `body` to throw exactly `expected`.
func expectStoreError<T>(
    _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async {
    do {
        _ = try await body()
        Issue.record("expected \(expected), but it succeeded", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}

/// Expects `body` to throw `.invalid` (any message).
func expectInvalid<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async {
    do {
        _ = try await body()
        Issue.record("expected .invalid, but it succeeded", sourceLocation: sourceLocation)
    } catch StoreError.invalid {
    } catch {
        Issue.record("expected .invalid, got \(error)", sourceLocation: sourceLocation)
    }
}
