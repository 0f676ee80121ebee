import ArgumentParser
import Foundation

/// `plumb login`: signs in once with email and password and keeps an API token for the CLI.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in to a Plumbline server and keep an API token for push, pull and check --remote.",
        discussion: """
            The token is saved in ~/.config/plumbline/credentials (or $XDG_CONFIG_HOME), readable \
            by you only; the password is not kept.

            Examples:
              plumb login --server http://127.0.0.1:8080 --email ada@example.com
              echo "$PASSWORD" | plumb login --email ada@example.com --password-stdin
            """
    )

    @Option(help: "The server's URL.")
    var server: String = "http://127.0.0.1:8080"

    @Option(help: "Your email (asked when missing).")
    var email: String?

    @Flag(help: "Read the password from standard input instead of asking.")
    var passwordStdin = false

    func run() async throws {
        let name = ServerCredentials.normalised(server)
        guard let url = URL(string: name) else { throw ValidationError("--server \(server) is not a URL") }
        let email = try self.email ?? prompt("Email: ")
        let password = try readPassword()
        let anonymous = RemoteServer(base: url)
        let signIn = try await anonymous.send(
            "POST", "/api/v1/session", body: RemoteServer.json(["email": email, "password": password]))
        guard let cookie = signIn.headers["set-cookie"]?.split(separator: ";").first.map(String.init),
            let csrf = try signIn.json()["csrfToken"] as? String
        else { throw RemoteError(message: "the server did not start a session") }
        let session = ["Cookie": cookie, "X-CSRF-Token": csrf]
        let host = ProcessInfo.processInfo.hostName
        let created = try await anonymous.send(
            "POST", "/api/v1/tokens", body: RemoteServer.json(["name": "plumb CLI on \(host)"]), headers: session)
        guard let secret = try created.json()["secret"] as? String else {
            throw RemoteError(message: "the server did not return a token")
        }
        _ = try? await anonymous.send("DELETE", "/api/v1/session", headers: session)

        var credentials = ServerCredentials.load()
        credentials.tokens[name] = secret
        credentials.current = name
        try credentials.save()
        print("Logged in to \(name) as \(email). Token saved in \(ServerCredentials.file.path)")
    }

    func readPassword() throws -> String {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("--password-stdin: no password on standard input")
            }
            return line
        }
        guard let text = getpass("Password: ") else { throw ValidationError("no password given") }
        return String(cString: text)
    }

    func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no email given (use --email)")
        }
        return line
    }
}
