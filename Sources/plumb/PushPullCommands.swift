import ArgumentParser
import Foundation

/// `plumb push FILE`: uploads a canvas file as a new canvas, or as a new version of one.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Upload a canvas file to the server: a new canvas, or a new version with --canvas.",
        discussion: """
            A new version needs the version it was based on (--base); without it the server's \
            current version is used, which overwrites changes made since you pulled. The server \
            validates the file and answers with the format's problems if it is invalid.

            Examples:
              plumb push canvas.yaml                      # new canvas in your only workspace
              plumb push canvas.yaml --workspace WS-ID
              plumb push canvas.yaml --canvas ID --base 3 -m "Pair churn with NRR"
            """
    )

    @Argument(help: "The canvas file (.yaml, .yml or .json).")
    var file: String

    @Option(help: "The canvas to save a new version of.")
    var canvas: String?

    @Option(help: "The version your file is based on (with --canvas).")
    var base: Int?

    @Option(help: "The workspace of a new canvas (needed when you are in several).")
    var workspace: String?

    @Option(name: [.short, .long], help: "The version's message.")
    var message: String?

    @Option(help: "The server (default: the one you last logged in to).")
    var server: String?

    func run() async throws {
        let remote = try ServerCredentials.load().remote(server)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("\(file): no such file, or it cannot be read")
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        do {
            if let canvas {
                var base = self.base
                if base == nil { base = try await currentVersion(remote, canvas) }
                var body: [String: Any] = [
                    "baseVersion": base ?? 1, "document": String(decoding: data, as: UTF8.self),
                    "syntax": name.lowercased().hasSuffix(".json") ? "json" : "yaml",
                ]
                if let message { body["message"] = message }
                let reply = try await remote.send("PUT", "/api/v1/canvases/\(canvas)", body: RemoteServer.json(body))
                let version = (try reply.json()["version"] as? [String: Any])?["number"] as? Int ?? 0
                print("Saved \(canvas) version \(version)")
            } else {
                var workspace = self.workspace
                if workspace == nil { workspace = try await onlyWorkspace(remote) }
                var path = "/api/v1/workspaces/\(workspace ?? "")/canvases/import?name=\(escape(name))"
                if let message { path += "&message=\(escape(message))" }
                let reply = try await remote.send(
                    "POST", path, body: data,
                    contentType: name.hasSuffix(".json") ? "application/json" : "application/yaml")
                let id = (try reply.json()["canvas"] as? [String: Any])?["id"] as? String ?? "?"
                print("Created canvas \(id) (version 1)")
            }
        } catch let error as RemoteError where error.code == "stale-version" {
            Console.error(error.message)
            Console.error("Pull the current version, merge your changes and push again with --base.")
            throw ExitCode(1)
        } catch let error as RemoteError {
            Console.error(error.message)
            throw ExitCode(error.code == "invalid-canvas" ? 2 : 1)
        }
    }

    func currentVersion(_ remote: RemoteServer, _ canvas: String) async throws -> Int {
        let reply = try await remote.send("GET", "/api/v1/canvases/\(canvas)")
        guard let number = (try reply.json()["canvas"] as? [String: Any])?["currentVersion"] as? Int else {
            throw RemoteError(message: "the server did not say the canvas's current version")
        }
        return number
    }

    func onlyWorkspace(_ remote: RemoteServer) async throws -> String {
        let items = try await remote.send("GET", "/api/v1/workspaces").json()["items"] as? [[String: Any]] ?? []
        guard items.count == 1, let id = items[0]["id"] as? String else {
            let names = items.map { "\($0["id"] as? String ?? "?")  \($0["name"] as? String ?? "")" }
            throw RemoteError(
                message: "you are in \(items.count) workspaces; choose one with --workspace:\n"
                    + names.joined(separator: "\n"))
        }
        return id
    }
}

/// `plumb pull ID`: downloads a canvas's document as it was saved.
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Download a canvas from the server, as it was saved (YAML or JSON).",
        discussion: """
            Examples:
              plumb pull 6F9619FF-8B86-D011-B42D-00C04FC964FF -o canvas.yaml
              plumb pull ID --version 2
            """
    )

    @Argument(help: "The canvas id.")
    var canvas: String

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "An older version instead of the current one.")
    var version: Int?

    @Option(help: "The server (default: the one you last logged in to).")
    var server: String?

    func run() async throws {
        let remote = try ServerCredentials.load().remote(server)
        var path = "/api/v1/canvases/\(escape(canvas))/document"
        if let version { path += "?version=\(version)" }
        do {
            let reply = try await remote.send("GET", path)
            if let output {
                try CanvasFile.writeAtomically(reply.text, to: output)
                let number = reply.headers["etag"]?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? "?"
                Console.error("Wrote \(output) (version \(number); push with --base \(number))")
            } else {
                print(reply.text, terminator: reply.text.hasSuffix("\n") ? "" : "\n")
            }
        } catch let error as RemoteError {
            Console.error(error.message)
            throw ExitCode(1)
        }
    }
}

/// Percent-encodes a query or path value.
func escape(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
}
