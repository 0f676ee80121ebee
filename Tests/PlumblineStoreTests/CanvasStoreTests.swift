import Foundation
import PlumblineCore
import Testing

@testable import PlumblineStore

/// Canvases, the trash, and the version history with optimistic concurrency, on every database.
@Suite struct CanvasStoreTests {
    @Test(arguments: StoreKind.available)
    func aNewCanvasHasItsFirstVersion(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas(title: "Growth")
            #expect(canvas.currentVersion == 1 && canvas.title == "Growth" && canvas.createdBy == owner.id)
            #expect(try await store.canvas(id: canvas.id) == canvas)
            let first = try #require(try await store.version(canvasID: canvas.id, number: 1))
            #expect(first.document == "version: 1\nname: v1\n" && first.syntax == .yaml && first.authorID == owner.id)
            #expect(try await store.currentVersion(canvasID: canvas.id) == first)
            #expect(try await store.canvases(workspaceID: workspace.id) == [canvas])
            await expectStoreError(.notFound("workspace")) {
                try await store.createCanvas(
                    workspaceID: UUID(), title: "X", first: .sample(author: owner.id, text: "x"))
            }
            await expectStoreError(.notFound("user")) {
                try await store.createCanvas(
                    workspaceID: workspace.id, title: "X", first: .sample(author: UUID(), text: "x"))
            }
            #expect(try await store.canvases(workspaceID: workspace.id).count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func savesNumberVersionsAndKeepEveryDocument(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            let json = CanvasRevision(
                authorID: owner.id, message: "as JSON", document: "{\"version\": 1, \"name\": \"é – ✓\"}",
                syntax: .json, title: "Renamed")
            clock.advance(by: 10)
            let second = try await store.save(canvasID: canvas.id, baseVersion: 1, revision: json)
            #expect(second.number == 2 && second.createdAt == clock.now && second.message == "as JSON")
            let third = try await store.save(
                canvasID: canvas.id, baseVersion: 2, revision: .sample(author: owner.id, text: "v3"))
            #expect(third.number == 3)

            #expect(try await store.version(canvasID: canvas.id, number: 2) == second)
            #expect(try await store.version(canvasID: canvas.id, number: 4) == nil)
            let history = try await store.versions(canvasID: canvas.id)
            #expect(history.map(\.number) == [1, 2, 3])
            #expect(history[1] == second.summary)
            #expect(history[1].documentLength == json.document.utf8.count)
            let updated = try #require(try await store.canvas(id: canvas.id))
            #expect(updated.currentVersion == 3 && updated.title == "Renamed" && updated.updatedAt == clock.now)
        }
    }

    @Test(arguments: StoreKind.available)
    func aStaleBaseIsRefusedWithTheCurrentVersion(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            _ = try await store.save(
                canvasID: canvas.id, baseVersion: 1, revision: .sample(author: owner.id, text: "a"))
            await expectStoreError(.staleVersion(current: 2)) {
                try await store.save(
                    canvasID: canvas.id, baseVersion: 1, revision: .sample(author: owner.id, text: "b"))
            }
            await expectStoreError(.staleVersion(current: 2)) {
                try await store.save(
                    canvasID: canvas.id, baseVersion: 7, revision: .sample(author: owner.id, text: "b"))
            }
            await expectStoreError(.notFound("canvas")) {
                try await store.save(canvasID: UUID(), baseVersion: 1, revision: .sample(author: owner.id, text: "b"))
            }
            await expectStoreError(.notFound("user")) {
                try await store.save(canvasID: canvas.id, baseVersion: 2, revision: .sample(author: UUID(), text: "b"))
            }
            #expect(try await store.versions(canvasID: canvas.id).map(\.number) == [1, 2])
            #expect(try await store.canvas(id: canvas.id)?.currentVersion == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func ofFiftyConcurrentSaversOnOneBaseExactlyOneWins(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            let outcomes = await withTaskGroup(of: Result<Int, StoreError>.self) { group in
                for writer in 0..<50 {
                    group.addTask {
                        do {
                            let version = try await store.save(
                                canvasID: canvas.id, baseVersion: 1,
                                revision: .sample(author: owner.id, text: "writer \(writer)"))
                            return .success(version.number)
                        } catch let error as StoreError {
                            return .failure(error)
                        } catch {
                            return .failure(.unavailable("\(error)"))
                        }
                    }
                }
                return await group.reduce(into: [Result<Int, StoreError>]()) { $0.append($1) }
            }
            let wins = outcomes.compactMap { try? $0.get() }
            let stale = outcomes.filter { if case .failure(.staleVersion(current: 2)) = $0 { true } else { false } }
            #expect(wins == [2])
            #expect(stale.count == 49)
            #expect(try await store.versions(canvasID: canvas.id).map(\.number) == [1, 2])
            #expect(try await store.canvas(id: canvas.id)?.currentVersion == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func concurrentSaversOnFreshBasesLoseNoVersion(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            // Each writer retries on a stale base with the version it is told, as a client would.
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<20 {
                    group.addTask {
                        var base = 1
                        while true {
                            do {
                                return try await store.save(
                                    canvasID: canvas.id, baseVersion: base,
                                    revision: .sample(author: owner.id, text: "writer \(writer)")
                                ).number
                            } catch StoreError.staleVersion(let current) {
                                base = current
                            }
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(2...21))
            #expect(try await store.versions(canvasID: canvas.id).map(\.number) == Array(1...21))
        }
    }

    @Test(arguments: StoreKind.available)
    func restoringAVersionSavesItsDocumentAgain(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            _ = try await store.save(
                canvasID: canvas.id, baseVersion: 1, revision: .sample(author: owner.id, text: "v2"))
            let restored = try await store.restoreVersion(
                canvasID: canvas.id, number: 1, baseVersion: 2, authorID: owner.id, message: "back to 1")
            let first = try #require(try await store.version(canvasID: canvas.id, number: 1))
            #expect(restored.number == 3 && restored.restoredFrom == 1 && restored.document == first.document)
            #expect(restored.message == "back to 1")
            await expectStoreError(.staleVersion(current: 3)) {
                try await store.restoreVersion(
                    canvasID: canvas.id, number: 1, baseVersion: 2, authorID: owner.id, message: "")
            }
            await expectStoreError(.notFound("version 9")) {
                try await store.restoreVersion(
                    canvasID: canvas.id, number: 9, baseVersion: 3, authorID: owner.id, message: "")
            }
            await expectStoreError(.notFound("canvas")) {
                try await store.restoreVersion(
                    canvasID: UUID(), number: 1, baseVersion: 1, authorID: owner.id, message: "")
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func theTrashIsRecoverableUntilPurged(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas(title: "A")
            let other = try await store.createCanvas(
                workspaceID: workspace.id, title: "B", first: .sample(author: owner.id, text: "b"))
            await expectStoreError(.conflict("the canvas is not in the trash")) {
                try await store.purgeCanvas(id: canvas.id)
            }
            await expectStoreError(.conflict("the canvas is not in the trash")) {
                try await store.restoreCanvas(id: canvas.id)
            }

            clock.advance(by: 1)
            let trashed = try await store.trashCanvas(id: canvas.id)
            #expect(trashed.trashedAt == clock.now)
            await expectStoreError(.conflict("the canvas is in the trash")) {
                try await store.trashCanvas(id: canvas.id)
            }
            #expect(try await store.canvases(workspaceID: workspace.id) == [other])
            #expect(try await store.trashedCanvases(workspaceID: workspace.id) == [trashed])
            await expectStoreError(.conflict("the canvas is in the trash")) {
                try await store.save(
                    canvasID: canvas.id, baseVersion: 1, revision: .sample(author: owner.id, text: "x"))
            }

            let restored = try await store.restoreCanvas(id: canvas.id)
            #expect(restored.trashedAt == nil && restored.currentVersion == 1)
            #expect(try await store.canvases(workspaceID: workspace.id).map(\.title) == ["A", "B"])

            _ = try await store.trashCanvas(id: canvas.id)
            _ = try await store.addComment(NewComment(canvasID: canvas.id, authorID: owner.id, body: "gone soon"))
            try await store.purgeCanvas(id: canvas.id)
            #expect(try await store.canvas(id: canvas.id) == nil)
            #expect(try await store.version(canvasID: canvas.id, number: 1) == nil)
            #expect(try await store.comments(canvasID: canvas.id).isEmpty)
            #expect(try await store.trashedCanvases(workspaceID: workspace.id).isEmpty)
            await expectStoreError(.notFound("canvas")) { try await store.purgeCanvas(id: canvas.id) }
            await expectStoreError(.notFound("canvas")) { try await store.trashCanvas(id: canvas.id) }
        }
    }
}
