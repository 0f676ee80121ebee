import PlumblineCore

/// Turns layout routes into polylines. Every edge leaves its node straight up or down from a
/// port on the box's top or bottom side, bends only in the gaps between ranks, and passes each
/// rank it crosses through its own dummy slot, so no segment can cut through a node. The ends
/// on one side of a node are spread along it in the order of where they head, so parallel
/// edges stay apart and do not cross at the node.
struct EdgeRouter {
    typealias Point = NetworkPicture.Point
    enum Side { case top, bottom }

    let nodes: [ParticipantID: NetworkPicture.Node]
    /// Each rank's band in picture coordinates.
    let bands: [(top: Double, height: Double)]
    let dx: Double
    private var flatEdgesPerRank: [Int: Int] = [:]

    init(nodes: [NetworkPicture.Node], bands: [(top: Double, height: Double)], dx: Double) {
        var byID: [ParticipantID: NetworkPicture.Node] = [:]
        for node in nodes { byID[node.id] = node }
        self.nodes = byID
        self.bands = bands
        self.dx = dx
    }

    /// The free horizontal strips between ranks (and below the last one), where labels can go.
    func gaps(bottom: Double) -> [(top: Double, bottom: Double)] {
        bands.indices.map { i in
            (top: bands[i].top + bands[i].height, bottom: i + 1 < bands.count ? bands[i + 1].top : bottom)
        }
    }

    // MARK: Routing

    /// One polyline per spec, nil where an end is missing from the picture.
    mutating func route(specs: [NetworkEdgeSpec], routes: [LayeredLayout<ParticipantID>.Route]) -> [[Point]?] {
        // First pass: which side of which node each end uses, and where it heads.
        var ends: [EndKey: [(edge: Int, isStart: Bool, aim: Double)]] = [:]
        var endOrder: [EndKey] = []
        for (i, route) in routes.enumerated() {
            guard let a = nodes[route.from], let b = nodes[route.to] else { continue }
            let sides = sides(a, b)
            let firstAim = route.waypoints.first.map { $0.x + dx } ?? b.box.midX
            let lastAim = route.waypoints.last.map { $0.x + dx } ?? a.box.midX
            for (key, isStart, aim) in [
                (EndKey(node: a.id, side: sides.start), true, firstAim),
                (EndKey(node: b.id, side: sides.end), false, lastAim),
            ] {
                if ends[key] == nil { endOrder.append(key) }
                ends[key, default: []].append((i, isStart, aim))
            }
        }
        // Second pass: spread each side's ends along its straight part, in order of aim.
        var ports: [PortKey: Double] = [:]
        for key in endOrder {
            guard let node = nodes[key.node], let list = ends[key] else { continue }
            let span = NodeShape.portSpan(of: node.box, type: node.type)
            let sorted = list.enumerated().sorted {
                ($0.element.aim, $0.element.edge, $0.offset) < ($1.element.aim, $1.element.edge, $1.offset)
            }.map(\.element)
            for (k, end) in sorted.enumerated() {
                let x = span.from + (span.to - span.from) * (Double(k) + 0.5) / Double(sorted.count)
                ports[PortKey(edge: end.edge, isStart: end.isStart)] = x
            }
        }
        return routes.enumerated().map { i, route in
            guard let a = nodes[route.from], let b = nodes[route.to],
                let start = ports[PortKey(edge: i, isStart: true)], let end = ports[PortKey(edge: i, isStart: false)]
            else { return nil }
            return polyline(route, from: a, to: b, startX: start, endX: end)
        }
    }

    private struct EndKey: Hashable {
        var node: ParticipantID
        var side: Side
    }

    private struct PortKey: Hashable {
        var edge: Int
        var isStart: Bool
    }

    /// Downward edges leave the bottom and enter the top; upward ones the reverse; flat ones go
    /// out of the bottom and back into the bottom, under the rank.
    private func sides(_ a: NetworkPicture.Node, _ b: NetworkPicture.Node) -> (start: Side, end: Side) {
        if a.rank == b.rank { return (.bottom, .bottom) }
        return a.rank < b.rank ? (.bottom, .top) : (.top, .bottom)
    }

    private func bandTop(_ rank: Int) -> Double { bands[rank].top }
    private func bandBottom(_ rank: Int) -> Double { bands[rank].top + bands[rank].height }

    private mutating func polyline(
        _ route: LayeredLayout<ParticipantID>.Route, from a: NetworkPicture.Node, to b: NetworkPicture.Node,
        startX: Double, endX: Double
    ) -> [Point] {
        var points: [Point] = []
        func add(_ x: Double, _ y: Double) {
            let p = Point(x: x, y: y)
            if points.last != p { points.append(p) }
        }
        if a.rank == b.rank {
            // Flat edges of one rank get their own lanes under it so they do not run together.
            let n = flatEdgesPerRank[a.rank, default: 0]
            flatEdgesPerRank[a.rank] = n + 1
            let lane = bandBottom(a.rank) + 12 + Double(n % 6) * 7
            add(startX, a.box.maxY)
            add(startX, lane)
            add(endX, lane)
            add(endX, b.box.maxY)
            return points
        }
        let down = a.rank < b.rank
        add(startX, down ? a.box.maxY : a.box.y)
        add(startX, down ? bandBottom(a.rank) : bandTop(a.rank))
        for waypoint in route.waypoints {
            let x = waypoint.x + dx
            add(x, down ? bandTop(waypoint.rank) : bandBottom(waypoint.rank))
            add(x, down ? bandBottom(waypoint.rank) : bandTop(waypoint.rank))
        }
        add(endX, down ? bandTop(b.rank) : bandBottom(b.rank))
        add(endX, down ? b.box.y : b.box.maxY)
        return points
    }
}
