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

    /// Whether any account exists; the server offers setup only while there is none.
    func hasUsers() async throws -> Bool

    /// Keeps the hash of the one-time setup token, replacing any earlier one.
    func saveSetupToken(hash: String, expiresAt: Date) async throws

    /// In one transaction: checks the setup token (known, not expired) and that no user exists,
    /// creates the first owner and, when `workspaceName` is given, a workspace they own, then
    /// forgets the token. Throws `.notFound("setup token")` for an unknown or expired token and
    /// `.conflict` when a user exists already.
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
