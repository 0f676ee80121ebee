import HTTPTypes
import Hummingbird

/// Refuses unsafe requests made with a session cookie unless they carry the session's CSRF token
/// in `X-CSRF-Token`. A page on another site can make the browser send the cookie, but cannot
/// read the token (it comes in the login response and a cookie only this origin's script reads).
///
/// Requests authenticated by API token or share link pass: no browser adds those by itself.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = PlumblineRequestContext

    /// The header carrying the token.
    public static let header = HTTPField.Name("X-CSRF-Token")!

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if case .user(let user) = context.identity, case .session(_, let expected) = user.credential,
            !Self.safeMethods.contains(request.method)
        {
            guard let sent = request.headers[Self.header], SecretToken.constantTimeEqual(sent, expected) else {
                throw APIError(
                    .forbidden, code: "csrf-token-missing",
                    message: "requests signed in with a session cookie must send the session's X-CSRF-Token header")
            }
        }
        return try await next(request, context)
    }

    static let safeMethods: Set<HTTPRequest.Method> = [.get, .head, .options]
}
