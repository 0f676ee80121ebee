/// The canvas as it would be once the team adopts its redesign: what the diagnosis of a
/// redesigned canvas judges, since a proposal changes nothing until it is adopted.
///
/// - A proposed KPI becomes current. The KPIs in its `replaces` retire — unless its proposal mark
///   names one KPI it revises (`x-proposed.replaces`): then it takes that KPI's place and id, so
///   the objectives, mechanisms, loops, incentives and values that name the KPI keep naming it.
/// - An incentive, mechanism, feedback loop or risk whose proposal mark replaces one of the
///   team's takes that entity's place and id; other marked entities are simply there.
/// - Every adopted proposal keeps its mark, and KPIs adopted from a proposal carry
///   `x-adopted: true`, so rules that care whether a redesign was signed off (VAL-01) still see
///   what was proposed.
///
/// The team's own content is otherwise unchanged: a canvas without proposals is its own adopted view.
extension Canvas {
    /// The extension field set on KPIs that were proposals before adoption.
    public static let adoptedField = "x-adopted"

    /// This canvas with every proposal adopted.
    public var adopted: Canvas {
        var result = self
        result.kpis = adoptedKPIs()
        result.incentives = Self.supersede(incentives)
        result.mechanisms = Self.supersede(mechanisms)
        result.feedbackLoops = Self.supersede(feedbackLoops)
        result.risks = Self.supersede(risks)
        return result
    }

    /// Whether the canvas holds anything proposed: a proposed KPI or an entity with a proposal mark.
    public var hasProposals: Bool {
        kpis.contains { $0.status == .proposed || $0.extensions.proposal != nil }
            || incentives.contains { $0.extensions.proposal != nil }
            || mechanisms.contains { $0.extensions.proposal != nil }
            || feedbackLoops.contains { $0.extensions.proposal != nil }
            || risks.contains { $0.extensions.proposal != nil }
            || participants.contains { $0.extensions.proposal != nil }
    }

    private func adoptedKPIs() -> [KPI] {
        let ids = Set(kpis.map(\.id))
        var revisions: [KPIID: KPI] = [:]
        var retired: Set<KPIID> = []
        var dropped: Set<KPIID> = []
        for kpi in kpis where kpi.status == .proposed {
            if let target = kpi.extensions.proposal?.replaces.map({ KPIID($0) }), target != kpi.id, ids.contains(target)
            {
                revisions[target] = kpi
                dropped.insert(kpi.id)
            } else {
                retired.formUnion(kpi.replaces)
            }
        }
        var result: [KPI] = []
        for kpi in kpis where !dropped.contains(kpi.id) {
            if let revision = revisions[kpi.id] {
                var adopted = revision
                adopted.id = kpi.id
                adopted.status = .current
                adopted.replaces = []
                adopted.extensions.append(PlainField(Self.adoptedField, true))
                result.append(adopted)
            } else if kpi.status == .proposed {
                var adopted = kpi
                adopted.status = .current
                adopted.extensions.append(PlainField(Self.adoptedField, true))
                result.append(adopted)
            } else if retired.contains(kpi.id) {
                var old = kpi
                old.status = .retired
                result.append(old)
            } else {
                result.append(kpi)
            }
        }
        // A proposal may name a revision where it means the KPI the revision adopts into.
        let renamed = Dictionary(uniqueKeysWithValues: revisions.map { ($0.value.id, $0.key) })
        guard !renamed.isEmpty else { return result }
        func fix(_ list: [KPIID]) -> [KPIID] { list.map { renamed[$0] ?? $0 } }
        for i in result.indices {
            result[i].drives = fix(result[i].drives)
            result[i].pairsWith = fix(result[i].pairsWith)
            result[i].replaces = fix(result[i].replaces)
        }
        return result
    }

    /// Puts each marked entity that replaces one of the list's entities in that entity's place,
    /// under its id.
    private static func supersede<E: Supersedable>(_ list: [E]) -> [E] {
        let ids = Set(list.map(\.id.description))
        var replacement: [String: E] = [:]
        var dropped: Set<String> = []
        for e in list {
            guard let target = e.extensions.proposal?.replaces, target != e.id.description, ids.contains(target),
                replacement[target] == nil
            else { continue }
            replacement[target] = e
            dropped.insert(e.id.description)
        }
        guard !replacement.isEmpty else { return list }
        return list.compactMap { e in
            if dropped.contains(e.id.description) { return nil }
            guard var r = replacement[e.id.description] else { return e }
            r.id = e.id
            return r
        }
    }
}

/// An entity a proposal can supersede in `Canvas.adopted`.
private protocol Supersedable: Identifiable where ID: CustomStringConvertible {
    var id: ID { get set }
    var extensions: Extensions { get }
}

extension Incentive: Supersedable {}
extension Mechanism: Supersedable {}
extension FeedbackLoop: Supersedable {}
extension Risk: Supersedable {}
