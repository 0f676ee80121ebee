import PlumblineCore

/// What the model is told: that its reply is one format v1 canvas as JSON, what that format
/// allows, and — in repair rounds — exactly what was wrong with its last reply.
enum CanvasPrompt {
    // MARK: - System

    /// The system message for a canvas of `kind`, with `example` (format v1 JSON) to copy the
    /// shape of; an edit has none, since the canvas it sends is example enough.
    static func system(kind: CanvasKind, example: String?) -> String {
        """
        You write canvases for Plumbline, a tool that checks whether an organisation's KPIs serve its \
        strategy and whether accountability is clear. Your reply is always exactly one JSON object: a \
        complete canvas in Plumbline's format v1, as JSON. No prose, no Markdown, no code fences.

        Format v1, in short:
        - Top level: "plumbline": 1, "kind": "\(kind.rawValue)", "id", "title", "summary", "context" \
        (a map of strings: industry, size, stage…), then the lists "objectives", "participants", "kpis", \
        "value_exchanges", "mechanisms", "feedback_loops", "incentives", "risks", "reviews". Leave out \
        lists you have nothing for.
        - Ids: 1–64 characters of a-z 0-9 - _ . starting with a letter or digit, unique across the \
        whole canvas. Every reference must name an entity of the right section that exists.
        - objectives: id, statement, horizon, priority (1 = highest), outcome (KPI ids).
        - participants: id, name, type, reports_to, escalates_to (participant ids), decides and \
        responsibilities (lists of strings).
        - kpis: id, name, formula, unit, direction, target (a number, or {"min", "max"} when direction \
        is range), level, perspective, horizon, frequency, scope, blocks, serves (objective ids), drives \
        (KPI ids), accountable (one participant id), responsible, consulted, informed (participant ids), \
        source, measured_by, ai ({"role", "system": an ai-system participant, "human_override": bool}), \
        status, replaces and pairs_with (KPI ids), rationale.
        - value_exchanges: from, to (participant ids), value, kind.
        - mechanisms: id, name, kind, owner, covers (KPI or participant ids), cadence, trigger, \
        escalates_to, within (such as "48h" or "5d").
        - feedback_loops: id, kpis (required), collected_by, reported_to, acted_on_by, cadence, channel.
        - incentives: id, for (a participant id), kind, tied_to (KPI ids, required), weight (0–1), shape, \
        since (a date, YYYY-MM-DD).
        - risks: id, category, description, likelihood, impact, owner, mitigated_by (mechanism ids).
        - reviews: by, status, on, note.
        - Extra fields are allowed only with an "x-" prefix.

        Allowed values:
        \(enumerations)
        """ + (example.map { "\n\nAn example of the shape (replace its content entirely):\n\($0)" } ?? "")
    }

    /// Every enumeration of the format with its values, from the model types themselves.
    static var enumerations: String {
        let lists: [(String, [String])] = [
            ("participants.type", ParticipantType.choices), ("direction", Direction.choices),
            ("level", ResultLevel.choices), ("perspective", Perspective.choices), ("horizon", Horizon.choices),
            ("frequency", Frequency.choices), ("scope", Scope.choices), ("blocks", BusinessModelBlock.choices),
            ("ai.role", AIRole.choices), ("kpis.status", KPIStatus.choices),
            ("value_exchanges.kind", ValueKind.choices),
            ("mechanisms.kind", MechanismKind.choices), ("cadence", Cadence.choices), ("channel", LoopChannel.choices),
            ("incentives.kind", IncentiveKind.choices), ("shape", PayoutShape.choices),
            ("risks.category", RiskCategory.choices), ("likelihood and impact", Rating.choices),
            ("reviews.status", ReviewStatus.choices),
        ]
        return lists.map { "- \($0.0): \($0.1.joined(separator: ", "))" }.joined(separator: "\n")
    }

    // MARK: - Requests

    static func draft(_ description: String, kind: CanvasKind) -> String {
        """
        Draft a \(kind.rawValue) canvas for this organisation. Name what the description names, \
        including the measures and incentives it says are in use, even flawed ones. Mark everything \
        you add that the description does not state with "x-assumed": true.

        Description:
        \(description)
        """
    }

    static func edit(_ canvasJSON: String, instruction: String) -> String {
        """
        Here is a canvas. Apply the instruction and reply with the whole revised canvas. Change only \
        what the instruction asks for (and what it implies, such as references to a removed entity); \
        keep every other entity, id, field and value exactly as it is.

        Instruction:
        \(instruction)

        Canvas:
        \(canvasJSON)
        """
    }

    // MARK: - Repair

    static func repair(_ problems: [String]) -> String {
        """
        Your reply is not a valid format v1 canvas. Fix these problems (file:line:column refer to your \
        reply as reply.json) and reply with the whole corrected canvas as one JSON object:
        \(problems.map { "- \($0)" }.joined(separator: "\n"))
        """
    }
}
