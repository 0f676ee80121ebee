/// A layered (Sugiyama-style) layout of a directed graph: ranks from bands and constraint edges,
/// dummy vertices on edges that span several ranks, crossing reduction by barycentres, and
/// x-coordinates that keep every vertex apart by its real width. Knows nothing about SVG.
///
/// Everything is computed from the order of the input arrays (dictionaries are only looked up,
/// never iterated), so the same input always gives the same layout.
public struct LayeredLayout<ID: Hashable & Sendable>: Sendable {
    // MARK: Input

    /// A vertex to place: its size, and the band that pins it to a part of the picture (band 0
    /// at the top; every vertex of a band sits below every vertex of the bands before it).
    public struct Vertex: Sendable {
        public var id: ID
        public var width: Double
        public var height: Double
        public var band: Int

        public init(id: ID, width: Double, height: Double, band: Int = 0) {
            self.id = id
            self.width = width
            self.height = height
            self.band = band
        }
    }

    /// Spacing of the picture.
    public struct Spacing: Sendable {
        /// Horizontal gap between two real vertices of a rank.
        public var vertexGap: Double = 36
        /// Horizontal gap next to a dummy vertex (a long edge passing through a rank).
        public var dummyGap: Double = 14
        /// Width reserved for a long edge passing through a rank.
        public var dummyWidth: Double = 8
        /// Vertical gap between ranks, where edges bend and their labels sit.
        public var rankGap: Double = 96
        /// Barycentre sweeps (alternating down and up) for crossing reduction.
        public var orderingSweeps = 16
        /// Sweeps of x-coordinate refinement.
        public var placementSweeps = 8

        public init() {}
    }

    // MARK: Output

    /// Where a vertex ended up: its centre, rank and position within the rank.
    public struct Place: Sendable {
        public var x: Double
        public var y: Double
        public var rank: Int
        public var order: Int
    }

    /// The route of one input edge through the ranks, in the edge's own direction (from → to).
    public struct Route: Sendable {
        public var from: ID
        public var to: ID
        /// Both ends in the same rank.
        public var isFlat: Bool
        /// Centres of the dummy vertices the edge passes through, from `from` towards `to`.
        public var waypoints: [(x: Double, rank: Int)]
        /// The edge points upwards (its `from` lies below its `to`).
        public var isReversed: Bool
    }

    /// The rank of each vertex (0 at the top).
    public private(set) var ranks: [ID: Int] = [:]
    /// Placed vertices by id.
    public private(set) var places: [ID: Place] = [:]
    /// Ids in each rank, left to right, dummies left out.
    public private(set) var layers: [[ID]] = []
    /// The top of each rank's band and its height (the tallest vertex in it).
    public private(set) var rankTops: [Double] = []
    public private(set) var rankHeights: [Double] = []
    /// One route per input edge, in input order; self-loops and edges naming unknown vertices
    /// get an empty route with both ends equal.
    public private(set) var routes: [Route] = []
    /// Edge crossings between adjacent ranks in the initial (input) order and after reduction.
    public private(set) var crossingsBefore = 0
    public private(set) var crossingsAfter = 0
    /// The extent of the layout: everything lies in `0...width` × `0...height`.
    public private(set) var width = 0.0
    public private(set) var height = 0.0

    /// Lays out `vertices`. `constraints` are (parent, child) pairs that put the child below the
    /// parent (cycles among them are broken); `edges` are every edge to draw.
    public init(
        vertices: [Vertex], constraints: [(parent: ID, child: ID)], edges: [(from: ID, to: ID)],
        spacing: Spacing = Spacing()
    ) {
        var graph = LayeredGraph(vertices: vertices, spacing: spacing)
        graph.assignRanks(constraints: constraints)
        let chains = graph.insertEdges(edges)
        crossingsBefore = graph.crossings()
        graph.reduceCrossings()
        crossingsAfter = graph.crossings()
        graph.placeHorizontally()
        graph.placeVertically()
        publish(graph, chains: chains, edges: edges)
    }

    // MARK: Publishing

    private mutating func publish(_ graph: LayeredGraph<ID>, chains: [EdgeChain], edges: [(from: ID, to: ID)]) {
        for (v, vertex) in graph.vertices.enumerated() where v < graph.realCount {
            let place = Place(
                x: vertex.x, y: graph.rankTops[vertex.rank] + graph.rankHeights[vertex.rank] / 2, rank: vertex.rank,
                order: vertex.order)
            places[vertex.id!] = place
            ranks[vertex.id!] = vertex.rank
        }
        layers = graph.layers.map { layer in layer.compactMap { graph.vertices[$0].id } }
        rankTops = graph.rankTops
        rankHeights = graph.rankHeights
        width = graph.width
        height = graph.height
        for (edge, chain) in zip(edges, chains) {
            let waypoints = chain.dummies.map { (x: graph.vertices[$0].x, rank: graph.vertices[$0].rank) }
            routes.append(
                Route(
                    from: edge.from, to: edge.to, isFlat: chain.isFlat,
                    waypoints: chain.isReversed ? waypoints.reversed() : waypoints, isReversed: chain.isReversed))
        }
    }
}

/// How one input edge became proper edges: the dummies on it, top to bottom.
struct EdgeChain: Sendable {
    var dummies: [Int] = []
    var isFlat = false
    var isReversed = false
}
