import Foundation
import Testing

/// `plumb render` and `plumb report`, run as a person or a CI job would.
@Suite struct ReportCommandTests {
    typealias T = PlumbCommandTests

    static let saas = "examples/saas-growth-vs-retention.yaml"
    static let headings = [
        "Overview", "Alignment scores", "KPI Misalignment Canvas", "Accountability network", "Findings by objective",
        "Findings by participant", "Proposed redesign and review", "KPI charts",
    ]

    /// The environment of this process with `changes` applied (nil removes a variable).
    static func environment(_ changes: [String: String?]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        return environment
    }

    // MARK: render

    @Test(arguments: ["canvas", "network", "charts"])
    func renderDrawsEachView(_ view: String) throws {
        let run = try T.plumb(["render", Self.saas, "--view", view])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(run.stdout.hasSuffix("</svg>\n"))
        let file = try T.temporaryDirectory().appendingPathComponent("\(view).svg")
        let written = try T.plumb(["render", Self.saas, "--view", view, "-o", file.path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == run.stdout)
    }

    @Test func renderRefusesAnUnknownViewAndAnEmptyChart() throws {
        let unknown = try T.plumb(["render", Self.saas, "--view", "pie"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("'pie'"))
        #expect(unknown.stderr.contains("canvas"))
        #expect(unknown.stderr.contains("network"))
        #expect(unknown.stderr.contains("charts"))
        // An example without values has nothing to chart, and says how to give it some.
        let empty = try T.plumb(["render", "examples/departmental-silos.yaml", "--view", "charts"])
        #expect(empty.status == 2)
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.contains("no KPI values to chart"))
        #expect(empty.stderr.contains("--data"))
    }

    // MARK: report

    @Test func reportWritesSelfContainedHTML() throws {
        let file = try T.temporaryDirectory().appendingPathComponent("report.html")
        let run = try T.plumb(["report", Self.saas, "-o", file.path, "--date", "2026-04-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: file, encoding: .utf8)
        for heading in Self.headings { #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)") }
        #expect(html.contains("2026-04-01"))
        // The canvas's own values file was loaded: the charts section holds a chart.
        #expect(html.components(separatedBy: "<svg xmlns=").count - 1 == 3)
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        // Without -o the HTML goes to standard output.
        let piped = try T.plumb(["report", Self.saas, "--date", "2026-04-01"])
        #expect(piped.stdout == html)
    }

    @Test func reportWritesMarkdownWithPicturesBesideIt() throws {
        let dir = try T.temporaryDirectory()
        let run = try T.plumb(["report", Self.saas, "-o", dir.appendingPathComponent("team.md").path])
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try String(contentsOf: dir.appendingPathComponent("team.md"), encoding: .utf8)
        for heading in Self.headings { #expect(markdown.contains("## \(heading)\n")) }
        for picture in ["team-canvas.svg", "team-network.svg", "team-charts.svg"] {
            #expect(markdown.contains("](\(picture))"))
            let svg = try String(contentsOf: dir.appendingPathComponent(picture), encoding: .utf8)
            #expect(svg.hasPrefix("<svg xmlns="))
        }
        #expect(markdown.contains("| Severity | Rule | Finding | Evidence | Fix |"))
    }

    @Test func reportFormatFollowsTheExtensionOrTheOption() throws {
        let dir = try T.temporaryDirectory()
        let forced = dir.appendingPathComponent("out.txt")
        #expect(try T.plumb(["report", Self.saas, "-o", forced.path, "--format", "markdown"]).status == 0)
        #expect(try String(contentsOf: forced, encoding: .utf8).hasPrefix("# SaaS growth versus retention"))
        let unknown = try T.plumb(["report", Self.saas, "-o", dir.appendingPathComponent("out.docx").path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("--format html|markdown|pdf"))
        let badDate = try T.plumb(["report", Self.saas, "--date", "tomorrow"])
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
    }

    @Test func invalidCanvasFailsLikeCheck() throws {
        let file = try CheckCommandTests.write("plumbline: 1\nkind: nonsense\ntitle: x\n").path
        let check = try T.plumb(["check", file])
        for arguments in [["report", file], ["render", file, "--view", "canvas"]] {
            let run = try T.plumb(arguments)
            #expect(run.status == 2)
            #expect(run.stderr == check.stderr)
            #expect(run.stdout.isEmpty)
        }
    }

    // MARK: PDF

    @Test func pdfWithoutChromiumSaysWhatToInstall() throws {
        let dir = try T.temporaryDirectory()
        let pdf = dir.appendingPathComponent("report.pdf")
        let configured = try T.plumb(
            ["report", Self.saas, "-o", pdf.path],
            environment: Self.environment(["PLUMB_CHROMIUM": "/nonexistent/chromium"]))
        #expect(configured.status == 2)
        #expect(configured.stderr.contains("PLUMB_CHROMIUM is '/nonexistent/chromium'"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))

        let nothing = try T.plumb(
            ["report", Self.saas, "--pdf", "-o", pdf.path],
            environment: Self.environment(["PLUMB_CHROMIUM": nil, "PATH": ""]))
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("needs headless Chromium"))
        #expect(nothing.stderr.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    static var chromiumInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { directory in
            ["chromium", "chromium-browser", "google-chrome"].contains {
                FileManager.default.isExecutableFile(atPath: "\(directory)/\($0)")
            }
        }
    }

    @Test(.enabled(if: chromiumInstalled, "needs Chromium on PATH"))
    func pdfIsPrintedByChromium() throws {
        let pdf = try T.temporaryDirectory().appendingPathComponent("report.pdf")
        let run = try T.plumb(["report", Self.saas, "-o", pdf.path])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Data("%PDF-".utf8)))
        // A whole document, not a stub: it ends properly and carries the inline pictures.
        #expect(data.count > 20_000)
        #expect(String(decoding: data.suffix(16), as: UTF8.self).contains("%%EOF"))
        // Page counts need a PDF reader; scripts/browser-check checks them with pdfinfo.
    }
}
