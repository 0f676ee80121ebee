import ArgumentParser
import Foundation
import PlumblineCore

/// `plumb check --remote ID`: the findings the server computed for a canvas's current version
/// with its uploaded KPI values, printed as the server's JSON report or as a short text.
struct RemoteCheck {
    var canvas: String
    var server: String?

    /// The active findings' severities, for --fail-on.
    struct Outcome {
        var worst: [Severity]
    }

    func run(json: Bool, output: String?) async throws -> Outcome {
        let remote = try ServerCredentials.load().remote(server)
        let reply: RemoteServer.Reply
        do {
            reply = try await remote.send("GET", "/api/v1/canvases/\(escape(canvas))/findings")
        } catch let error as RemoteError {
            Console.error(error.message)
            throw ExitCode(2)
        }
        let report = try reply.json()
        let findings = report["findings"] as? [[String: Any]] ?? []
        let active = findings.filter { $0["waived"] == nil }
        let text = json ? reply.text : Self.text(report, active: active)
        if let output {
            try CanvasFile.writeAtomically(text, to: output)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        return Outcome(worst: active.compactMap { ($0["severity"] as? String).flatMap(Severity.init(rawValue:)) })
    }

    /// `title: N errors, N warnings, N infos` and one line per active finding with its fix.
    static func text(_ report: [String: Any], active: [[String: Any]]) -> String {
        let summary = report["summary"] as? [String: Any] ?? [:]
        func count(_ key: String) -> Int { (summary[key] as? NSNumber)?.intValue ?? 0 }
        var lines = [
            "\(report["title"] as? String ?? "canvas"): \(count("errors")) errors, \(count("warnings")) warnings, "
                + "\(count("infos")) infos"
        ]
        for finding in active {
            let severity = finding["severity"] as? String ?? "?"
            let rule = finding["rule"] as? String ?? "?"
            lines.append("  \(severity) \(rule) \(finding["message"] as? String ?? "")")
            if let fix = finding["suggestion"] as? String, !fix.isEmpty { lines.append("      fix: \(fix)") }
        }
        return lines.joined(separator: "\n")
    }
}
