import ChatCompletionsTestServer
import Foundation
import PlumblineCore
import Testing

/// `plumb generate --llm` and `plumb edit`, run as a person would, against a scripted
/// OpenAI-compatible server reached through the PLUMB_LLM_* environment variables.
@Suite struct LanguageModelCommandTests {
    typealias T = PlumbCommandTests

    static let key = "sk-cli-5ecret-0099"

    static let canvas = """
        {"plumbline": 1, "kind": "kpi-misalignment", "id": "desk", "title": "Support desk",
         "objectives": [{"id": "loyal", "statement": "Keep customers loyal", "priority": 1}],
         "participants": [{"id": "support", "name": "Support team", "type": "team"}],
         "kpis": [{"id": "fcr", "name": "First-contact resolution", "direction": "increase",
                   "serves": ["loyal"], "accountable": "support"}]}
        """

    /// The canvas as the model revises it: the KPI renamed, the team given a lever (which
    /// resolves ACC-02: accountable without decision rights).
    static let revised =
        canvas
        .replacingOccurrences(of: "First-contact resolution", with: "First-contact resolution rate")
        .replacingOccurrences(of: "\"type\": \"team\"}", with: "\"type\": \"team\", \"decides\": [\"staffing\"]}")

    /// The environment of this process with the model settings replaced.
    static func environment(_ url: String?, model: String? = "test-model") -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PLUMB_LLM_") }
        environment["PLUMB_LLM_URL"] = url
        environment["PLUMB_LLM_MODEL"] = model
        environment["PLUMB_LLM_API_KEY"] = key
        return environment
    }

    /// Runs `plumb` on a thread of its own, with standard input an empty pipe (not a terminal), so
    /// the scripted server keeps the concurrency pool while the command waits for it.
    static func plumb(_ arguments: [String], environment: [String: String]) async throws -> T.Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try T.plumb(arguments, environment: environment, input: Pipe()) })
            }.start()
        }
    }

    static func canvasFile() throws -> URL {
        let file = try T.temporaryDirectory().appendingPathComponent("desk.yaml")
        let canvas = try CanvasReader().read(text: Self.canvas, file: "desk.json").canvas
        try CanvasWriter().write(canvas, as: .yaml).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    // MARK: - generate --llm

    @Test func generateWithTheModelWritesAValidatedCanvas() async throws {
        let out = try T.temporaryDirectory().appendingPathComponent("draft.yaml")
        let run = try await ScriptedChatServer.run([.message(Self.canvas)]) { url, _ in
            try await Self.plumb(
                ["generate", "--llm", "--kind", "kpi-misalignment", "A support desk", "-o", out.path],
                environment: Self.environment(url))
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("asking test-model at http://127.0.0.1:"))
        #expect(!run.stderr.contains(Self.key))
        let written = try CanvasReader().read(text: String(contentsOf: out, encoding: .utf8), file: "draft.yaml")
        #expect(written.canvas.kpis.map(\.id) == ["fcr"])
        #expect(written.canvas.context["drafted-by"] == "plumb generate --llm (test-model)")
    }

    @Test func generateWithTheModelFailsClearlyWhenUnconfigured() async throws {
        let out = try T.temporaryDirectory().appendingPathComponent("draft.yaml")
        let run = try await Self.plumb(
            ["generate", "--llm", "A support desk", "-o", out.path], environment: Self.environment(nil, model: nil))
        #expect(run.status == 1)
        #expect(run.stderr.contains("set PLUMB_LLM_URL and PLUMB_LLM_MODEL"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func generateWritesNothingWhenTheModelNeverGivesAValidCanvas() async throws {
        let out = try T.temporaryDirectory().appendingPathComponent("draft.yaml")
        let broken = Self.canvas.replacingOccurrences(of: "\"accountable\": \"support\"", with: "\"accountable\": 7")
        let run = try await ScriptedChatServer.run(Array(repeating: .message(broken), count: 4)) { url, _ in
            try await Self.plumb(
                ["generate", "--llm", "A support desk", "-o", out.path], environment: Self.environment(url))
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("after 3 repair rounds; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func generateReportsAWrongKeyWithoutShowingIt() async throws {
        let run = try await ScriptedChatServer.run([
            .failure(.unauthorized, message: "Incorrect API key provided: \(Self.key)")
        ]) { url, _ in
            try await Self.plumb(["generate", "--llm", "A support desk"], environment: Self.environment(url))
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("(401)"))
        #expect(!run.stderr.contains(Self.key))
        #expect(run.stdout.isEmpty)
    }

    // MARK: - edit

    @Test func editWithYesShowsTheDiffAndFindingsAndWrites() async throws {
        let file = try Self.canvasFile()
        let (run, requests) = try await ScriptedChatServer.run([.message(Self.revised)]) { url, script in
            let run = try await Self.plumb(
                ["edit", file.path, "rename the KPI and let support decide staffing", "--yes"],
                environment: Self.environment(url))
            return (run, await script.requests)
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("~ kpis/fcr name: First-contact resolution → First-contact resolution rate"))
        #expect(run.stdout.contains("+ participants/support decides: staffing"))
        #expect(run.stdout.contains("Findings it resolves:"))
        #expect(run.stdout.contains("- ACC-02 warning:"))
        #expect(requests.first?.messageContents.last?.contains("let support decide staffing") == true)
        let written = try CanvasReader().read(text: String(contentsOf: file, encoding: .utf8), file: "desk.yaml")
        #expect(written.canvas.kpis[0].name == "First-contact resolution rate")
        #expect(written.canvas.participants[0].decides == ["staffing"])
    }

    @Test func editWithoutYesOnANonInteractiveInputWritesNothing() async throws {
        let file = try Self.canvasFile()
        let before = try Data(contentsOf: file)
        let run = try await ScriptedChatServer.run([.message(Self.revised)]) { url, _ in
            try await Self.plumb(["edit", file.path, "rename the KPI"], environment: Self.environment(url))
        }
        #expect(run.status == 1)
        #expect(run.stdout.contains("~ kpis/fcr name:"))
        #expect(run.stderr.contains("Standard input is not a terminal, so nothing was written; pass --yes"))
        #expect(try Data(contentsOf: file) == before)
    }

    /// util-linux `script`, which runs a command on a pseudo-terminal: the only way to answer the
    /// confirmation as a person at a terminal would.
    static let script = "/usr/bin/script"

    /// `plumb edit FILE INSTRUCTION` on a terminal, with `answer` typed at the prompt.
    static func editAtTerminal(_ file: URL, answer: String, url: String) async throws -> T.Run {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = [T.executable.path, "edit", file.path, "rename the KPI"].map(quoted).joined(separator: " ")
        let environment = Self.environment(url)
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: script)
                        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
                        process.environment = environment
                        let input = Pipe(), output = Pipe()
                        process.standardInput = input
                        process.standardOutput = output
                        process.standardError = output
                        try process.run()
                        input.fileHandleForWriting.write(Data((answer + "\n").utf8))
                        try input.fileHandleForWriting.close()
                        let text = output.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        return T.Run(
                            status: process.terminationStatus, stdout: String(decoding: text, as: UTF8.self), stderr: ""
                        )
                    })
            }.start()
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script), "needs util-linux script for a terminal"))
    func editAsksAtTheTerminalAndWritesOnlyAfterYes() async throws {
        let file = try Self.canvasFile()
        let before = try Data(contentsOf: file)
        let declined = try await ScriptedChatServer.run([.message(Self.revised)]) { url, _ in
            try await Self.editAtTerminal(file, answer: "n", url: url)
        }
        #expect(declined.status == 0)
        #expect(declined.stdout.contains("Write \(file.path)? [y/N]"))
        #expect(declined.stdout.contains("Nothing written."))
        #expect(try Data(contentsOf: file) == before)

        let accepted = try await ScriptedChatServer.run([.message(Self.revised)]) { url, _ in
            try await Self.editAtTerminal(file, answer: "y", url: url)
        }
        #expect(accepted.status == 0)
        #expect(accepted.stdout.contains("Wrote \(file.path)."))
        let written = try CanvasReader().read(text: String(contentsOf: file, encoding: .utf8), file: "desk.yaml")
        #expect(written.canvas.kpis[0].name == "First-contact resolution rate")
    }

    @Test func aTimeoutThatIsNotANumberIsRefused() async throws {
        var environment = Self.environment("http://127.0.0.1:9/v1")
        environment["PLUMB_LLM_TIMEOUT"] = "soon"
        let run = try await Self.plumb(["generate", "--llm", "A support desk"], environment: environment)
        #expect(run.status != 0)
        #expect(run.stderr.contains("PLUMB_LLM_TIMEOUT must be a number of seconds"))
    }

    @Test func editToAnotherFileLeavesTheOriginal() async throws {
        let file = try Self.canvasFile()
        let before = try Data(contentsOf: file)
        let out = file.deletingLastPathComponent().appendingPathComponent("revised.json")
        let run = try await ScriptedChatServer.run([.message(Self.revised)]) { url, _ in
            try await Self.plumb(
                ["edit", file.path, "rename the KPI", "--yes", "-o", out.path], environment: Self.environment(url))
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: file) == before)
        let written = try CanvasReader().read(text: String(contentsOf: out, encoding: .utf8), file: "revised.json")
        #expect(written.canvas.kpis[0].name == "First-contact resolution rate")
    }

    @Test func editRefusesAnInvalidCanvasBeforeAskingTheModel() async throws {
        let file = try T.temporaryDirectory().appendingPathComponent("bad.yaml")
        try "plumbline: 1\nkind: kpi-misalignment\ntitle: Bad\nkpis:\n  - {id: a, name: A, accountable: nobody}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let (run, requests) = try await ScriptedChatServer.run([]) { url, script in
            (
                try await Self.plumb(["edit", file.path, "anything", "--yes"], environment: Self.environment(url)),
                await script.requests
            )
        }
        #expect(run.status == 2)
        #expect(run.stderr.contains("does not name any participant"))
        #expect(requests.isEmpty)
    }
}
