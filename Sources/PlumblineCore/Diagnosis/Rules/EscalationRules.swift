/// ESC-01: a target with nowhere to go when it is missed.
public struct MissingEscalationRule: Rule {
    public let metadata = RuleMetadata(
        id: "ESC-01", title: "No escalation path", category: .escalation, severity: .warning,
        summary:
            "A KPI with a target has no escalation: its owner escalates nowhere and no escalation mechanism covers it.",
        checks: """
            For current KPIs with a target: the accountable participant has escalates_to, or an \
            escalation or corrective-action mechanism covers the KPI.
            """,
        rationale:
            "When a target is missed and the owner cannot fix it alone, the problem must travel somewhere; otherwise it waits.",
        remedy: "Add an escalation path with a trigger and a time limit, or give the owner an escalates_to.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard kpi.target != nil else { return nil }
            let ownerEscalates = kpi.accountable.contains { a.index[$0]?.escalatesTo != nil }
            let mechanism = (a.mechanismsByKPI[kpi.id] ?? []).contains {
                $0.kind == .escalation || $0.kind == .correctiveAction
            }
            guard !ownerEscalates, !mechanism else { return nil }
            return finding(
                "When \(kpi.name) (\(kpi.id)) misses its target, there is nowhere to escalate",
                subjects: [kpi.id.rawValue] + kpi.accountable.map(\.rawValue),
                evidence: Evidence(facts: [
                    PlainField("accountable", .strings(kpi.accountable)), PlainField("owner escalates to", .null),
                    PlainField("escalation mechanisms covering it", .number(0)),
                ]),
                fix: Fix(
                    "Add an escalation mechanism covering \(kpi.id) with a trigger and a within time limit, or set escalates_to on its owner."
                ))
        }
    }
}

/// ESC-02: escalation paths that loop or lead nowhere.
public struct BrokenEscalationPathRule: Rule {
    public let metadata = RuleMetadata(
        id: "ESC-02", title: "Broken escalation path", category: .escalation, severity: .error,
        summary:
            "Following escalates_to loops, returns to where it started, or ends at someone who is neither oversight nor reports to anyone.",
        checks: """
            From every participant and mechanism with an escalates_to, the chain of escalates_to is \
            followed; it must end at an oversight participant or one with a reporting line, without loops.
            """,
        rationale:
            "An escalation that circles back or stops at a dead end means problems bounce until they expire (the IIA three-lines model gives every escalation an independent destination).",
        remedy: "Re-route the path to end at an oversight role.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var out: [Finding] = []
        var reportedLoops = Set<String>()
        func follow(from start: String, first: ParticipantID) {
            var path = [start]
            var seen: [ParticipantID: Int] = [:]
            var current = first
            while true {
                if let at = seen[current] {
                    let cycle = Array(path[(at + 1)...]) + [current.rawValue]
                    let key = Set(cycle).sorted().joined(separator: "|")
                    guard reportedLoops.insert(key).inserted else { return }
                    out.append(
                        finding(
                            "Escalation from \(start) goes round in a loop: \((path + [current.rawValue]).joined(separator: " → "))",
                            subjects: [start] + Set(cycle).subtracting([start]).sorted(),
                            evidence: Evidence(
                                facts: [PlainField("loop", .strings(cycle))], path: path + [current.rawValue]),
                            fix: Fix("Point one step of the loop at an oversight role instead.")))
                    return
                }
                seen[current] = path.count
                path.append(current.rawValue)
                guard let p = a.index[current] else { return }
                if let next = p.escalatesTo {
                    current = next
                    continue
                }
                if p.type != .oversight && p.reportsTo == nil {
                    out.append(
                        finding(
                            "Escalation from \(start) ends at \(p.name) (\(p.id)), which is not an oversight role and reports to no one",
                            subjects: [start, p.id.rawValue],
                            evidence: Evidence(
                                facts: [
                                    PlainField("ends at", .string(p.id.rawValue)),
                                    PlainField("its type", .string(p.type.rawValue)),
                                ], path: path),
                            fix: Fix("Give \(p.id) an escalates_to that ends at an oversight role.")))
                }
                return
            }
        }
        for p in a.canvas.participants { if let next = p.escalatesTo { follow(from: p.id.rawValue, first: next) } }
        for m in a.canvas.mechanisms { if let next = m.escalatesTo { follow(from: m.id.rawValue, first: next) } }
        return out
    }
}
