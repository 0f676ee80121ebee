import Foundation
import Hummingbird
import HummingbirdAuth
import PlumblineStore

/// Finds who is asking: an API token (`Authorization: Bearer`), a session cookie, or a share
/// link (`?share=` on the URL), in that order. A credential that is present but wrong is
/// refused with 401 at once, rather than treating the request as anonymous, so a script with a
/// revoked token hears why.
struct PrincipalAuthenticator: AuthenticatorMiddleware {
    typealias Context = PlumblineRequestContext
    let store: any CanvasStore

    static let sessionCookie = "plumb_session"

    func authenticate(request: Request, context: Context) async throws -> Principal? {
        if let bearer = request.headers.bearer {
            guard let token = try await store.apiToken(hash: SecretToken.hash(bearer.token)), !token.isRevoked,
                let user = try await store.user(id: token.userID)
            else {
                throw APIError(.unauthorized, code: "invalid-token", message: "the API token is unknown or revoked")
            }
            // "Last used" to the minute is enough, and saves a write on every scripted request.
            if token.lastUsedAt.map({ Date().timeIntervalSince($0) > 60 }) ?? true {
                try await store.markAPITokenUsed(id: token.id)
            }
            return .user(SignedInUser(user, credential: .apiToken(id: token.id)))
        }
        if let cookie = request.cookies[Self.sessionCookie]?.value {
            let id = SecretToken.hash(cookie)
            // An expired or unknown session makes the request anonymous: the browser simply has
            // to sign in again, which routes that need a user say with 401.
            if let session = try await store.session(id: id), session.expiresAt > Date(),
                let user = try await store.user(id: session.userID)
            {
                return .user(SignedInUser(user, credential: .session(id: id, csrfToken: session.csrfToken)))
            }
        }
        if let share = request.uri.queryParameters["share"] {
            guard let link = try await store.shareLink(tokenHash: SecretToken.hash(String(share))), !link.isRevoked
            else {
                throw APIError(
                    .unauthorized, code: "invalid-share-link", message: "the share link is unknown or revoked")
            }
            return .shareLink(ShareGrant(linkID: link.id, canvasID: link.canvasID))
        }
        return nil
    }
}

extension SignedInUser {
    init(_ user: User, credential: Credential) {
        self.init(id: user.id, email: user.email, displayName: user.displayName, credential: credential)
    }
}
