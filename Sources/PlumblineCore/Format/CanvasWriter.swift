/// Writes canvases in format v1 as YAML or JSON, in a stable, readable field order, so that
/// reading what it wrote gives back an equal canvas and diffs show only real changes.
public struct CanvasWriter: Sendable {
    public init() {}

    public func write(_ canvas: Canvas, as syntax: DocumentSyntax) -> String {
        let tree = CanvasEncoder.encode(canvas)
        switch syntax {
        case .yaml: return YAMLWriter().write(tree)
        case .json: return JSONWriter().write(tree)
        }
    }
}
