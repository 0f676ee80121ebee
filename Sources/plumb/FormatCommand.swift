import ArgumentParser
import Foundation
import PlumblineCore

/// `plumb fmt`: rewrite canvases in the standard field order and layout.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Normalise canvas files in place: standard field order, indentation and quoting.",
        discussion: """
            Files keep their syntax (YAML stays YAML). YAML comments cannot be kept by the \
            rewrite, so a file with comments is left alone unless --drop-comments is given. \
            With --check nothing is written; the exit status is 1 when a file would change.
            """
    )

    @Argument(help: "Canvas files to normalise.")
    var files: [String]

    @Flag(help: "Report files that are not normalised (exit 1) instead of rewriting them.")
    var check = false

    @Flag(help: "Rewrite YAML files even though their comments will be lost.")
    var dropComments = false

    func run() throws {
        var invalid = false
        var unformatted = false
        for file in files {
            let document: CanvasDocument
            do {
                document = try CanvasFile.read(file)
            } catch {
                for issue in error.issues { Console.error(issue.description) }
                invalid = true
                continue
            }
            let original = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let formatted = CanvasWriter().write(document.canvas, as: document.syntax)
            if formatted == original { continue }
            if check {
                print("\(file): not formatted")
                unformatted = true
                continue
            }
            if document.syntax == .yaml, !dropComments {
                let comments = YAMLComments.lines(in: original)
                if !comments.isEmpty {
                    Console.error(
                        "\(file): left unchanged: it has comments (first at line \(comments[0])) that formatting would remove; pass --drop-comments to format it anyway"
                    )
                    unformatted = true
                    continue
                }
            }
            try CanvasFile.writeAtomically(formatted, to: file)
            print("\(file): formatted")
        }
        if invalid { throw ExitCode(2) }
        if unformatted { throw ExitCode(1) }
    }
}
