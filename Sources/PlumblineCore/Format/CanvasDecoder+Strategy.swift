// MARK: - Objectives, participants, KPIs

extension CanvasDecoder {
    func decodeObjective(_ node: DocumentNode, path: String) -> Objective? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "an objective: a mapping with id and statement")
        else { return nil }
        let id: ObjectiveID? = r.entityID()
        let statement = r.requiredString("statement")
        let horizon: Horizon? = r.enumeration("horizon")
        let priority = r.integer("priority", atLeast: 1)
        let outcome: [KPIID] = r.references("outcome", kind: .kpi)
        let extensions = r.finish(known: CanvasFields.objective)
        guard let id, let statement else { return nil }
        return Objective(
            id: id, statement: statement, horizon: horizon, priority: priority, outcome: outcome,
            extensions: extensions)
    }

    func decodeParticipant(_ node: DocumentNode, path: String) -> Participant? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "a participant: a mapping with id, name and type")
        else { return nil }
        let id: ParticipantID? = r.entityID()
        let name = r.requiredString("name")
        let type: ParticipantType? = r.enumeration("type", required: true)
        let reportsTo: ParticipantID? = r.reference("reports_to", kind: .participant)
        let escalatesTo: ParticipantID? = r.reference("escalates_to", kind: .participant)
        let decides = r.strings("decides")
        let responsibilities = r.strings("responsibilities")
        let extensions = r.finish(known: CanvasFields.participant)
        guard let id, let name, let type else { return nil }
        if let reportsTo, reportsTo == id {
            report(
                .inconsistent, at: r.peek("reports_to")?.value.mark, path: r.child("reports_to"),
                "a participant cannot report to itself", expected: "another participant's id")
        }
        return Participant(
            id: id, name: name, type: type, reportsTo: reportsTo, escalatesTo: escalatesTo,
            decides: decides, responsibilities: responsibilities, extensions: extensions)
    }

    func decodeKPI(_ node: DocumentNode, path: String) -> KPI? {
        guard let r = FieldReader(node, path: path, decoder: self, expected: "a KPI: a mapping with id and name")
        else { return nil }
        let id: KPIID? = r.entityID()
        let name = r.requiredString("name")
        let formula = r.string("formula")
        let unit = r.string("unit")
        let direction: Direction? = r.enumeration("direction")
        let target = decodeTarget(r, direction: direction)
        let level: ResultLevel? = r.enumeration("level")
        let perspective: Perspective? = r.enumeration("perspective")
        let horizon: Horizon? = r.enumeration("horizon")
        let frequency: Frequency? = r.enumeration("frequency")
        let scope: Scope? = r.enumeration("scope")
        let blocks: [BusinessModelBlock] = r.enumerations("blocks")
        let serves: [ObjectiveID] = r.references("serves", kind: .objective)
        let drives: [KPIID] = r.references("drives", kind: .kpi)
        let accountable = decodeAccountable(r)
        let responsible: [ParticipantID] = r.references("responsible", kind: .participant)
        let consulted: [ParticipantID] = r.references("consulted", kind: .participant)
        let informed: [ParticipantID] = r.references("informed", kind: .participant)
        let source = r.string("source")
        let measuredBy: ParticipantID? = r.reference("measured_by", kind: .participant)
        let ai = r.take("ai").flatMap { decodeAI($0, path: r.child("ai")) }
        let status: KPIStatus? = r.enumeration("status")
        let replaces: [KPIID] = r.references("replaces", kind: .kpi)
        let pairsWith: [KPIID] = r.references("pairs_with", kind: .kpi)
        let rationale = r.string("rationale")
        let extensions = r.finish(known: CanvasFields.kpi)
        guard let id, let name else { return nil }
        return KPI(
            id: id, name: name, formula: formula, unit: unit, direction: direction, target: target,
            level: level, perspective: perspective, horizon: horizon, frequency: frequency, scope: scope,
            blocks: blocks, serves: serves, drives: drives, accountable: accountable,
            responsible: responsible, consulted: consulted, informed: informed, source: source,
            measuredBy: measuredBy, ai: ai, status: status ?? .current, replaces: replaces,
            pairsWith: pairsWith, rationale: rationale, extensions: extensions)
    }

    /// `accountable` is one participant id or a list of them.
    private func decodeAccountable(_ r: FieldReader) -> [ParticipantID] {
        guard let node = r.take("accountable") else { return [] }
        let path = r.child("accountable")
        if case .scalar = node.content {
            return reference(node, path: path, kind: .participant).map { [$0] } ?? []
        }
        return list(node, path: path, expected: "a participant id, or a list of participant ids") { item, p in
            reference(item, path: p, kind: .participant)
        }
    }

    /// A number, or `{min, max}` for `range` KPIs.
    private func decodeTarget(_ r: FieldReader, direction: Direction?) -> Target? {
        guard let node = r.take("target") else { return nil }
        let path = r.child("target")
        switch node.content {
        case .scalar:
            guard let n = number(node, path: path, expected: "a number, or {min, max} for a range KPI") else {
                return nil
            }
            if direction == .range {
                report(
                    .inconsistent, at: node.mark, path: path,
                    "a range KPI needs a band, found the single number \(FieldReader.format(n))",
                    expected: "{min: …, max: …}")
                return nil
            }
            return .value(n)
        case .mapping:
            guard let band = FieldReader(node, path: path, decoder: self, expected: "{min, max}") else { return nil }
            let lower = band.number("min")
            let upper = band.number("max")
            _ = band.finish(known: CanvasFields.band)
            if band.peek("min") == nil && band.peek("max") == nil {
                report(
                    .missingField, at: node.mark, path: path, "a target band needs min, max or both",
                    expected: "{min: …, max: …}")
                return nil
            }
            if let lower, let upper, lower > upper {
                report(
                    .inconsistent, at: node.mark, path: path,
                    "min \(FieldReader.format(lower)) is greater than max \(FieldReader.format(upper))",
                    expected: "min ≤ max")
                return nil
            }
            if direction != .range {
                report(
                    .inconsistent, at: node.mark, path: path,
                    "a {min, max} target needs direction: range, found direction: \(direction?.rawValue ?? "(none)")",
                    expected: "direction: range, or a single number as target")
                return nil
            }
            return .band(min: lower, max: upper)
        case .sequence:
            report(
                .wrongType, at: node.mark, path: path, "found a list",
                expected: "a number, or {min, max} for a range KPI")
            return nil
        }
    }

    private func decodeAI(_ node: DocumentNode, path: String) -> AIInvolvement? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "a mapping with role, system and human_override")
        else { return nil }
        let role: AIRole? = r.enumeration("role")
        let system: ParticipantID? = r.reference("system", kind: .participant)
        if let system, let type = ids[system.rawValue]?.participantType, type != ParticipantType.aiSystem.rawValue {
            report(
                .wrongReferenceKind, at: r.peek("system")?.value.mark, path: r.child("system"),
                "'\(system)' is a participant of type \(type), not an AI system",
                expected: "the id of a participant of type ai-system",
                suggestion: suggest(
                    system.rawValue, among: ids.filter { $0.value.participantType == "ai-system" }.map(\.key).sorted()))
        }
        let humanOverride = r.bool("human_override")
        let extensions = r.finish(known: CanvasFields.ai)
        return AIInvolvement(role: role, system: system, humanOverride: humanOverride, extensions: extensions)
    }
}
