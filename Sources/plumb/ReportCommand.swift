import ArgumentParser
import Foundation
import PlumblineCore
import PlumblineRender

/// `plumb report FILE -o OUT.html|OUT.md|OUT.pdf`: the report a team takes to leadership.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the full report: scores, both canvases, findings, redesign, review status and charts.",
        discussion: """
            The format follows the output's extension (.html, .md, .pdf) unless --format says \
            otherwise. HTML is one self-contained file that prints one section per A4 landscape \
            page; Markdown links its pictures as SVG files written beside it (report.md, \
            report-canvas.svg, …); PDF is the HTML printed by headless Chromium (chromium, \
            chromium-browser or google-chrome on PATH, or PLUMB_CHROMIUM). Exit status: 0 when \
            the report was written, 2 when the file is not a valid canvas or no PDF could be made.

            Examples:
              plumb report examples/saas-growth-vs-retention.yaml -o report.html
              plumb report canvas.yaml --data values.csv -o docs/report.md
              plumb report canvas.yaml --pdf -o report.pdf
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown, pdf }

    @Argument(help: "A canvas file (.yaml, .yml or .json).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the report; HTML goes to standard output without it.")
    var output: String?

    @Option(help: "html, markdown or pdf; by default, from the output's extension.")
    var format: Format?

    @Flag(help: "Write PDF (the same as --format pdf).")
    var pdf = false

    @Option(
        help: ArgumentHelp(
            "A CSV file of KPI values (long or wide layout), besides the canvas's own data. Repeatable.",
            valueName: "file"))
    var data: [String] = []

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp("Override a rule, as in `plumb check`. Repeatable.", valueName: "setting"))
    var ruleOverrides: [String] = []

    @Option(help: "The date printed on the title page (YYYY-MM-DD); today by default.")
    var date: String?

    func validate() throws {
        if pdf, let format, format != .pdf { throw ValidationError("--pdf contradicts --format \(format.rawValue)") }
        if let date, CalendarDate(date) == nil { throw ValidationError("--date \(date): expected YYYY-MM-DD") }
        _ = try resolvedFormat()
    }

    /// --pdf, else --format, else the output's extension, else HTML.
    func resolvedFormat() throws -> Format {
        if pdf { return .pdf }
        if let format { return format }
        guard let output else { return .html }
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "pdf": return .pdf
        default:
            throw ValidationError(
                "cannot tell the format of '\(output)' from its extension; add --format html|markdown|pdf")
        }
    }

    func run() throws {
        let format = try resolvedFormat()
        if format != .html && output == nil {
            throw ValidationError("a \(format.rawValue) report needs -o FILE")
        }
        // Look for Chromium before the work, so a missing browser costs nothing.
        var chromium: URL?
        if format == .pdf {
            do { chromium = try ChromiumPDF.locate() } catch {
                Console.error("plumb report: \(error.description)")
                throw ExitCode(2)
            }
        }
        let report = try Diagnose.report(file: file, data: data, ruleOverrides: ruleOverrides)
        let day = date ?? Self.today()

        switch format {
        case .html:
            let html = HTMLReport(report: report, date: day).html
            if let output { try CanvasFile.writeAtomically(html, to: output) } else { print(html, terminator: "") }
        case .markdown:
            let output = output ?? ""
            let url = URL(fileURLWithPath: output)
            let markdown = MarkdownReport(
                report: report, date: day, baseName: url.deletingPathExtension().lastPathComponent)
            let directory = url.deletingLastPathComponent()
            for attachment in markdown.attachments {
                try CanvasFile.writeAtomically(
                    attachment.svg, to: directory.appendingPathComponent(attachment.name).path)
            }
            try CanvasFile.writeAtomically(markdown.markdown, to: output)
        case .pdf:
            let html = HTMLReport(report: report, date: day).html
            do {
                try ChromiumPDF.write(html: html, to: output ?? "", chromium: chromium!)
            } catch {
                Console.error("plumb report: \(error.description)")
                throw ExitCode(2)
            }
        }
    }

    /// Today's date where the command runs.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
