import Foundation

/// Who is making a request, as the authenticators found it.
public enum Principal: Sendable, Equatable {
    /// A signed-in user, by session cookie or API token.
    case user(SignedInUser)
    /// Anyone holding a read-only share link of one canvas.
    case shareLink(ShareGrant)

    /// The user, when the request is a user's.
    public var user: SignedInUser? {
        if case .user(let user) = self { return user }
        return nil
    }
}

/// A user and how they proved who they are.
public struct SignedInUser: Sendable, Equatable {
    /// The user's id in the store.
    public var id: UUID
    public var email: String
    public var displayName: String
    /// How they signed in: CSRF checks apply to sessions only.
    public var credential: Credential

    public init(id: UUID, email: String, displayName: String, credential: Credential) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.credential = credential
    }
}

/// How a user authenticated. Only sessions need CSRF protection: a browser sends cookies on its
/// own, but never an Authorization header.
public enum Credential: Sendable, Equatable {
    /// A cookie session: its id (the hash of the cookie) and the token unsafe requests must echo.
    case session(id: String, csrfToken: String)
    /// An API token, by its id.
    case apiToken(id: UUID)
}

/// What a share link opens: one canvas, read-only.
public struct ShareGrant: Sendable, Equatable {
    /// The share link, for revocation and logs.
    public var linkID: UUID
    /// The one canvas the link opens.
    public var canvasID: UUID

    public init(linkID: UUID, canvasID: UUID) {
        self.linkID = linkID
        self.canvasID = canvasID
    }
}
