import PlumblineCore

/// VAL-01: a redesign awaiting sign-off gets a pending review request addressed to the top
/// oversight role. The finding stays until the team records its verdict: asking is all a tool
/// can do.
struct SignOffMove: RedesignMove {
    let rules: Set<String> = ["VAL-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        let asked = draft.canvas.reviews.contains { $0.status == .pending && $0.extensions.proposal != nil }
        guard !asked, let reviewer = draft.overseer(independentOf: []) else { return }
        let proposed = finding.subjects.dropFirst().joined(separator: ", ")
        draft.add(
            Review(by: reviewer, status: .pending, note: "Sign-off requested on the proposed redesign: \(proposed)"),
            answering: finding, why: "The stakeholders review the redesign before it is used.",
            action: "pending review by \(reviewer) of \(proposed)")
    }
}
