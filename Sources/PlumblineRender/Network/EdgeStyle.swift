/// How each kind of edge is stroked. Kinds differ in dash pattern as well as colour, so they
/// stay apart in greyscale print.
struct EdgeStyle {
    var stroke: String
    var width: Double
    var dash: String?
    var hasArrow: Bool
    /// Drawn as smooth curves between the ranks rather than straight segments.
    var isCurved: Bool
    /// Legend wording.
    var name: String

    static func of(_ kind: NetworkPicture.EdgeKind) -> EdgeStyle {
        switch kind {
        case .valueExchange:
            EdgeStyle(stroke: "#3e4c59", width: 1.4, dash: nil, hasArrow: true, isCurved: false, name: "value exchange")
        case .reportsTo:
            EdgeStyle(stroke: "#9aa5b1", width: 1, dash: nil, hasArrow: false, isCurved: false, name: "reports to")
        case .escalatesTo:
            EdgeStyle(stroke: "#d64545", width: 1.4, dash: "6 4", hasArrow: true, isCurved: false, name: "escalates to")
        case .mechanism:
            EdgeStyle(
                stroke: "#7b5ea7", width: 1.6, dash: "1.5 3.5", hasArrow: true, isCurved: false, name: "mechanism")
        case .feedbackLoop:
            EdgeStyle(stroke: "#0f8b8d", width: 1.6, dash: nil, hasArrow: true, isCurved: true, name: "feedback loop")
        }
    }

    /// The id of the arrowhead marker for a kind.
    static func markerID(_ kind: NetworkPicture.EdgeKind) -> String { "arrow-" + kind.rawValue }
}
