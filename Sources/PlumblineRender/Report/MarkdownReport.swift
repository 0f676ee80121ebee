import PlumblineCore

/// The report in Markdown, for wikis and pull requests: the same sections as `HTMLReport`, with
/// tables for scores and findings, and the pictures as SVG files written next to the Markdown
/// file and linked from it.
public struct MarkdownReport: Sendable {
    /// A picture the Markdown links to, to be written beside it under `name`.
    public struct Attachment: Sendable, Hashable {
        /// The file name, relative to the Markdown file.
        public var name: String
        /// The SVG document.
        public var svg: String
    }

    /// The Markdown text.
    public let markdown: String
    /// The pictures it links to.
    public let attachments: [Attachment]

    /// - Parameters:
    ///   - report: the canvas and its diagnosis.
    ///   - date: the report's date, printed under the title.
    ///   - baseName: the Markdown file's name without extension; pictures are named after it
    ///     (`report` gives `report-canvas.svg`, `report-network.svg`, `report-charts.svg`).
    public init(report: CheckReport, date: String, baseName: String) {
        let content = ReportContent(report: report, date: date)
        var attachments = [
            Attachment(name: baseName + "-canvas.svg", svg: content.canvasSVG()),
            Attachment(name: baseName + "-network.svg", svg: content.networkSVG),
        ]
        if let charts = content.chartsSVG() {
            attachments.append(Attachment(name: baseName + "-charts.svg", svg: charts))
        }
        self.attachments = attachments
        var out = ""
        for section in ReportSection.allCases {
            out += Self.write(section, content, attachments: attachments)
            out += "\n"
        }
        markdown = out
    }

    // MARK: Sections

    private static func write(_ section: ReportSection, _ content: ReportContent, attachments: [Attachment]) -> String {
        let heading = "## \(section.heading)\n\n"
        switch section {
        case .overview: return overview(content)
        case .scores: return heading + scores(content)
        case .canvas: return heading + image(attachments[0], alt: "KPI Misalignment Canvas")
        case .network: return heading + image(attachments[1], alt: "Accountability network")
        case .findingsByObjective:
            return heading + findings(content.findingsByObjective) + notes(content) + waived(content)
        case .findingsByParticipant:
            let pointer =
                content.notEnoughData.isEmpty ? "" : ReportContent.notesPointer(content.notEnoughData.count) + "\n"
            return heading + findings(content.findingsByParticipant) + pointer
        case .redesign: return heading + redesign(content)
        case .charts:
            if attachments.count > 2 { return heading + image(attachments[2], alt: "KPI charts") }
            return heading + MarkdownText.escape(ReportContent.noValuesNote) + "\n"
        }
    }

    private static func image(_ attachment: Attachment, alt: String) -> String {
        "![\(alt)](\(attachment.name))\n"
    }

    private static func overview(_ content: ReportContent) -> String {
        let canvas = content.canvas
        let c = content.report.counts
        var out = "# \(MarkdownText.escape(canvas.title))\n\n## \(ReportSection.overview.heading)\n\n"
        if let summary = canvas.summary, !summary.isEmpty { out += MarkdownText.escape(summary) + "\n\n" }
        out += "**Alignment \(String(format4: content.diagnosis.scores.overall)) / 100** · "
        out += "\(c.error) errors, \(c.warning) warnings, \(c.info) info"
        out += c.waived > 0 ? ", \(c.waived) waived\n\n" : "\n\n"
        let kind = canvas.kind == .kpiMisalignment ? "KPI Misalignment Canvas" : "Accountability Network Canvas"
        out += "- Canvas: \(kind)\n"
        out += "- File: \(MarkdownText.escape(content.report.document.file ?? content.report.document.canvasID))\n"
        out += "- Date: \(MarkdownText.escape(content.date))\n"
        out +=
            "- Contents: \(canvas.objectives.count) objectives, \(canvas.kpis.count) KPIs, \(canvas.participants.count) participants\n"
        return out
    }

    private static func scores(_ content: ReportContent) -> String {
        var out = "Canvas: **\(String(format4: content.diagnosis.scores.overall)) / 100**\n"
        for table in content.scoreTables where !table.rows.isEmpty {
            out += "\n### \(table.heading)\n\n" + MarkdownText.header(["Name", "Id", "Score", "Bar"])
            for row in table.rows {
                let filled = Int((min(max(row.value, 0), 100) / 10).rounded())
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                out += MarkdownText.row([row.name, row.id, String(format4: row.value), bar])
            }
        }
        return out
    }

    private static func findings(_ groups: [ReportContent.Group]) -> String {
        var out = ""
        for group in groups {
            out += "### \(MarkdownText.escape(group.title))\n\n"
            if let detail = group.detail, !detail.isEmpty { out += "_\(MarkdownText.escape(detail))_\n\n" }
            if group.findings.isEmpty {
                out += "No findings.\n\n"
                continue
            }
            out += MarkdownText.header(["Severity", "Rule", "Finding", "Evidence", "Fix"])
            for f in group.findings {
                out += MarkdownText.row([f.severity.rawValue, f.rule, f.message, f.evidence.summary, f.fix.text])
            }
            out += "\n"
        }
        return out
    }

    private static func notes(_ content: ReportContent) -> String {
        let notes = content.notEnoughData
        guard !notes.isEmpty else { return "" }
        return "### \(ReportContent.notesHeading)\n\n"
            + notes.map {
                "- \(MarkdownText.escape($0.rule)) \(MarkdownText.escape($0.message)). \(MarkdownText.escape($0.fix.text))"
            }.joined(separator: "\n") + "\n\n"
    }

    private static func waived(_ content: ReportContent) -> String {
        let waived = content.waivedFindings
        guard !waived.isEmpty else { return "" }
        return "### Waived\n\n"
            + waived.map {
                "- \(MarkdownText.escape($0.rule)) \(MarkdownText.escape($0.message)) — waived: "
                    + MarkdownText.escape($0.waiver?.reason ?? "")
            }.joined(separator: "\n") + "\n"
    }

    private static func redesign(_ content: ReportContent) -> String {
        var out = "### Proposed KPIs\n\n"
        let proposed = content.proposedKPIs
        if proposed.isEmpty {
            out += "The canvas proposes no new KPIs yet.\n"
        } else {
            out += MarkdownText.header(["Proposed KPI", "Replaces", "Pairs with", "Serves", "Accountable", "Rationale"])
            for kpi in proposed {
                out += MarkdownText.row([
                    "\(kpi.name) (\(kpi.id.rawValue))", content.names(kpi.replaces.map(\.rawValue)),
                    content.names(kpi.pairsWith.map(\.rawValue)), content.names(kpi.serves.map(\.rawValue)),
                    content.names(kpi.accountable.map(\.rawValue)), kpi.rationale ?? "—",
                ])
            }
        }
        let retired = content.retiredKPIs
        if !retired.isEmpty {
            out += "\nRetired: " + MarkdownText.escape(content.names(retired.map(\.id.rawValue))) + "\n"
        }
        out += "\n### Review status\n\n"
        let reviews = content.canvas.reviews
        if reviews.isEmpty {
            return out + "No reviews recorded: the redesign has not been put to its stakeholders yet.\n"
        }
        out += ReportContent.reviewSummary(reviews) + "\n\n"
        out += MarkdownText.header(["Reviewer", "Status", "On", "Note"])
        for review in reviews {
            out += MarkdownText.row([
                content.names([review.by.rawValue]), review.status.rawValue, review.on?.description ?? "—",
                review.note ?? "—",
            ])
        }
        return out
    }
}
