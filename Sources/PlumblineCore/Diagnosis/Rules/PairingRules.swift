/// PAIR-01: a gameable measure without its guardrail.
public struct MissingCounterMeasureRule: Rule {
    public let metadata = RuleMetadata(
        id: "PAIR-01", title: "Measure without its counter-measure", category: .pairing, severity: .warning,
        summary:
            "A KPI with a known counter-measure has no current KPI filling that guard role (error when the KPI is incentivised).",
        checks: """
            KPIs the knowledge base recognises and knows a counter-measure for need a current KPI that \
            fills the counter role: one declared in pairs_with (either way), or one matching the counter.
            """,
        rationale: """
            Grove's paired indicators: every measure that can be pushed up by cutting corners needs a \
            second measure that shows the corners being cut — speed with quality, volume with retention.
            """,
        remedy: "Add the counter KPI (named in the finding), declare it in pairs_with, and review both together.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var pairedWith: [KPIID: Set<KPIID>] = [:]
        for k in a.currentKPIs {
            for p in k.pairsWith where a.isCurrent(p) {
                pairedWith[k.id, default: []].insert(p)
                pairedWith[p, default: []].insert(k.id)
            }
        }
        let present = Set(a.currentKPIs.compactMap { a.matches[$0.id]?.entry.id })
        return a.currentKPIs.compactMap { kpi in
            guard let match = a.matches[kpi.id] else { return nil }
            let counters = context.knowledge.counters(of: match.entry.id)
            guard !counters.isEmpty else { return nil }
            if !(pairedWith[kpi.id] ?? []).isEmpty { return nil }
            if counters.contains(where: { present.contains($0.b) }) { return nil }
            let pair = counters[0]
            let counterName = context.knowledge[pair.b]?.name ?? pair.b
            let incentivised = !(a.incentivesByKPI[kpi.id] ?? []).isEmpty
            return finding(
                "\(kpi.name) (\(kpi.id)) has no guardrail: nothing plays the role of \(counterName)",
                subjects: [kpi.id.rawValue] + (a.incentivesByKPI[kpi.id] ?? []).map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("knowledge-base match", .string("\(match.entry.name): \(match.explanation)")),
                    PlainField(
                        "known counter-measures", .strings(counters.map { context.knowledge[$0.b]?.name ?? $0.b })),
                    PlainField("incentivised", .bool(incentivised)),
                ]),
                fix: Fix(
                    "Add \(counterName) as a current KPI and declare it in \(kpi.id).pairs_with. \(pair.reason) (\(pair.source))",
                    knowledgeKPIs: counters.map(\.b)),
                severity: incentivised ? .error : .warning)
        }
    }
}

/// CONF-01: two participants paid to pull in opposite directions.
public struct OpposedIncentivesRule: Rule {
    public let metadata = RuleMetadata(
        id: "CONF-01", title: "Incentives in conflict", category: .conflict, severity: .error,
        summary:
            "One participant is rewarded on X and not Y while another is rewarded on Y and not X, X and Y being a known conflict pair.",
        checks: """
            For every pair of KPIs that conflict (a knowledge-base conflict pair, or KPIs naming each \
            other in pairs_with), whether one participant's rewards include X but not Y and another's \
            include Y but not X.
            """,
        rationale:
            "Kerr and Holmström & Milgrom: pay two parties on opposite ends of a trade-off and they will fight each other instead of serving the customer.",
        remedy: "Give both participants a shared objective and a joint review, and reward each on the pair.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        // Which KPIs each participant is rewarded on.
        var rewarded: [ParticipantID: Set<KPIID>] = [:]
        for i in a.canvas.incentives where i.kind != .penalty { rewarded[i.recipient, default: []].formUnion(i.tiedTo) }
        // Conflicting KPI pairs present in the canvas.
        var pairs: [(KPIID, KPIID, String)] = []
        var byEntry: [String: [KPIID]] = [:]
        for k in a.currentKPIs { if let m = a.matches[k.id] { byEntry[m.entry.id, default: []].append(k.id) } }
        for pair in context.knowledge.pairs where pair.kind == .conflict {
            for x in byEntry[pair.a] ?? [] { for y in byEntry[pair.b] ?? [] { pairs.append((x, y, pair.reason)) } }
        }
        for k in a.currentKPIs {
            for p in k.pairsWith where k.id < p && (a.index[p]?.pairsWith.contains(k.id) == true) {
                pairs.append((k.id, p, "the canvas pairs them with each other"))
            }
        }
        // Who is rewarded on each KPI, so each pair looks only at the people it concerns.
        var rewardedOn: [KPIID: [ParticipantID]] = [:]
        for p in a.canvas.participants { for k in rewarded[p.id] ?? [] { rewardedOn[k, default: []].append(p.id) } }
        var out: [Finding] = []
        var seen = Set<String>()
        for (x, y, reason) in pairs {
            let onX = (rewardedOn[x] ?? []).filter { !rewarded[$0]!.contains(y) }
            guard !onX.isEmpty else { continue }
            let onY = (rewardedOn[y] ?? []).filter { !rewarded[$0]!.contains(x) }
            for p in onX {
                for q in onY where q != p {
                    let key = [p.rawValue, q.rawValue, x.rawValue, y.rawValue].sorted().joined(separator: "|")
                    guard seen.insert(key).inserted else { continue }
                    out.append(
                        finding(
                            "\(a.name(p)) is rewarded on \(x) and \(a.name(q)) on \(y), which pull against each other",
                            subjects: [p.rawValue, q.rawValue, x.rawValue, y.rawValue],
                            evidence: Evidence(facts: [
                                PlainField("\(p) rewarded on", .string(x.rawValue)),
                                PlainField("\(q) rewarded on", .string(y.rawValue)),
                                PlainField("why they conflict", .string(reason)),
                            ]),
                            fix: Fix(
                                "Give \(p) and \(q) a shared objective and a joint review of \(x) and \(y), and reward each on both."
                            )))
                }
            }
        }
        return out
    }
}

/// CONF-02: partners who trade with each other but are measured apart.
public struct SiloRule: Rule {
    public let metadata = RuleMetadata(
        id: "CONF-02", title: "Silo", category: .conflict, severity: .warning,
        summary: "Two participants that exchange value share no KPI and no objective served by KPIs of both.",
        checks: """
            For each pair of participants (not customers) that exchange value and are both named on some \
            current KPI: a KPI naming both, or an objective served by a KPI of each.
            """,
        rationale:
            "Parties who depend on each other but are measured apart optimise their own side of the hand-off; the handover is where value leaks.",
        remedy: "Add a shared KPI for the hand-off, with one accountable and the other responsible or consulted.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var kpisOf: [ParticipantID: Set<KPIID>] = [:]
        var objectivesOf: [ParticipantID: Set<ObjectiveID>] = [:]
        for k in a.currentKPIs {
            for p in k.namedParticipants {
                kpisOf[p, default: []].insert(k.id)
                objectivesOf[p, default: []].formUnion(k.serves)
            }
        }
        var seen = Set<String>()
        var out: [Finding] = []
        for exchange in a.canvas.valueExchanges {
            let (x, y) = exchange.from < exchange.to ? (exchange.from, exchange.to) : (exchange.to, exchange.from)
            guard x != y, a.index[x]?.type != .customer, a.index[y]?.type != .customer,
                let kx = kpisOf[x], let ky = kpisOf[y], seen.insert("\(x)|\(y)").inserted
            else { continue }
            guard kx.isDisjoint(with: ky), (objectivesOf[x] ?? []).isDisjoint(with: objectivesOf[y] ?? []) else {
                continue
            }
            out.append(
                finding(
                    "\(a.name(x)) and \(a.name(y)) exchange value but share no KPI or objective",
                    subjects: [x.rawValue, y.rawValue],
                    evidence: Evidence(facts: [
                        PlainField("exchange", .string("\(exchange.from) → \(exchange.to): \(exchange.value)")),
                        PlainField("\(x) KPIs", .number(Double(kx.count))),
                        PlainField("\(y) KPIs", .number(Double(ky.count))),
                    ]),
                    fix: Fix(
                        "Add a KPI for what \(exchange.from) hands to \(exchange.to), accountable to one and consulted with the other."
                    )))
        }
        return out
    }
}
