import Foundation

/// Canvases, their trash and their version history.
public protocol CanvasRepository: Sendable {
    /// Creates a canvas with `first` as version 1, in one transaction.
    func createCanvas(workspaceID: UUID, title: String, first: CanvasRevision) async throws -> StoredCanvas

    /// A canvas by id, trashed or not.
    func canvas(id: UUID) async throws -> StoredCanvas?

    /// A workspace's canvases outside the trash, by title.
    func canvases(workspaceID: UUID) async throws -> [StoredCanvas]

    /// A workspace's trashed canvases, most recently trashed first.
    func trashedCanvases(workspaceID: UUID) async throws -> [StoredCanvas]

    /// Moves a canvas to the trash (recoverable); trashing a trashed canvas is a `.conflict`.
    func trashCanvas(id: UUID) async throws -> StoredCanvas

    /// Takes a canvas out of the trash; `.conflict` when it is not there.
    func restoreCanvas(id: UUID) async throws -> StoredCanvas

    /// Deletes a trashed canvas for good, with its versions, comments, reviews, links, data and
    /// cached findings; `.conflict` when it is not in the trash.
    func purgeCanvas(id: UUID) async throws

    /// Saves a new version on top of `baseVersion`. Succeeds only when `baseVersion` is the
    /// current version — checked and written in one transaction, so of many concurrent savers
    /// with the same base exactly one wins — and otherwise throws `.staleVersion(current:)`.
    /// A trashed canvas is a `.conflict`.
    func save(canvasID: UUID, baseVersion: Int, revision: CanvasRevision) async throws -> CanvasVersion

    /// The history, oldest first, without documents.
    func versions(canvasID: UUID) async throws -> [CanvasVersionSummary]

    /// One version with its document.
    func version(canvasID: UUID, number: Int) async throws -> CanvasVersion?

    /// Saves version `number`'s document again as a new version on top of `baseVersion` (same
    /// rules as ``save(canvasID:baseVersion:revision:)``).
    func restoreVersion(
        canvasID: UUID, number: Int, baseVersion: Int, authorID: UUID, message: String
    )
        async throws -> CanvasVersion
}

extension CanvasRepository {
    /// The newest version with its document, or nil for an unknown canvas.
    public func currentVersion(canvasID: UUID) async throws -> CanvasVersion? {
        guard let canvas = try await canvas(id: canvasID) else { return nil }
        return try await version(canvasID: canvasID, number: canvas.currentVersion)
    }
}
