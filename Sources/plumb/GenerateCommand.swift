import ArgumentParser
import Foundation
import PlumblineAssistant
import PlumblineCore

/// `plumb generate`: a draft canvas from a few sentences, offline by default or with a language
/// model (`--llm`).
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Draft a canvas from a short description of an organisation (offline unless --llm).",
        discussion: """
            Recognises industry, size, teams, measures, incentives, AI systems, pain points and goals, \
            and lays them over the industry's archetype. What the description names carries \
            x-recognised; everything else carries x-assumed: true for the team to confirm. What was \
            recognised and assumed goes to standard error; the canvas to standard output or -o.

            With --llm, a language model at an OpenAI-compatible endpoint drafts the canvas instead \
            (PLUMB_LLM_URL, PLUMB_LLM_MODEL, optionally PLUMB_LLM_API_KEY and PLUMB_LLM_TIMEOUT). Its \
            reply is validated as format v1, and sent back with its problems up to three times; \
            nothing is written unless it is valid.

            Example:
              plumb generate --kind kpi-misalignment "B2B SaaS, 200 staff; sales is paid on new sign-ups, churn has doubled, an AI model scores leads"
            """
    )

    @Option(help: "kpi-misalignment or accountability-network.")
    var kind: CanvasKind = .kpiMisalignment

    @Argument(help: "A few sentences about the organisation.")
    var description: String

    @Option(name: .shortAndLong, help: "Write the canvas here instead of standard output.")
    var output: String?

    @Flag(help: "Ask the language model configured by PLUMB_LLM_URL and PLUMB_LLM_MODEL.")
    var llm = false

    func run() async throws {
        let request = DraftRequest(kind: kind, description: description)
        let draft: Draft
        if llm {
            draft = try await LanguageModelEnvironment.withDrafter { model in
                Console.error("asking \(model.configuration)")
                return try await model.draft(request)
            }
        } else {
            let generator = CanvasGenerator(
                knowledge: try KnowledgeBase.bundled(), library: try ArchetypeLibrary.bundled())
            draft = try generator.draft(request)
        }
        let syntax = output.flatMap(DocumentSyntax.init(fileName:)) ?? .yaml
        let text = CanvasWriter().write(draft.canvas, as: syntax)
        // Never hand out a draft that does not read back as a valid canvas.
        _ = try CanvasReader().read(text: text, file: output ?? "draft.yaml")
        for r in draft.reading.recognitions {
            Console.error("recognised \(r.kind.rawValue): \"\(r.phrase)\" → \(r.meaning)")
        }
        if !draft.assumed.isEmpty || !llm {
            Console.error("assumed (x-assumed, please confirm): \(draft.assumed.joined(separator: ", "))")
        }
        if let output {
            try CanvasFile.writeAtomically(text, to: output)
            Console.error("wrote \(output)")
        } else {
            print(text, terminator: "")
        }
    }
}
