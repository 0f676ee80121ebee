import Foundation
import PlumblineCore

/// The canvas a redesign round is building, and what the round knows: the adopted view it
/// diagnosed and the knowledge base. Moves change the canvas only through this type, which
/// appends — the team's own entities are never edited — gives every addition a fresh id and a
/// proposal mark, and records each change with the finding it answers.
struct RedesignDraft {
    /// The canvas as it will be written: the team's content, then the proposals.
    private(set) var canvas: Canvas
    /// The adopted view this round diagnosed: what moves look things up in.
    let analysis: CanvasAnalysis
    let knowledge: KnowledgeBase
    /// Who proposes, written in each proposal mark.
    let proposer: String
    private(set) var changes: [RedesignChange] = []
    private var used: Set<String>

    init(canvas: Canvas, analysis: CanvasAnalysis, knowledge: KnowledgeBase, proposer: String) {
        self.canvas = canvas
        self.analysis = analysis
        self.knowledge = knowledge
        self.proposer = proposer
        var ids = Set(canvas.objectives.map(\.id.rawValue))
        ids.formUnion(canvas.participants.map(\.id.rawValue))
        ids.formUnion(canvas.kpis.map(\.id.rawValue))
        ids.formUnion(canvas.mechanisms.map(\.id.rawValue))
        ids.formUnion(canvas.feedbackLoops.map(\.id.rawValue))
        ids.formUnion(canvas.incentives.map(\.id.rawValue))
        ids.formUnion(canvas.risks.map(\.id.rawValue))
        self.used = ids
    }

    /// The adopted view's index.
    var index: CanvasIndex { analysis.index }

    // MARK: - Ids and marks

    /// An id built from `base` that no entity of the canvas uses yet (ids share one namespace).
    mutating func freshID(_ base: String) -> String {
        var stem = String(
            base.lowercased().map { c in c.isASCII && (c.isLetter || c.isNumber || "-_.".contains(c)) ? c : "-" })
        while stem.contains("--") { stem = stem.replacingOccurrences(of: "--", with: "-") }
        stem = String(stem.trimmingCharacters(in: .init(charactersIn: "-_.")).prefix(56))
        if stem.isEmpty { stem = "proposal" }
        var candidate = stem
        var n = 2
        while used.contains(candidate) {
            candidate = "\(stem)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The mark of a proposal answering `finding`.
    func mark(_ finding: Finding, replaces: String? = nil, rationale: String? = nil) -> ProposalMark {
        ProposalMark(by: proposer, answers: [finding.fingerprint], replaces: replaces, rationale: rationale)
    }

    /// "Answers CHAIN-03 (sales-bonus pays … only for effort)."
    static func citation(_ finding: Finding) -> String { "Answers \(finding.rule): \(finding.message)." }

    // MARK: - Additions

    /// Appends a proposed KPI: status proposed, the citation in its rationale, marked.
    mutating func propose(_ kpi: KPI, answering finding: Finding, why: String, action: String) {
        var k = kpi
        k.status = .proposed
        k.rationale = "\(Self.citation(finding)) \(why)"
        k.extensions.proposal = mark(finding)
        canvas.kpis.append(k)
        changes.append(RedesignChange(finding: finding, entity: .kpi, id: k.id.rawValue, action: action))
    }

    /// Appends a mechanism, marked with why it is proposed.
    mutating func add(_ mechanism: Mechanism, answering finding: Finding, why: String, action: String) {
        var m = mechanism
        m.extensions.proposal = mark(finding, rationale: why)
        canvas.mechanisms.append(m)
        changes.append(RedesignChange(finding: finding, entity: .mechanism, id: m.id.rawValue, action: action))
    }

    /// Appends a feedback loop, marked with why it is proposed.
    mutating func add(_ loop: FeedbackLoop, answering finding: Finding, why: String, action: String) {
        var l = loop
        l.extensions.proposal = mark(finding, rationale: why)
        canvas.feedbackLoops.append(l)
        changes.append(RedesignChange(finding: finding, entity: .feedbackLoop, id: l.id.rawValue, action: action))
    }

    /// Appends a review, marked with why it is asked for.
    mutating func add(_ review: Review, answering finding: Finding, why: String, action: String) {
        var r = review
        r.extensions.proposal = mark(finding, rationale: why)
        canvas.reviews.append(r)
        changes.append(RedesignChange(finding: finding, entity: .review, id: r.by.rawValue, action: action))
    }

    /// Records an addition a move made directly to the canvas.
    mutating func recordAddition(_ finding: Finding, entity: RedesignChange.Entity, id: String, action: String) {
        changes.append(RedesignChange(finding: finding, entity: entity, id: id, action: action))
    }

    /// Appends a participant the redesign needs (only ever an oversight role, see
    /// `independentOverseer`).
    mutating func add(_ participant: Participant) { canvas.participants.append(participant) }

    /// Widens a proposal this redesign already added (never a team entity): the change is
    /// recorded against `finding`, whose fingerprint joins the proposal's answers.
    mutating func extendProposal<E: ProposedEntity>(
        _ list: WritableKeyPath<Canvas, [E]>, id: String, answering finding: Finding, entity: RedesignChange.Entity,
        action: String, _ change: (inout E) -> Void
    ) -> Bool {
        guard let i = canvas[keyPath: list].firstIndex(where: { $0.idText == id && isOurs($0) }) else { return false }
        change(&canvas[keyPath: list][i])
        note(finding, on: &canvas[keyPath: list][i])
        changes.append(RedesignChange(finding: finding, entity: entity, id: id, action: action))
        return true
    }

    // MARK: - Revisions

    /// Proposes a revision of the entity `id` — a copy taking its place when adopted — or widens
    /// the revision (or the proposal) already made. `current` is the entity as adopted now.
    /// Returns the id of the proposal changed.
    @discardableResult
    mutating func revise<E: ProposedEntity>(
        _ list: WritableKeyPath<Canvas, [E]>, _ current: E, answering finding: Finding, entity: RedesignChange.Entity,
        action: String, why: String, _ change: (inout E) -> Void
    ) -> String {
        let id = current.idText
        let entities = canvas[keyPath: list]
        // Our own revision of it, or our own proposal: change that rather than stack another copy.
        if let i = entities.firstIndex(where: {
            isOurs($0)
                && ($0.extensions.proposal?.replaces == id
                    || ($0.idText == id && $0.extensions.proposal?.replaces == nil))
        }) {
            change(&canvas[keyPath: list][i])
            note(finding, on: &canvas[keyPath: list][i], why: why)
            let changed = canvas[keyPath: list][i].idText
            changes.append(RedesignChange(finding: finding, entity: entity, id: changed, action: action))
            return changed
        }
        var revision = current
        revision.rename(freshID("\(id)-revised"))
        revision.extensions.removeAll { $0.key == Canvas.adoptedField }
        revision.extensions.proposal = mark(finding, replaces: id)
        revision.startRevision(of: id)
        change(&revision)
        revision.explain(why: "\(Self.citation(finding)) \(why)")
        canvas[keyPath: list].append(revision)
        changes.append(RedesignChange(finding: finding, entity: entity, id: revision.idText, action: action))
        return revision.idText
    }

    private func isOurs<E: ProposedEntity>(_ e: E) -> Bool { e.extensions.proposal?.by == proposer }

    private func note<E: ProposedEntity>(_ finding: Finding, on e: inout E, why: String? = nil) {
        guard var m = e.extensions.proposal else { return }
        if !m.answers.contains(finding.fingerprint) {
            m.answers.append(finding.fingerprint)
            e.extensions.proposal = m
            if let why { e.explain(why: "\(Self.citation(finding)) \(why)") }
        }
    }
}

/// An entity a redesign can propose or revise: it has an id and an `x-` field for its mark.
protocol ProposedEntity {
    var idText: String { get }
    var extensions: Extensions { get set }
    mutating func rename(_ id: String)
    /// Prepares a copy to be a revision of `id` (KPIs become proposed and say what they replace).
    mutating func startRevision(of id: String)
    /// Adds a sentence to the proposal's rationale.
    mutating func explain(why: String)
}

extension ProposedEntity {
    mutating func startRevision(of id: String) {}
    mutating func explain(why: String) {
        guard var m = extensions.proposal else { return }
        m.rationale = [m.rationale, why].compactMap { $0 }.joined(separator: " ")
        extensions.proposal = m
    }
}

extension KPI: ProposedEntity {
    var idText: String { id.rawValue }
    mutating func rename(_ id: String) { self.id = KPIID(id) }
    mutating func startRevision(of id: String) {
        status = .proposed
        replaces = [KPIID(id)]
        rationale = nil
    }
    mutating func explain(why: String) { rationale = [rationale, why].compactMap { $0 }.joined(separator: " ") }
}

extension Incentive: ProposedEntity {
    var idText: String { id.rawValue }
    mutating func rename(_ id: String) { self.id = IncentiveID(id) }
    // A revised incentive is a new design: it takes effect when adopted, not when the old one did.
    mutating func startRevision(of id: String) { since = nil }
}

extension Mechanism: ProposedEntity {
    var idText: String { id.rawValue }
    mutating func rename(_ id: String) { self.id = MechanismID(id) }
}

extension FeedbackLoop: ProposedEntity {
    var idText: String { id.rawValue }
    mutating func rename(_ id: String) { self.id = FeedbackLoopID(id) }
}

extension Risk: ProposedEntity {
    var idText: String { id.rawValue }
    mutating func rename(_ id: String) { self.id = RiskID(id) }
}
