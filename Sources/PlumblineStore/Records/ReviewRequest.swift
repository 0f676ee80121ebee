import Foundation
import PlumblineCore

/// A request that a member review one version of a canvas, and their decision.
public struct ReviewRequest: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var canvasID: UUID
    /// The version to review.
    public var version: Int
    public var requesterID: UUID
    public var reviewerID: UUID
    /// The canvas format's own review status: pending, approved, changes-requested.
    public var status: ReviewStatus
    /// The canvas participant the reviewer speaks for (the format's `reviews[].by`), if any.
    public var participantID: String?
    /// What the requester asked.
    public var note: String?
    /// What the reviewer answered with the decision.
    public var decisionNote: String?
    public var createdAt: Date
    public var decidedAt: Date?

    public init(
        id: UUID, canvasID: UUID, version: Int, requesterID: UUID, reviewerID: UUID, status: ReviewStatus,
        note: String?, decisionNote: String? = nil, createdAt: Date, decidedAt: Date? = nil,
        participantID: String? = nil
    ) {
        self.participantID = participantID
        self.id = id
        self.canvasID = canvasID
        self.version = version
        self.requesterID = requesterID
        self.reviewerID = reviewerID
        self.status = status
        self.note = note
        self.decisionNote = decisionNote
        self.createdAt = createdAt
        self.decidedAt = decidedAt
    }
}
