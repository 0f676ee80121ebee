import Foundation
import Hummingbird
import PlumblineStore

/// The one-time setup link: on first start the server prints
/// `http://host:port/setup?token=…`; POSTing an email and password there creates the first
/// owner and their workspace. The token is single-use and only its hash is stored.
struct SetupRoutes: Sendable {
    let store: any CanvasStore
    let passwords: PasswordHasher

    /// How long a printed link stays valid.
    static let lifetime: TimeInterval = 24 * 3600

    /// Issues a new setup token when the server has no user yet (besides the demo account),
    /// replacing any earlier one; nil when setup is done.
    static func issueIfNeeded(_ store: any CanvasStore, demoAccounts: Int = 0) async throws -> SecretToken? {
        guard try await store.userCount() <= demoAccounts else { return nil }
        let token = SecretToken.generate()
        try await store.saveSetupToken(hash: token.hash, expiresAt: Date().addingTimeInterval(lifetime))
        return token
    }

    func addRoutes(to router: Router<PlumblineRequestContext>) {
        router.get("setup", use: form)
        router.post("setup", use: create)
    }

    /// A minimal page for people who open the printed link in a browser; the web app replaces it.
    @Sendable func form(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let token = try Self.token(request)
        let action = "/setup?token=" + (token.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plumbline setup</title></head>
            <body><h1>Create the first owner</h1>
            <form method="post" action="\(action)">
            <p><label>Email <input name="email" type="email" required></label></p>
            <p><label>Name <input name="displayName"></label></p>
            <p><label>Password (10 characters or more) <input name="password" type="password" minlength="10" required></label></p>
            <p><label>Workspace <input name="workspaceName" value="My workspace"></label></p>
            <p><button>Create</button></p></form></body></html>
            """
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "default-src 'none'; form-action 'self'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// Accepts JSON or a submitted HTML form.
    @Sendable func create(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<SetupResult>
    {
        let token = try Self.token(request)
        let body: SetupRequest
        if request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            let buffer = try await request.body.collect(upTo: 64 << 10)
            do {
                body = try URLEncodedFormDecoder().decode(SetupRequest.self, from: String(buffer: buffer))
            } catch {
                throw APIError.badRequest("the form needs an email and a password")
            }
        } else {
            body = try await request.decode(as: SetupRequest.self, context: context)
        }
        let email = try Field.email(body.email)
        if let problem = PasswordHasher.problem(with: body.password) { throw APIError.badRequest(problem) }
        let owner = NewUser(
            email: email, displayName: try Field.name(body.displayName ?? email, what: "display name"),
            passwordHash: try await passwords.hash(body.password))
        let workspaceName = try Field.name(body.workspaceName ?? "My workspace", what: "workspace name")
        do {
            let first = try await store.redeemSetupToken(hash: token.hash, owner: owner, workspaceName: workspaceName)
            return EditedResponse(
                status: .created,
                response: SetupResult(
                    user: UserBody(first.user), workspace: first.workspace.map { WorkspaceBody($0, role: .owner) }))
        } catch StoreError.notFound {
            throw APIError(
                .notFound, code: "setup-link-invalid",
                message: "this setup link is unknown, used or expired; restart the server for a new one")
        }
    }

    static func token(_ request: Request) throws -> SecretToken {
        guard let token = request.uri.queryParameters["token"], !token.isEmpty else {
            throw APIError.badRequest("the setup link needs its ?token=", code: "setup-link-invalid")
        }
        return SecretToken(value: String(token))
    }
}
