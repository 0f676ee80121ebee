import PlumblineCore

extension CheckReport {
    /// The report for a terminal: findings grouped by severity, each with where it is, its
    /// evidence and its fix; colour only when `colour` is true (a terminal, not a pipe).
    public func text(colour: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let file = document.file ?? diagnosis.canvasID
        var out = paint("\(document.canvas.title)", "1") + " (\(file), \(document.canvas.kind.rawValue))\n"
        let c = counts
        out +=
            "Alignment score \(String(format4: diagnosis.scores.overall))/100 — \(c.error) error\(c.error == 1 ? "" : "s"), \(c.warning) warning\(c.warning == 1 ? "" : "s"), \(c.info) info"
        if c.waived > 0 { out += ", \(c.waived) waived" }
        out += "\n"
        let groups: [(Severity, String, String)] = [
            (.error, "Errors", "31"), (.warning, "Warnings", "33"), (.info, "Info", "36"),
        ]
        for (severity, heading, code) in groups {
            let list = diagnosis.activeFindings.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            out += "\n" + paint(heading, "1;\(code)") + "\n"
            for f in list { out += entry(f, code: code, file: file, paint: paint) }
        }
        let waived = diagnosis.findings.filter { !$0.isActive }
        if !waived.isEmpty {
            out += "\n" + paint("Waived", "1;2") + "\n"
            for f in waived { out += "  \(f.rule) \(f.subjects.joined(separator: ", ")) — \(f.waiver?.reason ?? "")\n" }
        }
        if !diagnosis.trends.isEmpty {
            out += "\n" + paint("KPI values", "1") + "\n"
            let width = diagnosis.trends.map(\.kpi.rawValue.count).max() ?? 0
            for t in diagnosis.trends {
                let name = t.kpi.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                var line = "  \(name)  \(t.sparkline())  \(t.first)–\(t.last)"
                if let mk = t.mannKendall {
                    let arrow = mk.p < 0.05 ? (mk.s > 0 ? "↑" : "↓") : "→"
                    let p = mk.p < 0.0001 ? "< 0.0001" : String(format4: mk.p)
                    line += "  \(arrow) tau \(String(format4: mk.tau)), p \(p)"
                }
                let rules = diagnosis.activeFindings.filter {
                    $0.severity >= .warning && $0.subjects.contains(t.kpi.rawValue) && $0.rule.hasPrefix("DATA-")
                }.map(\.rule)
                if !rules.isEmpty { line += "  " + paint(Array(Set(rules)).sorted().joined(separator: " "), "33") }
                out += line + "\n"
            }
        }
        let weakest = (diagnosis.scores.objectives + diagnosis.scores.participants + diagnosis.scores.blocks)
            .filter { $0.value < 100 }.sorted { $0.value < $1.value }.prefix(5)
        if !weakest.isEmpty {
            out +=
                "\n" + paint("Weakest", "1") + ": "
                + weakest.map { "\($0.subject) \(String(format4: $0.value))" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    private func entry(_ f: Finding, code: String, file: String, paint: (String, String) -> String) -> String {
        let mark = location(of: f)
        var s = "  " + paint(f.rule, code) + "  \(f.message)\n"
        s += "        " + paint("at", "2") + " \(file):\(mark.line)"
        if !f.subjects.isEmpty { s += "  " + paint("subjects", "2") + " \(f.subjects.joined(separator: ", "))" }
        s += "\n"
        if !f.evidence.isEmpty { s += "        " + paint("evidence", "2") + " \(f.evidence.summary)\n" }
        s += "        " + paint("fix", "2") + " \(f.fix.text)\n"
        return s
    }
}
