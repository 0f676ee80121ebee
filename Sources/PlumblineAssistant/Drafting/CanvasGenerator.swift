import PlumblineCore

/// The offline drafter: lays what a description names over its industry's archetype. Named
/// content carries `x-recognised` with the phrase behind it; everything else carries
/// `x-assumed: true` for the team to confirm. Deterministic and fast (no network, no model).
public struct CanvasGenerator: CanvasDrafting {
    public let knowledge: KnowledgeBase
    public let library: ArchetypeLibrary

    public init(knowledge: KnowledgeBase, library: ArchetypeLibrary) {
        self.knowledge = knowledge
        self.library = library
    }

    public func draft(_ request: DraftRequest) throws -> Draft {
        let reading = DescriptionReader(knowledge: knowledge, library: library).read(request.description)
        let archetype = reading.industry.flatMap(library.archetype) ?? library.fallback
        var builder = DraftBuilder(kind: request.kind, knowledge: knowledge, library: library)
        builder.start(from: archetype)
        builder.lay(reading)
        var canvas = builder.finish()
        canvas.title = "\(archetype.name): draft from a description"
        canvas.summary = request.description
        canvas.context["industry"] = archetype.name
        if let size = reading.size { canvas.context["size"] = size }
        canvas.context["drafted-by"] = "plumb generate (offline)"
        return Draft(canvas: canvas, reading: reading, assumed: AssistantMarks.assumedIDs(in: canvas))
    }
}
