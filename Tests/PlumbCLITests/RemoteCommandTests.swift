import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `plumb serve` as a real process, and the CLI as its client: login, push, pull, check --remote.
@Suite(.serialized) struct RemoteCommandTests {
    /// A running `plumb serve` on a free port with a new SQLite file.
    final class Server: @unchecked Sendable {
        let process = Process()
        let directory: URL
        var base = ""
        var setupLink = ""

        init() throws {
            directory = try PlumbCommandTests.temporaryDirectory()
            process.executableURL = PlumbCommandTests.executable
            process.arguments = [
                "serve", "--db", directory.appendingPathComponent("plumbline.sqlite").path, "--port", "0",
                "--log-level", "error",
            ]
            process.currentDirectoryURL = directory
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first lines announce the setup link, with the port the server got.
            var text = ""
            while !text.contains("token=") || !text.hasSuffix("\n") {
                let data = out.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            let link = try #require(
                text.split(whereSeparator: \.isWhitespace).first { $0.contains("/setup?token=") },
                "no setup link in: \(text)")
            setupLink = String(link)
            base = String(setupLink[..<setupLink.range(of: "/setup")!.lowerBound])
        }

        /// SIGTERM; returns the exit status (0 for a graceful shutdown).
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static let password = "correct horse battery"

    /// A pipe holding `text`, for a command's standard input.
    static func standardInput(_ text: String) -> Pipe {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(text.utf8))
        return pipe
    }

    func post(_ url: String, json: [String: Any]) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    @Test func loginPushPullAndCheckRemote() async throws {
        let server = try Server()
        defer { _ = server.stop() }
        let (status, created) = try await post(
            server.setupLink, json: ["email": "ada@example.com", "password": Self.password, "workspaceName": "Ops"])
        #expect(status == 201, "\(created)")

        let home = try PlumbCommandTests.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = home.path
        let login = try PlumbCommandTests.plumb(
            ["login", "--server", server.base, "--email", "ada@example.com", "--password-stdin"],
            environment: environment, input: Self.standardInput(Self.password + "\n"))
        #expect(login.status == 0, "\(login.stderr)")
        let credentials = home.appendingPathComponent("plumbline/credentials")
        let attributes = try FileManager.default.attributesOfItem(atPath: credentials.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOf: credentials, encoding: .utf8).contains("plb_"))

        let example = PlumbCommandTests.repositoryRoot.appendingPathComponent("examples/saas-growth-vs-retention.yaml")
        let push = try PlumbCommandTests.plumb(["push", example.path], environment: environment)
        #expect(push.status == 0, "\(push.stderr)")
        let id = try #require(push.stdout.split(separator: " ").dropFirst(2).first.map(String.init))

        let pulled = home.appendingPathComponent("pulled.yaml")
        let pull = try PlumbCommandTests.plumb(["pull", id, "-o", pulled.path], environment: environment)
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(try String(contentsOf: pulled, encoding: .utf8) == (try String(contentsOf: example, encoding: .utf8)))

        let stale = try PlumbCommandTests.plumb(
            ["push", pulled.path, "--canvas", id, "--base", "1", "-m", "first edit"], environment: environment)
        #expect(stale.status == 0, "\(stale.stderr)")
        let conflict = try PlumbCommandTests.plumb(
            ["push", pulled.path, "--canvas", id, "--base", "1"], environment: environment)
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("--base"))

        let check = try PlumbCommandTests.plumb(
            ["check", "--remote", id, "--format", "json", "--fail-on", "never"], environment: environment)
        #expect(check.status == 0, "\(check.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        #expect((report?["findings"] as? [Any])?.isEmpty == false)
        let text = try PlumbCommandTests.plumb(
            ["check", "--remote", id, "--fail-on", "never"], environment: environment)
        #expect(text.stdout.contains("errors"))

        let invalid = home.appendingPathComponent("broken.yaml")
        try "plumbline: 1\nkind: nope\n".write(to: invalid, atomically: true, encoding: .utf8)
        let refused = try PlumbCommandTests.plumb(["push", invalid.path], environment: environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("broken.yaml:2"))

        #expect(server.stop() == 0)
    }

    /// Accounts come from `plumb user add` on the server's database; the new account can sign in.
    @Test func userAddCreatesAnAccountThatSignsIn() async throws {
        let server = try Server()
        defer { _ = server.stop() }
        let db = server.directory.appendingPathComponent("plumbline.sqlite").path
        let add = try PlumbCommandTests.plumb(
            ["user", "add", "--db", db, "--email", "bo@example.com", "--name", "Bo"],
            input: Self.standardInput(Self.password + "\n"))
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("created bo@example.com"))
        let again = try PlumbCommandTests.plumb(
            ["user", "add", "--db", db, "--email", "BO@example.com"], input: Self.standardInput(Self.password + "\n"))
        #expect(again.status == 2)
        let short = try PlumbCommandTests.plumb(
            ["user", "add", "--db", db, "--email", "cy@example.com"], input: Self.standardInput("short\n"))
        #expect(short.status != 0)
        #expect(short.stderr.contains("at least 10 characters"))
        let (status, body) = try await post(
            "\(server.base)/api/v1/session", json: ["email": "bo@example.com", "password": Self.password])
        #expect(status == 200, "\(body)")
        #expect(server.stop() == 0)
    }

    @Test func commandsWithoutLoginSaySo() throws {
        let home = try PlumbCommandTests.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = home.path
        let pull = try PlumbCommandTests.plumb(["pull", "x"], environment: environment)
        #expect(pull.status != 0)
        #expect(pull.stderr.contains("plumb login"))
    }
}

/// `plumb migrate`: applies the schema once, then says it is up to date.
@Suite struct MigrateCommandTests {
    @Test func migratesOnceThenIsUpToDate() throws {
        let directory = try PlumbCommandTests.temporaryDirectory()
        let db = directory.appendingPathComponent("m.sqlite").path
        let first = try PlumbCommandTests.plumb(["migrate", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("applied"))
        let second = try PlumbCommandTests.plumb(["migrate", "--db", db])
        #expect(second.status == 0)
        #expect(second.stdout.contains("up to date"))
        let bad = try PlumbCommandTests.plumb(["migrate", "--db", "postgres://nobody@127.0.0.1:1/none"])
        #expect(bad.status != 0)
    }
}
