import Foundation
import PlumblineCore
import PlumblineStore

/// A decided review shows in the canvas itself: the format's `reviews` list records each
/// stakeholder's (participant's) review. The decision is saved as a new version authored by the
/// reviewer, so history says who approved what and when, and the diagnosis sees it.
///
/// The document is written anew with Core's `CanvasWriter` in its own syntax; hand-written YAML
/// comments of that version do not survive, which the version before keeps.
extension ReviewRoutes {
    /// Saves a version whose `reviews` entry for the review's participant carries the decision;
    /// nil when the review names no participant. Retries when another save lands in between.
    func reflect(_ review: ReviewRequest, by reviewer: SignedInUser) async throws -> Int? {
        guard let participant = review.participantID else { return nil }
        for _ in 0..<5 {
            guard let canvas = try await store.canvas(id: review.canvasID),
                let current = try await store.version(canvasID: canvas.id, number: canvas.currentVersion)
            else { throw APIError.notFound("the canvas") }
            var document = try CanvasReader().read(text: current.document, file: "canvas.\(current.syntax.rawValue)")
            let entry = Review(
                by: ParticipantID(participant), status: review.status, on: Self.today(),
                note: review.decisionNote)
            if let index = document.canvas.reviews.firstIndex(where: { $0.by.rawValue == participant }) {
                document.canvas.reviews[index] = entry
            } else {
                document.canvas.reviews.append(entry)
            }
            let text = CanvasWriter().write(document.canvas, as: current.syntax)
            let revision = CanvasRevision(
                authorID: reviewer.id,
                message: "Review by \(reviewer.displayName) for \(participant): \(review.status.rawValue)",
                document: text, syntax: current.syntax, title: document.canvas.title)
            do {
                return try await store.save(canvasID: canvas.id, baseVersion: canvas.currentVersion, revision: revision)
                    .number
            } catch StoreError.staleVersion {
                continue
            }
        }
        throw APIError(
            .conflict, code: "busy", message: "the canvas kept changing while the review was recorded; try again")
    }

    /// Checks that `participant` is a participant of the canvas's current version.
    func checkParticipant(_ participant: String, canvas: StoredCanvas) async throws {
        guard let current = try await store.version(canvasID: canvas.id, number: canvas.currentVersion),
            let document = try? CanvasReader().read(text: current.document),
            document.canvas.participants.contains(where: { $0.id.rawValue == participant })
        else {
            throw APIError(
                .unprocessableContent, code: "unknown-participant",
                message: "'\(participant.prefix(80))' is not a participant of the canvas's current version")
        }
    }

    static func today() -> CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
