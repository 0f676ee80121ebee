import Foundation
import HTTPTypes
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Many clients saving the same canvas at once: per base version exactly one wins, every other
/// gets 409, and no version is lost or duplicated.
@Suite struct ConcurrentSaveTests {
    static let writers = 50

    @Test(arguments: StoreKind.available)
    func fiftyWritersOnOneBase(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let token = try #require(world.tokens[.editor])
            let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for writer in 0..<Self.writers {
                    group.addTask {
                        let body = try jsonText([
                            "baseVersion": 1, "document": CanvasTests.document(title: "Writer \(writer)"),
                            "message": "writer \(writer)",
                        ])
                        let response = try await client.send(
                            .put, "/api/v1/canvases/\(world.canvasID)", token: token, json: body)
                        return (writer, Int(response.status.code))
                    }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
            }
            let winners = statuses.filter { $0.value == 200 }.map(\.key)
            #expect(winners.count == 1)
            #expect(statuses.values.filter { $0 == 409 }.count == Self.writers - 1)
            let versions = try await store.versions(canvasID: world.canvasID)
            #expect(versions.map(\.number) == [1, 2])
            let winner = try #require(winners.first)
            #expect(versions.last?.message == "writer \(winner)")
        }
    }

    /// Writers that retry on 409 with the version they were told about: all land, in order.
    @Test(arguments: StoreKind.available)
    func writersThatRetryAllLand(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let token = try #require(world.tokens[.editor])
            let count = 10
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<count {
                    group.addTask {
                        var base = 1
                        while true {
                            let body = try jsonText([
                                "baseVersion": base, "document": CanvasTests.document(title: "W\(writer)"),
                                "message": "writer \(writer)",
                            ])
                            let response = try await client.send(
                                .put, "/api/v1/canvases/\(world.canvasID)", token: token, json: body)
                            if response.status == .ok { return }
                            #expect(response.status == .conflict)
                            let details = (try response.json["error"] as? [String: Any])?["details"] as? [String: Any]
                            base = try #require(details?["currentVersion"] as? Int)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let versions = try await store.versions(canvasID: world.canvasID)
            #expect(versions.map(\.number) == Array(1...(count + 1)))
            #expect(Set(versions.dropFirst().map(\.message)).count == count)
        }
    }
}
