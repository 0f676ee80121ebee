import Foundation
import Hummingbird
import PlumblineCore
import PlumblineStore

/// A canvas's history: every save is a version with author, time and message.
struct VersionRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy
    let canvases: CanvasRoutes

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("canvases/{canvasID}/versions", use: list)
        group.get("canvases/{canvasID}/versions/{version}", use: show)
        group.post("canvases/{canvasID}/versions/{version}/restore", use: restore)
        group.get("canvases/{canvasID}/diff", use: diff)
    }

    /// `?from=N&to=M` (default: the version before `to`, and the current one): the changes by
    /// section, entity and field, from Core's `CanvasDiff`.
    @Sendable func diff(_ request: Request, context: PlumblineRequestContext) async throws -> DiffBody {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context, shareable: true)
        let query = request.uri.queryParameters
        let to = try query["to"].map { try Self.number(String($0), name: "to") } ?? found.canvas.currentVersion
        let from = try query["from"].map { try Self.number(String($0), name: "from") } ?? max(1, to - 1)
        let before = try await canvases.version(found.canvas, number: from)
        let after = try await canvases.version(found.canvas, number: to)
        let reader = CanvasReader()
        let a = try reader.read(text: before.document, file: "v\(from).\(before.syntax.rawValue)")
        let b = try reader.read(text: after.document, file: "v\(to).\(after.syntax.rawValue)")
        return DiffBody(from: from, to: to, changes: CanvasDiff(from: a.canvas, to: b.canvas).changes)
    }

    @Sendable func list(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> ListBody<VersionSummaryBody>
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context, shareable: true)
        return ListBody(items: try await store.versions(canvasID: found.canvas.id).map(VersionSummaryBody.init))
    }

    @Sendable func show(_ request: Request, context: PlumblineRequestContext) async throws -> VersionBody {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context, shareable: true)
        return VersionBody(try await canvases.version(found.canvas, number: try Self.number(context)))
    }

    /// Makes a new version whose document is the old one's; history is never rewritten.
    @Sendable func restore(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<VersionBody>
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .edit, context)
        let number = try Self.number(context)
        let body = try await request.decode(
            as: RestoreVersionRequest.self, orEmpty: RestoreVersionRequest(), context: context)
        _ = try await canvases.version(found.canvas, number: number)
        let base = body.baseVersion ?? found.canvas.currentVersion
        do {
            let version = try await store.restoreVersion(
                canvasID: found.canvas.id, number: number, baseVersion: base, authorID: try found.writer().id,
                message: try CanvasIntake.message(body.message ?? "Restored version \(number)"))
            return EditedResponse(status: .created, response: VersionBody(version))
        } catch StoreError.staleVersion(let current) {
            throw try await canvases.stale(found.canvas.id, current: current, base: base)
        }
    }

    static func number(_ context: PlumblineRequestContext) throws -> Int {
        try number(try context.parameters.require("version"), name: "version")
    }

    static func number(_ text: String, name: String) throws -> Int {
        guard let number = Int(text), number > 0 else {
            throw APIError.badRequest("\(name) must be a positive whole number", code: "invalid-field")
        }
        return number
    }
}
