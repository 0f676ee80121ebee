import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing of passwords, off the cooperative pool: one hash takes tens of milliseconds
/// by design, and must not stall other requests.
public struct PasswordHasher: Sendable {
    /// log2 of bcrypt's rounds.
    public var cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    /// A new bcrypt hash (salted) of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Why `password` is refused, or nil when it is acceptable. bcrypt reads at most 72 bytes;
    /// longer passwords are refused rather than silently cut.
    public static func problem(with password: String) -> String? {
        if password.count < 10 { return "the password must have at least 10 characters" }
        if password.utf8.count > 72 { return "the password must be at most 72 bytes (bcrypt reads no more)" }
        return nil
    }
}
