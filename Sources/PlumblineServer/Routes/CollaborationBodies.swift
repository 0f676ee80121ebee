import Foundation
import Hummingbird
import PlumblineCore
import PlumblineStore

struct CommentBody: ResponseCodable {
    var id: UUID
    var canvasID: UUID
    var entityID: String?
    var parentID: UUID?
    var authorID: UUID
    var body: String
    var createdAt: Date
    var editedAt: Date?
    var resolvedAt: Date?
    var resolvedBy: UUID?

    init(_ comment: Comment) {
        id = comment.id
        canvasID = comment.canvasID
        entityID = comment.entityID
        parentID = comment.parentID
        authorID = comment.authorID
        body = comment.body
        createdAt = comment.createdAt
        editedAt = comment.editedAt
        resolvedAt = comment.resolvedAt
        resolvedBy = comment.resolvedBy
    }
}

/// A comment on the canvas, or on one entity of it (`entityID`), optionally replying to another.
struct NewCommentRequest: Decodable {
    var body: String
    var entityID: String?
    var parentID: UUID?
}

struct EditCommentRequest: Decodable {
    var body: String
}

struct ReviewBody: ResponseCodable {
    var id: UUID
    var canvasID: UUID
    var version: Int
    var requesterID: UUID
    var reviewerID: UUID
    var status: String
    var note: String?
    var decisionNote: String?
    var createdAt: Date
    var decidedAt: Date?
    /// The canvas participant the reviewer speaks for, whose `reviews` entry records the decision.
    var participantID: String?
    /// The canvas version that recorded the decision (decision responses only).
    var recordedInVersion: Int?

    init(_ review: ReviewRequest, recordedInVersion: Int? = nil) {
        id = review.id
        canvasID = review.canvasID
        version = review.version
        requesterID = review.requesterID
        reviewerID = review.reviewerID
        status = review.status.rawValue
        note = review.note
        decisionNote = review.decisionNote
        createdAt = review.createdAt
        decidedAt = review.decidedAt
        participantID = review.participantID
        self.recordedInVersion = recordedInVersion
    }
}

/// Asks a member to review the canvas's current version.
struct NewReviewRequest: Decodable {
    var reviewerID: UUID
    var note: String?
    /// The canvas participant the reviewer speaks for; the decision then shows in the canvas's `reviews`.
    var participantID: String?
}

struct DecisionRequest: Decodable {
    var note: String?
}
