import Foundation

/// A local account. The password hash is made (bcrypt) and checked by the server; the store only
/// keeps it.
public struct User: Hashable, Sendable, Identifiable {
    public var id: UUID
    /// The address as the person typed it. Uniqueness ignores case.
    public var email: String
    public var displayName: String
    public var passwordHash: String
    public var createdAt: Date

    public init(id: UUID, email: String, displayName: String, passwordHash: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// What it takes to create a user; the store gives the id and the time.
public struct NewUser: Hashable, Sendable {
    public var email: String
    public var displayName: String
    public var passwordHash: String

    public init(email: String, displayName: String, passwordHash: String) {
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
    }
}
