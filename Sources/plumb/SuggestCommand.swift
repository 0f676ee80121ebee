import ArgumentParser
import Foundation
import PlumblineAssistant
import PlumblineCore

/// `plumb suggest FILE`: the redesign step — proposals that answer the canvas's findings.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose a redesign that answers the canvas's findings, appending to it and never changing it.",
        discussion: """
            For each error and warning whose fix the knowledge base knows: proposed KPIs (status: \
            proposed, with replaces, pairs_with and a rationale citing the finding), revised incentives, \
            independent reviews and audits, escalations, feedback loops and a sign-off request. The \
            team's own entities are never edited: a change to one is a revision — a copy marked \
            x-proposed with replaces — that takes its place once adopted. Every proposal carries an \
            x-proposed mark naming the findings it answers, so running suggest again adds only what is \
            still wanted.

            The summary lists each change under the finding it answers and compares the diagnosis of \
            the canvas as given with that of the redesign as adopted (proposed KPIs current, revisions \
            in place of what they revise). VAL-01 stays until the stakeholders approve.

            Without -o nothing is written: the summary goes to standard output. With -o FILE the \
            redesigned canvas is written there (JSON when FILE ends in .json, YAML otherwise); with \
            -o - it goes to standard output and the summary to standard error. A commented YAML file \
            is never overwritten (the comments would be lost). Exit 0, or 2 for invalid input \
            (nothing is written).

            Examples:
              plumb suggest examples/saas-growth-vs-retention.yaml
              plumb suggest canvas.yaml -o canvas.suggested.yaml
              plumb suggest canvas.yaml --format json -o - > suggested.yaml
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The canvas file (.yaml, .yml or .json).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the redesigned canvas here (- for standard output).")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "A CSV file of KPI values (long or wide layout), besides the canvas's own data. Repeatable.",
            valueName: "file"))
    var data: [String] = []

    @Option(help: "The summary: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        // The writer cannot keep YAML comments: never let a redesign erase the team's notes.
        guard let output, output != "-",
            URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: file).standardizedFileURL,
            let text = try? String(contentsOfFile: file, encoding: .utf8), !YAMLComments.lines(in: text).isEmpty
        else { return }
        throw ValidationError(
            "-o \(output) would overwrite \(file) and lose its comments; write the redesign to another file")
    }

    func run() throws {
        let document: CanvasDocument
        let values: KPIValues
        do {
            document = try CanvasFile.read(file)
            values = try ValueFiles.load(for: document, extra: data)
        } catch {
            for issue in error.issues { Console.error(issue.description) }
            throw ExitCode(2)
        }
        let result = Redesign(knowledge: try KnowledgeBase.bundled()).suggest(document, values: values)
        let summary =
            switch format {
            case .text: result.text
            case .json: JSONText.render(result.jsonValue) + "\n"
            }
        guard let output else {
            print(summary, terminator: "")
            return
        }
        let syntax = output == "-" ? document.syntax : DocumentSyntax(fileName: output) ?? .yaml
        let text = CanvasWriter().write(result.canvas, as: syntax)
        // Never hand out a redesign that does not read back as a valid canvas.
        _ = try CanvasReader().read(text: text, file: output == "-" ? "suggested.\(syntax.rawValue)" : output)
        if output == "-" {
            Console.error(summary.trimmingCharacters(in: .newlines))
            print(text, terminator: "")
        } else {
            try CanvasFile.writeAtomically(text, to: output)
            print(summary, terminator: "")
            print("wrote \(output)")
        }
    }
}
