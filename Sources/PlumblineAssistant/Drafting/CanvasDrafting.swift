import PlumblineCore

/// What a drafter is asked for: a canvas of one kind from a description.
public struct DraftRequest: Sendable {
    public var kind: CanvasKind
    public var description: String

    public init(kind: CanvasKind, description: String) {
        self.kind = kind
        self.description = description
    }
}

/// A drafted canvas, with what was read from the description and what was assumed.
public struct Draft: Sendable {
    public var canvas: Canvas
    public var reading: DescriptionReading
    /// Ids of the entities taken from the archetype rather than the description (`x-assumed`).
    public var assumed: [String]
}

/// Anything that turns a description into a canvas: the offline `CanvasGenerator` today; a
/// language-model drafter can conform too, and its drafts are checked the same way.
public protocol CanvasDrafting: Sendable {
    func draft(_ request: DraftRequest) async throws -> Draft
}

/// The `x-` fields the assistant writes on what it adds.
public enum AssistantMarks {
    /// On content taken from an archetype, for the team to confirm.
    public static let assumed = "x-assumed"
    /// On content the description named: the phrase that produced it.
    public static let recognised = "x-recognised"
    /// On incentives and mechanisms the redesign proposes (they have no `status` field).
    public static let proposed = "x-proposed"
    /// On proposed incentives and mechanisms: the ones they would replace once adopted.
    public static let replaces = "x-replaces"

    /// Whether an entity's extensions mark it as assumed.
    public static func isAssumed(_ extensions: Extensions) -> Bool {
        extensions.contains { $0.key == assumed && $0.value == .bool(true) }
    }

    /// Ids of the entities marked as assumed, section by section.
    public static func assumedIDs(in canvas: Canvas) -> [String] {
        canvas.objectives.filter { isAssumed($0.extensions) }.map(\.id.rawValue)
            + canvas.participants.filter { isAssumed($0.extensions) }.map(\.id.rawValue)
            + canvas.kpis.filter { isAssumed($0.extensions) }.map(\.id.rawValue)
            + canvas.incentives.filter { isAssumed($0.extensions) }.map(\.id.rawValue)
            + canvas.mechanisms.filter { isAssumed($0.extensions) }.map(\.id.rawValue)
            + canvas.feedbackLoops.filter { isAssumed($0.extensions) }.map(\.id.rawValue)
    }
}
