import ArgumentParser
import Foundation
import PlumblineCore
import PlumblineRender

/// `plumb render FILE --view canvas|network|charts`: one picture as SVG.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a canvas as SVG: the KPI Misalignment Canvas, the accountability network or the KPI charts.",
        discussion: """
            Pictures are marked by the diagnosis (the worst finding of each card and participant), \
            so --data and --rule change them as they change `plumb check`. Exit status: 0 when the \
            picture was written, 2 when the file is not a valid canvas or there is nothing to chart.

            Examples:
              plumb render examples/saas-growth-vs-retention.yaml --view canvas -o canvas.svg
              plumb render canvas.yaml --view network > network.svg
              plumb render canvas.yaml --view charts --data values.csv -o charts.svg
            """
    )

    enum View: String, ExpressibleByArgument, CaseIterable { case canvas, network, charts }

    @Argument(help: "A canvas file (.yaml, .yml or .json).")
    var file: String

    @Option(help: "What to draw: canvas, network or charts.")
    var view: View

    @Option(name: .shortAndLong, help: "Write the SVG here instead of standard output.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "A CSV file of KPI values (long or wide layout), besides the canvas's own data. Repeatable.",
            valueName: "file"))
    var data: [String] = []

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp("Override a rule, as in `plumb check`. Repeatable.", valueName: "setting"))
    var ruleOverrides: [String] = []

    @Option(help: "Width of the canvas picture or the chart sheet, in pixels.")
    var width: Double?

    func run() throws {
        let report = try Diagnose.report(file: file, data: data, ruleOverrides: ruleOverrides)
        let canvas = report.document.canvas
        let svg: String
        switch view {
        case .canvas:
            svg = CanvasPicture(canvas: canvas, diagnosis: report.diagnosis, width: width ?? 1600).svg
        case .network:
            svg = NetworkPicture(canvas: canvas, diagnosis: report.diagnosis).svg
        case .charts:
            let charts = KPIChartData.all(canvas: canvas, diagnosis: report.diagnosis)
            guard !charts.isEmpty else {
                Console.error(
                    "\(file): no KPI values to chart. List a values file under `data:` in the canvas, or pass --data FILE."
                )
                throw ExitCode(2)
            }
            svg = ChartSheet(charts, width: width ?? 1200, panelWidth: 360, title: canvas.title).svg
        }
        if let output {
            try CanvasFile.writeAtomically(svg, to: output)
        } else {
            print(svg, terminator: "")
        }
    }
}
