import Foundation
import PlumblineCore

extension CheckReport {
    /// The report as Markdown, for pull requests and wikis.
    public var markdown: String {
        let c = counts
        var out = "## \(document.canvas.title)\n\n"
        out +=
            "`\(document.file ?? diagnosis.canvasID)` · \(document.canvas.kind.rawValue) · **alignment \(String(format4: diagnosis.scores.overall))/100** · "
        out += "\(c.error) errors, \(c.warning) warnings, \(c.info) info"
        out += c.waived > 0 ? ", \(c.waived) waived\n\n" : "\n\n"
        let active = diagnosis.activeFindings
        if active.isEmpty {
            out += "No findings.\n"
        } else {
            out += "| severity | rule | finding | evidence | fix |\n|---|---|---|---|---|\n"
            for f in active {
                out +=
                    "| \(f.severity.rawValue) | \(f.rule) | \(Self.cell(f.message)) | \(Self.cell(f.evidence.summary)) | \(Self.cell(f.fix.text)) |\n"
            }
        }
        let waived = diagnosis.findings.filter { !$0.isActive }
        if !waived.isEmpty {
            out +=
                "\n**Waived:** "
                + waived.map { "\($0.rule) on \($0.subjects.joined(separator: ", ")) (\($0.waiver?.reason ?? ""))" }
                .joined(separator: "; ") + "\n"
        }
        let scored = diagnosis.scores.objectives
        if !scored.isEmpty {
            out += "\n| objective | score |\n|---|---|\n"
            for s in scored { out += "| \(s.subject) | \(String(format4: s.value)) |\n" }
        }
        return out
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
