import Foundation
import Hummingbird
import PlumblineStore

/// API tokens for scripts and the CLI: `/api/v1/tokens`. Each user sees and revokes only their own.
struct TokenRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy

    static let prefix = "plb_"

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("tokens", use: list)
        group.post("tokens", use: create)
        group.delete("tokens/{tokenID}", use: revoke)
    }

    @Sendable func list(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<TokenBody> {
        let user = try access.user(context)
        return ListBody(items: try await store.apiTokens(userID: user.id).map(TokenBody.init))
    }

    @Sendable func create(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<CreatedToken>
    {
        let user = try access.user(context)
        let body = try await request.decode(as: NewTokenRequest.self, context: context)
        let name = try Field.name(body.name, what: "token name")
        let secret = SecretToken.generate(prefix: Self.prefix)
        let token = try await store.createAPIToken(userID: user.id, name: name, tokenHash: secret.hash)
        return EditedResponse(status: .created, response: CreatedToken(token: TokenBody(token), secret: secret.value))
    }

    @Sendable func revoke(_ request: Request, context: PlumblineRequestContext) async throws -> TokenBody {
        let user = try access.user(context)
        let id = try context.parameters.require("tokenID", as: UUID.self)
        guard try await store.apiTokens(userID: user.id).contains(where: { $0.id == id }) else {
            throw APIError.notFound("the token")
        }
        return TokenBody(try await store.revokeAPIToken(id: id))
    }
}
