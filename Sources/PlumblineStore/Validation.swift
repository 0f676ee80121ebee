import Foundation

/// Checks of text before it reaches the database, so that bad input becomes `.invalid` with a
/// message rather than a database error, and nothing is written.
enum Validation {
    /// Throws unless `value` is at most `limit` UTF-8 bytes, holds no NUL (PostgreSQL refuses it
    /// in text) and, when `required`, is not blank.
    static func text(_ value: String, _ field: String, limit: Int, required: Bool = true) throws {
        if required && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError.invalid("\(field) is empty")
        }
        if value.utf8.count > limit {
            throw StoreError.invalid("\(field) is longer than \(limit) bytes")
        }
        if value.utf8.contains(0) {
            throw StoreError.invalid("\(field) contains a NUL character")
        }
    }

    /// Checks `value` like ``text(_:_:limit:required:)`` when there is one.
    static func optionalText(_ value: String?, _ field: String, limit: Int, required: Bool = false) throws {
        if let value { try text(value, field, limit: limit, required: required) }
    }

    /// A plausible address: one `@` with text on both sides, no spaces or control characters.
    static func email(_ value: String) throws {
        try text(value, "email", limit: StoreLimits.email)
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let plausible =
            parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !value.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
        if !plausible { throw StoreError.invalid("email is not an address") }
    }

    /// The form of an email that uniqueness compares.
    static func emailKey(_ value: String) -> String { value.lowercased() }

    static func count(_ value: Int, _ field: String) throws {
        if value < 0 { throw StoreError.invalid("\(field) is negative") }
    }
}
