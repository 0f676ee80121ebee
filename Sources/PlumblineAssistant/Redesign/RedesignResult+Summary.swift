import PlumblineCore

/// The readable account of a redesign: every change under the finding it answers, the
/// diagnosis before and after, and what is left for the team.
extension RedesignResult {
    /// Plain text, one block per answered finding.
    public var text: String {
        var lines: [String] = []
        let findings = byFinding
        lines.append(
            changes.isEmpty
                ? "No changes: nothing the knowledge base knows how to fix is left unanswered."
                : "\(changes.count) change\(changes.count == 1 ? "" : "s") answering \(findings.count) finding\(findings.count == 1 ? "" : "s"):"
        )
        for (_, group) in findings {
            lines.append("")
            lines.append("\(group[0].rule)  \(group[0].finding)")
            for c in group { lines.append("  + \(c.entity.rawValue) \(c.id): \(c.action)") }
        }
        lines.append("")
        lines.append("before (as given):   \(Self.tally(before))")
        lines.append("after (as adopted):  \(Self.tally(after))")
        if !remaining.isEmpty {
            lines.append("")
            lines.append("Left for the team:")
            for f in remaining {
                lines.append("  \(f.severity.rawValue.padding(7)) \(f.rule.padding(8)) \(f.message)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as a JSON value: changes, counts and scores before and after, what remains.
    public var jsonValue: PlainValue {
        func counts(_ d: Diagnosis) -> PlainValue {
            .map([
                PlainField("errors", .number(Double(d.activeFindings.filter { $0.severity == .error }.count))),
                PlainField("warnings", .number(Double(d.activeFindings.filter { $0.severity == .warning }.count))),
                PlainField("infos", .number(Double(d.activeFindings.filter { $0.severity == .info }.count))),
                PlainField("score", .number(d.scores.overall)),
            ])
        }
        let changeList: [PlainValue] = changes.map { c in
            .map([
                PlainField("rule", .string(c.rule)), PlainField("finding", .string(c.fingerprint)),
                PlainField("message", .string(c.finding)), PlainField("entity", .string(c.entity.rawValue)),
                PlainField("id", .string(c.id)), PlainField("change", .string(c.action)),
            ])
        }
        let left: [PlainValue] = remaining.map { f in
            .map([
                PlainField("rule", .string(f.rule)), PlainField("severity", .string(f.severity.rawValue)),
                PlainField("subjects", .strings(f.subjects)), PlainField("message", .string(f.message)),
            ])
        }
        return .map([
            PlainField("canvas", .string(after.canvasID)), PlainField("changes", .list(changeList)),
            PlainField("before", counts(before)), PlainField("after", counts(after)),
            PlainField("remaining", .list(left)),
        ])
    }

    private static func tally(_ d: Diagnosis) -> String {
        let active = d.activeFindings
        let errors = active.filter { $0.severity == .error }.count
        let warnings = active.filter { $0.severity == .warning }.count
        return
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), score \(d.scores.overall)"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
