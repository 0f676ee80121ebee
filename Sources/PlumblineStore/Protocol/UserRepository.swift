import Foundation

/// Local accounts and the one-time setup of the first owner.
public protocol UserRepository: Sendable {
    /// Creates a user. Throws `.duplicate` when the email is taken, ignoring case.
    func createUser(_ user: NewUser) async throws -> User

    func user(id: UUID) async throws -> User?

    /// The user with this email, compared without regard to case.
    func user(email: String) async throws -> User?

    /// Changes the display name and/or the password hash (nil keeps a value).
    func updateUser(id: UUID, displayName: String?, passwordHash: String?) async throws -> User

    /// Whether any account exists.
    func hasUsers() async throws -> Bool

    /// How many accounts exist.
    func userCount() async throws -> Int

    /// Keeps the hash of the one-time setup token, replacing any earlier one.
    func saveSetupToken(hash: String, expiresAt: Date) async throws

    /// In one transaction: claims the setup token (known, not expired, one use), creates the
    /// owner and, when `workspaceName` is given, a workspace they own. Throws
    /// `.notFound("setup token")` for an unknown, expired or used token and `.duplicate` when the
    /// email is taken (the token then stays usable). The server decides when to issue a token.
    func redeemSetupToken(hash: String, owner: NewUser, workspaceName: String?) async throws -> FirstOwner
}

/// The result of the first-owner setup.
public struct FirstOwner: Hashable, Sendable {
    public var user: User
    public var workspace: Workspace?

    public init(user: User, workspace: Workspace?) {
        self.user = user
        self.workspace = workspace
    }
}
