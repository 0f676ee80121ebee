import Dispatch

/// Relations every rule needs, computed once per diagnosis so each rule is a linear pass:
/// which KPIs serve each objective, who is accountable for what, which mechanisms, loops and
/// incentives touch each KPI, and which knowledge-base entry each KPI is.
public struct CanvasAnalysis: Sendable {
    public let canvas: Canvas
    public let index: CanvasIndex
    public let knowledge: KnowledgeBase
    /// The canvas's id (written, or from its file name).
    public let canvasID: String

    /// Current KPIs, in canvas order.
    public let currentKPIs: [KPI]
    /// Current KPIs serving each objective.
    public let servingKPIs: [ObjectiveID: [KPI]]
    /// Current KPIs each participant is accountable for.
    public let accountableKPIs: [ParticipantID: [KPI]]
    /// Incentives tied to each KPI.
    public let incentivesByKPI: [KPIID: [Incentive]]
    /// Incentives each participant receives.
    public let incentivesByRecipient: [ParticipantID: [Incentive]]
    /// Mechanisms covering each KPI.
    public let mechanismsByKPI: [KPIID: [Mechanism]]
    /// Mechanisms covering each participant.
    public let mechanismsByParticipant: [ParticipantID: [Mechanism]]
    /// Feedback loops carrying each KPI.
    public let loopsByKPI: [KPIID: [FeedbackLoop]]
    /// KPIs that declare they drive each KPI (leading indicators of it).
    public let drivers: [KPIID: [KPIID]]
    /// The knowledge-base entry of each KPI that matches one.
    public let matches: [KPIID: KnowledgeMatch]
    /// Participants directly reporting to each participant.
    public let reports: [ParticipantID: [ParticipantID]]
    /// KPI values, when any were loaded (inline in the canvas or from files).
    public let data: KPIDataSet?

    public init(document: CanvasDocument, knowledge: KnowledgeBase, values: KPIValues? = nil) {
        self.init(canvas: document.canvas, canvasID: document.canvasID, knowledge: knowledge, values: values)
    }

    /// `values` are the KPI values from files; the canvas's inline series are added to them.
    public init(canvas: Canvas, canvasID: String, knowledge: KnowledgeBase, values: KPIValues? = nil) {
        self.canvas = canvas
        self.canvasID = canvasID
        self.index = CanvasIndex(canvas)
        self.knowledge = knowledge
        let current = canvas.kpis.filter { $0.status == .current }
        self.currentKPIs = current

        var serving: [ObjectiveID: [KPI]] = [:]
        var accountable: [ParticipantID: [KPI]] = [:]
        for k in current {
            for o in k.serves { serving[o, default: []].append(k) }
            for p in Set(k.accountable) { accountable[p, default: []].append(k) }
        }
        servingKPIs = serving
        accountableKPIs = accountable

        var byKPI: [KPIID: [Incentive]] = [:]
        var byRecipient: [ParticipantID: [Incentive]] = [:]
        for i in canvas.incentives {
            for k in Set(i.tiedTo) { byKPI[k, default: []].append(i) }
            byRecipient[i.recipient, default: []].append(i)
        }
        incentivesByKPI = byKPI
        incentivesByRecipient = byRecipient

        var mechKPI: [KPIID: [Mechanism]] = [:]
        var mechParticipant: [ParticipantID: [Mechanism]] = [:]
        for m in canvas.mechanisms {
            for c in m.covers {
                switch c {
                case .kpi(let k): mechKPI[k, default: []].append(m)
                case .participant(let p): mechParticipant[p, default: []].append(m)
                }
            }
        }
        mechanismsByKPI = mechKPI
        mechanismsByParticipant = mechParticipant

        var loops: [KPIID: [FeedbackLoop]] = [:]
        for l in canvas.feedbackLoops { for k in Set(l.kpis) { loops[k, default: []].append(l) } }
        loopsByKPI = loops

        var drivers: [KPIID: [KPIID]] = [:]
        for k in canvas.kpis { for d in k.drives { drivers[d, default: []].append(k.id) } }
        self.drivers = drivers

        // Matching names is the costliest part of the analysis on large canvases; spread it out.
        let found = UnsafeResults<KnowledgeMatch?>(count: canvas.kpis.count)
        DispatchQueue.concurrentPerform(iterations: canvas.kpis.count) { i in
            found.set(i, knowledge.match(canvas.kpis[i]))
        }
        var matches: [KPIID: KnowledgeMatch] = [:]
        for (i, k) in canvas.kpis.enumerated() { if let m = found.get(i) { matches[k.id] = m } }
        self.matches = matches

        var reports: [ParticipantID: [ParticipantID]] = [:]
        for p in canvas.participants { if let boss = p.reportsTo { reports[boss, default: []].append(p.id) } }
        self.reports = reports

        var all = values ?? KPIValues()
        all.merge(inline: canvas)
        self.data = all.series.isEmpty ? nil : KPIDataSet(values: all, canvas: canvas)
    }

    // MARK: - Questions rules ask

    /// Whether a KPI is in use now.
    public func isCurrent(_ id: KPIID) -> Bool { index[id]?.status == .current }

    /// Everyone below `id` in the reporting line (direct and indirect reports).
    public func reportingLine(below id: ParticipantID) -> Set<ParticipantID> {
        var seen: Set<ParticipantID> = []
        var queue = reports[id] ?? []
        while let next = queue.popLast() {
            if seen.insert(next).inserted { queue += reports[next] ?? [] }
        }
        return seen
    }

    /// Everyone above `id` in the reporting line.
    public func reportingChain(above id: ParticipantID) -> [ParticipantID] {
        var chain: [ParticipantID] = []
        var seen: Set<ParticipantID> = [id]
        var current = index[id]?.reportsTo
        while let boss = current, seen.insert(boss).inserted {
            chain.append(boss)
            current = index[boss]?.reportsTo
        }
        return chain
    }

    /// The participant's name for messages, falling back to its id.
    public func name(_ id: ParticipantID) -> String { index[id]?.name ?? id.rawValue }

    /// The KPI's name for messages, falling back to its id.
    public func name(_ id: KPIID) -> String { index[id]?.name ?? id.rawValue }
}

/// What one rule sees: the shared analysis and its own parameters.
public struct RuleContext: Sendable {
    public let analysis: CanvasAnalysis
    let setting: RuleSetting?
    let metadata: RuleMetadata
    /// Where the rule counts the tests it ran but does not report.
    public let tally: TestTally

    public init(analysis: CanvasAnalysis, rule: RuleMetadata, setting: RuleSetting?, tally: TestTally = TestTally()) {
        self.analysis = analysis
        self.metadata = rule
        self.setting = setting
        self.tally = tally
    }

    public var canvas: Canvas { analysis.canvas }
    public var index: CanvasIndex { analysis.index }
    public var knowledge: KnowledgeBase { analysis.knowledge }

    /// The value of one of the rule's parameters: the canvas's setting, else the default.
    public func parameter(_ name: String) -> Double {
        if let value = setting?.number(name) { return value }
        return metadata.parameters.first { $0.name == name }?.defaultValue ?? 0
    }
}
