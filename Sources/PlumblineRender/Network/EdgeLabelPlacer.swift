/// Places edge labels in the free strips between ranks, where no node can be, trying points
/// along each edge's segments in those strips until one clashes with neither a node nor a label
/// already placed.
struct EdgeLabelPlacer {
    typealias Point = NetworkPicture.Point

    static let fontSize = 10.0
    static let maxWidth = 120.0
    static let padding = 3.0

    let nodes: [Box]
    let gaps: [(top: Double, bottom: Double)]
    let width: Double
    private(set) var placed: [Box] = []

    init(nodes: [Box], gaps: [(top: Double, bottom: Double)], width: Double) {
        self.nodes = nodes
        self.gaps = gaps
        self.width = width
    }

    /// The label's text, shortened to fit, and its box; a nil box when nowhere is free of nodes.
    mutating func place(_ text: String, along points: [Point]) -> (text: String, box: Box?) {
        let shown = TextMetrics.ellipsized(text, width: Self.maxWidth, fontSize: Self.fontSize)
        let w = TextMetrics.width(of: shown, fontSize: Self.fontSize) + 2 * Self.padding
        let h = TextMetrics.lineHeight(fontSize: Self.fontSize) + 2
        var fallback: Box?
        for candidate in candidates(along: points, width: w, height: h) {
            guard !nodes.contains(where: { $0.inset(by: -2).overlaps(candidate) }) else { continue }
            if !placed.contains(where: { $0.inset(by: -1).overlaps(candidate) }) {
                placed.append(candidate)
                return (shown, candidate)
            }
            if fallback == nil { fallback = candidate }
        }
        // Overlapping another label is better than losing this one; overlapping a node is not.
        if let fallback { placed.append(fallback) }
        return (shown, fallback)
    }

    /// Boxes centred on points along the segments that lie in a gap, middle of the edge first,
    /// then sideways shifts of each.
    private func candidates(along points: [Point], width w: Double, height h: Double) -> [Box] {
        var segments: [(Point, Point, gap: (top: Double, bottom: Double))] = []
        for (p, q) in zip(points, points.dropFirst()) {
            guard let gap = gaps.first(where: { min(p.y, q.y) >= $0.top - 0.01 && max(p.y, q.y) <= $0.bottom + 0.01 }),
                gap.bottom - gap.top >= h + 4
            else { continue }
            segments.append((p, q, gap))
        }
        // Start from the middle segment and work outwards: the label reads best mid-edge.
        let middle = (segments.count - 1) / 2
        let order = segments.indices.sorted { (abs($0 - middle), $0) < (abs($1 - middle), $1) }
        var boxes: [Box] = []
        for shift in [0.0, -1, 1] {
            for i in order {
                let (p, q, gap) = segments[i]
                for t in [0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95] {
                    let cx = p.x + (q.x - p.x) * t + shift * (w / 2 + 6)
                    let cy = p.y + (q.y - p.y) * t
                    let x = min(max(cx - w / 2, 0), width - w)
                    let y = min(max(cy - h / 2, gap.top + 2), gap.bottom - 2 - h)
                    boxes.append(Box(x: x, y: y, width: w, height: h))
                }
            }
        }
        return boxes
    }
}
