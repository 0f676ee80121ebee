// MARK: - Value exchanges, mechanisms, loops, incentives, risks, reviews

extension CanvasDecoder {
    func decodeValueExchange(_ node: DocumentNode, path: String) -> ValueExchange? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "a value exchange: a mapping with from, to and value")
        else { return nil }
        let from: ParticipantID? = r.reference("from", kind: .participant, required: true)
        let to: ParticipantID? = r.reference("to", kind: .participant, required: true)
        let value = r.requiredString("value")
        let kind: ValueKind? = r.enumeration("kind")
        let extensions = r.finish(known: CanvasFields.valueExchange)
        guard let from, let to, let value else { return nil }
        return ValueExchange(from: from, to: to, value: value, kind: kind, extensions: extensions)
    }

    func decodeMechanism(_ node: DocumentNode, path: String) -> Mechanism? {
        guard let r = FieldReader(node, path: path, decoder: self, expected: "a mechanism: a mapping with id and kind")
        else { return nil }
        let id: MechanismID? = r.entityID()
        let name = r.string("name")
        let kind: MechanismKind? = r.enumeration("kind", required: true)
        let owner: ParticipantID? = r.reference("owner", kind: .participant)
        var covers: [Coverage] = []
        if let node = r.take("covers") {
            covers = list(node, path: r.child("covers"), expected: "a list of KPI or participant ids") { item, p in
                guard let raw = text(item, path: p, expected: "the id of a KPI or a participant") else { return nil }
                switch resolves(raw, to: [.kpi, .participant], node: item, path: p) {
                case .kpi: return .kpi(KPIID(raw))
                case .participant: return .participant(ParticipantID(raw))
                default: return nil
                }
            }
        }
        let cadence: Cadence? = r.enumeration("cadence")
        let trigger = r.string("trigger")
        let escalatesTo: ParticipantID? = r.reference("escalates_to", kind: .participant)
        let within = r.duration("within")
        let extensions = r.finish(known: CanvasFields.mechanism)
        guard let id, let kind else { return nil }
        return Mechanism(
            id: id, name: name, kind: kind, owner: owner, covers: covers, cadence: cadence,
            trigger: trigger, escalatesTo: escalatesTo, within: within, extensions: extensions)
    }

    func decodeFeedbackLoop(_ node: DocumentNode, path: String) -> FeedbackLoop? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "a feedback loop: a mapping with id and kpis")
        else { return nil }
        let id: FeedbackLoopID? = r.entityID()
        let hasKPIs = r.peek("kpis") != nil
        let kpis: [KPIID] = r.references("kpis", kind: .kpi, required: true)
        let collectedBy: ParticipantID? = r.reference("collected_by", kind: .participant)
        let reportedTo: [ParticipantID] = r.references("reported_to", kind: .participant)
        let actedOnBy: [ParticipantID] = r.references("acted_on_by", kind: .participant)
        let cadence: Cadence? = r.enumeration("cadence")
        let channel: LoopChannel? = r.enumeration("channel")
        let extensions = r.finish(known: CanvasFields.feedbackLoop)
        guard let id, hasKPIs else { return nil }
        return FeedbackLoop(
            id: id, kpis: kpis, collectedBy: collectedBy, reportedTo: reportedTo, actedOnBy: actedOnBy,
            cadence: cadence, channel: channel, extensions: extensions)
    }

    func decodeIncentive(_ node: DocumentNode, path: String) -> Incentive? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "an incentive: a mapping with id, for, kind and tied_to")
        else { return nil }
        let id: IncentiveID? = r.entityID()
        let recipient: ParticipantID? = r.reference("for", kind: .participant, required: true)
        let kind: IncentiveKind? = r.enumeration("kind", required: true)
        let hasTies = r.peek("tied_to") != nil
        let tiedTo: [KPIID] = r.references("tied_to", kind: .kpi, required: true)
        let weight = r.number("weight", in: 0...1)
        let shape: PayoutShape? = r.enumeration("shape")
        let since = r.date("since")
        let extensions = r.finish(known: CanvasFields.incentive)
        guard let id, let recipient, let kind, hasTies else { return nil }
        return Incentive(
            id: id, recipient: recipient, kind: kind, tiedTo: tiedTo, weight: weight, shape: shape,
            since: since, extensions: extensions)
    }

    func decodeRisk(_ node: DocumentNode, path: String) -> Risk? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "a risk: a mapping with id, category and description")
        else { return nil }
        let id: RiskID? = r.entityID()
        let category: RiskCategory? = r.enumeration("category", required: true)
        let description = r.requiredString("description")
        let likelihood: Rating? = r.enumeration("likelihood")
        let impact: Rating? = r.enumeration("impact")
        let owner: ParticipantID? = r.reference("owner", kind: .participant)
        let mitigatedBy: [MechanismID] = r.references("mitigated_by", kind: .mechanism)
        let extensions = r.finish(known: CanvasFields.risk)
        guard let id, let category, let description else { return nil }
        return Risk(
            id: id, category: category, description: description, likelihood: likelihood,
            impact: impact, owner: owner, mitigatedBy: mitigatedBy, extensions: extensions)
    }

    func decodeReview(_ node: DocumentNode, path: String) -> Review? {
        guard let r = FieldReader(node, path: path, decoder: self, expected: "a review: a mapping with by and status")
        else { return nil }
        let by: ParticipantID? = r.reference("by", kind: .participant, required: true)
        let status: ReviewStatus? = r.enumeration("status", required: true)
        let on = r.date("on")
        let note = r.string("note")
        let extensions = r.finish(known: CanvasFields.review)
        guard let by, let status else { return nil }
        return Review(by: by, status: status, on: on, note: note, extensions: extensions)
    }
}
