import ArgumentParser
import Foundation
import Logging
import PlumblineServer
import PlumblineStore

/// `plumb user add`: local accounts, created by whoever runs the server.
///
/// Accounts are not created through the API: anyone able to create a workspace could otherwise
/// claim an account for a colleague's email with a password of their own choosing, and be let
/// into every workspace that colleague is later added to.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the server's local accounts (run where the server's database is).",
        subcommands: [AddUserCommand.self]
    )
}

/// `plumb user add --email E`: a local account; the password is read from standard input.
struct AddUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a local account; its password is read from standard input (one line).",
        discussion: """
            The person can then be added to workspaces by their owners (POST \
            /api/v1/workspaces/{id}/members with their email). Exit 0 when created, 2 when the \
            email, name or password is refused or the email already has an account.

            Example:
              printf '%s\\n' "$PASSWORD" | plumb user add --email ada@example.com --name "Ada"
            """
    )

    @Option(help: "A SQLite file path or a postgres:// URL.")
    var db: String = "plumbline.sqlite"

    @Option(help: "The account's email address.")
    var email: String

    @Option(help: "The name shown to others; the email by default.")
    var name: String?

    func run() async throws {
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        if let problem = PasswordHasher.problem(with: password) { throw ValidationError(problem) }
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains("@"), !trimmed.hasPrefix("@"), !trimmed.hasSuffix("@") else {
            throw ValidationError("'\(email)' is not an email address")
        }
        let store = try await StoreLocation(argument: db).open(logger: Logger(label: "plumbline"))
        do {
            _ = try await store.migrate()
            let hash = try await PasswordHasher().hash(password)
            let user = try await store.createUser(
                NewUser(email: trimmed, displayName: name ?? trimmed, passwordHash: hash))
            print("created \(user.email) (\(user.id))")
            try await store.close()
        } catch let error as StoreError {
            try? await store.close()
            FileHandle.standardError.write(Data("plumb user add: \(error)\n".utf8))
            throw ExitCode(2)
        } catch {
            try? await store.close()
            throw error
        }
    }
}
