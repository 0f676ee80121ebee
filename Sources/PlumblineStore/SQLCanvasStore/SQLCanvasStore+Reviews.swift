import Foundation
import PlumblineCore

// MARK: - Review requests

extension SQLCanvasStore {
    static let reviewColumns =
        "id, canvas_id, version, requester_id, reviewer_id, status, participant_id, note, decision_note, created_at, decided_at"

    public func requestReview(
        canvasID: UUID, version: Int, requesterID: UUID, reviewerID: UUID, note: String?, participantID: String?
    ) async throws -> ReviewRequest {
        try Validation.optionalText(note, "note", limit: StoreLimits.comment)
        try Validation.optionalText(participantID, "participant id", limit: StoreLimits.entityID, required: true)
        let request = ReviewRequest(
            id: UUID(), canvasID: canvasID, version: version, requesterID: requesterID, reviewerID: reviewerID,
            status: .pending, note: note, createdAt: now(), participantID: participantID)
        return try await write { db in
            let canvas = try await db.first("SELECT workspace_id FROM canvases WHERE id = $1", .uuid(canvasID))
            guard let canvas else { throw StoreError.notFound("canvas") }
            let versionRow = try await db.first(
                "SELECT number FROM canvas_versions WHERE canvas_id = $1 AND number = $2", .uuid(canvasID),
                .integer(Int64(version)))
            if versionRow == nil { throw StoreError.notFound("version \(version)") }
            try await db.requireRow("users", id: requesterID, "user")
            let membership = try await db.first(
                "SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2",
                .uuid(try canvas.uuid("workspace_id")), .uuid(reviewerID))
            if membership == nil { throw StoreError.conflict("the reviewer is not a member of the workspace") }
            try await db.execute(
                """
                INSERT INTO review_requests
                    (id, canvas_id, version, requester_id, reviewer_id, status, participant_id, note, created_at)
                VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8)
                """, .uuid(request.id), .uuid(canvasID), .integer(Int64(version)), .uuid(requesterID),
                .uuid(reviewerID), SQLValue(participantID), SQLValue(note), .date(request.createdAt))
            return request
        }
    }

    public func reviewRequest(id: UUID) async throws -> ReviewRequest? {
        try await read { db in
            try await db.first("SELECT \(Self.reviewColumns) FROM review_requests WHERE id = $1", .uuid(id))
                .map(Self.reviewRequest)
        }
    }

    public func reviewRequests(canvasID: UUID) async throws -> [ReviewRequest] {
        try await read { db in
            try await db.query(
                "SELECT \(Self.reviewColumns) FROM review_requests WHERE canvas_id = $1 ORDER BY created_at DESC, id",
                .uuid(canvasID)
            ).map(Self.reviewRequest)
        }
    }

    public func reviewRequests(reviewerID: UUID, status: ReviewStatus?) async throws -> [ReviewRequest] {
        try await read { db in
            if let status {
                return try await db.query(
                    """
                    SELECT \(Self.reviewColumns) FROM review_requests WHERE reviewer_id = $1 AND status = $2
                    ORDER BY created_at DESC, id
                    """, .uuid(reviewerID), .text(status.rawValue)
                ).map(Self.reviewRequest)
            }
            return try await db.query(
                "SELECT \(Self.reviewColumns) FROM review_requests WHERE reviewer_id = $1 ORDER BY created_at DESC, id",
                .uuid(reviewerID)
            ).map(Self.reviewRequest)
        }
    }

    public func decideReview(id: UUID, status: ReviewStatus, note: String?) async throws -> ReviewRequest {
        guard status != .pending else { throw StoreError.invalid("a decision approves or requests changes") }
        try Validation.optionalText(note, "note", limit: StoreLimits.comment)
        let now = now()
        return try await write { db in
            // Only a pending request changes, so two concurrent decisions cannot both land.
            let row = try await db.first(
                """
                UPDATE review_requests SET status = $2, decision_note = $3, decided_at = $4
                WHERE id = $1 AND status = 'pending' RETURNING \(Self.reviewColumns)
                """, .uuid(id), .text(status.rawValue), SQLValue(note), .date(now))
            if let row { return try Self.reviewRequest(row) }
            if try await db.first("SELECT id FROM review_requests WHERE id = $1", .uuid(id)) == nil {
                throw StoreError.notFound("review request")
            }
            throw StoreError.conflict("the review request is decided already")
        }
    }

    static func reviewRequest(_ row: SQLRow) throws -> ReviewRequest {
        let text = try row.string("status")
        guard let status = ReviewStatus(rawValue: text) else {
            throw StoreError.unavailable("unknown review status \(text) in the database")
        }
        return ReviewRequest(
            id: try row.uuid("id"), canvasID: try row.uuid("canvas_id"), version: try row.int("version"),
            requesterID: try row.uuid("requester_id"), reviewerID: try row.uuid("reviewer_id"), status: status,
            note: try row.optionalString("note"), decisionNote: try row.optionalString("decision_note"),
            createdAt: try row.date("created_at"), decidedAt: try row.optionalDate("decided_at"),
            participantID: try row.optionalString("participant_id"))
    }
}
