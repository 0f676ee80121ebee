import Foundation
import PlumblineStore
import Testing

@testable import PlumblineServer

/// `plumb serve --demo`: the examples in a Demo workspace, once, with a new password each start.
@Suite struct DemoSeedTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    @Test(arguments: StoreKind.available)
    func seedsEveryExampleOnce(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in try await seedTwice(store) }
    }

    func seedTwice(_ store: any CanvasStore) async throws {
        let seed = DemoSeed(directory: Self.examples)
        let files = try seed.exampleFiles()
        #expect(files.count >= 8)
        let first = try await seed.seed(into: store, passwords: PasswordHasher(cost: 4))
        #expect(first.canvasCount == files.count)
        let second = try await seed.seed(into: store, passwords: PasswordHasher(cost: 4))
        #expect(second.workspaceID == first.workspaceID)
        #expect(second.password != first.password)
        #expect(try await store.canvases(workspaceID: first.workspaceID).count == files.count)
        let user = try #require(try await store.user(email: DemoSeed.email))
        #expect(try await PasswordHasher(cost: 4).verify(second.password, hash: user.passwordHash))
        // The demo account does not count as the first owner: setup is still offered.
        #expect(try await SetupRoutes.issueIfNeeded(store, demoAccounts: 1) != nil)
    }

    @Test func aDirectoryWithoutCanvasesIsRefused() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("plumb-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: DemoSeedError.self) { try DemoSeed(directory: empty).exampleFiles() }
    }
}
