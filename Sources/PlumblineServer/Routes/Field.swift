import Foundation

/// Checks of free-text fields sent by clients, with messages that name the field.
enum Field {
    /// Names of workspaces, tokens, uploads: 1 to 200 characters after trimming, no control
    /// characters, no path separators or `..` (names end up in file names and headers).
    static func name(_ text: String, what: String, max: Int = 200) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw APIError.badRequest("the \(what) is empty", code: "invalid-field") }
        guard trimmed.count <= max else {
            throw APIError.badRequest("the \(what) is longer than \(max) characters", code: "invalid-field")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError.badRequest("the \(what) contains control characters", code: "invalid-field")
        }
        return trimmed
    }

    /// A file name as sent with an upload: a plain name, never a path.
    static func fileName(_ text: String) throws -> String {
        let name = try Field.name(text, what: "file name", max: 255)
        guard !name.contains("/"), !name.contains("\\"), name != ".", name != "..", !name.hasPrefix(".") else {
            throw APIError.badRequest(
                "the file name '\(name)' must be a plain name, not a path", code: "invalid-file-name")
        }
        return name
    }

    /// Emails: one `@` with text on both sides, at most 254 characters.
    static func email(_ text: String) throws -> String {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !email.contains(where: \.isWhitespace)
        else { throw APIError.badRequest("'\(email.prefix(80))' is not an email address", code: "invalid-field") }
        return email
    }
}
