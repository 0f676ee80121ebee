// MARK: Crossing reduction

extension LayeredGraph {
    /// Reorders every rank by the barycentre heuristic: alternating sweeps down (each vertex at
    /// the mean position of its neighbours above) and up (below). Sweeps can make things worse
    /// as well as better, so the best order seen is kept, the initial one included: the result
    /// never has more crossings than the input order.
    mutating func reduceCrossings() {
        guard layers.count > 1 else { return }
        var best = layers
        var bestCount = crossings()
        for sweep in 0..<spacing.orderingSweeps where bestCount > 0 {
            let down = sweep.isMultiple(of: 2)
            let ranks = down ? Array(1..<layers.count) : Array((0..<(layers.count - 1)).reversed())
            for rank in ranks {
                reorder(rank: rank, byNeighbours: down ? upper : lower)
            }
            let count = crossings()
            if count < bestCount {
                bestCount = count
                best = layers
            }
        }
        layers = best
        renumber()
    }

    /// Sorts one rank by the mean order of each vertex's neighbours in the adjacent rank. A vertex
    /// with no neighbours there keeps its current position as its barycentre; ties keep the
    /// current order (the sort is made stable by the position).
    private mutating func reorder(rank: Int, byNeighbours neighbours: [[Int]]) {
        let keyed = layers[rank].enumerated().map { position, v -> (key: Double, position: Int, vertex: Int) in
            let ns = neighbours[v]
            let key =
                ns.isEmpty ? Double(position) : ns.reduce(0.0) { $0 + Double(vertices[$1].order) } / Double(ns.count)
            return (key, position, v)
        }
        layers[rank] = keyed.sorted { ($0.key, $0.position) < ($1.key, $1.position) }.map(\.vertex)
        for (i, v) in layers[rank].enumerated() { vertices[v].order = i }
    }

    // MARK: Counting crossings

    /// Crossings of proper edges between every pair of adjacent ranks, in the current order.
    func crossings() -> Int {
        var total = 0
        for rank in 0..<max(layers.count - 1, 0) {
            total += crossings(between: rank)
        }
        return total
    }

    /// Two edges (a→b), (c→d) between the same ranks cross when their ends are in opposite
    /// orders. Sorting edges by the upper end and counting inversions of the lower ends with a
    /// Fenwick tree does this in O(E log V) rather than comparing every pair.
    private func crossings(between rank: Int) -> Int {
        var position: [Int: Int] = [:]
        for (i, v) in layers[rank].enumerated() { position[v] = i }
        var lowerPosition: [Int: Int] = [:]
        for (i, v) in layers[rank + 1].enumerated() { lowerPosition[v] = i }
        var pairs: [(Int, Int)] = []
        for v in layers[rank] {
            for w in lower[v] {
                if let p = position[v], let q = lowerPosition[w] { pairs.append((p, q)) }
            }
        }
        pairs.sort { $0 < $1 }
        let size = layers[rank + 1].count
        var tree = Array(repeating: 0, count: size + 1)
        var seen = 0
        var count = 0
        for (_, q) in pairs {
            // Edges already seen whose lower end lies strictly to the right of q cross this one.
            var i = q + 1
            var atOrBelow = 0
            while i > 0 {
                atOrBelow += tree[i]
                i -= i & -i
            }
            count += seen - atOrBelow
            i = q + 1
            while i <= size {
                tree[i] += 1
                i += i & -i
            }
            seen += 1
        }
        return count
    }
}
