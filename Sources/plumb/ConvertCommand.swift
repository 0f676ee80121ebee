import ArgumentParser
import PlumblineCore

/// `plumb convert`: YAML to JSON and back.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a canvas between YAML and JSON (to standard output, or -o FILE).",
        discussion: "The canvas is validated first; an invalid canvas is not converted (exit 2)."
    )

    @Argument(help: "The canvas to convert.")
    var file: String

    @Option(help: "yaml or json.")
    var to: DocumentSyntax

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    func run() throws {
        let document = try CanvasFile.readOrExit(file)
        let text = CanvasWriter().write(document.canvas, as: to)
        if let output {
            try CanvasFile.writeAtomically(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}
