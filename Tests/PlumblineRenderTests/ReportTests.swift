import Foundation
import PlumblineCore
import Testing

@testable import PlumblineRender

/// The HTML and Markdown reports: every section, every finding, nothing fetched from outside,
/// and user text that stays text.
@Suite struct ReportTests {
    typealias Examples = CheckReportTests

    // MARK: Examples

    @Test(arguments: try Examples.examples())
    func htmlReportOfEachExampleIsCompleteAndSelfContained(_ url: URL) throws {
        let report = try Examples.report(url)
        let html = HTMLReport(report: report, date: "2026-03-01").html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        for section in ReportSection.allCases {
            #expect(html.contains("<section id=\"\(section.anchor)\" class=\"page\">"), "\(section)")
            #expect(html.contains("<h2>\(section.heading)</h2>"), "\(section.heading)")
        }
        #expect(html.components(separatedBy: "<section ").count - 1 == ReportSection.allCases.count)
        #expect(html.components(separatedBy: "</section>").count - 1 == ReportSection.allCases.count)
        for finding in report.diagnosis.findings {
            #expect(html.contains(SVGDocument.escape(finding.message)), "\(finding.rule): \(finding.message)")
        }
        #expect(html.contains(SVGDocument.escape(report.document.canvas.title)))
        #expect(html.contains("2026-03-01"))
        Self.expectSelfContained(html)
        // Both pictures are inline and scale with the page: no fixed size on their root element.
        #expect(html.components(separatedBy: "<svg xmlns=").count - 1 == 2)
        #expect(!html.contains("role=\"img\" width="))
    }

    @Test(arguments: try Examples.examples())
    func markdownReportOfEachExampleHasTheTablesAndPictures(_ url: URL) throws {
        let report = try Examples.report(url)
        let markdown = MarkdownReport(report: report, date: "2026-03-01", baseName: "report")
        for section in ReportSection.allCases { #expect(markdown.markdown.contains("## \(section.heading)\n")) }
        #expect(markdown.markdown.contains("| Name | Id | Score | Bar |\n|---|---|---|---|\n"))
        if !report.diagnosis.activeFindings.filter({ !$0.isNotEnoughData }).isEmpty {
            #expect(
                markdown.markdown.contains("| Severity | Rule | Finding | Evidence | Fix |\n|---|---|---|---|---|\n"))
        }
        #expect(markdown.attachments.map(\.name) == ["report-canvas.svg", "report-network.svg"])
        for attachment in markdown.attachments {
            #expect(attachment.svg.hasPrefix("<svg xmlns="))
            #expect(markdown.markdown.contains("](\(attachment.name))"))
        }
        // Without values there is no chart file, and the section says why.
        #expect(markdown.markdown.contains("No KPI values were loaded"))
    }

    // MARK: Hostile text

    /// A canvas whose every free-text field tries to break out of HTML or a Markdown table.
    static let hostile = """
        plumbline: 1
        kind: kpi-misalignment
        title: "Q3 <b>plan</b> & <img src=http://evil.example/x.png>"
        summary: "pipes | and *stars* and [links](http://evil.example)"
        objectives:
          - {id: grow, statement: "Grow | revenue <em>fast</em>"}
        participants:
          - {id: sales, name: "Sales & <i>Ops</i>", type: team, decides: [pricing]}
          - {id: ceo, name: "C|E|O", type: individual, decides: [strategy]}
        kpis:
          - {id: evil, name: "<script>alert(1)</script>", direction: increase, level: activity, frequency: monthly, serves: [grow], accountable: sales}
          - {id: better, name: "Margin | per <u>order</u>", level: outcome, serves: [grow], accountable: sales, status: proposed, replaces: [evil], pairs_with: [evil], rationale: "Rises only when <all> pull | together"}
        reviews:
          - {by: ceo, status: changes-requested, on: 2026-02-01, note: "Split <this> | please"}
        data:
          - kpi: evil
            values: {2025-01: 1, 2025-02: 2, 2025-03: 3, 2025-04: 4, 2025-05: 5, 2025-06: 6}

        """

    static func hostileReport() throws -> CheckReport {
        let document = try CanvasReader().read(text: hostile, file: "hostile.yaml")
        return CheckReport(document: document, diagnosis: Examples.engine.diagnose(document))
    }

    @Test func htmlEscapesEveryUserText() throws {
        let report = try Self.hostileReport()
        let html = HTMLReport(report: report, date: "2026-03-01").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>plan"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<i>Ops"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Sales &amp; &lt;i&gt;Ops&lt;/i&gt;"))
        Self.expectSelfContained(html, urlsInText: true)
        // The redesign and the review are there, with names resolved.
        #expect(html.contains("Margin | per &lt;u&gt;order&lt;/u&gt;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; (evil)"))
        #expect(html.contains("Rises only when &lt;all&gt; pull | together"))
        #expect(html.contains("class=\"status changes-requested\""))
        #expect(html.contains("0 pending, 0 approved, 1 changes requested"))
        // Values were loaded, so the charts section holds a chart instead of the note.
        #expect(html.components(separatedBy: "<svg xmlns=").count - 1 == 3)
        #expect(!html.contains("No KPI values were loaded"))
    }

    @Test func markdownEscapesPipesAndMarkup() throws {
        let report = try Self.hostileReport()
        let markdown = MarkdownReport(report: report, date: "2026-03-01", baseName: "q3")
        let text = markdown.markdown
        #expect(!text.contains("<script"))
        #expect(!text.contains("<img"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("# Q3 &lt;b&gt;plan&lt;/b&gt; &amp; &lt;img src=http://evil.example/x.png&gt;\n"))
        #expect(text.contains("pipes \\| and \\*stars\\* and \\[links\\](http://evil.example)"))
        #expect(text.contains("| Grow \\| revenue &lt;em&gt;fast&lt;/em&gt; | grow |"))
        #expect(text.contains("| C\\|E\\|O (ceo) | changes-requested | 2026-02-01 | Split &lt;this&gt; \\| please |"))
        // Every table row has exactly as many unescaped pipes as its header.
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect([5, 6, 7].contains(cells), "\(line)")
        }
        #expect(markdown.attachments.map(\.name) == ["q3-canvas.svg", "q3-network.svg", "q3-charts.svg"])
    }

    // MARK: Grouping

    @Test func findingsAreGroupedThroughTheKPIsTheyName() throws {
        let report = try Self.hostileReport()
        let content = ReportContent(report: report, date: "2026-03-01")
        let kpiFindings = content.verdicts.filter { $0.subjects.contains("evil") }
        #expect(!kpiFindings.isEmpty)
        // A finding about the KPI counts against the objective it serves and the team that owns it.
        let grow = try #require(content.findingsByObjective.first { $0.id == "grow" })
        let sales = try #require(content.findingsByParticipant.first { $0.id == "sales" })
        for finding in kpiFindings {
            #expect(grow.findings.contains(finding))
            #expect(sales.findings.contains(finding))
        }
        // Every verdict lands somewhere; notes never sit in a group.
        let grouped = Set(content.findingsByObjective.flatMap(\.findings))
        #expect(grouped == Set(content.verdicts))
        #expect(grouped.allSatisfy { !$0.isNotEnoughData })
    }

    // MARK: Helpers

    /// Nothing in the page is loaded from elsewhere and nothing runs. Unless the canvas itself
    /// writes URLs in its text, the only URLs are SVG namespace names.
    static func expectSelfContained(_ html: String, urlsInText: Bool = false) {
        for pattern in [
            "src=\"http", "href=\"http", "src='http", "url(http", "@import", "<script", "<link rel=\"stylesheet\"",
        ] {
            #expect(!html.contains(pattern), "found \(pattern)")
        }
        guard !urlsInText else { return }
        let links = html.components(separatedBy: "http://").count + html.components(separatedBy: "https://").count - 2
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(links == namespaces, "only SVG namespaces may name a URL")
    }
}
