/// LOOP-01: a number with a target that reaches nobody who acts.
public struct OpenLoopRule: Rule {
    public let metadata = RuleMetadata(
        id: "LOOP-01", title: "Open feedback loop", category: .feedback, severity: .warning,
        summary: "A current KPI with a target is carried by no feedback loop with someone who acts on it.",
        checks: "Each current KPI with a target appears in a feedback loop whose acted_on_by is not empty.",
        rationale:
            "Measurement without a response is reporting theatre: the loop closes only when someone changes course.",
        remedy: "Add a loop that carries the KPI to its accountable participant, naming who acts.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard kpi.target != nil else { return nil }
            let loops = a.loopsByKPI[kpi.id] ?? []
            guard !loops.contains(where: { !$0.actedOnBy.isEmpty }) else { return nil }
            let owner = kpi.accountable.first?.rawValue ?? "its accountable participant"
            return finding(
                loops.isEmpty
                    ? "\(kpi.name) (\(kpi.id)) has a target but no feedback loop carries it"
                    : "\(kpi.name) (\(kpi.id)) is reported through \(loops.map(\.id.rawValue).joined(separator: ", ")) but nobody acts on it",
                subjects: [kpi.id.rawValue] + loops.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("loops carrying it", .strings(loops.map(\.id))),
                    PlainField("participants acting", .list([])),
                ]),
                fix: Fix(
                    "Add \(owner) to acted_on_by of a loop carrying \(kpi.id), with a cadence no slower than its frequency."
                ))
        }
    }
}

/// LOOP-02: data reviewed far less often than it changes.
public struct SlowLoopRule: Rule {
    public let metadata = RuleMetadata(
        id: "LOOP-02", title: "Loop slower than the measure", category: .feedback, severity: .info,
        summary: "A loop's cadence is more than one step slower than the frequency of a KPI it carries.",
        checks:
            "Compares each loop's cadence with the frequency of its KPIs on daily < weekly < monthly < quarterly < yearly.",
        rationale: "A weekly number reviewed quarterly is history by the time anyone sees it.",
        remedy: "Review the KPI at a cadence close to its frequency.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var out: [Finding] = []
        for loop in a.canvas.feedbackLoops {
            guard let cadence = loop.cadence?.frequency else { continue }
            for kid in loop.kpis {
                guard let f = a.index[kid]?.frequency, cadence.rank - f.rank > 1 else { continue }
                out.append(
                    finding(
                        "\(kid) is measured \(f.rawValue) but \(loop.id) looks at it only \(cadence.rawValue)",
                        subjects: [loop.id.rawValue, kid.rawValue],
                        evidence: Evidence(facts: [
                            PlainField("KPI frequency", .string(f.rawValue)),
                            PlainField("loop cadence", .string(cadence.rawValue)),
                        ]),
                        fix: Fix(
                            "Review \(kid) at least \(Frequency.allCases[min(Frequency.allCases.count - 1, f.rank + 1)].rawValue)."
                        )))
            }
        }
        return out
    }
}

/// VP-01: value that flows one way only.
public struct OneWayValueRule: Rule {
    public let metadata = RuleMetadata(
        id: "VP-01", title: "One-way value", category: .valueExchange, severity: .warning,
        summary: "A participant delivers value but receives none, or receives but delivers none.",
        checks:
            "Each participant in a value exchange appears both as a from and as a to (accountability-network canvases).",
        rationale:
            "Networks hold together on reciprocity; a party that only gives will stop, and one that only takes is a cost nobody accounted for.",
        remedy: "Record the missing exchange, or rethink the participant's place in the network.",
        onlyFor: .accountabilityNetwork)

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        let gives = Set(a.canvas.valueExchanges.map(\.from)), gets = Set(a.canvas.valueExchanges.map(\.to))
        return a.canvas.participants.compactMap { p in
            let g = gives.contains(p.id), r = gets.contains(p.id)
            guard g != r else { return nil }
            return finding(
                g
                    ? "\(p.name) (\(p.id)) delivers value but receives nothing"
                    : "\(p.name) (\(p.id)) receives value but delivers nothing",
                subjects: [p.id.rawValue],
                evidence: Evidence(facts: [PlainField("delivers", .bool(g)), PlainField("receives", .bool(r))]),
                fix: Fix(g ? "Record what \(p.id) receives in return." : "Record what \(p.id) delivers to the network.")
            )
        }
    }
}
