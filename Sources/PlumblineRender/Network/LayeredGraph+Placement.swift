// MARK: Coordinate assignment

extension LayeredGraph {
    /// X-coordinates: pack each rank left to right, then pull every vertex towards the mean x of
    /// its neighbours, sweeping down and up. Each rank is solved exactly as a least-squares fit
    /// under the constraint that neighbours stay apart by half their widths plus a gap, so no
    /// two vertices can ever overlap. Dummies weigh more, which keeps long edges straight.
    mutating func placeHorizontally() {
        for layer in layers {
            var x = 0.0
            for (i, v) in layer.enumerated() {
                if i > 0 { x += separation(layer[i - 1], v) }
                vertices[v].x = x
            }
        }
        for sweep in 0..<spacing.placementSweeps {
            let down = sweep.isMultiple(of: 2)
            let ranks = down ? Array(1..<max(layers.count, 1)) : Array((0..<max(layers.count - 1, 0)).reversed())
            for rank in ranks { align(rank: rank, to: down ? upper : lower) }
        }
        // A final pass against both sides settles ranks between two others.
        for rank in layers.indices { align(rank: rank, to: nil) }
        let left = vertices.map { $0.x - $0.width / 2 }.min() ?? 0
        let right = vertices.map { $0.x + $0.width / 2 }.max() ?? 0
        for v in vertices.indices { vertices[v].x -= left }
        width = right - left
    }

    /// The smallest distance between the centres of two neighbours in a rank.
    func separation(_ a: Int, _ b: Int) -> Double {
        let gap = vertices[a].isDummy || vertices[b].isDummy ? spacing.dummyGap : spacing.vertexGap
        return (vertices[a].width + vertices[b].width) / 2 + gap
    }

    /// Moves the vertices of a rank as close as the separations allow to the mean x of their
    /// neighbours (`nil`: neighbours on both sides); a vertex with none stays where it is.
    private mutating func align(rank: Int, to neighbours: [[Int]]?) {
        let layer = layers[rank]
        guard !layer.isEmpty else { return }
        var targets: [Double] = []
        var weights: [Double] = []
        for v in layer {
            let ns = neighbours.map { $0[v] } ?? (upper[v] + lower[v])
            targets.append(ns.isEmpty ? vertices[v].x : ns.reduce(0.0) { $0 + vertices[$1].x } / Double(ns.count))
            weights.append(ns.isEmpty ? 0.25 : (vertices[v].isDummy ? 4 : 1))
        }
        var offsets = [0.0]
        for i in 1..<layer.count { offsets.append(offsets[i - 1] + separation(layer[i - 1], layer[i])) }
        let fitted = Self.isotonicFit(zip(targets, offsets).map { $0 - $1 }, weights: weights)
        for (i, v) in layer.enumerated() { vertices[v].x = fitted[i] + offsets[i] }
    }

    /// The non-decreasing sequence nearest to `values` in weighted least squares (pool adjacent
    /// violators). With each value shifted by its cumulative separation, "non-decreasing" is
    /// exactly "neighbours at least their separation apart".
    static func isotonicFit(_ values: [Double], weights: [Double]) -> [Double] {
        var blocks: [(sum: Double, weight: Double, count: Int)] = []
        for (value, weight) in zip(values, weights) {
            blocks.append((value * weight, weight, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1]
                let previous = blocks[blocks.count - 2]
                guard previous.sum / previous.weight > last.sum / last.weight else { break }
                blocks.removeLast(2)
                blocks.append((previous.sum + last.sum, previous.weight + last.weight, previous.count + last.count))
            }
        }
        return blocks.flatMap { Array(repeating: $0.sum / $0.weight, count: $0.count) }
    }

    /// Y: each rank is a band as tall as its tallest vertex, with a gap below for edges.
    mutating func placeVertically() {
        var y = 0.0
        rankTops = []
        rankHeights = []
        for layer in layers {
            let h = layer.map { vertices[$0].height }.max() ?? 0
            rankTops.append(y)
            rankHeights.append(h)
            y += h + spacing.rankGap
        }
        height = max(y - spacing.rankGap, 0)
    }
}
