import Foundation
import HTTPTypes
import Hummingbird
import PlumblineStore

/// Signing in and out with a password: `/api/v1/session`.
struct SessionRoutes: Sendable {
    let store: any CanvasStore
    let passwords: PasswordHasher
    let throttle: LoginThrottle
    let configuration: ServerConfiguration
    let access: AccessPolicy
    /// A real bcrypt hash checked when the email is unknown, so a wrong email takes as long as a
    /// wrong password and emails cannot be probed by timing.
    let decoyHash: String

    static let csrfCookie = "plumb_csrf"

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.post("session", use: signIn)
        group.get("session", use: current)
        group.delete("session", use: signOut)
    }

    @Sendable func signIn(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let credentials = try await request.decode(as: Credentials.self, context: context)
        let email = credentials.email.trimmingCharacters(in: .whitespaces)
        let address = context.remoteAddress ?? "unknown"
        if let wait = throttle.retryAfter(email: email, address: address, now: Date()) {
            throw APIError(
                .tooManyRequests, code: "rate-limited",
                message: "too many failed sign-ins for this email; try again in \(wait) seconds",
                headers: [.retryAfter: String(wait)])
        }
        let user = try await store.user(email: email)
        let matches = try await passwords.verify(credentials.password, hash: user?.passwordHash ?? decoyHash)
        guard let user, matches else {
            throttle.recordFailure(email: email, address: address, now: Date())
            throw APIError(.unauthorized, code: "invalid-credentials", message: "the email or password is wrong")
        }
        throttle.recordSuccess(email: email, address: address)

        let token = SecretToken.generate()
        let csrf = SecretToken.generate().value
        let now = Date()
        try await store.createSession(
            Session(
                id: token.hash, userID: user.id, csrfToken: csrf, createdAt: now,
                expiresAt: now.addingTimeInterval(configuration.sessionLifetime)))
        var response = try SessionBody(user: UserBody(user), csrfToken: csrf).response(from: request, context: context)
        let secure = isSecure(request)
        let maxAge = Int(configuration.sessionLifetime)
        response.setCookie(
            Cookie(
                name: PrincipalAuthenticator.sessionCookie, value: token.value, maxAge: maxAge, path: "/",
                secure: secure,
                httpOnly: true, sameSite: .lax))
        // Readable by this origin's script, which echoes it in X-CSRF-Token (double submit).
        response.setCookie(
            Cookie(
                name: Self.csrfCookie, value: csrf, maxAge: maxAge, path: "/", secure: secure, httpOnly: false,
                sameSite: .strict))
        return response
    }

    @Sendable func current(_ request: Request, context: PlumblineRequestContext) async throws -> SessionBody {
        let user = try access.user(context)
        if case .session(_, let csrf) = user.credential { return SessionBody(user: UserBody(user), csrfToken: csrf) }
        return SessionBody(user: UserBody(user), csrfToken: nil)
    }

    @Sendable func signOut(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let user = try access.user(context)
        if case .session(let id, _) = user.credential { try await store.deleteSession(id: id) }
        var response = Response(status: .noContent)
        let secure = isSecure(request)
        for name in [PrincipalAuthenticator.sessionCookie, Self.csrfCookie] {
            response.setCookie(Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, sameSite: .lax))
        }
        return response
    }

    /// Secure cookies when told so, or when a TLS-terminating proxy says the client used https.
    func isSecure(_ request: Request) -> Bool {
        configuration.secureCookies || request.headers[.forwardedProto]?.lowercased() == "https"
    }
}

extension HTTPField.Name {
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
