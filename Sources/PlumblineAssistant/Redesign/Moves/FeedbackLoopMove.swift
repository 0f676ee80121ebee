import PlumblineCore

/// LOOP-01: a KPI with a target that reaches nobody who acts. When a loop already carries it,
/// that loop's revision names the KPI's owner as acting on it; otherwise a new loop carries it to
/// its owner at the KPI's own frequency.
struct FeedbackLoopMove: RedesignMove {
    let rules: Set<String> = ["LOOP-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let kpi = draft.index[KPIID(id)],
            let owner = kpi.accountable.first(where: draft.canAnswer)
        else { return }
        if let loop = draft.analysis.loopsByKPI[kpi.id]?.first {
            draft.revise(
                \.feedbackLoops, loop, answering: finding, entity: .feedbackLoopRevision,
                action: "\(owner) acts on \(loop.id)",
                why: "\(owner), who answers for \(kpi.id), acts on what it shows."
            ) { l in
                if !l.actedOnBy.contains(owner) { l.actedOnBy.append(owner) }
                if !l.reportedTo.contains(owner) { l.reportedTo.append(owner) }
            }
            return
        }
        let loop = FeedbackLoop(
            id: FeedbackLoopID(draft.freshID("\(kpi.id)-loop")), kpis: [kpi.id], collectedBy: kpi.measuredBy,
            reportedTo: [owner], actedOnBy: [owner], cadence: (kpi.frequency ?? .monthly).cadence, channel: .dashboard)
        draft.add(
            loop, answering: finding, why: "\(kpi.id) reaches \(owner), who acts on it.",
            action: "feedback loop \(loop.id) carrying \(kpi.id) to \(owner)")
    }
}
