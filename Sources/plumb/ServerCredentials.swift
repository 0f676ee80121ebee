import Foundation

/// API tokens saved by `plumb login`, one per server, in
/// `$XDG_CONFIG_HOME/plumbline/credentials` (`~/.config/plumbline/credentials`), mode 0600.
struct ServerCredentials: Codable, Sendable {
    /// Token per server URL.
    var tokens: [String: String] = [:]
    /// The server last logged in to: the default of push, pull and check --remote.
    var current: String?

    static var file: URL {
        let environment = ProcessInfo.processInfo.environment
        let config =
            environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return config.appendingPathComponent("plumbline/credentials")
    }

    static func load() -> ServerCredentials {
        guard let data = try? Data(contentsOf: file) else { return ServerCredentials() }
        return (try? JSONDecoder().decode(ServerCredentials.self, from: data)) ?? ServerCredentials()
    }

    /// Writes the file readable by its owner only: created 0600 before the token goes in.
    func save() throws {
        let file = Self.file
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(self)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".credentials-\(UUID().uuidString)")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw RemoteError(message: "cannot write \(temporary.path)") }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.write(contentsOf: data)
        try handle.close()
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        try FileManager.default.moveItem(at: temporary, to: file)
    }

    /// The server and token to use: `server` if given, else the last one logged in to.
    func remote(_ server: String?) throws -> RemoteServer {
        guard let name = server.map(Self.normalised) ?? current else {
            throw RemoteError(message: "not logged in: run `plumb login --server URL` first")
        }
        guard let token = tokens[name] else {
            throw RemoteError(message: "not logged in to \(name): run `plumb login --server \(name)` first")
        }
        guard let url = URL(string: name) else { throw RemoteError(message: "\(name) is not a URL") }
        return RemoteServer(base: url, token: token)
    }

    /// `http://host:port` without a trailing slash, so one server has one entry.
    static func normalised(_ server: String) -> String {
        var text = server.trimmingCharacters(in: .whitespaces)
        if !text.contains("://") { text = "http://" + text }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
