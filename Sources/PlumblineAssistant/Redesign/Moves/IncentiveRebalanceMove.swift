import PlumblineCore

/// CHAIN-03, HOR-01, INC-01, INC-02, INC-04, CONF-01 and VAL-02: the team's incentive gets a
/// proposed revision that pays on what it should — part on the outcome the effort is meant to
/// move, on a longer-horizon measure, on a balanced set, on the top objective, on both sides of a conflict pair, on the measure that
/// replaces a retired one — with a linear payout instead of a cliff. The team's incentive is
/// never edited: the revision takes its place only when adopted.
struct IncentiveRebalanceMove: RedesignMove {
    let rules: Set<String> = ["CHAIN-03", "HOR-01", "INC-01", "INC-02", "INC-04", "CONF-01", "VAL-02"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        switch finding.rule {
        case "CHAIN-03": payOnOutcome(finding, &draft)
        case "HOR-01": lengthen(finding, &draft)
        case "INC-01": balance(finding, &draft)
        case "INC-02": smooth(finding, &draft)
        case "INC-04": payForTopObjective(finding, &draft)
        case "CONF-01": shareThePair(finding, &draft)
        case "VAL-02": moveToReplacement(finding, &draft)
        default: break
        }
    }

    private func incentive(_ finding: Finding, _ draft: RedesignDraft) -> Incentive? {
        finding.subjects.first.flatMap { draft.index[IncentiveID($0)] }
    }

    private func tie(
        _ incentive: Incentive, to kpi: KPIID, _ finding: Finding, _ draft: inout RedesignDraft, why: String
    ) {
        draft.revise(
            \.incentives, incentive, answering: finding, entity: .incentiveRevision,
            action: "\(incentive.id) also pays \(incentive.recipient) on \(kpi)", why: why
        ) { i in if !i.tiedTo.contains(kpi) { i.tiedTo.append(kpi) } }
    }

    // MARK: - Answers

    private func payOnOutcome(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard let incentive = incentive(finding, draft) else { return }
        let a = draft.analysis
        let kpis = incentive.tiedTo.compactMap { a.index[$0] }
        var seen: Set<KPIID> = []
        let outcomes = kpis.flatMap { a.outcomes(of: $0) }.filter {
            $0.level?.isResult == true && seen.insert($0.id).inserted
        }
        // The recipient's own outcome first — the result it answers for is the one to share in —
        // then the outcome of the highest-priority objective.
        func rank(_ k: KPI) -> (Int, Int) {
            (
                k.accountable.contains(incentive.recipient) ? 0 : 1,
                k.serves.compactMap { a.index[$0]?.priority }.min() ?? .max
            )
        }
        var outcome = outcomes.enumerated().min { x, y in
            let (rx, ry) = (rank(x.element), rank(y.element))
            return (rx.0, rx.1, x.offset) < (ry.0, ry.1, y.offset)
        }?.element.id
        if outcome == nil, let objective = kpis.flatMap(\.serves).first {
            let owner = kpis.flatMap(\.accountable).first(where: draft.canAnswer)
            outcome = draft.proposeOutcome(for: objective, answering: finding, accountable: owner)
        }
        guard let outcome else { return }
        tie(
            incentive, to: outcome, finding, &draft,
            why: "Part of the reward rides on \(outcome), the result the effort is meant to move.")
    }

    /// HOR-01 (every incentive short-term): the first incentive that can gets a medium- or
    /// long-horizon KPI — an outcome of what it pays on, or one its recipient answers for.
    private func lengthen(_ finding: Finding, _ draft: inout RedesignDraft) {
        let a = draft.analysis
        for incentive in finding.subjects.compactMap({ draft.index[IncentiveID($0)] }) {
            let tied = incentive.tiedTo.compactMap { a.index[$0] }
            let candidates = tied.flatMap { a.outcomes(of: $0) } + (a.accountableKPIs[incentive.recipient] ?? [])
            guard let kpi = candidates.first(where: { ($0.horizon ?? .short) > .short }) else { continue }
            tie(
                incentive, to: kpi.id, finding, &draft,
                why: "Part of it pays on \(kpi.id), a \(kpi.horizon!.rawValue)-horizon measure.")
            return
        }
    }

    private func balance(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard let incentive = incentive(finding, draft) else { return }
        let a = draft.analysis
        let tied = incentive.tiedTo.compactMap { a.index[$0] }
        var served = Set(tied.flatMap(\.serves))
        for kpi in (a.accountableKPIs[incentive.recipient] ?? []).sorted(by: {
            ($0.level?.isResult == true) && !($1.level?.isResult == true)
        }) {
            guard let objective = kpi.serves.first(where: { !served.contains($0) }) else { continue }
            served.formUnion(kpi.serves)
            tie(incentive, to: kpi.id, finding, &draft, why: "A balanced set: \(kpi.id) for \(objective).")
        }
    }

    private func smooth(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard let incentive = incentive(finding, draft) else { return }
        draft.revise(
            \.incentives, incentive, answering: finding, entity: .incentiveRevision,
            action: "\(incentive.id) pays linearly instead of \(incentive.shape?.rawValue ?? "in a step")",
            why: "A linear payout leaves no cliff to land just past."
        ) { i in i.shape = .linear }
    }

    private func payForTopObjective(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard let id = finding.subjects.first else { return }
        let a = draft.analysis
        let serving = (a.servingKPIs[ObjectiveID(id)] ?? []).sorted {
            ($0.level?.isResult == true) && !($1.level?.isResult == true)
        }
        for kpi in serving {
            for owner in kpi.accountable {
                guard let incentive = (a.incentivesByRecipient[owner] ?? []).first(where: { $0.kind != .penalty })
                else { continue }
                tie(incentive, to: kpi.id, finding, &draft, why: "The top objective \(id) pays through \(kpi.id).")
                return
            }
        }
    }

    private func shareThePair(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard finding.subjects.count == 4 else { return }
        let (p, q) = (ParticipantID(finding.subjects[0]), ParticipantID(finding.subjects[1]))
        let (x, y) = (KPIID(finding.subjects[2]), KPIID(finding.subjects[3]))
        let a = draft.analysis
        for (who, has, missing) in [(p, x, y), (q, y, x)] {
            guard
                let incentive = (a.incentivesByRecipient[who] ?? []).first(where: {
                    $0.kind != .penalty && $0.tiedTo.contains(has) && !$0.tiedTo.contains(missing)
                })
            else { continue }
            tie(incentive, to: missing, finding, &draft, why: "Rewarded on both sides of \(x) and \(y).")
        }
        let involved = Set([p, q] + [x, y].flatMap { a.index[$0]?.accountable ?? [] })
        guard let owner = draft.overseer(independentOf: involved) else { return }
        let review = Mechanism(
            id: MechanismID(draft.freshID("\(x)-\(y)-joint-review")),
            name: "Joint review of \(a.name(x)) and \(a.name(y))", kind: .review, owner: owner,
            covers: [.kpi(x), .kpi(y), .participant(p), .participant(q)], cadence: .monthly)
        draft.add(
            review, answering: finding, why: "\(p) and \(q) look at the trade-off together, chaired by \(owner).",
            action: "joint review \(review.id) of \(x) and \(y) with \(p) and \(q), owned by \(owner)")
    }

    private func moveToReplacement(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard finding.subjects.count >= 2, let incentive = draft.index[IncentiveID(finding.subjects[1])] else { return }
        let old = KPIID(finding.subjects[0])
        let replacement =
            finding.subjects.count > 2
            ? KPIID(finding.subjects[2])
            : draft.analysis.canvas.kpis.first { $0.status != .retired && $0.replaces.contains(old) }?.id
        guard incentive.tiedTo.contains(where: { $0 != old }) || replacement != nil else { return }
        draft.revise(
            \.incentives, incentive, answering: finding, entity: .incentiveRevision,
            action: "\(incentive.id) pays on \(replacement?.rawValue ?? "its remaining measures") instead of \(old)",
            why: "Pay follows the redesign: \(old) is \(replacement.map { "replaced by \($0)" } ?? "retired")."
        ) { i in
            i.tiedTo.removeAll { $0 == old }
            if let replacement, !i.tiedTo.contains(replacement) { i.tiedTo.append(replacement) }
        }
    }
}
