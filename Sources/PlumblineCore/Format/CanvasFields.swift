/// The fields of each part of format v1, in the order the writer emits them. The decoder uses the
/// same lists to name the allowed fields when it meets an unknown one.
enum CanvasFields {
    static let topLevel = [
        "plumbline", "kind", "id", "title", "summary", "context", "objectives", "participants", "kpis",
        "value_exchanges", "mechanisms", "feedback_loops", "incentives", "risks", "reviews", "data",
        "settings",
    ]
    static let objective = ["id", "statement", "horizon", "priority", "outcome"]
    static let participant = [
        "id", "name", "type", "reports_to", "escalates_to", "decides", "responsibilities",
    ]
    static let kpi = [
        "id", "name", "formula", "unit", "direction", "target", "level", "perspective", "horizon",
        "frequency", "scope", "blocks", "serves", "drives", "accountable", "responsible", "consulted",
        "informed", "source", "measured_by", "ai", "status", "replaces", "pairs_with", "rationale",
    ]
    static let ai = ["role", "system", "human_override"]
    static let band = ["min", "max"]
    static let valueExchange = ["from", "to", "value", "kind"]
    static let mechanism = [
        "id", "name", "kind", "owner", "covers", "cadence", "trigger", "escalates_to", "within",
    ]
    static let feedbackLoop = [
        "id", "kpis", "collected_by", "reported_to", "acted_on_by", "cadence", "channel",
    ]
    static let incentive = ["id", "for", "kind", "tied_to", "weight", "shape", "since"]
    static let risk = ["id", "category", "description", "likelihood", "impact", "owner", "mitigated_by"]
    static let review = ["by", "status", "on", "note"]
    static let dataFile = ["file"]
    static let dataInline = ["kpi", "values"]
    static let settings = ["rules", "waive"]
    static let waiver = ["rule", "subjects", "reason"]
    static let contextFirst = ["industry", "size", "stage"]

    /// The sections holding entities with ids, and the kind each holds.
    static let idSections: [(key: String, kind: EntityKind)] = [
        ("objectives", .objective), ("participants", .participant), ("kpis", .kpi),
        ("mechanisms", .mechanism), ("feedback_loops", .feedbackLoop), ("incentives", .incentive),
        ("risks", .risk),
    ]
}
