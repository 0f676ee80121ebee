// MARK: Rank assignment

extension LayeredGraph {
    /// Ranks by bands, then by longest path along the constraint edges inside each band. A band
    /// starts one rank below the lowest rank of the band before it, so bands never interleave.
    /// Constraints pointing from a later band to an earlier one cannot hold and are ignored;
    /// cycles inside a band are broken by dropping the edges that close them (depth-first, in
    /// input order).
    mutating func assignRanks(constraints: [(parent: ID, child: ID)]) {
        var parents = Array(repeating: [Int](), count: realCount)
        for c in constraints {
            guard let p = index[c.parent], let k = index[c.child], p != k, vertices[p].band <= vertices[k].band
            else { continue }
            parents[k].append(p)
        }
        let bands = orderedBands()
        var floor = 0
        for band in bands {
            let members = (0..<realCount).filter { vertices[$0].band == band }
            let acyclic = Self.dropCycles(members: members, parents: parents, band: band, vertices: vertices)
            var rank: [Int: Int] = [:]
            func rankOf(_ v: Int) -> Int {
                if let r = rank[v] { return r }
                var r = floor
                for p in acyclic[v, default: []] {
                    r = max(r, (vertices[p].band == band ? rankOf(p) : vertices[p].rank) + 1)
                }
                rank[v] = r
                return r
            }
            var lowest = floor - 1
            for v in members {
                vertices[v].rank = rankOf(v)
                lowest = max(lowest, vertices[v].rank)
            }
            floor = lowest + 1
        }
    }

    /// The bands in use, ascending.
    private func orderedBands() -> [Int] {
        var seen = Set<Int>()
        var bands: [Int] = []
        for v in vertices where seen.insert(v.band).inserted { bands.append(v.band) }
        return bands.sorted()
    }

    /// The parents of each member with the edges that close a cycle inside the band removed.
    private static func dropCycles(
        members: [Int], parents: [[Int]], band: Int, vertices: [Vertex]
    ) -> [Int: [Int]] {
        // 0 unvisited, 1 on the current path, 2 done.
        var state: [Int: Int] = [:]
        var kept: [Int: [Int]] = [:]
        for start in members where state[start] == nil {
            // Iterative depth-first search up the parent edges, so deep hierarchies cannot
            // overflow the stack.
            var stack: [(vertex: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let ps = parents[top.vertex]
                if top.next == ps.count {
                    state[top.vertex] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let p = ps[top.next]
                guard vertices[p].band == band else {
                    kept[top.vertex, default: []].append(p)
                    continue
                }
                switch state[p] {
                case 1: continue  // closes a cycle: drop it
                case 2: kept[top.vertex, default: []].append(p)
                default:
                    kept[top.vertex, default: []].append(p)
                    state[p] = 1
                    stack.append((p, 0))
                }
            }
        }
        return kept
    }
}
