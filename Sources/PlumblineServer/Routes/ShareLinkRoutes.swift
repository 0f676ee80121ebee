import Foundation
import Hummingbird
import PlumblineStore

/// Read-only share links of a canvas: `/api/v1/canvases/{canvasID}/share-links`. Owners manage
/// them; the token is shown once, and opens the canvas's GET routes with `?share=TOKEN`.
struct ShareLinkRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("canvases/{canvasID}/share-links", use: list)
        group.post("canvases/{canvasID}/share-links", use: create)
        group.delete("canvases/{canvasID}/share-links/{linkID}", use: revoke)
    }

    @Sendable func list(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<ShareLinkBody> {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .administer, context)
        return ListBody(items: try await store.shareLinks(canvasID: found.canvas.id).map(ShareLinkBody.init))
    }

    @Sendable func create(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<CreatedShareLink>
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .administer, context)
        let secret = SecretToken.generate(prefix: "shr_")
        let link = try await store.createShareLink(
            canvasID: found.canvas.id, tokenHash: secret.hash, createdBy: try found.writer().id)
        let body = CreatedShareLink(
            link: ShareLinkBody(link), token: secret.value,
            path: "/api/v1/canvases/\(found.canvas.id)?share=\(secret.value)")
        return EditedResponse(status: .created, response: body)
    }

    @Sendable func revoke(_ request: Request, context: PlumblineRequestContext) async throws -> ShareLinkBody {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .administer, context)
        let linkID = try context.parameters.require("linkID", as: UUID.self)
        guard try await store.shareLinks(canvasID: found.canvas.id).contains(where: { $0.id == linkID }) else {
            throw APIError.notFound("the share link")
        }
        return ShareLinkBody(try await store.revokeShareLink(id: linkID))
    }
}
