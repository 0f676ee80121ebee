import ArgumentParser
import Foundation
import PlumblineAssistant
import PlumblineCore

/// `plumb edit`: a canvas changed by a plain-language instruction, through the language model,
/// shown as a diff with the findings it resolves and adds, and written only once confirmed.
struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a canvas with a plain-language instruction, using the configured language model.",
        discussion: """
            The model (PLUMB_LLM_URL, PLUMB_LLM_MODEL, optionally PLUMB_LLM_API_KEY and \
            PLUMB_LLM_TIMEOUT) returns the revised canvas, which must be valid format v1 (its problems \
            go back to it up to three times, as do errors of the validation rules that the change \
            introduces, such as pay left on a retired KPI). plumb shows every change by entity and field, and the \
            findings the change resolves and adds, then asks before writing. Without a terminal to \
            ask on, nothing is written unless --yes is given. YAML comments are not kept.

            Example:
              plumb edit canvas.yaml "give the support team a first-contact-resolution KPI and drop the handle-time bonus"
            """
    )

    @Argument(help: "The canvas file to change.")
    var file: String

    @Argument(help: "What to change, in plain language.")
    var instruction: String

    @Flag(name: .shortAndLong, help: "Write without asking (for scripts).")
    var yes = false

    @Option(name: .shortAndLong, help: "Write the revised canvas here instead of over FILE.")
    var output: String?

    func run() async throws {
        let document = try CanvasFile.readOrExit(file)
        let revised = try await LanguageModelEnvironment.withDrafter { model in
            Console.error("asking \(model.configuration)")
            return try await model.revise(document.canvas, instruction: instruction)
        }
        let target = output ?? file
        let diff = CanvasDiff(from: document.canvas, to: revised)
        guard !diff.isEmpty else {
            print("The model changed nothing; nothing written.")
            return
        }
        let syntax = DocumentSyntax(fileName: target) ?? document.syntax
        let text = CanvasWriter().write(revised, as: syntax)
        // What is written must read back as a valid canvas; read back, it is also what is diagnosed.
        var revisedDocument = try CanvasReader().read(text: text, file: target)
        revisedDocument.file = document.file
        print("Changes:")
        for change in diff.changes { print("  \(change)") }
        try showFindings(before: document, after: revisedDocument)
        if syntax == .yaml, target == file,
            let original = try? String(contentsOfFile: file, encoding: .utf8), !YAMLComments.lines(in: original).isEmpty
        {
            print("Note: \(file) has YAML comments; the rewritten file will not keep them.")
        }
        guard try confirmed(target) else { return }
        try CanvasFile.writeAtomically(text, to: target)
        print("Wrote \(target).")
    }

    /// Prints the findings present after and not before (added), before and not after
    /// (resolved), and in both with another severity, matched by rule and subjects.
    private func showFindings(before document: CanvasDocument, after revisedDocument: CanvasDocument) throws {
        let engine = DiagnosisEngine(knowledge: try KnowledgeBase.bundled())
        let old = engine.diagnose(document, values: try? ValueFiles.load(for: document, extra: [])).activeFindings
        let new = engine.diagnose(revisedDocument, values: try? ValueFiles.load(for: revisedDocument, extra: []))
            .activeFindings
        let oldByKey = Dictionary(old.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(new.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let resolved = old.filter { newByKey[$0.fingerprint] == nil }
        let added = new.filter { oldByKey[$0.fingerprint] == nil }
        let regraded = new.compactMap { f in
            oldByKey[f.fingerprint].flatMap { $0.severity == f.severity ? nil : ($0.severity, f) }
        }
        if resolved.isEmpty, added.isEmpty, regraded.isEmpty {
            print("Findings: no change (\(new.count) active).")
            return
        }
        if !resolved.isEmpty {
            print("Findings it resolves:")
            for f in resolved { print("  - \(f.rule) \(f.severity.rawValue): \(f.message)") }
        }
        if !regraded.isEmpty {
            print("Findings whose severity changes:")
            for (was, f) in regraded { print("  ~ \(f.rule) \(was.rawValue) → \(f.severity.rawValue): \(f.message)") }
        }
        if !added.isEmpty {
            print("Findings it adds:")
            for f in added { print("  + \(f.rule) \(f.severity.rawValue): \(f.message)") }
        }
    }

    /// Whether to write: `--yes`, or "y" typed at the terminal. Without a terminal nothing is
    /// written, since nobody can have seen the diff.
    private func confirmed(_ target: String) throws -> Bool {
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            Console.error("Standard input is not a terminal, so nothing was written; pass --yes to write \(target).")
            throw ExitCode(1)
        }
        print("Write \(target)? [y/N] ", terminator: "")
        fflush(nil)  // every stream: naming `stdout` is not concurrency-safe in Swift 6
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            print("Nothing written.")
            return false
        }
        return true
    }
}
