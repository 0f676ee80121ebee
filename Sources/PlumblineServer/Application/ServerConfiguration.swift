import Foundation

/// How the server runs: where it listens and the limits it keeps.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` unless told otherwise, so a first start is private.
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int
    /// Marks the session cookie `Secure` on every response, for a server behind TLS. Without it,
    /// the cookie is still `Secure` on requests that arrive with `X-Forwarded-Proto: https`.
    public var secureCookies: Bool
    /// The largest canvas document accepted, in bytes (JSON bodies of other routes stay under 1 MiB).
    public var maxCanvasBytes: Int
    /// The largest KPI-value CSV accepted, in bytes; the body streams through the validator.
    public var maxCSVBytes: Int
    /// How long a sign-in lasts.
    public var sessionLifetime: TimeInterval
    /// Failed logins allowed per email and address within `loginWindow` before 429.
    public var loginAttempts: Int
    public var loginWindow: TimeInterval
    /// bcrypt's cost; tests lower it, never a server.
    public var bcryptCost: UInt8

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, maxCanvasBytes: Int = 2 << 20,
        maxCSVBytes: Int = 32 << 20, sessionLifetime: TimeInterval = 14 * 24 * 3600, loginAttempts: Int = 5,
        loginWindow: TimeInterval = 15 * 60, bcryptCost: UInt8 = 12
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.maxCanvasBytes = maxCanvasBytes
        self.maxCSVBytes = maxCSVBytes
        self.sessionLifetime = sessionLifetime
        self.loginAttempts = loginAttempts
        self.loginWindow = loginWindow
        self.bcryptCost = bcryptCost
    }
}
