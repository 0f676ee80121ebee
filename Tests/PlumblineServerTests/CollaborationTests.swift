import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlumblineCore
import PlumblineStore
import Testing

@testable import PlumblineServer

/// Comments (threaded, on entities, resolvable) and review requests through the API.
@Suite struct CollaborationTests {
    @Test(arguments: StoreKind.available)
    func threadedCommentsResolveAndReopen(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let path = "/api/v1/canvases/\(world.canvasID)/comments"
            let reviewer = world.tokens[.reviewer], editor = world.tokens[.editor]
            let root = try await client.send(
                .post, path, token: reviewer, json: #"{"body": "Is churn gameable?", "entityID": "churn"}"#)
            #expect(root.status == .created, "\(root.text)")
            let rootID = try #require(try root.json["id"] as? String)
            let reply = try await client.send(
                .post, path, token: editor, json: try jsonText(["body": "Paired with NRR now", "parentID": rootID]))
            #expect(try reply.json["parentID"] as? String == rootID)
            _ = try await client.send(.post, path, token: editor, json: #"{"body": "On the whole canvas"}"#)

            let onChurn = try await client.send(.get, path + "?entity=churn", token: world.tokens[.viewer])
            #expect((try onChurn.json["items"] as? [[String: Any]])?.count == 1)
            let all = try await client.send(.get, path, token: world.tokens[.viewer])
            #expect((try all.json["items"] as? [[String: Any]])?.count == 3)

            let resolved = try await client.send(.post, "\(path)/\(rootID)/resolve", token: editor)
            #expect(try resolved.json["resolvedBy"] as? String == world.users[.editor]!.id.uuidString)
            let reopened = try await client.send(.post, "\(path)/\(rootID)/reopen", token: reviewer)
            #expect(try reopened.json["resolvedAt"] == nil)

            let foreignEdit = try await client.send(.patch, "\(path)/\(rootID)", token: editor, json: #"{"body": "x"}"#)
            #expect(foreignEdit.status == .forbidden)
            let ownEdit = try await client.send(
                .patch, "\(path)/\(rootID)", token: reviewer, json: #"{"body": "Edited"}"#)
            #expect(try ownEdit.json["body"] as? String == "Edited")

            let badParent = try await client.send(
                .post, path, token: editor, json: try jsonText(["body": "x", "parentID": UUID().uuidString]))
            #expect(badParent.status == .unprocessableContent)
            let empty = try await client.send(.post, path, token: editor, json: #"{"body": "   "}"#)
            #expect(empty.status == .badRequest)
        }
    }

    @Test(arguments: StoreKind.available)
    func aDecisionIsRecordedInTheCanvasReviews(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let path = "/api/v1/canvases/\(world.canvasID)/reviews"
            let unknown = try await client.send(
                .post, path, token: world.tokens[.editor],
                json: try jsonText(["reviewerID": world.users[.reviewer]!.id.uuidString, "participantID": "ceo"]))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorCode == "unknown-participant")
            let asked = try await client.send(
                .post, path, token: world.tokens[.editor],
                json: try jsonText(["reviewerID": world.users[.reviewer]!.id.uuidString, "participantID": "cfo"]))
            #expect(asked.status == .created, "\(asked.text)")
            let id = try #require(try asked.json["id"] as? String)
            let approved = try await client.send(
                .post, "\(path)/\(id)/approve", token: world.tokens[.reviewer], json: #"{"note": "Fine by finance"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json["recordedInVersion"] as? Int == 2)

            let version = try #require(try await store.version(canvasID: world.canvasID, number: 2))
            #expect(version.authorID == world.users[.reviewer]!.id)
            let document = try CanvasReader().read(text: version.document)
            let review = try #require(document.canvas.reviews.first)
            #expect(review.by.rawValue == "cfo")
            #expect(review.status == .approved)
            #expect(review.note == "Fine by finance")
        }
    }

    @Test(arguments: StoreKind.available)
    func reviewsAreDecidedByTheReviewerAskedOnce(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let path = "/api/v1/canvases/\(world.canvasID)/reviews"
            let asked = try await client.send(
                .post, path, token: world.tokens[.editor],
                json: try jsonText(["reviewerID": world.users[.reviewer]!.id.uuidString, "note": "Please check"]))
            #expect(asked.status == .created, "\(asked.text)")
            #expect(try asked.json["status"] as? String == "pending")
            #expect(try asked.json["version"] as? Int == 1)
            let id = try #require(try asked.json["id"] as? String)

            let notTheirs = try await client.send(.post, "\(path)/\(id)/approve", token: world.tokens[.owner])
            #expect(notTheirs.status == .forbidden)
            let decided = try await client.send(
                .post, "\(path)/\(id)/request-changes", token: world.tokens[.reviewer], json: #"{"note": "Pair churn"}"#
            )
            #expect(decided.status == .ok, "\(decided.text)")
            #expect(try decided.json["status"] as? String == "changes-requested")
            #expect(try decided.json["decisionNote"] as? String == "Pair churn")
            let twice = try await client.send(.post, "\(path)/\(id)/approve", token: world.tokens[.reviewer])
            #expect(twice.status == .conflict)

            let viewerAsked = try await client.send(
                .post, path, token: world.tokens[.editor],
                json: try jsonText(["reviewerID": world.users[.viewer]!.id.uuidString]))
            #expect(viewerAsked.status == .unprocessableContent)
            #expect(viewerAsked.errorCode == "not-a-reviewer")
            let outsiderAsked = try await client.send(
                .post, path, token: world.tokens[.editor],
                json: try jsonText(["reviewerID": world.users[.outsider]!.id.uuidString]))
            #expect(outsiderAsked.status == .unprocessableContent)
        }
    }
}

/// KPI values and findings.
@Suite struct ValuesAndFindingsTests {
    @Test(arguments: StoreKind.available)
    func uploadListDeleteAndFindings(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let owner = try #require(world.tokens[.owner])
            let base = "/api/v1/canvases/\(world.canvasID)"
            let uploaded = try await client.execute(
                uri: "\(base)/values?name=churn.csv", method: .post, headers: [.authorization: "Bearer \(owner)"],
                body: ByteBuffer(string: World.csv))
            #expect(uploaded.status == .created, "\(uploaded.text)")
            #expect(try uploaded.json["rowCount"] as? Int == 2)
            let id = try #require(try uploaded.json["id"] as? String)
            let listed = try await client.send(.get, "\(base)/values", token: owner)
            #expect((try listed.json["items"] as? [[String: Any]])?.count == 1)

            let findings = try await client.send(.get, "\(base)/findings", token: owner)
            #expect(findings.status == .ok, "\(findings.text)")
            let report = try JSONSerialization.jsonObject(with: Data(buffer: findings.body))
            #expect(report is [String: Any] || report is [Any])
            let cached = try await store.cachedFindings(
                canvasID: world.canvasID, version: 1,
                dataKey: FindingsRoutes.dataKey(try await store.kpiUploads(canvasID: world.canvasID)))
            #expect(cached == findings.text)
            let again = try await client.send(.get, "\(base)/findings", token: owner)
            #expect(again.text == findings.text)
            let without = try await client.send(.get, "\(base)/findings?data=none&version=1", token: owner)
            #expect(without.status == .ok)
            let shared = try await world.send(client, as: .shareLink, .get, "\(base)/findings")
            #expect(shared.status == .ok)

            #expect(try await client.send(.delete, "\(base)/values/\(id)", token: owner).status == .noContent)
            let empty = try await client.send(.get, "\(base)/values", token: owner)
            #expect((try empty.json["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test(arguments: StoreKind.available)
    func badCSVIsRefusedByLine(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let owner = try #require(world.tokens[.owner])
            let csv = "kpi,period,value\nchurn,2026-01,0.05\nnope,2026-02,1\nchurn,someday,2\n"
            let response = try await client.execute(
                uri: "/api/v1/canvases/\(world.canvasID)/values?name=bad.csv", method: .post,
                headers: [.authorization: "Bearer \(owner)"], body: ByteBuffer(string: csv))
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "invalid-csv")
            let issues = try #require((try response.json["error"] as? [String: Any])?["details"] as? [[String: Any]])
            #expect(issues.compactMap { $0["line"] as? Int } == [3, 4])
            #expect(issues.allSatisfy { $0["file"] as? String == "bad.csv" })
            #expect(try await store.kpiUploads(canvasID: world.canvasID).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func hugeCSVIs413(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            var csv = "kpi,period,value\n"
            let row = "churn,2026-01,0.05\n"
            csv += String(repeating: row, count: testConfiguration.maxCSVBytes / row.utf8.count + 1)
            let response = try await client.execute(
                uri: "/api/v1/canvases/\(world.canvasID)/values?name=huge.csv", method: .post,
                headers: [.authorization: "Bearer \(world.tokens[.owner]!)"], body: ByteBuffer(string: csv))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "payload-too-large")
        }
    }
}
