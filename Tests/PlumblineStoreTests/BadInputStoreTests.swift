import Foundation
import PlumblineCore
import Testing

@testable import PlumblineStore

/// Malformed and oversized input is `.invalid` and writes nothing, on every database.
@Suite struct BadInputStoreTests {
    @Test(arguments: StoreKind.available)
    func badAccountsAreRefused(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let long = String(repeating: "a", count: StoreLimits.email) + "@example.org"
            for email in ["", "no-at-sign", "two@@example.org", "a b@example.org", "@example.org", long, "nul\0@x.org"]
            {
                await expectInvalid {
                    try await store.createUser(NewUser(email: email, displayName: "X", passwordHash: "h"))
                }
            }
            await expectInvalid {
                try await store.createUser(NewUser(email: "a@example.org", displayName: " ", passwordHash: "h"))
            }
            await expectInvalid {
                try await store.createUser(
                    NewUser(
                        email: "a@example.org", displayName: String(repeating: "é", count: StoreLimits.name),
                        passwordHash: "h"))
            }
            await expectInvalid {
                try await store.createUser(
                    NewUser(email: "a@example.org", displayName: "A", passwordHash: String(repeating: "h", count: 300)))
            }
            #expect(try await store.userCount() == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func badCanvasesAndVersionsAreRefusedWhole(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas()
            let huge = String(repeating: "x", count: StoreLimits.document + 1)
            await expectInvalid {
                try await store.createCanvas(
                    workspaceID: workspace.id, title: "Huge",
                    first: CanvasRevision(authorID: owner.id, message: "", document: huge, syntax: .yaml))
            }
            await expectInvalid {
                try await store.createCanvas(
                    workspaceID: workspace.id, title: "", first: .sample(author: owner.id, text: "x"))
            }
            await expectInvalid {
                try await store.save(
                    canvasID: canvas.id, baseVersion: 1,
                    revision: CanvasRevision(authorID: owner.id, message: "nul\0", document: "a: 1", syntax: .yaml))
            }
            await expectInvalid {
                try await store.save(
                    canvasID: canvas.id, baseVersion: 1,
                    revision: .sample(
                        author: owner.id, text: "x", message: String(repeating: "m", count: StoreLimits.message + 1)))
            }
            await expectInvalid {
                try await store.save(
                    canvasID: canvas.id, baseVersion: 1,
                    revision: CanvasRevision(authorID: owner.id, message: "", document: "  \n", syntax: .yaml))
            }
            #expect(try await store.canvases(workspaceID: workspace.id) == [canvas])
            #expect(try await store.versions(canvasID: canvas.id).count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func badCollaborationRecordsAreRefused(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas()
            await expectInvalid {
                try await store.addComment(NewComment(canvasID: canvas.id, authorID: owner.id, body: ""))
            }
            await expectInvalid {
                try await store.addComment(
                    NewComment(
                        canvasID: canvas.id, authorID: owner.id,
                        body: String(repeating: "c", count: StoreLimits.comment + 1)))
            }
            await expectInvalid {
                try await store.addComment(NewComment(canvasID: canvas.id, entityID: "", authorID: owner.id, body: "x"))
            }
            await expectInvalid {
                try await store.requestReview(
                    canvasID: canvas.id, version: 1, requesterID: owner.id, reviewerID: owner.id, note: nil,
                    participantID: String(repeating: "p", count: StoreLimits.entityID + 1))
            }
            await expectInvalid { try await store.createWorkspace(name: "\0", ownerID: owner.id) }
            await expectInvalid {
                try await store.createAPIToken(userID: owner.id, name: "", tokenHash: "h")
            }
            await expectInvalid {
                try await store.addKPIUpload(
                    NewKPIUpload(
                        canvasID: canvas.id, fileName: "v.csv", csv: "a,b\n", rowCount: -1, uploadedBy: owner.id))
            }
            await expectInvalid {
                try await store.addKPIUpload(
                    NewKPIUpload(
                        canvasID: canvas.id, fileName: String(repeating: "f", count: 300), csv: "a,b\n", rowCount: 1,
                        uploadedBy: owner.id))
            }
            await expectInvalid {
                try await store.cacheFindings(
                    canvasID: canvas.id, version: 1, dataKey: String(repeating: "k", count: 300), json: "{}")
            }
            #expect(try await store.comments(canvasID: canvas.id).isEmpty)
            #expect(try await store.reviewRequests(canvasID: canvas.id).isEmpty)
            #expect(try await store.workspaces(userID: owner.id).map(\.workspace) == [workspace])
            #expect(try await store.apiTokens(userID: owner.id).isEmpty)
            #expect(try await store.kpiUploads(canvasID: canvas.id).isEmpty)
        }
    }
}
