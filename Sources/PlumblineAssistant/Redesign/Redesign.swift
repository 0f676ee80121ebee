import PlumblineCore

/// The redesign step (`plumb suggest`): for each finding whose fix the knowledge base and the
/// canvas know, proposals that answer it — proposed KPIs, revised incentives, independent
/// reviews and audits, escalations, feedback loops, a sign-off request.
///
/// A redesign only appends: the team's own entities, fields and order stay as they were.
/// Proposals that change one of the team's entities are revisions — copies marked
/// `x-proposed.replaces` that take the original's place when adopted (`Canvas.adopted`).
///
/// It works in rounds: diagnose the canvas as adopted, answer each active error and warning not
/// answered before (by any earlier run too: proposals record the fingerprints they answer), and
/// again on the result, so that what the first proposals bring up (a new outcome KPI needing its
/// guardrail, a redesign needing sign-off) is answered as well. It stops when a round changes
/// nothing; a finding no move can answer is left for the team.
public struct Redesign: Sendable {
    public var engine: DiagnosisEngine
    /// Written in every proposal mark's `by`.
    public var proposer: String
    /// Rounds at most; three suffice for every chain of moves there is, the fourth is a margin.
    public var rounds: Int

    public init(engine: DiagnosisEngine, proposer: String = "plumb suggest", rounds: Int = 4) {
        self.engine = engine
        self.proposer = proposer
        self.rounds = rounds
    }

    public init(knowledge: KnowledgeBase) { self.init(engine: DiagnosisEngine(knowledge: knowledge)) }

    /// The redesign of `document`'s canvas, judged with `values` (KPI values from files; the
    /// canvas's inline values are always used).
    public func suggest(_ document: CanvasDocument, values: KPIValues? = nil) -> RedesignResult {
        let id = document.canvasID
        let before = diagnose(document.canvas, id: id, values: values)
        var canvas = document.canvas
        var changes: [RedesignChange] = []
        for _ in 0..<rounds {
            // A finding with no answer yet is tried again each round: an earlier round's proposal
            // (a new review, a new outcome KPI) may be what its answer needs.
            let answered = answered(in: canvas)
            let analysis = CanvasAnalysis(
                canvas: canvas.adopted, canvasID: id, knowledge: engine.knowledge, values: values)
            let diagnosis = engine.diagnose(analysis)
            var draft = RedesignDraft(
                canvas: canvas, analysis: analysis, knowledge: engine.knowledge, proposer: proposer)
            for finding in diagnosis.activeFindings where finding.severity >= .warning {
                guard !answered.contains(finding.fingerprint) else { continue }
                for move in RedesignMoves.all where move.rules.contains(finding.rule) {
                    move.propose(for: finding, in: &draft)
                }
            }
            guard !draft.changes.isEmpty else { break }
            canvas = draft.canvas
            changes += draft.changes
        }
        let after = diagnose(canvas.adopted, id: id, values: values)
        return RedesignResult(canvas: canvas, changes: changes, before: before, after: after)
    }

    private func diagnose(_ canvas: Canvas, id: String, values: KPIValues?) -> Diagnosis {
        engine.diagnose(CanvasAnalysis(canvas: canvas, canvasID: id, knowledge: engine.knowledge, values: values))
    }

    /// Fingerprints that proposals in the canvas already answer.
    private func answered(in canvas: Canvas) -> Set<String> {
        var marks: [ProposalMark?] = canvas.kpis.map(\.extensions.proposal)
        marks += canvas.incentives.map(\.extensions.proposal)
        marks += canvas.mechanisms.map(\.extensions.proposal)
        marks += canvas.feedbackLoops.map(\.extensions.proposal)
        marks += canvas.risks.map(\.extensions.proposal)
        marks += canvas.participants.map(\.extensions.proposal)
        marks += canvas.reviews.map(\.extensions.proposal)
        return Set(marks.compactMap { $0 }.flatMap(\.answers))
    }
}

/// What a redesign proposes, and how the canvas fares before and after.
public struct RedesignResult: Sendable {
    /// The canvas as it will be written: the team's content unchanged, the proposals appended.
    public var canvas: Canvas
    /// Every change, in the order made, each with the finding it answers.
    public var changes: [RedesignChange]
    /// The diagnosis of the canvas as given.
    public var before: Diagnosis
    /// The diagnosis of the redesigned canvas as adopted (`Canvas.adopted`).
    public var after: Diagnosis

    /// Active error and warning findings of the adopted redesign: what is left for the team.
    public var remaining: [Finding] { after.activeFindings.filter { $0.severity >= .warning } }

    /// The changes grouped by the finding they answer, in the order the findings were answered.
    public var byFinding: [(fingerprint: String, changes: [RedesignChange])] {
        var order: [String] = []
        var groups: [String: [RedesignChange]] = [:]
        for c in changes {
            if groups[c.fingerprint] == nil { order.append(c.fingerprint) }
            groups[c.fingerprint, default: []].append(c)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
