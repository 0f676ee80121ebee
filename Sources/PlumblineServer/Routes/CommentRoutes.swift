import Foundation
import Hummingbird
import PlumblineStore

/// Comments on a canvas or on any entity id in it, threaded, resolvable and reopenable.
struct CommentRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("canvases/{canvasID}/comments", use: list)
        group.post("canvases/{canvasID}/comments", use: create)
        group.patch("canvases/{canvasID}/comments/{commentID}", use: edit)
        group.delete("canvases/{canvasID}/comments/{commentID}", use: delete)
        group.post("canvases/{canvasID}/comments/{commentID}/resolve", use: resolve)
        group.post("canvases/{canvasID}/comments/{commentID}/reopen", use: reopen)
    }

    /// `?entity=ID` narrows to one entity's comments.
    @Sendable func list(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<CommentBody> {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context)
        let comments =
            if let entity = request.uri.queryParameters["entity"] {
                try await store.comments(canvasID: found.canvas.id, entityID: String(entity))
            } else {
                try await store.comments(canvasID: found.canvas.id)
            }
        return ListBody(items: comments.map(CommentBody.init))
    }

    @Sendable func create(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<CommentBody>
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .comment, context)
        let body = try await request.decode(as: NewCommentRequest.self, context: context)
        if let parentID = body.parentID {
            guard let parent = try await store.comment(id: parentID), parent.canvasID == found.canvas.id else {
                throw APIError(
                    .unprocessableContent, code: "unknown-parent", message: "the parent comment is not on this canvas")
            }
        }
        let comment = try await store.addComment(
            NewComment(
                canvasID: found.canvas.id, entityID: try body.entityID.map { try Self.entity($0) },
                parentID: body.parentID, authorID: try found.writer().id, body: try Self.text(body.body)))
        return EditedResponse(status: .created, response: CommentBody(comment))
    }

    /// Only the author edits a comment.
    @Sendable func edit(_ request: Request, context: PlumblineRequestContext) async throws -> CommentBody {
        let (found, comment) = try await self.comment(context, .comment)
        guard comment.authorID == (try found.writer().id) else {
            throw APIError.forbidden("only the author can edit a comment")
        }
        let body = try await request.decode(as: EditCommentRequest.self, context: context)
        return CommentBody(try await store.editComment(id: comment.id, body: try Self.text(body.body)))
    }

    /// The author or a workspace owner deletes a comment.
    @Sendable func delete(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let (found, comment) = try await self.comment(context, .comment)
        guard comment.authorID == (try found.writer().id) || found.role == .owner else {
            throw APIError.forbidden("only the author or an owner can delete a comment")
        }
        try await store.deleteComment(id: comment.id)
        return Response(status: .noContent)
    }

    @Sendable func resolve(_ request: Request, context: PlumblineRequestContext) async throws -> CommentBody {
        let (found, comment) = try await self.comment(context, .comment)
        return CommentBody(
            try await store.setCommentResolved(id: comment.id, resolved: true, by: try found.writer().id))
    }

    @Sendable func reopen(_ request: Request, context: PlumblineRequestContext) async throws -> CommentBody {
        let (found, comment) = try await self.comment(context, .comment)
        return CommentBody(
            try await store.setCommentResolved(id: comment.id, resolved: false, by: try found.writer().id))
    }

    func comment(_ context: PlumblineRequestContext, _ permission: Permission) async throws -> (CanvasAccess, Comment) {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), permission, context)
        let id = try context.parameters.require("commentID", as: UUID.self)
        guard let comment = try await store.comment(id: id), comment.canvasID == found.canvas.id else {
            throw APIError.notFound("the comment")
        }
        return (found, comment)
    }

    static func text(_ body: String) throws -> String {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw APIError.badRequest("the comment is empty", code: "invalid-field") }
        guard text.count <= StoreLimits.comment else {
            throw APIError.badRequest(
                "the comment is longer than \(StoreLimits.comment) characters", code: "invalid-field")
        }
        return text
    }

    static func entity(_ id: String) throws -> String {
        try Field.name(id, what: "entity id", max: StoreLimits.entityID)
    }
}
