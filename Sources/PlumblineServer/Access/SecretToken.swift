import Crypto
import Foundation

/// Random secrets handed to clients (session cookies, API tokens, share links, the setup link)
/// and the hashes the store keeps instead of them, so a leaked database opens no session.
public struct SecretToken: Sendable, Hashable, CustomStringConvertible {
    /// The text the client holds, e.g. `plb_…` for API tokens.
    public let value: String

    /// A token as a client sent it.
    public init(value: String) { self.value = value }

    /// 32 random bytes, base64url without padding, after `prefix`.
    public static func generate(prefix: String = "") -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return SecretToken(value: prefix + text)
    }

    /// SHA-256 of the token, hex: what the store keeps and looks tokens up by. Tokens are random
    /// and long, so a fast hash is enough (unlike passwords, which get bcrypt).
    public var hash: String { Self.hash(value) }

    public static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public var description: String { "SecretToken(…)" }

    /// Compares without leaking through timing where the strings differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
