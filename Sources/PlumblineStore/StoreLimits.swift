/// The largest values the store accepts. The server should refuse bigger input earlier, with its
/// own messages; these limits make sure nothing oversized reaches the database either way.
public enum StoreLimits {
    /// RFC 5321's limit for a forward path.
    public static let email = 254
    /// Display names, workspace names, token names, canvas titles.
    public static let name = 200
    /// Hashes and tokens kept as text (bcrypt hashes are 60; SHA-256 hex is 64).
    public static let hash = 255
    /// A version's message.
    public static let message = 2_000
    /// An entity id a comment refers to.
    public static let entityID = 200
    /// A comment's body and a review's notes.
    public static let comment = 20_000
    /// An uploaded file's name.
    public static let fileName = 255
    /// A canvas document, in UTF-8 bytes.
    public static let document = 8 * 1024 * 1024
    /// An uploaded CSV, in UTF-8 bytes.
    public static let csv = 64 * 1024 * 1024
    /// A findings-cache data key and entry.
    public static let dataKey = 255
    public static let findings = 32 * 1024 * 1024
}
