import Foundation
import PlumblineCore

/// Threaded comments on canvases and their entities.
public protocol CommentRepository: Sendable {
    /// Adds a comment; a reply's parent must be on the same canvas (`.conflict` otherwise).
    func addComment(_ comment: NewComment) async throws -> Comment

    func comment(id: UUID) async throws -> Comment?

    /// Every comment on a canvas, oldest first (threads are rebuilt from `parentID`).
    func comments(canvasID: UUID) async throws -> [Comment]

    /// The comments about one entity of a canvas, oldest first.
    func comments(canvasID: UUID, entityID: String) async throws -> [Comment]

    /// Replaces a comment's body and records when.
    func editComment(id: UUID, body: String) async throws -> Comment

    /// Resolves (`resolved: true`, by `userID`) or reopens a comment.
    func setCommentResolved(id: UUID, resolved: Bool, by userID: UUID) async throws -> Comment

    /// Deletes a comment and the replies under it.
    func deleteComment(id: UUID) async throws
}

/// Review requests and decisions.
public protocol ReviewRepository: Sendable {
    /// Asks `reviewerID` to review `version` of a canvas, speaking for the canvas participant
    /// `participantID` when given. The version must exist (`.notFound`) and the reviewer must be a
    /// member of the canvas's workspace (`.conflict`).
    func requestReview(
        canvasID: UUID, version: Int, requesterID: UUID, reviewerID: UUID, note: String?, participantID: String?
    ) async throws -> ReviewRequest

    func reviewRequest(id: UUID) async throws -> ReviewRequest?

    /// A canvas's review requests, newest first.
    func reviewRequests(canvasID: UUID) async throws -> [ReviewRequest]

    /// The requests addressed to a reviewer, optionally only those with one status, newest first.
    func reviewRequests(reviewerID: UUID, status: ReviewStatus?) async throws -> [ReviewRequest]

    /// Records the decision (`.approved` or `.changesRequested`) on a pending request; deciding a
    /// decided request is a `.conflict`, deciding `.pending` is `.invalid`.
    func decideReview(id: UUID, status: ReviewStatus, note: String?) async throws -> ReviewRequest
}

extension ReviewRepository {
    /// A review request that speaks for no particular participant.
    public func requestReview(
        canvasID: UUID, version: Int, requesterID: UUID, reviewerID: UUID, note: String?
    )
        async throws -> ReviewRequest
    {
        try await requestReview(
            canvasID: canvasID, version: version, requesterID: requesterID, reviewerID: reviewerID, note: note,
            participantID: nil)
    }
}

/// Uploaded KPI values.
public protocol KPIUploadRepository: Sendable {
    /// Keeps a validated upload.
    func addKPIUpload(_ upload: NewKPIUpload) async throws -> KPIUploadSummary

    /// A canvas's uploads, oldest first, without content.
    func kpiUploads(canvasID: UUID) async throws -> [KPIUploadSummary]

    /// One upload with its CSV text.
    func kpiUpload(id: UUID) async throws -> KPIUpload?

    /// Deletes an upload; `.notFound` when unknown.
    func deleteKPIUpload(id: UUID) async throws
}

/// Diagnosis results cached per canvas version and data set.
public protocol FindingsCacheRepository: Sendable {
    /// The cached JSON for (canvas, version, data key), if any. The data key is the server's name
    /// for the data the findings used (say, a hash of the upload ids, or "none").
    func cachedFindings(canvasID: UUID, version: Int, dataKey: String) async throws -> String?

    /// Caches findings JSON, replacing an earlier entry with the same key.
    func cacheFindings(canvasID: UUID, version: Int, dataKey: String, json: String) async throws

    /// Forgets every cached result of a canvas.
    func clearCachedFindings(canvasID: UUID) async throws
}
