import ArgumentParser
import Foundation
import PlumblineCore
import PlumblineRender

/// `plumb check FILE…`: the diagnosis.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Diagnose canvases: where KPIs pull against strategy and accountability is unclear.",
        discussion: """
            Every finding names its rule, what it concerns, the evidence that made it fire and a \
            concrete fix. Exit status: 0 when no active finding reaches --fail-on, 1 when one does, \
            2 when a file is not a valid canvas.

            Examples:
              plumb check examples/saas-growth-vs-retention.yaml
              plumb check canvas.yaml --format sarif -o plumbline.sarif
              plumb check canvas.yaml --rule PAIR-01=off --rule ACC-03.max=20 --fail-on warning
              plumb check --remote CANVAS-ID --format json     # findings computed by the server
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, markdown }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

    @Argument(help: "Canvas files (.yaml, .yml or .json).")
    var files: [String] = []

    @Option(help: "Diagnose a canvas on the server (plumb login first): its id. Text or JSON output.")
    var remote: String?

    @Option(help: "With --remote: the server (default: the one you last logged in to).")
    var server: String?

    @Option(help: "Output: text, json, sarif or markdown.")
    var format: OutputFormat = .text

    @Option(help: "Exit 1 when an active finding is at least this severe: error, warning, info or never.")
    var failOn: FailOn = .error

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp(
            "Override a rule: ID=off|on|error|warning|info, or ID.PARAMETER=NUMBER. Repeatable.", valueName: "setting"))
    var ruleOverrides: [String] = []

    @Option(name: .shortAndLong, help: "Write the report here instead of standard output.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "A CSV file of KPI values (long or wide layout), besides the canvas's own data. Repeatable.",
            valueName: "file"))
    var data: [String] = []

    @Flag(help: "Never colour the text output.")
    var noColour = false

    @Flag(
        help: """
            Judge the canvas with its proposals adopted: proposed KPIs current, the KPIs they replace \
            retired, revisions (x-proposed with replaces) in place of what they revise — what `plumb \
            suggest` reports as "after".
            """)
    var asAdopted = false

    func validate() throws {
        if remote == nil, files.isEmpty { throw ValidationError("give canvas files, or --remote ID") }
        if remote != nil, !files.isEmpty { throw ValidationError("give canvas files or --remote ID, not both") }
        if remote != nil, format != .text, format != .json {
            throw ValidationError("--remote reports as text or json")
        }
        if remote != nil, !ruleOverrides.isEmpty || !data.isEmpty || asAdopted {
            throw ValidationError(
                "--remote uses the server's rule settings and uploaded values; drop --rule, --data and --as-adopted")
        }
    }

    func run() async throws {
        if let remote {
            let report = try await RemoteCheck(canvas: remote, server: server).run(
                json: format == .json, output: output)
            try exit(failing: report.worst)
            return
        }
        let overrides = try RuleOverride.parse(ruleOverrides)
        let (engine, reports) = try Diagnose.reports(
            files: files, data: data, overrides: overrides, asAdopted: asAdopted)

        let text: String
        switch format {
        case .text:
            let colour =
                !noColour && output == nil && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            text = reports.map { $0.text(colour: colour) }.joined(separator: "\n")
        case .json: text = CheckReport.json(reports)
        case .sarif:
            text = CheckReport.sarif(
                reports, rules: engine.rules.map(\.metadata), toolVersion: Plumb.configuration.version)
        case .markdown: text = reports.map(\.markdown).joined(separator: "\n")
        }
        if let output {
            try CanvasFile.writeAtomically(text, to: output)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }

        try exit(failing: reports.flatMap { $0.diagnosis.activeFindings.map(\.severity) })
    }

    /// Exit 1 when an active finding reaches --fail-on.
    func exit(failing severities: [Severity]) throws {
        let threshold: Severity? =
            switch failOn {
            case .error: .error
            case .warning: .warning
            case .info: .info
            case .never: nil
            }
        if let threshold, severities.contains(where: { $0 >= threshold }) { throw ExitCode(1) }
    }
}

/// `--rule` values: `ID=off`, `ID=warning`, `ID.max=20`.
enum RuleOverride {
    static func parse(_ values: [String]) throws -> [RuleSetting] {
        var settings: [String: RuleSetting] = [:]
        var order: [String] = []
        for value in values {
            guard let eq = value.firstIndex(of: "=") else {
                throw ValidationError("--rule \(value): expected ID=off|on|error|warning|info or ID.PARAMETER=NUMBER")
            }
            let key = String(value[..<eq]), setting = String(value[value.index(after: eq)...])
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            let id = parts[0]
            guard RuleIDs.all.contains(id) else {
                let hint =
                    RuleIDs.all.first { $0.hasPrefix(id.prefix(3)) }.map { " (e.g. \($0); plumb rules lists them)" }
                    ?? ""
                throw ValidationError("--rule \(value): '\(id)' is not a rule id\(hint)")
            }
            if settings[id] == nil { order.append(id) }
            var rule = settings[id] ?? RuleSetting(ruleID: id)
            if parts.count == 2 {
                guard let number = Double(setting) else {
                    throw ValidationError("--rule \(value): the parameter value must be a number")
                }
                rule.parameters.append(PlainField(parts[1], .number(number)))
            } else if setting == "off" {
                rule.enabled = false
            } else if setting == "on" {
                rule.enabled = true
            } else if let severity = Severity(rawValue: setting) {
                rule.severity = severity
            } else {
                throw ValidationError("--rule \(value): expected off, on, error, warning or info after '='")
            }
            settings[id] = rule
        }
        return order.compactMap { settings[$0] }
    }
}
