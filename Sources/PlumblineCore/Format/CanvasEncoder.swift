/// Turns a canvas into the ordered tree the writers emit, field by field in the order of
/// `CanvasFields`, leaving out absent values and empty lists.
enum CanvasEncoder {
    static func encode(_ canvas: Canvas) -> EmittedValue {
        var f = EmittedFields()
        f.add("plumbline", number: Double(Canvas.formatVersion))
        f.add("kind", canvas.kind)
        f.add("id", canvas.id)
        f.add("title", canvas.title)
        f.add("summary", canvas.summary)
        if !canvas.context.isEmpty {
            let first = CanvasFields.contextFirst.filter { canvas.context[$0] != nil }
            let rest = canvas.context.keys.filter { !CanvasFields.contextFirst.contains($0) }.sorted()
            f.add("context", .map((first + rest).map { ($0, .text(canvas.context[$0]!)) }, compact: false))
        }
        f.add("objectives", .list(canvas.objectives.map(encode), compact: false))
        f.add("participants", .list(canvas.participants.map(encode), compact: false))
        f.add("kpis", .list(canvas.kpis.map(encode), compact: false))
        f.add("value_exchanges", .list(canvas.valueExchanges.map(encode), compact: false))
        f.add("mechanisms", .list(canvas.mechanisms.map(encode), compact: false))
        f.add("feedback_loops", .list(canvas.feedbackLoops.map(encode), compact: false))
        f.add("incentives", .list(canvas.incentives.map(encode), compact: false))
        f.add("risks", .list(canvas.risks.map(encode), compact: false))
        f.add("reviews", .list(canvas.reviews.map(encode), compact: false))
        f.add("data", .list(canvas.data.map(encode), compact: false))
        if !canvas.settings.isEmpty { f.add("settings", encode(canvas.settings)) }
        f.add(extensions: canvas.extensions)
        return f.value()
    }

    // MARK: - Entities

    static func encode(_ o: Objective) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", o.id.rawValue)
        f.add("statement", o.statement)
        f.add("horizon", o.horizon)
        f.add("priority", number: o.priority.map(Double.init))
        f.add("outcome", ids: o.outcome)
        f.add(extensions: o.extensions)
        return f.value(compact: true)
    }

    static func encode(_ p: Participant) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", p.id.rawValue)
        f.add("name", p.name)
        f.add("type", p.type)
        f.add("reports_to", p.reportsTo?.rawValue)
        f.add("escalates_to", p.escalatesTo?.rawValue)
        f.add("decides", .list(p.decides.map(EmittedValue.text), compact: true))
        f.add("responsibilities", .list(p.responsibilities.map(EmittedValue.text), compact: true))
        f.add(extensions: p.extensions)
        return f.value(compact: true)
    }

    static func encode(_ k: KPI) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", k.id.rawValue)
        f.add("name", k.name)
        f.add("formula", k.formula)
        f.add("unit", k.unit)
        f.add("direction", k.direction)
        switch k.target {
        case .value(let n): f.add("target", number: n)
        case .band(let lower, let upper):
            var band = EmittedFields()
            band.add("min", number: lower)
            band.add("max", number: upper)
            f.add("target", band.value(compact: true))
        case nil: break
        }
        f.add("level", k.level)
        f.add("perspective", k.perspective)
        f.add("horizon", k.horizon)
        f.add("frequency", k.frequency)
        f.add("scope", k.scope)
        f.add("blocks", .list(k.blocks.map { .text($0.rawValue) }, compact: true))
        f.add("serves", ids: k.serves)
        f.add("drives", ids: k.drives)
        if k.accountable.count == 1 {
            f.add("accountable", k.accountable[0].rawValue)
        } else {
            f.add("accountable", ids: k.accountable)
        }
        f.add("responsible", ids: k.responsible)
        f.add("consulted", ids: k.consulted)
        f.add("informed", ids: k.informed)
        f.add("source", k.source)
        f.add("measured_by", k.measuredBy?.rawValue)
        if let ai = k.ai {
            var a = EmittedFields()
            a.add("role", ai.role)
            a.add("system", ai.system?.rawValue)
            a.add("human_override", ai.humanOverride.map(EmittedValue.bool))
            a.add(extensions: ai.extensions)
            f.add("ai", .map(a.fields, compact: true))
        }
        if k.status != .current { f.add("status", k.status) }
        f.add("replaces", ids: k.replaces)
        f.add("pairs_with", ids: k.pairsWith)
        f.add("rationale", k.rationale)
        f.add(extensions: k.extensions)
        return f.value()
    }

    static func encode(_ v: ValueExchange) -> EmittedValue {
        var f = EmittedFields()
        f.add("from", v.from.rawValue)
        f.add("to", v.to.rawValue)
        f.add("value", v.value)
        f.add("kind", v.kind)
        f.add(extensions: v.extensions)
        return f.value(compact: true)
    }

    static func encode(_ m: Mechanism) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", m.id.rawValue)
        f.add("name", m.name)
        f.add("kind", m.kind)
        f.add("owner", m.owner?.rawValue)
        f.add("covers", .list(m.covers.map { .text($0.rawValue) }, compact: true))
        f.add("cadence", m.cadence)
        f.add("trigger", m.trigger)
        f.add("escalates_to", m.escalatesTo?.rawValue)
        f.add("within", m.within?.description)
        f.add(extensions: m.extensions)
        return f.value(compact: true)
    }

    static func encode(_ l: FeedbackLoop) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", l.id.rawValue)
        // `kpis` is required, so it is written even when empty.
        f.addRequired("kpis", .list(l.kpis.map { .text($0.rawValue) }, compact: true))
        f.add("collected_by", l.collectedBy?.rawValue)
        f.add("reported_to", ids: l.reportedTo)
        f.add("acted_on_by", ids: l.actedOnBy)
        f.add("cadence", l.cadence)
        f.add("channel", l.channel)
        f.add(extensions: l.extensions)
        return f.value(compact: true)
    }

    static func encode(_ i: Incentive) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", i.id.rawValue)
        f.add("for", i.recipient.rawValue)
        f.add("kind", i.kind)
        f.addRequired("tied_to", .list(i.tiedTo.map { .text($0.rawValue) }, compact: true))
        f.add("weight", number: i.weight)
        f.add("shape", i.shape)
        f.add("since", i.since?.description)
        f.add(extensions: i.extensions)
        return f.value(compact: true)
    }

    static func encode(_ r: Risk) -> EmittedValue {
        var f = EmittedFields()
        f.add("id", r.id.rawValue)
        f.add("category", r.category)
        f.add("description", r.description)
        f.add("likelihood", r.likelihood)
        f.add("impact", r.impact)
        f.add("owner", r.owner?.rawValue)
        f.add("mitigated_by", ids: r.mitigatedBy)
        f.add(extensions: r.extensions)
        return f.value(compact: true)
    }

    static func encode(_ r: Review) -> EmittedValue {
        var f = EmittedFields()
        f.add("by", r.by.rawValue)
        f.add("status", r.status)
        f.add("on", r.on?.description)
        f.add("note", r.note)
        f.add(extensions: r.extensions)
        return f.value(compact: true)
    }

    static func encode(_ d: DataSource) -> EmittedValue {
        var f = EmittedFields()
        switch d {
        case .file(let path, let extensions):
            f.add("file", path)
            f.add(extensions: extensions)
            return f.value(compact: true)
        case .inline(let kpi, let values, let extensions):
            f.add("kpi", kpi.rawValue)
            f.addRequired(
                "values",
                .map(values.map { ($0.period.description, $0.value.map(EmittedValue.number) ?? .null) }, compact: false)
            )
            f.add(extensions: extensions)
            return f.value()
        }
    }

    static func encode(_ s: Settings) -> EmittedValue {
        var f = EmittedFields()
        if !s.rules.isEmpty {
            f.add(
                "rules",
                .map(
                    s.rules.map { rule -> (key: String, value: EmittedValue) in
                        if rule.parameters.isEmpty {
                            if !rule.enabled { return (rule.ruleID, .text("off")) }
                            if let severity = rule.severity { return (rule.ruleID, .text(severity.rawValue)) }
                            return (rule.ruleID, .text("on"))
                        }
                        var p = EmittedFields()
                        if !rule.enabled {
                            p.add("severity", "off")
                        } else {
                            p.add("severity", rule.severity)
                        }
                        for param in rule.parameters { p.addRequired(param.key, EmittedValue(param.value)) }
                        return (rule.ruleID, p.value(compact: true))
                    }, compact: false))
        }
        f.add(
            "waive",
            .list(
                s.waive.map { w in
                    var x = EmittedFields()
                    x.add("rule", w.rule)
                    x.add("subjects", .list(w.subjects.map(EmittedValue.text), compact: true))
                    x.add("reason", w.reason)
                    x.add(extensions: w.extensions)
                    return x.value(compact: true)
                }, compact: false))
        f.add(extensions: s.extensions)
        return f.value()
    }
}
