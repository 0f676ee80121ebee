import Foundation
import PlumblineCore
import Testing

@testable import PlumblineStore

/// Comments and review requests, on every database.
@Suite struct CollaborationStoreTests {
    @Test(arguments: StoreKind.available)
    func commentsThreadOnCanvasesAndEntities(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas()
            let top = try await store.addComment(NewComment(canvasID: canvas.id, authorID: owner.id, body: "Overall?"))
            clock.advance(by: 1)
            let onKPI = try await store.addComment(
                NewComment(canvasID: canvas.id, entityID: "kpi-churn", authorID: owner.id, body: "Target too low"))
            clock.advance(by: 1)
            let reply = try await store.addComment(
                NewComment(
                    canvasID: canvas.id, entityID: "kpi-churn", parentID: onKPI.id, authorID: owner.id, body: "Agreed"))

            #expect(try await store.comment(id: reply.id) == reply)
            #expect(try await store.comments(canvasID: canvas.id) == [top, onKPI, reply])
            #expect(try await store.comments(canvasID: canvas.id, entityID: "kpi-churn") == [onKPI, reply])
            #expect(reply.parentID == onKPI.id && top.entityID == nil)

            let elsewhere = try await store.createCanvas(
                workspaceID: workspace.id, title: "Other", first: .sample(author: owner.id, text: "o"))
            await expectStoreError(.conflict("a reply must be on the same canvas as its parent")) {
                try await store.addComment(
                    NewComment(canvasID: elsewhere.id, parentID: onKPI.id, authorID: owner.id, body: "x"))
            }
            await expectStoreError(.notFound("parent comment")) {
                try await store.addComment(
                    NewComment(canvasID: canvas.id, parentID: UUID(), authorID: owner.id, body: "x"))
            }
            await expectStoreError(.notFound("canvas")) {
                try await store.addComment(NewComment(canvasID: UUID(), authorID: owner.id, body: "x"))
            }

            clock.advance(by: 1)
            let edited = try await store.editComment(id: top.id, body: "Overall: fine")
            #expect(edited.body == "Overall: fine" && edited.editedAt == clock.now)

            // Deleting a comment takes its replies with it.
            try await store.deleteComment(id: onKPI.id)
            #expect(try await store.comments(canvasID: canvas.id) == [edited])
            await expectStoreError(.notFound("comment")) { try await store.deleteComment(id: onKPI.id) }
            await expectStoreError(.notFound("comment")) { try await store.editComment(id: onKPI.id, body: "x") }
        }
    }

    @Test(arguments: StoreKind.available)
    func commentsAreResolvedAndReopened(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            let reviewer = try await store.makeUser("Rita")
            let comment = try await store.addComment(NewComment(canvasID: canvas.id, authorID: owner.id, body: "Fix"))
            clock.advance(by: 1)
            let resolved = try await store.setCommentResolved(id: comment.id, resolved: true, by: reviewer.id)
            #expect(resolved.isResolved && resolved.resolvedBy == reviewer.id && resolved.resolvedAt == clock.now)
            clock.advance(by: 1)
            // Resolving again keeps the first resolution.
            #expect(try await store.setCommentResolved(id: comment.id, resolved: true, by: owner.id) == resolved)
            let reopened = try await store.setCommentResolved(id: comment.id, resolved: false, by: owner.id)
            #expect(!reopened.isResolved && reopened.resolvedBy == nil)
            #expect(try await store.comment(id: comment.id) == reopened)
            await expectStoreError(.notFound("comment")) {
                try await store.setCommentResolved(id: UUID(), resolved: true, by: owner.id)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func reviewRequestsAreDecidedOnce(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas()
            let rita = try await store.makeUser("Rita")
            let stranger = try await store.makeUser("Stranger")
            _ = try await store.addMember(workspaceID: workspace.id, userID: rita.id, role: .reviewer)

            let request = try await store.requestReview(
                canvasID: canvas.id, version: 1, requesterID: owner.id, reviewerID: rita.id, note: "Please look",
                participantID: "finance")
            #expect(request.status == .pending && request.participantID == "finance" && request.decidedAt == nil)
            let plain = try await store.requestReview(
                canvasID: canvas.id, version: 1, requesterID: owner.id, reviewerID: rita.id, note: nil)
            #expect(plain.participantID == nil)
            #expect(try await store.reviewRequest(id: request.id) == request)
            #expect(Set(try await store.reviewRequests(canvasID: canvas.id)) == [request, plain])
            #expect(try await store.reviewRequests(reviewerID: rita.id, status: .pending).count == 2)

            await expectStoreError(.conflict("the reviewer is not a member of the workspace")) {
                try await store.requestReview(
                    canvasID: canvas.id, version: 1, requesterID: owner.id, reviewerID: stranger.id, note: nil)
            }
            await expectStoreError(.notFound("version 5")) {
                try await store.requestReview(
                    canvasID: canvas.id, version: 5, requesterID: owner.id, reviewerID: rita.id, note: nil)
            }
            await expectStoreError(.notFound("canvas")) {
                try await store.requestReview(
                    canvasID: UUID(), version: 1, requesterID: owner.id, reviewerID: rita.id, note: nil)
            }

            clock.advance(by: 60)
            let decided = try await store.decideReview(
                id: request.id, status: .changesRequested, note: "Add a guardrail")
            #expect(decided.status == .changesRequested && decided.decisionNote == "Add a guardrail")
            #expect(decided.decidedAt == clock.now && decided.note == "Please look")
            await expectStoreError(.conflict("the review request is decided already")) {
                try await store.decideReview(id: request.id, status: .approved, note: nil)
            }
            await expectInvalid { try await store.decideReview(id: plain.id, status: .pending, note: nil) }
            await expectStoreError(.notFound("review request")) {
                try await store.decideReview(id: UUID(), status: .approved, note: nil)
            }
            #expect(try await store.reviewRequests(reviewerID: rita.id, status: .changesRequested) == [decided])
            #expect(try await store.reviewRequests(reviewerID: rita.id, status: nil).count == 2)
        }
    }
}
