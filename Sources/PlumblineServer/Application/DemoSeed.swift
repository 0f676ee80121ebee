import Foundation
import PlumblineCore
import PlumblineStore

/// `plumb serve --demo`: a workspace "Demo" holding the example canvases, owned by a demo
/// account whose password is new at every start and printed to the console.
///
/// The examples are read from a directory (the repository's `examples/` by default) rather than
/// bundled, so the web app and the server show the same files the CLI's documentation uses.
public struct DemoSeed: Sendable {
    /// Where the `*.yaml` and `*.json` canvases are.
    public var directory: URL
    public static let email = "demo@plumbline.local"

    public init(directory: URL) { self.directory = directory }

    /// What the console says after seeding.
    public struct Account: Sendable {
        public var password: String
        public var workspaceID: UUID
        public var canvasCount: Int

        public var announcement: String {
            "Demo workspace with \(canvasCount) canvases. Sign in as \(DemoSeed.email) / \(password)"
        }
    }

    /// Creates the account and workspace once; later starts add examples that are missing (by title)
    /// and set a new password.
    func seed(into store: any CanvasStore, passwords: PasswordHasher) async throws -> Account {
        let files = try exampleFiles()
        let password = SecretToken.generate().value
        let hash = try await passwords.hash(password)
        let user: User
        if let existing = try await store.user(email: Self.email) {
            user = try await store.updateUser(id: existing.id, displayName: nil, passwordHash: hash)
        } else {
            user = try await store.createUser(NewUser(email: Self.email, displayName: "Demo", passwordHash: hash))
        }
        let workspace: Workspace
        if let existing = try await store.workspaces(userID: user.id).first(where: { $0.workspace.name == "Demo" }) {
            workspace = existing.workspace
        } else {
            workspace = try await store.createWorkspace(name: "Demo", ownerID: user.id)
        }
        let present = Set(try await store.canvases(workspaceID: workspace.id).map(\.title))
        var count = present.count
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let document = try CanvasReader().read(bytes, file: file.lastPathComponent)
            guard !present.contains(document.canvas.title) else { continue }
            let revision = CanvasRevision(
                authorID: user.id, message: "Demo: \(file.lastPathComponent)",
                document: String(decoding: bytes, as: UTF8.self), syntax: document.syntax, title: document.canvas.title)
            _ = try await store.createCanvas(workspaceID: workspace.id, title: document.canvas.title, first: revision)
            count += 1
        }
        return Account(password: password, workspaceID: workspace.id, canvasCount: count)
    }

    func exampleFiles() throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let files = names.filter { DocumentSyntax(fileName: $0) != nil }.sorted()
        guard !files.isEmpty else {
            throw DemoSeedError(message: "no canvas files (.yaml, .yml, .json) in \(directory.path)")
        }
        return files.map { directory.appendingPathComponent($0) }
    }
}

/// The demo directory cannot be used.
public struct DemoSeedError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
