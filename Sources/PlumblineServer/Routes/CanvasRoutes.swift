import Foundation
import Hummingbird
import PlumblineCore
import PlumblineStore

/// Canvases: create, import, read, save with optimistic concurrency, trash and restore.
struct CanvasRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy
    let intake: CanvasIntake
    let maxCanvasBytes: Int

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("workspaces/{workspaceID}/canvases", use: list)
        group.post("workspaces/{workspaceID}/canvases", use: create)
        group.post("workspaces/{workspaceID}/canvases/import", use: importDocument)
        group.get("workspaces/{workspaceID}/trash", use: trash)
        group.get("canvases/{canvasID}", use: show)
        group.get("canvases/{canvasID}/document", use: document)
        group.put("canvases/{canvasID}", use: save)
        group.delete("canvases/{canvasID}", use: moveToTrash)
        group.post("canvases/{canvasID}/restore", use: restoreFromTrash)
    }

    // MARK: - Workspace's canvases

    @Sendable func list(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> ListBody<CanvasSummaryBody>
    {
        let found = try await access.workspace(try workspaceID(context), .read, context)
        return ListBody(items: try await store.canvases(workspaceID: found.workspace.id).map(CanvasSummaryBody.init))
    }

    @Sendable func trash(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> ListBody<CanvasSummaryBody>
    {
        let found = try await access.workspace(try workspaceID(context), .read, context)
        let items = try await store.trashedCanvases(workspaceID: found.workspace.id).map(CanvasSummaryBody.init)
        return ListBody(items: items)
    }

    @Sendable func create(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<CanvasBody>
    {
        let found = try await access.workspace(try workspaceID(context), .edit, context)
        let body = try await request.decode(as: NewCanvasRequest.self, limit: jsonLimit, context: context)
        let text: String
        if let document = body.document {
            text = document
        } else {
            guard let title = body.title, let kindName = body.kind else {
                throw APIError.badRequest(
                    "send a document, or a title and a kind (\(CanvasKind.choices.joined(separator: ", ")))")
            }
            guard let kind = CanvasKind(rawValue: kindName) else {
                throw APIError.badRequest(
                    "kind must be one of \(CanvasKind.choices.joined(separator: ", ")), not '\(kindName.prefix(40))'",
                    code: "invalid-field")
            }
            text = try StarterCanvas.text(kind: kind, title: try Field.name(title, what: "title"))
        }
        let (_, revision) = try intake.revision(
            text, name: "canvas", syntax: body.syntax, author: found.user.id, message: body.message ?? "Created")
        return try await created(workspaceID: found.workspace.id, revision)
    }

    /// The request body is the canvas file itself (YAML or JSON); `?name=` names it in issues.
    @Sendable func importDocument(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<CanvasBody>
    {
        let found = try await access.workspace(try workspaceID(context), .edit, context)
        let name = try request.uri.queryParameters["name"].map { try Field.fileName(String($0)) } ?? "upload"
        var syntax = try CanvasIntake.syntax(request.uri.queryParameters["syntax"].map(String.init))
        if syntax == nil, let type = request.headers[.contentType]?.lowercased() {
            if type.contains("json") { syntax = .json } else if type.contains("yaml") { syntax = .yaml }
        }
        let buffer = try await request.body.collect(upTo: maxCanvasBytes)
        let (document, text) = try intake.read(Array(buffer: buffer), name: name, syntax: syntax)
        let message = try CanvasIntake.message(request.uri.queryParameters["message"].map(String.init) ?? "Imported")
        let revision = CanvasRevision(
            authorID: found.user.id, message: message, document: text, syntax: document.syntax,
            title: document.canvas.title)
        return try await created(workspaceID: found.workspace.id, revision)
    }

    func created(workspaceID: UUID, _ revision: CanvasRevision) async throws -> EditedResponse<CanvasBody> {
        let canvas = try await store.createCanvas(
            workspaceID: workspaceID, title: revision.title ?? "Untitled", first: revision)
        guard let version = try await store.version(canvasID: canvas.id, number: canvas.currentVersion) else {
            throw APIError.notFound("the canvas's first version")
        }
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/canvases/\(canvas.id)"],
            response: CanvasBody(canvas: CanvasSummaryBody(canvas), version: VersionBody(version)))
    }

    // MARK: - One canvas

    @Sendable func show(_ request: Request, context: PlumblineRequestContext) async throws -> CanvasBody {
        let found = try await access.canvas(try Self.canvasID(context), .read, context, shareable: true)
        return CanvasBody(
            canvas: CanvasSummaryBody(found.canvas),
            version: VersionBody(try await version(found.canvas, number: found.canvas.currentVersion)))
    }

    /// The document text alone (`?version=N` for an older one), as `plumb pull` writes it.
    @Sendable func document(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let found = try await access.canvas(try Self.canvasID(context), .read, context, shareable: true)
        let number = try request.uri.queryParameters["version"].map {
            try VersionRoutes.number(String($0), name: "version")
        }
        let version = try await version(found.canvas, number: number ?? found.canvas.currentVersion)
        let type = version.syntax == .json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8"
        return Response(
            status: .ok, headers: [.contentType: type, .eTag: "\"\(version.number)\""],
            body: .init(byteBuffer: ByteBuffer(string: version.document)))
    }

    @Sendable func save(_ request: Request, context: PlumblineRequestContext) async throws -> CanvasBody {
        let found = try await access.canvas(try Self.canvasID(context), .edit, context)
        let body = try await request.decode(as: SaveCanvasRequest.self, limit: jsonLimit, context: context)
        let (_, revision) = try intake.revision(
            body.document, name: "canvas", syntax: body.syntax, author: try found.writer().id,
            message: body.message ?? "Saved")
        do {
            let version = try await store.save(
                canvasID: found.canvas.id, baseVersion: body.baseVersion, revision: revision)
            let canvas = try await store.canvas(id: found.canvas.id) ?? found.canvas
            return CanvasBody(canvas: CanvasSummaryBody(canvas), version: VersionBody(version))
        } catch StoreError.staleVersion(let current) {
            throw try await stale(found.canvas.id, current: current, base: body.baseVersion)
        }
    }

    /// 409 carrying the version that won, so the client can merge and retry.
    func stale(_ canvasID: UUID, current: Int, base: Int) async throws -> APIError {
        let winner = try await store.version(canvasID: canvasID, number: current)
        return APIError(
            .conflict, code: "stale-version",
            message: "version \(base) is no longer the current one: version \(current) is; merge and save again",
            details: StaleVersionDetails(currentVersion: current, current: winner.map(VersionBody.init)))
    }

    @Sendable func moveToTrash(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> CanvasSummaryBody
    {
        let found = try await access.canvas(try Self.canvasID(context), .edit, context)
        return CanvasSummaryBody(try await store.trashCanvas(id: found.canvas.id))
    }

    @Sendable func restoreFromTrash(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> CanvasSummaryBody
    {
        let found = try await access.canvas(try Self.canvasID(context), .edit, context, inTrash: true)
        return CanvasSummaryBody(try await store.restoreCanvas(id: found.canvas.id))
    }

    // MARK: - Helpers

    /// JSON bodies carrying a document: escaping can double its size.
    var jsonLimit: Int { maxCanvasBytes * 2 + (64 << 10) }

    func version(_ canvas: StoredCanvas, number: Int) async throws -> CanvasVersion {
        guard let version = try await store.version(canvasID: canvas.id, number: number) else {
            throw APIError.notFound("version \(number) of the canvas")
        }
        return version
    }

    func workspaceID(_ context: PlumblineRequestContext) throws -> UUID {
        try context.parameters.require("workspaceID", as: UUID.self)
    }

    static func canvasID(_ context: PlumblineRequestContext) throws -> UUID {
        try context.parameters.require("canvasID", as: UUID.self)
    }
}
