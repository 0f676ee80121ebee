import PlumblineCore
import Testing

/// Checks every redesign must pass.
enum RedesignAssertions {
    /// The team's content is untouched: every top-level field equal, and every list of entities
    /// starts with the original entities, equal and in order; the redesign only appends.
    static func onlyAppends(
        _ original: Canvas, _ suggested: Canvas, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        func prefix<E: Equatable>(_ a: [E], _ b: [E], _ what: String) {
            #expect(b.count >= a.count, "\(what): entities were removed", sourceLocation: sourceLocation)
            #expect(
                Array(b.prefix(a.count)) == a, "\(what): the team's entities changed", sourceLocation: sourceLocation)
        }
        prefix(original.objectives, suggested.objectives, "objectives")
        prefix(original.participants, suggested.participants, "participants")
        prefix(original.kpis, suggested.kpis, "kpis")
        prefix(original.valueExchanges, suggested.valueExchanges, "value_exchanges")
        prefix(original.mechanisms, suggested.mechanisms, "mechanisms")
        prefix(original.feedbackLoops, suggested.feedbackLoops, "feedback_loops")
        prefix(original.incentives, suggested.incentives, "incentives")
        prefix(original.risks, suggested.risks, "risks")
        prefix(original.reviews, suggested.reviews, "reviews")
        #expect(suggested.data == original.data, sourceLocation: sourceLocation)
        #expect(suggested.settings == original.settings, sourceLocation: sourceLocation)
        #expect(
            [suggested.title, suggested.summary ?? "", suggested.id ?? ""]
                == [original.title, original.summary ?? "", original.id ?? ""], sourceLocation: sourceLocation)
        #expect(
            suggested.kind == original.kind && suggested.context == original.context, sourceLocation: sourceLocation)
        #expect(suggested.objectives.count == original.objectives.count, "objectives are the team's to set")
    }

    /// The redesign is valid format v1 in both syntaxes (the reader rejects duplicate ids and
    /// dangling references) and reads back equal.
    static func readsBack(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for syntax in DocumentSyntax.allCases {
            let text = CanvasWriter().write(canvas, as: syntax)
            let reread = try CanvasReader().read(text: text, file: "suggested.\(syntax.rawValue)").canvas
            #expect(reread == canvas, sourceLocation: sourceLocation)
        }
        var ids = canvas.objectives.map(\.id.rawValue) + canvas.participants.map(\.id.rawValue)
        ids += canvas.kpis.map(\.id.rawValue) + canvas.mechanisms.map(\.id.rawValue)
        ids += canvas.feedbackLoops.map(\.id.rawValue) + canvas.incentives.map(\.id.rawValue)
        ids += canvas.risks.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count, "ids collide", sourceLocation: sourceLocation)
    }
}
