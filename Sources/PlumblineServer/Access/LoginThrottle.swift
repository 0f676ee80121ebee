import Foundation
import Synchronization

/// Login rate limiting per email and client address: after `limit` failed attempts within
/// `window`, further attempts are refused until the oldest failure leaves the window.
///
/// Kept in memory: a restart forgets failures, which only ever lets a few more guesses through.
/// Times are passed in, so tests step through them without waiting.
public final class LoginThrottle: Sendable {
    /// Failed attempts allowed within `window`.
    public let limit: Int
    /// Seconds a failure counts for.
    public let window: TimeInterval
    private let failures = Mutex<[Key: [Date]]>([:])

    struct Key: Hashable {
        let email: String
        let address: String
    }

    static let maxKeys = 10_000

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `email` may try again from `address`, or nil when it may try now.
    public func retryAfter(email: String, address: String, now: Date) -> Int? {
        let key = Key(email: email.lowercased(), address: address)
        return failures.withLock { table -> Int? in
            let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
            table[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    /// Counts a failed attempt.
    public func recordFailure(email: String, address: String, now: Date) {
        let key = Key(email: email.lowercased(), address: address)
        failures.withLock { table in
            var recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            // Bound memory per key: only the last `limit` failures ever matter.
            table[key] = Array(recent.suffix(limit))
            // Bound memory in all: a spray of made-up emails leaves keys behind; drop the stale ones.
            if table.count > Self.maxKeys {
                table = table.filter { _, dates in dates.last.map { now.timeIntervalSince($0) < window } ?? false }
            }
        }
    }

    /// A successful login clears the failures of that email from that address.
    public func recordSuccess(email: String, address: String) {
        let key = Key(email: email.lowercased(), address: address)
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}
