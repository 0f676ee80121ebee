/// The working state of a `LayeredLayout`: vertices by index (real ones first, then dummies),
/// their ranks, the order within each rank and the proper edges between adjacent ranks.
struct LayeredGraph<ID: Hashable & Sendable>: Sendable {
    struct Vertex: Sendable {
        /// Nil for a dummy.
        var id: ID?
        var width: Double
        var height: Double
        var band: Int
        var rank = 0
        var order = 0
        var x = 0.0
        var isDummy: Bool { id == nil }
    }

    var vertices: [Vertex]
    let realCount: Int
    let spacing: LayeredLayout<ID>.Spacing
    let index: [ID: Int]
    /// Vertex indices in each rank, left to right.
    var layers: [[Int]] = []
    /// Proper edges: neighbours one rank up and one rank down (repeated for parallel edges).
    var upper: [[Int]]
    var lower: [[Int]]
    var rankTops: [Double] = []
    var rankHeights: [Double] = []
    var width = 0.0
    var height = 0.0

    init(vertices input: [LayeredLayout<ID>.Vertex], spacing: LayeredLayout<ID>.Spacing) {
        var index: [ID: Int] = [:]
        var vertices: [Vertex] = []
        // A repeated id is laid out once: the first one wins.
        for v in input where index[v.id] == nil {
            index[v.id] = vertices.count
            vertices.append(Vertex(id: v.id, width: max(v.width, 1), height: max(v.height, 1), band: v.band))
        }
        self.vertices = vertices
        self.realCount = vertices.count
        self.index = index
        self.spacing = spacing
        self.upper = Array(repeating: [], count: vertices.count)
        self.lower = Array(repeating: [], count: vertices.count)
    }

    // MARK: Dummies

    /// Turns every input edge into proper edges between adjacent ranks, adding a dummy vertex in
    /// each rank a long edge passes through. Flat edges (same rank) and self-loops add nothing:
    /// the picture routes them around the rank.
    mutating func insertEdges(_ edges: [(from: ID, to: ID)]) -> [EdgeChain] {
        layers = Array(repeating: [], count: (vertices.map(\.rank).max() ?? -1) + 1)
        for v in 0..<realCount { layers[vertices[v].rank].append(v) }
        var chains: [EdgeChain] = []
        for edge in edges {
            guard let a = index[edge.from], let b = index[edge.to], a != b else {
                chains.append(EdgeChain(isFlat: true))
                continue
            }
            if vertices[a].rank == vertices[b].rank {
                chains.append(EdgeChain(isFlat: true))
                continue
            }
            let reversed = vertices[a].rank > vertices[b].rank
            let (top, bottom) = reversed ? (b, a) : (a, b)
            var chain = EdgeChain(isReversed: reversed)
            var previous = top
            for rank in (vertices[top].rank + 1)..<vertices[bottom].rank {
                let dummy = vertices.count
                vertices.append(
                    Vertex(id: nil, width: spacing.dummyWidth, height: 0, band: vertices[top].band, rank: rank))
                upper.append([])
                lower.append([])
                layers[rank].append(dummy)
                chain.dummies.append(dummy)
                link(previous, dummy)
                previous = dummy
            }
            link(previous, bottom)
            chains.append(chain)
        }
        renumber()
        return chains
    }

    private mutating func link(_ up: Int, _ down: Int) {
        lower[up].append(down)
        upper[down].append(up)
    }

    /// Writes each vertex's position within its rank into `order`.
    mutating func renumber() {
        for layer in layers {
            for (i, v) in layer.enumerated() { vertices[v].order = i }
        }
    }
}
