import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…&schema=…` URL read into a client
/// configuration.
struct PostgresURL {
    var configuration: PostgresClient.Configuration
    /// The schema the store's tables live in, when not the user's default.
    var schema: String?

    init(_ url: String) throws {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else {
            throw StoreError.invalid("not a PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        let user = components.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        let password = components.percentEncodedPassword?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? nil : path.removingPercentEncoding
        let query = components.queryItems ?? []
        let sslMode = query.first { $0.name == "sslmode" }?.value ?? "prefer"
        schema = query.first { $0.name == "schema" }?.value
        if let schema,
            schema.isEmpty || schema.count > 63
                || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            throw StoreError.invalid("a schema name is 1 to 63 letters, digits and underscores")
        }
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw StoreError.invalid("unknown sslmode \(sslMode) (disable, prefer, require)")
        }
        configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: password, database: database,
            tls: tls)
    }
}
