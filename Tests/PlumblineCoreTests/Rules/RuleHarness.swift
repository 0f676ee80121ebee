import PlumblineCore
import Testing

/// Runs the whole diagnosis on a canvas written inline, so rule tests exercise the same path
/// as `plumb check` (settings, severities, waivers included).
enum RuleHarness {
    static let knowledge: KnowledgeBase = {
        do { return try KnowledgeBase.bundled() } catch {
            fatalError("the bundled knowledge base does not load: \(error)")
        }
    }()

    static let engine = DiagnosisEngine(knowledge: knowledge)

    /// The diagnosis of `yaml`, which must be a valid canvas.
    static func diagnose(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnosis {
        let document = try CanvasReader().read(text: yaml, file: "fixture.yaml")
        return engine.diagnose(document)
    }

    /// The active findings of one rule.
    static func findings(_ rule: String, in yaml: String) throws -> [Finding] {
        try diagnose(yaml).activeFindings.filter { $0.rule == rule }
    }

    /// A canvas header for fixtures: `plumbline`, `kind` and `title`, then `body`.
    static func canvas(_ body: String, kind: CanvasKind = .kpiMisalignment) -> String {
        "plumbline: 1\nkind: \(kind.rawValue)\ntitle: Fixture\n" + body
    }
}

extension Evidence {
    /// The value of a named fact, for assertions.
    subscript(fact: String) -> PlainValue? { facts.first { $0.key == fact }?.value }
}
