import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…&schema=…` URL, read into the
/// configurations of a connection pool and of a single probing connection.
struct PostgresURL {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String?
    /// The schema the store's tables live in, when not the user's default.
    var schema: String?
    var encryption: Encryption

    /// Whether and how to use TLS, after libpq's `sslmode`.
    enum Encryption {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)
    }

    init(_ url: String) throws {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else {
            throw StoreError.invalid("not a PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        self.host = host
        port = components.port ?? 5432
        username = components.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        password = components.percentEncodedPassword?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path.removingPercentEncoding
        let query = components.queryItems ?? []
        schema = query.first { $0.name == "schema" }?.value
        if let schema,
            schema.isEmpty || schema.count > 63
                || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            throw StoreError.invalid("a schema name is 1 to 63 letters, digits and underscores")
        }
        encryption = try Self.encryption(sslMode: query.first { $0.name == "sslmode" }?.value ?? "prefer")
    }

    /// libpq's meanings: prefer and require encrypt without checking the certificate, verify-ca
    /// checks it, verify-full also checks the host name.
    private static func encryption(sslMode: String) throws -> Encryption {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case "disable":
            return .disable
        case "prefer", "allow":
            tls.certificateVerification = .none
            return .prefer(tls)
        case "require":
            tls.certificateVerification = .none
            return .require(tls)
        case "verify-ca":
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case "verify-full":
            return .require(tls)
        default:
            throw StoreError.invalid("unknown sslmode \(sslMode) (disable, prefer, require, verify-ca, verify-full)")
        }
    }

    /// The pool's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch encryption {
            case .disable: .disable
            case .prefer(let configuration): .prefer(configuration)
            case .require(let configuration): .require(configuration)
            }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The configuration of one connection, made to learn why a server refuses (the pool only
    /// retries).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch encryption {
            case .disable: .disable
            case .prefer(let configuration): .prefer(try NIOSSLContext(configuration: configuration))
            case .require(let configuration): .require(try NIOSSLContext(configuration: configuration))
            }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
