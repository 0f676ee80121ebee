import ArgumentParser
import PlumblineCore

/// `plumb rules`: the catalogue of rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every diagnosis rule with its id, severity and what it checks.")

    func run() {
        let rules = RuleRegistry.all.map(\.metadata)
        let width = rules.map(\.id.count).max() ?? 8
        var category: RuleCategory? = nil
        for r in rules {
            if r.category != category {
                category = r.category
                print("\n\(r.category.rawValue.uppercased())")
            }
            let id = r.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = r.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            print("  \(id)  \(severity)  \(r.summary)")
        }
        print("\nplumb explain ID tells what a rule checks, why it matters and how to fix what it finds.")
    }
}

/// `plumb explain ID`: one rule in full.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: what it checks, why it matters, how to fix it.")

    @Argument(help: "A rule id, e.g. PAIR-01.")
    var id: String

    func run() throws {
        guard let rule = RuleRegistry.rule(id.uppercased()) else {
            throw ValidationError("'\(id)' is not a rule id; plumb rules lists them")
        }
        let m = rule.metadata
        print("\(m.id) — \(m.title)")
        print("Default severity: \(m.defaultSeverity.rawValue). Category: \(m.category.rawValue).")
        if let only = m.onlyFor { print("Runs on \(only.rawValue) canvases only.") }
        print("\nWhat it checks\n  \(m.checks)")
        print("\nWhy it matters\n  \(m.rationale)")
        print("\nHow to fix it\n  \(m.remedy)")
        if !m.parameters.isEmpty {
            print("\nParameters (settings.rules.\(m.id) in the canvas, or --rule \(m.id).NAME=VALUE)")
            for p in m.parameters { print("  \(p.name) = \(FieldFormat.number(p.defaultValue))  \(p.summary)") }
        }
        print("\nSwitch it off with settings.rules.\(m.id): off, or accept one finding with settings.waive.")
    }
}

enum FieldFormat {
    static func number(_ n: Double) -> String { n == n.rounded() ? String(Int(n)) : String(n) }
}
