import PlumblineCore

extension HTMLReport {
    // MARK: Title page

    static func overview(_ content: ReportContent, into out: inout HTMLWriter) {
        let canvas = content.canvas
        out.element("p", ["class": "kicker"], text: "Plumbline report")
        out.element("h1", text: canvas.title)
        heading(.overview, into: &out)
        if let summary = canvas.summary, !summary.isEmpty { out.element("p", ["class": "summary"], text: summary) }
        let c = content.report.counts
        out.element("p", ["class": "headline"]) { out in
            out.element("span", ["class": "big"], text: String(format4: content.diagnosis.scores.overall))
            out.text(" / 100 alignment · ")
            out.text("\(c.error) errors, \(c.warning) warnings, \(c.info) info")
            if c.waived > 0 { out.text(", \(c.waived) waived") }
        }
        out.element("dl", ["class": "facts"]) { out in
            let facts: [(String, String)] = [
                (
                    "Canvas",
                    canvas.kind == .kpiMisalignment ? "KPI Misalignment Canvas" : "Accountability Network Canvas"
                ),
                ("File", content.report.document.file ?? content.report.document.canvasID),
                ("Date", content.date),
                (
                    "Contents",
                    "\(canvas.objectives.count) objectives, \(canvas.kpis.count) KPIs, "
                        + "\(canvas.participants.count) participants"
                ),
                ("Rules run", String(content.diagnosis.rulesRun.count)),
            ]
            for (term, value) in facts {
                out.element("dt", text: term)
                out.element("dd", text: value)
            }
        }
        out.element("nav", ["aria-label": "Sections"]) { out in
            out.element("ol") { out in
                for section in ReportSection.allCases.dropFirst() {
                    out.element("li") { out in
                        out.element("a", ["href": "#" + section.anchor], text: section.heading)
                    }
                }
            }
        }
    }

    // MARK: Scores

    static func scores(_ content: ReportContent, into out: inout HTMLWriter) {
        heading(.scores, into: &out)
        out.element("p", ["class": "note"]) { out in
            out.text("Canvas: ")
            out.element("strong", text: String(format4: content.diagnosis.scores.overall) + " / 100")
            out.text(
                ". Each objective, participant and element earns full credit with no warning or error, half with a warning, none with an error."
            )
        }
        out.element("div", ["class": "score-tables"]) { out in
            for table in content.scoreTables where !table.rows.isEmpty {
                out.element("table", ["class": "scores"]) { out in
                    out.element("caption", text: table.heading)
                    out.trusted("<thead><tr><th>Name</th><th class=\"num\">Score</th><th>Bar</th></tr></thead><tbody>")
                    for row in table.rows {
                        out.element("tr") { out in
                            out.element("td", ["title": row.id], text: row.name)
                            out.element("td", ["class": "num"], text: String(format4: row.value))
                            out.element("td") { out in scoreBar(row.value, into: &out) }
                        }
                    }
                    out.trusted("</tbody>")
                }
            }
        }
    }

    /// A horizontal bar, coloured like the findings that would pull a score that low.
    static func scoreBar(_ value: Double, into out: inout HTMLWriter) {
        let clamped = min(max(value, 0), 100)
        let colour =
            clamped < 50 ? Palette.colour(for: .error) : clamped < 80 ? Palette.colour(for: .warning) : "#2e7d32"
        out.element("span", ["class": "bar", "role": "img", "aria-label": "\(String(format4: clamped)) of 100"]) {
            out in
            out.element(
                "span", ["style": "width:\(String(format4: clamped))%;background:\(colour)"], text: "")
        }
    }
}
