/// Where a store keeps its data, as `plumb serve --db` and `plumb migrate --db` take it.
public enum StoreLocation: Hashable, Sendable {
    /// A SQLite database file (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL server, as a `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// The file `plumbline.sqlite` in the working directory.
    public static let `default` = StoreLocation.sqlite(path: "plumbline.sqlite")

    /// Reads a `--db` argument: a `postgres://` or `postgresql://` URL, otherwise a file path.
    public init(argument: String) {
        let lower = argument.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: argument)
        } else {
            self = .sqlite(path: argument)
        }
    }
}

extension StoreLocation: CustomStringConvertible {
    /// The location for logs, with any password masked.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://"),
                let colon = url[scheme.upperBound..<at].firstIndex(of: ":")
            else { return url }
            return url[..<url.index(after: colon)] + "***" + url[at...]
        }
    }
}
