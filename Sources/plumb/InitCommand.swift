import ArgumentParser
import Foundation
import PlumblineCore

/// `plumb init`: a commented starter canvas to fill in.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter canvas with comments explaining each section and step.",
        discussion: """
            Examples:
              plumb init --kind kpi-misalignment --title "Support KPIs review" support.yaml
              plumb init --kind accountability-network > network.yaml
            """
    )

    @Option(help: "kpi-misalignment or accountability-network.")
    var kind: CanvasKind

    @Option(help: "The canvas title.")
    var title: String?

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    @Argument(help: "Where to write the canvas; standard output when omitted.")
    var file: String?

    func run() throws {
        let title = title ?? (kind == .kpiMisalignment ? "KPI misalignment review" : "Accountability network")
        let id = file.map { CanvasDocument(canvas: Canvas(kind: kind, title: ""), file: $0).canvasID }
            .map(StarterCanvas.slug)
        let text = try StarterCanvas.text(kind: kind, title: title, id: id)
        guard let file else {
            print(text, terminator: "")
            return
        }
        if FileManager.default.fileExists(atPath: file), !force {
            Console.error("\(file) already exists; pass --force to overwrite it")
            throw ExitCode(1)
        }
        try CanvasFile.writeAtomically(text, to: file)
        Console.error("Wrote \(file). Fill it in step by step, then run: plumb validate \(file)")
    }
}
