import PlumblineCore

/// The report a team takes to leadership, as one self-contained HTML file: inline CSS and SVG,
/// no scripts, no fonts or images fetched from anywhere, so it can be mailed, archived or opened
/// offline. Printed (or turned into PDF by headless Chromium) on A4 landscape, each
/// `ReportSection` starts a new page.
public struct HTMLReport: Sendable {
    /// The diagnosed canvas the report is about.
    public let report: CheckReport
    /// The date printed on the title page, as written (ISO `YYYY-MM-DD` by convention).
    public let date: String

    /// - Parameters:
    ///   - report: the canvas and its diagnosis.
    ///   - date: the report's date, passed in so the same input always gives the same file.
    public init(report: CheckReport, date: String) {
        self.report = report
        self.date = date
    }

    /// The finished document.
    public var html: String {
        let content = ReportContent(report: report, date: date)
        var out = HTMLWriter()
        out.trusted("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // An empty icon stops browsers asking the file system or a server for /favicon.ico.
        out.trusted("<link rel=\"icon\" href=\"data:,\">\n")
        out.element("title", text: "Plumbline report: " + content.canvas.title)
        out.trusted("\n<style>\n" + Self.stylesheet + "</style>\n</head>\n<body>\n")
        for section in ReportSection.allCases {
            out.element("section", ["id": section.anchor, "class": "page"]) { out in
                Self.write(section, content, into: &out)
            }
        }
        out.trusted("</body>\n</html>\n")
        return out.html
    }

    // MARK: Sections

    private static func write(_ section: ReportSection, _ content: ReportContent, into out: inout HTMLWriter) {
        switch section {
        case .overview: overview(content, into: &out)
        case .scores: scores(content, into: &out)
        case .canvas:
            heading(section, into: &out)
            picture(content.canvasSVG(), label: "The KPI Misalignment Canvas", into: &out)
        case .network:
            heading(section, into: &out)
            picture(content.networkSVG, label: "The accountability network", into: &out)
        case .findingsByObjective:
            heading(section, into: &out)
            findings(content.findingsByObjective, into: &out)
            notes(content, into: &out)
            waived(content, into: &out)
        case .findingsByParticipant:
            heading(section, into: &out)
            findings(content.findingsByParticipant, into: &out)
            if !content.notEnoughData.isEmpty {
                out.element("p", ["class": "note"], text: ReportContent.notesPointer(content.notEnoughData.count))
            }
        case .redesign: redesign(content, into: &out)
        case .charts:
            heading(section, into: &out)
            if let svg = content.chartsSVG() {
                picture(svg, label: "KPI charts", into: &out)
            } else {
                out.element("p", ["class": "note"], text: ReportContent.noValuesNote)
            }
        }
    }

    static func heading(_ section: ReportSection, into out: inout HTMLWriter) {
        out.element("h2", text: section.heading)
    }
}
