import Foundation
import Hummingbird
import PlumblineCore
import PlumblineStore

/// Review requests: a member asks another to review the canvas's current version; the reviewer
/// approves or requests changes.
struct ReviewRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("canvases/{canvasID}/reviews", use: list)
        group.post("canvases/{canvasID}/reviews", use: request)
        group.post("canvases/{canvasID}/reviews/{reviewID}/approve", use: approve)
        group.post("canvases/{canvasID}/reviews/{reviewID}/request-changes", use: requestChanges)
    }

    @Sendable func list(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<ReviewBody> {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context)
        return ListBody(items: try await store.reviewRequests(canvasID: found.canvas.id).map { ReviewBody($0) })
    }

    @Sendable func request(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<ReviewBody>
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .review, context)
        let body = try await request.decode(as: NewReviewRequest.self, context: context)
        guard let role = try await store.role(userID: body.reviewerID, workspaceID: found.canvas.workspaceID),
            role.allows(.review)
        else {
            throw APIError(
                .unprocessableContent, code: "not-a-reviewer",
                message: "the reviewer must be a member of the workspace with a role that can review")
        }
        if let participant = body.participantID { try await checkParticipant(participant, canvas: found.canvas) }
        let note = try body.note.map { try CanvasIntake.message($0) }
        let requester = try found.writer().id
        let review = try await store.requestReview(
            canvasID: found.canvas.id, version: found.canvas.currentVersion, requesterID: requester,
            reviewerID: body.reviewerID, note: note, participantID: body.participantID)
        return EditedResponse(status: .created, response: ReviewBody(review))
    }

    @Sendable func approve(_ request: Request, context: PlumblineRequestContext) async throws -> ReviewBody {
        try await decide(request, context, .approved)
    }

    @Sendable func requestChanges(_ request: Request, context: PlumblineRequestContext) async throws -> ReviewBody {
        try await decide(request, context, .changesRequested)
    }

    /// Only the reviewer asked decides, and only once.
    func decide(
        _ request: Request, _ context: PlumblineRequestContext, _ status: ReviewStatus
    ) async throws
        -> ReviewBody
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .review, context)
        let id = try context.parameters.require("reviewID", as: UUID.self)
        guard let review = try await store.reviewRequest(id: id), review.canvasID == found.canvas.id else {
            throw APIError.notFound("the review request")
        }
        guard review.reviewerID == (try found.writer().id) else {
            throw APIError.forbidden("only the reviewer asked can decide this review")
        }
        guard review.status == .pending else {
            throw APIError(.conflict, code: "already-decided", message: "this review was already decided")
        }
        let body = try await request.decode(as: DecisionRequest.self, orEmpty: DecisionRequest(), context: context)
        let decided = try await store.decideReview(
            id: id, status: status, note: try body.note.map { try CanvasIntake.message($0) })
        let recorded = try await reflect(decided, by: try found.writer())
        return ReviewBody(decided, recordedInVersion: recorded)
    }
}
