import PlumblineCore

extension HTMLReport {
    // MARK: Findings

    static func findings(_ groups: [ReportContent.Group], into out: inout HTMLWriter) {
        for group in groups {
            out.element("div", ["class": "group"]) { out in
                out.element("h3", text: group.title)
                if let detail = group.detail, !detail.isEmpty { out.element("p", ["class": "detail"], text: detail) }
                if group.findings.isEmpty {
                    out.element("p", ["class": "clean"], text: "No findings.")
                } else {
                    findingTable(group.findings, into: &out)
                }
            }
        }
    }

    static func findingTable(_ findings: [Finding], into out: inout HTMLWriter) {
        out.element("table", ["class": "findings"]) { out in
            out.trusted(
                "<thead><tr><th>Severity</th><th>Rule</th><th>Finding</th><th>Evidence</th><th>Fix</th></tr></thead><tbody>"
            )
            for finding in findings {
                out.element("tr", ["class": "sev-" + finding.severity.rawValue]) { out in
                    out.element("td") { out in severityBadge(finding.severity, into: &out) }
                    out.element("td") { out in out.element("code", text: finding.rule) }
                    out.element("td", text: finding.message)
                    out.element("td", ["class": "evidence"], text: finding.evidence.summary)
                    out.element("td", text: finding.fix.text)
                }
            }
            out.trusted("</tbody>")
        }
    }

    static func severityBadge(_ severity: Severity, into out: inout HTMLWriter) {
        out.element("span", ["class": "badge sev-" + severity.rawValue], text: severity.rawValue)
    }

    static func notes(_ content: ReportContent, into out: inout HTMLWriter) {
        let notes = content.notEnoughData
        guard !notes.isEmpty else { return }
        out.element("div", ["class": "group"]) { out in
            out.element("h3", text: ReportContent.notesHeading)
            out.element("ul", ["class": "compact"]) { out in
                for finding in notes {
                    out.element("li") { out in
                        out.element("code", text: finding.rule)
                        out.text(" " + finding.message + ". " + finding.fix.text)
                    }
                }
            }
        }
    }

    static func waived(_ content: ReportContent, into out: inout HTMLWriter) {
        let waived = content.waivedFindings
        guard !waived.isEmpty else { return }
        out.element("div", ["class": "group"]) { out in
            out.element("h3", text: "Waived")
            out.element("ul", ["class": "waived"]) { out in
                for finding in waived {
                    out.element("li") { out in
                        out.element("code", text: finding.rule)
                        out.text(" " + finding.message + " — waived: " + (finding.waiver?.reason ?? ""))
                    }
                }
            }
        }
    }

    // MARK: Redesign and review

    static func redesign(_ content: ReportContent, into out: inout HTMLWriter) {
        heading(.redesign, into: &out)
        out.element("h3", text: "Proposed KPIs")
        let proposed = content.proposedKPIs
        if proposed.isEmpty {
            out.element("p", ["class": "note"], text: "The canvas proposes no new KPIs yet.")
        } else {
            out.element("table", ["class": "redesign"]) { out in
                out.trusted(
                    "<thead><tr><th>Proposed KPI</th><th>Replaces</th><th>Pairs with</th><th>Serves</th>"
                        + "<th>Accountable</th><th>Rationale</th></tr></thead><tbody>")
                for kpi in proposed {
                    out.element("tr") { out in
                        out.element("td") { out in
                            out.element("strong", text: kpi.name)
                            out.text(" (" + kpi.id.rawValue + ")")
                        }
                        out.element("td", text: content.names(kpi.replaces.map(\.rawValue)))
                        out.element("td", text: content.names(kpi.pairsWith.map(\.rawValue)))
                        out.element("td", text: content.names(kpi.serves.map(\.rawValue)))
                        out.element("td", text: content.names(kpi.accountable.map(\.rawValue)))
                        out.element("td", text: kpi.rationale ?? "—")
                    }
                }
                out.trusted("</tbody>")
            }
        }
        let retired = content.retiredKPIs
        if !retired.isEmpty {
            out.element("p", ["class": "note"], text: "Retired: " + content.names(retired.map(\.id.rawValue)) + ".")
        }
        reviews(content, into: &out)
    }

    static func reviews(_ content: ReportContent, into out: inout HTMLWriter) {
        out.element("h3", text: "Review status")
        let reviews = content.canvas.reviews
        guard !reviews.isEmpty else {
            out.element(
                "p", ["class": "note"],
                text: "No reviews recorded: the redesign has not been put to its stakeholders yet.")
            return
        }
        out.element("p", ["class": "note"], text: ReportContent.reviewSummary(reviews))
        out.element("table", ["class": "reviews"]) { out in
            out.trusted("<thead><tr><th>Reviewer</th><th>Status</th><th>On</th><th>Note</th></tr></thead><tbody>")
            for review in reviews {
                out.element("tr") { out in
                    out.element("td", text: content.names([review.by.rawValue]))
                    out.element("td") { out in
                        out.element("span", ["class": "status " + review.status.rawValue], text: review.status.rawValue)
                    }
                    out.element("td", text: review.on?.description ?? "—")
                    out.element("td", text: review.note ?? "—")
                }
            }
            out.trusted("</tbody>")
        }
    }
}

extension ReportContent {
    /// The heading of the list of data rules that could not judge.
    static let notesHeading = "Not enough data to judge"

    /// Where the by-participant section points for those notes.
    static func notesPointer(_ count: Int) -> String {
        "\(count) data \(count == 1 ? "check" : "checks") could not judge for lack of values; "
            + "they are listed under \(ReportSection.findingsByObjective.heading)."
    }

    /// "2 approved, 1 pending, 0 changes requested".
    static func reviewSummary(_ reviews: [Review]) -> String {
        ReviewStatus.allCases.map { status in
            "\(reviews.filter { $0.status == status }.count) \(status.rawValue.replacingOccurrences(of: "-", with: " "))"
        }.joined(separator: ", ")
    }
}
