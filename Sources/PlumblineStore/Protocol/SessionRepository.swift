import Foundation

/// Browser sessions.
public protocol SessionRepository: Sendable {
    /// Keeps a session; `.duplicate` when its id exists, `.notFound("user")` for an unknown user.
    func createSession(_ session: Session) async throws

    /// The session with this id (the hash of the cookie token), or nil when unknown or expired.
    func session(id: String) async throws -> Session?

    /// Ends a session; ending an unknown one is not an error (logging out twice is fine).
    func deleteSession(id: String) async throws

    /// Ends every session of a user (after a password change).
    func deleteSessions(userID: UUID) async throws

    /// Removes expired sessions and returns how many.
    func deleteExpiredSessions() async throws -> Int
}

/// API tokens for scripts and the CLI.
public protocol APITokenRepository: Sendable {
    /// Keeps a new token's hash; `.duplicate` when the hash exists.
    func createAPIToken(userID: UUID, name: String, tokenHash: String) async throws -> APIToken

    /// The token with this hash, or nil when unknown or revoked.
    func apiToken(hash: String) async throws -> APIToken?

    /// A user's tokens, revoked ones included, oldest first.
    func apiTokens(userID: UUID) async throws -> [APIToken]

    /// Records that the token was just used.
    func markAPITokenUsed(id: UUID) async throws

    /// Revokes a token (again is fine: the first revocation time stays).
    func revokeAPIToken(id: UUID) async throws -> APIToken
}
