import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlumblineStore
import Testing

@testable import PlumblineServer

/// The first owner through the setup link, then signing in with a cookie session and CSRF.
@Suite struct SetupAndSessionTests {
    static let password = "correct horse battery"

    @Test(arguments: StoreKind.available)
    func setupLinkCreatesTheFirstOwnerOnce(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let token = try #require(try await SetupRoutes.issueIfNeeded(store))
            let body = try jsonText([
                "email": "ada@example.com", "password": Self.password, "displayName": "Ada", "workspaceName": "Ops",
            ])
            let created = try await client.send(.post, "/setup?token=\(token.value)", json: body)
            #expect(created.status == .created, "\(created.text)")
            let user = try #require(try created.json["user"] as? [String: Any])
            #expect(user["email"] as? String == "ada@example.com")
            #expect(user["passwordHash"] == nil)
            let workspace = try #require(try created.json["workspace"] as? [String: Any])
            #expect(workspace["name"] as? String == "Ops")
            #expect(workspace["role"] as? String == "owner")

            let again = try await client.send(.post, "/setup?token=\(token.value)", json: body)
            #expect(again.status == .notFound)
            #expect(again.errorCode == "setup-link-invalid")
            #expect(try await SetupRoutes.issueIfNeeded(store) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func setupRefusesAWrongTokenAndWeakPasswords(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let token = try #require(try await SetupRoutes.issueIfNeeded(store))
            let wrong = try await client.send(
                .post, "/setup?token=nope", json: try jsonText(["email": "a@example.com", "password": Self.password]))
            #expect(wrong.status == .notFound)
            let weak = try await client.send(
                .post, "/setup?token=\(token.value)",
                json: try jsonText(["email": "a@example.com", "password": "short"]))
            #expect(weak.status == .badRequest)
            #expect(try #require(weak.errorCode) == "bad-request")
            let form = try await client.execute(
                uri: "/setup?token=\(token.value)", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=b%40example.com&password=correct+horse+battery&workspaceName=Home"))
            #expect(form.status == .created, "\(form.text)")
        }
    }

    /// A local account with `password`, created in the store as `plumb user add` would.
    static func account(in store: any CanvasStore, email: String) async throws {
        _ = try await store.createUser(
            NewUser(
                email: email, displayName: String(email.prefix { $0 != "@" }),
                passwordHash: try await PasswordHasher(cost: 4).hash(password)))
    }

    /// A cross-site form can post text/plain that parses as JSON; signing in refuses anything but
    /// application/json, so no page can sign a visitor into someone else's account.
    @Test(arguments: StoreKind.available)
    func signingInNeedsAJSONContentType(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            try await Self.account(in: store, email: "mallory@example.com")
            let body = try jsonText(["email": "mallory@example.com", "password": Self.password])
            let forged = try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: body))
            #expect(forged.status == .unsupportedMediaType)
            #expect(forged.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("plumb_session=") })
            let genuine = try await client.send(.post, "/api/v1/session", json: body)
            #expect(genuine.status == .ok)
        }
    }

    @Test(arguments: StoreKind.available)
    func cookieSessionNeedsTheCSRFTokenForWrites(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            try await Self.account(in: store, email: "Ada@Example.com")
            let login = try await client.send(
                .post, "/api/v1/session", json: try jsonText(["email": "ada@example.com", "password": Self.password]))
            #expect(login.status == .ok, "\(login.text)")
            let cookies = login.headers[values: .setCookie]
            let session = try #require(cookies.first { $0.hasPrefix("plumb_session=") })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Lax"))
            #expect(!session.contains("Secure"))
            let csrf = try #require(try login.json["csrfToken"] as? String)
            let cookie = String(session.split(separator: ";")[0])

            let me = try await client.send(.get, "/api/v1/session", headers: [.cookie: cookie])
            #expect(me.status == .ok)
            let create = #"{"name": "Mine"}"#
            let refused = try await client.send(.post, "/api/v1/workspaces", json: create, headers: [.cookie: cookie])
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "csrf-token-missing")
            let wrong = try await client.send(
                .post, "/api/v1/workspaces", json: create, headers: [.cookie: cookie, CSRFMiddleware.header: "x"])
            #expect(wrong.status == .forbidden)
            let allowed = try await client.send(
                .post, "/api/v1/workspaces", json: create, headers: [.cookie: cookie, CSRFMiddleware.header: csrf])
            #expect(allowed.status == .created)

            let out = try await client.send(
                .delete, "/api/v1/session", headers: [.cookie: cookie, CSRFMiddleware.header: csrf])
            #expect(out.status == .noContent)
            let after = try await client.send(.get, "/api/v1/session", headers: [.cookie: cookie])
            #expect(after.status == .unauthorized)
        }
    }

    @Test func cookiesAreSecureBehindTLS() async throws {
        try await withServer(.sqlite) { store, client in
            _ = try await store.createUser(
                NewUser(
                    email: "ada@example.com", displayName: "Ada",
                    passwordHash: try await PasswordHasher(cost: 4).hash(Self.password)))
            let login = try await client.send(
                .post, "/api/v1/session", json: try jsonText(["email": "ada@example.com", "password": Self.password]),
                headers: [.forwardedProto: "https"])
            let cookies = login.headers[values: .setCookie]
            #expect(cookies.count == 2)
            #expect(cookies.allSatisfy { $0.contains("Secure") })
        }
    }

    @Test(arguments: StoreKind.available)
    func failedSignInsAreRateLimitedPerEmail(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            _ = try await store.createUser(
                NewUser(
                    email: "ada@example.com", displayName: "Ada",
                    passwordHash: try await PasswordHasher(cost: 4).hash(Self.password)))
            let wrong = try jsonText(["email": "ada@example.com", "password": "wrong password!"])
            for _ in 0..<testConfiguration.loginAttempts {
                let response = try await client.send(.post, "/api/v1/session", json: wrong)
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "invalid-credentials")
            }
            // Even the right password waits now: the limit is on attempts, not on failures seen.
            let right = try jsonText(["email": "ada@example.com", "password": Self.password])
            let limited = try await client.send(.post, "/api/v1/session", json: right)
            #expect(limited.status == .tooManyRequests)
            let retry = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect(retry > 0 && retry <= Int(testConfiguration.loginWindow))
            // Another email from the same address is not affected.
            let other = try await client.send(
                .post, "/api/v1/session",
                json: try jsonText(["email": "bob@example.com", "password": "whatever it is"]))
            #expect(other.status == .unauthorized)
        }
    }

    @Test(arguments: StoreKind.available)
    func revokedTokensAreRefused(_ kind: StoreKind) async throws {
        try await withServer(kind) { store, client in
            let world = try await World.make(store)
            let token = world.tokens[.editor]!
            let created = try await client.send(.post, "/api/v1/tokens", token: token, json: #"{"name": "cli"}"#)
            #expect(created.status == .created)
            let secret = try #require(try created.json["secret"] as? String)
            #expect(secret.hasPrefix("plb_"))
            let id = try #require((try created.json["token"] as? [String: Any])?["id"] as? String)
            #expect(try await client.send(.get, "/api/v1/workspaces", token: secret).status == .ok)
            // Another user cannot revoke it.
            let foreign = try await client.send(.delete, "/api/v1/tokens/\(id)", token: world.tokens[.owner])
            #expect(foreign.status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/tokens/\(id)", token: token).status == .ok)
            let refused = try await client.send(.get, "/api/v1/workspaces", token: secret)
            #expect(refused.status == .unauthorized)
            #expect(refused.errorCode == "invalid-token")
        }
    }
}

/// The throttle itself, stepping through time by hand.
@Suite struct LoginThrottleTests {
    @Test func opensAgainWhenTheOldestFailureLeavesTheWindow() {
        let throttle = LoginThrottle(limit: 3, window: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for second in 0..<3 {
            #expect(throttle.retryAfter(email: "A@x.io", address: "1.2.3.4", now: start + Double(second)) == nil)
            throttle.recordFailure(email: "a@x.io", address: "1.2.3.4", now: start + Double(second))
        }
        #expect(throttle.retryAfter(email: "a@x.io", address: "1.2.3.4", now: start + 3) == 57)
        #expect(throttle.retryAfter(email: "a@x.io", address: "5.6.7.8", now: start + 3) == nil)
        #expect(throttle.retryAfter(email: "a@x.io", address: "1.2.3.4", now: start + 60) == nil)
    }

    @Test func successClearsFailures() {
        let throttle = LoginThrottle(limit: 2, window: 60)
        let now = Date(timeIntervalSince1970: 1_000_000)
        throttle.recordFailure(email: "a@x.io", address: "h", now: now)
        throttle.recordSuccess(email: "a@x.io", address: "h")
        throttle.recordFailure(email: "a@x.io", address: "h", now: now)
        #expect(throttle.retryAfter(email: "a@x.io", address: "h", now: now) == nil)
    }
}
