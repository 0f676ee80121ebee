import PlumblineCore

/// Assembles a draft: the archetype first, all marked assumed, then the description's
/// entities laid over it, then references checked so the result is valid format v1.
struct DraftBuilder {
    let kind: CanvasKind
    let knowledge: KnowledgeBase
    let library: ArchetypeLibrary
    var canvas: Canvas

    init(kind: CanvasKind, knowledge: KnowledgeBase, library: ArchetypeLibrary) {
        self.kind = kind
        self.knowledge = knowledge
        self.library = library
        self.canvas = Canvas(kind: kind, title: "Draft")
    }

    static let assumedMark: Extensions = [PlainField(AssistantMarks.assumed, .bool(true))]
    static func recognised(_ phrase: String) -> Extensions { [PlainField(AssistantMarks.recognised, .string(phrase))] }

    // MARK: - Archetype

    mutating func start(from archetype: Archetype) {
        let mark = Self.assumedMark
        canvas.objectives = archetype.templates(archetype.objectives, for: kind).map {
            Objective(
                id: ObjectiveID($0.id), statement: $0.statement, horizon: $0.horizon, priority: $0.priority,
                extensions: mark)
        }
        canvas.participants = archetype.templates(archetype.participants, for: kind).map {
            Participant(
                id: ParticipantID($0.id), name: $0.name, type: ParticipantType(rawValue: $0.type) ?? .team,
                reportsTo: $0.reportsTo.map { ParticipantID($0) },
                escalatesTo: $0.escalatesTo.map { ParticipantID($0) },
                decides: $0.decides ?? [], extensions: mark)
        }
        for t in archetype.templates(archetype.kpis, for: kind) {
            guard var kpi = kpi(knowledgeID: t.kpi, accountable: t.accountable, extensions: mark) else { continue }
            kpi.serves = t.serves.map { ObjectiveID($0) }
            kpi.drives = (t.drives ?? []).map { KPIID($0) }
            kpi.measuredBy = t.measuredBy.map { ParticipantID($0) }
            canvas.kpis.append(kpi)
        }
        canvas.incentives = archetype.templates(archetype.incentives, for: kind).map {
            Incentive(
                id: IncentiveID($0.id), recipient: ParticipantID($0.recipient),
                kind: IncentiveKind(rawValue: $0.kind) ?? .reward, tiedTo: $0.tiedTo.map { KPIID($0) },
                weight: $0.weight,
                shape: $0.shape.flatMap(PayoutShape.init(rawValue:)), extensions: mark)
        }
        canvas.mechanisms = archetype.templates(archetype.mechanisms, for: kind).map { t in
            Mechanism(
                id: MechanismID(t.id), name: t.name, kind: MechanismKind(rawValue: t.kind) ?? .review,
                owner: t.owner.map { ParticipantID($0) }, covers: (t.covers ?? []).map(coverage),
                cadence: t.cadence.flatMap(Cadence.init(rawValue:)), trigger: t.trigger,
                within: t.within.flatMap(TimeSpan.init), extensions: mark)
        }
        canvas.feedbackLoops = archetype.templates(archetype.feedbackLoops, for: kind).map {
            FeedbackLoop(
                id: FeedbackLoopID($0.id), kpis: $0.kpis.map { KPIID($0) },
                reportedTo: ($0.reportedTo ?? []).map { ParticipantID($0) },
                actedOnBy: ($0.actedOnBy ?? []).map { ParticipantID($0) },
                cadence: $0.cadence.flatMap(Cadence.init(rawValue:)),
                channel: $0.channel.flatMap(LoopChannel.init(rawValue:)), extensions: mark)
        }
        if kind == .accountabilityNetwork {
            canvas.valueExchanges = archetype.templates(archetype.valueExchanges, for: kind).map {
                ValueExchange(
                    from: ParticipantID($0.from), to: ParticipantID($0.to), value: $0.value,
                    kind: $0.kind.flatMap(ValueKind.init(rawValue:)), extensions: mark)
            }
        }
    }

    private func coverage(_ id: String) -> Coverage {
        knowledge[id] != nil ? .kpi(KPIID(id)) : .participant(ParticipantID(id))
    }

    /// A KPI defined as the knowledge base defines it.
    func kpi(knowledgeID: String, accountable: String?, extensions: Extensions) -> KPI? {
        guard let k = knowledge[knowledgeID] else { return nil }
        return KPI(
            id: KPIID(k.id), name: k.name, formula: k.formula, unit: k.unit, direction: k.direction, level: k.level,
            perspective: k.perspective, horizon: k.horizon, frequency: k.frequency, blocks: [k.block],
            accountable: accountable.map { [ParticipantID($0)] } ?? [], extensions: extensions)
    }

    // MARK: - The description

    mutating func lay(_ reading: DescriptionReading) {
        for team in reading.teams { confirmTeam(team, reading: reading) }
        for goal in reading.goals { addGoal(goal) }
        for id in reading.measures { confirmMeasure(id, reading: reading) }
        for pain in reading.painPoints { ensureObjective(for: pain.measure, phrase: pain.phrase) }
        for incentive in reading.incentives { addIncentive(incentive) }
        for system in reading.aiSystems { addAISystem(system, reading: reading) }
    }

    private func phrase(for kind: Recognition.Kind, in reading: DescriptionReading, matching: String) -> String {
        reading.recognitions.first { $0.kind == kind && $0.meaning.contains(matching) }?.phrase ?? matching
    }

    private mutating func confirmTeam(_ id: String, reading: DescriptionReading) {
        let said = phrase(for: .team, in: reading, matching: "'\(library.function(id)?.name ?? id)'")
        if let i = canvas.participants.firstIndex(where: { $0.id.rawValue == id }) {
            canvas.participants[i].extensions = Self.recognised(said)
            return
        }
        guard let role = library.function(id) else { return }
        let oversight = canvas.participants.first { $0.type == .oversight }?.id
        let type = ParticipantType(rawValue: role.type) ?? .team
        canvas.participants.append(
            Participant(
                id: ParticipantID(id), name: role.name, type: type,
                reportsTo: type == .oversight ? nil : oversight, escalatesTo: type == .oversight ? nil : oversight,
                decides: role.decides, extensions: Self.recognised(said)))
    }

    private mutating func addGoal(_ goal: NamedGoal) {
        // A goal of a theme the archetype already has takes that objective's place in the team's words.
        if let theme = goal.theme,
            let i = canvas.objectives.firstIndex(where: {
                AssistantMarks.isAssumed($0.extensions) && knowledge.theme(for: $0.statement)?.id == theme
            })
        {
            canvas.objectives[i].statement = goal.statement
            canvas.objectives[i].extensions = Self.recognised(goal.phrase)
            return
        }
        let id = unique(StarterCanvas.slug(String(goal.statement.prefix(40))))
        canvas.objectives.append(
            Objective(
                id: ObjectiveID(id), statement: goal.statement, priority: 1, extensions: Self.recognised(goal.phrase)))
    }

    /// Who usually answers for a knowledge-base KPI: a participant whose role owns its function.
    private func usualOwner(of knowledgeID: String, reading: DescriptionReading) -> ParticipantID? {
        let function = knowledge[knowledgeID]?.function ?? ""
        let roles = library.functions.filter { $0.knowledge.contains(function) }.map(\.id)
        let present = canvas.participants.map(\.id.rawValue)
        let named = reading.teams.first { roles.contains($0) && present.contains($0) }
        let owner = named ?? roles.first { present.contains($0) }
        return (owner ?? canvas.participants.first { $0.type == .team }?.id.rawValue).map { ParticipantID($0) }
    }

    private mutating func confirmMeasure(_ id: String, reading: DescriptionReading) {
        let said = phrase(for: .measure, in: reading, matching: "'\(knowledge[id]?.name ?? id)'")
        if let i = canvas.kpis.firstIndex(where: { $0.id.rawValue == id }) {
            canvas.kpis[i].extensions = Self.recognised(said)
            return
        }
        let owner =
            reading.incentives.first { $0.tiedTo.contains(id) }?.recipient.map { ParticipantID($0) }
            ?? usualOwner(of: id, reading: reading)
        guard var kpi = kpi(knowledgeID: id, accountable: owner?.rawValue, extensions: Self.recognised(said)) else {
            return
        }
        kpi.serves = objectives(for: id)
        canvas.kpis.append(kpi)
    }

    /// The objectives whose theme lists the KPI; else the top-priority objective, so a named
    /// measure is never left serving nothing.
    private func objectives(for knowledgeID: String) -> [ObjectiveID] {
        let themed = canvas.objectives.filter { o in
            guard let theme = knowledge.theme(for: o.statement) else { return false }
            return theme.outcomeKPIs.contains(knowledgeID) || theme.leadingKPIs.contains(knowledgeID)
        }
        if !themed.isEmpty { return themed.map(\.id) }
        let top = canvas.objectives.min { ($0.priority ?? 99) < ($1.priority ?? 99) }
        return top.map { [$0.id] } ?? []
    }

    private mutating func ensureObjective(for knowledgeID: String, phrase: String) {
        guard let i = canvas.kpis.firstIndex(where: { $0.id.rawValue == knowledgeID }) else { return }
        let themes = knowledge.themes.filter { $0.outcomeKPIs.contains(knowledgeID) }
        let served = canvas.kpis[i].serves.compactMap { id in canvas.objectives.first { $0.id == id } }
        if served.contains(where: { o in themes.contains { $0.id == knowledge.theme(for: o.statement)?.id } }) {
            return
        }
        guard let theme = themes.first else { return }
        let id = unique(theme.id)
        canvas.objectives.append(
            Objective(
                id: ObjectiveID(id), statement: theme.name, horizon: .long, priority: 1,
                extensions: Self.recognised(phrase)))
        canvas.kpis[i].serves.append(ObjectiveID(id))
    }

    private mutating func addIncentive(_ named: NamedIncentive) {
        let recipient =
            named.recipient.map { ParticipantID($0) }
            ?? canvas.kpis.first { $0.id.rawValue == named.tiedTo[0] }?.accountable.first
        guard let recipient else { return }
        // The description's incentive replaces the archetype's guess for the same participant.
        canvas.incentives.removeAll { $0.recipient == recipient && AssistantMarks.isAssumed($0.extensions) }
        let word = named.kind == .penalty ? "penalty" : named.kind == .recognition ? "recognition" : "bonus"
        canvas.incentives.append(
            Incentive(
                id: IncentiveID(unique("\(recipient.rawValue)-\(word)")), recipient: recipient, kind: named.kind,
                tiedTo: named.tiedTo.map { KPIID($0) }, extensions: Self.recognised(named.phrase)))
    }

    private mutating func addAISystem(_ system: NamedAISystem, reading: DescriptionReading) {
        let noun = system.name.components(separatedBy: " that ").first ?? system.name
        let base = StarterCanvas.slug(String(noun.split(separator: " ").prefix(3).joined(separator: " ")))
        let id = ParticipantID(unique(base.isEmpty ? "ai-system" : base))
        canvas.participants.append(
            Participant(
                id: id, name: system.name, type: .aiSystem, decides: [system.role.rawValue],
                extensions: Self.recognised(system.phrase)))
        // The measure the AI acts on: the one its clause names, else the one people are paid on.
        let target =
            system.measure ?? reading.incentives.first?.tiedTo.first ?? reading.measures.first
            ?? canvas.kpis.first { $0.level != nil && !$0.level!.isResult }?.id.rawValue
        guard let target, let i = canvas.kpis.firstIndex(where: { $0.id.rawValue == target }) else { return }
        canvas.kpis[i].ai = AIInvolvement(role: system.role, system: id)
    }

    // MARK: - Finishing

    /// An id not yet used anywhere in the canvas (ids share one namespace).
    func unique(_ base: String) -> String {
        let taken = usedIDs
        var candidate = base.isEmpty ? "item" : base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    var usedIDs: Set<String> {
        Set(
            canvas.objectives.map(\.id.rawValue) + canvas.participants.map(\.id.rawValue)
                + canvas.kpis.map(\.id.rawValue) + canvas.mechanisms.map(\.id.rawValue)
                + canvas.feedbackLoops.map(\.id.rawValue) + canvas.incentives.map(\.id.rawValue))
    }

    /// Drops references to anything the kind filtered out, so the draft is always valid.
    mutating func finish() -> Canvas {
        let participants = Set(canvas.participants.map(\.id))
        let objectives = Set(canvas.objectives.map(\.id))
        canvas.kpis.removeAll { k in k.accountable.contains { !participants.contains($0) } }
        let kpis = Set(canvas.kpis.map(\.id))
        for i in canvas.participants.indices {
            if let r = canvas.participants[i].reportsTo, !participants.contains(r) {
                canvas.participants[i].reportsTo = nil
            }
            if let e = canvas.participants[i].escalatesTo, !participants.contains(e) {
                canvas.participants[i].escalatesTo = nil
            }
        }
        for i in canvas.kpis.indices {
            canvas.kpis[i].serves.removeAll { !objectives.contains($0) }
            canvas.kpis[i].drives.removeAll { !kpis.contains($0) }
            if let m = canvas.kpis[i].measuredBy, !participants.contains(m) { canvas.kpis[i].measuredBy = nil }
        }
        canvas.incentives = canvas.incentives.compactMap { incentive in
            var i = incentive
            i.tiedTo.removeAll { !kpis.contains($0) }
            return participants.contains(i.recipient) && !i.tiedTo.isEmpty ? i : nil
        }
        canvas.mechanisms = canvas.mechanisms.map { mechanism in
            var m = mechanism
            m.covers.removeAll {
                switch $0 {
                case .kpi(let k): !kpis.contains(k)
                case .participant(let p): !participants.contains(p)
                }
            }
            if let o = m.owner, !participants.contains(o) { m.owner = nil }
            return m
        }.filter { !$0.covers.isEmpty }
        canvas.feedbackLoops = canvas.feedbackLoops.map { loop in
            var l = loop
            l.kpis.removeAll { !kpis.contains($0) }
            l.reportedTo.removeAll { !participants.contains($0) }
            l.actedOnBy.removeAll { !participants.contains($0) }
            return l
        }.filter { !$0.kpis.isEmpty }
        canvas.valueExchanges.removeAll { !participants.contains($0.from) || !participants.contains($0.to) }
        return canvas
    }
}
