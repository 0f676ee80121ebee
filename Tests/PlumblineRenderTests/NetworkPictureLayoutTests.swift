import PlumblineRender
import Testing

/// The layered layout on its own, on small graphs whose right answer is known.
@Suite struct NetworkPictureLayoutTests {
    typealias Layout = LayeredLayout<String>

    static func vertex(_ id: String, band: Int = 0, width: Double = 80) -> Layout.Vertex {
        Layout.Vertex(id: id, width: width, height: 40, band: band)
    }

    static func noOverlaps(_ layout: Layout, widths: [String: Double]) -> Bool {
        for layer in layout.layers {
            for (a, b) in zip(layer, layer.dropFirst()) {
                guard let pa = layout.places[a], let pb = layout.places[b], let wa = widths[a], let wb = widths[b]
                else { return false }
                if pb.x - wb / 2 < pa.x + wa / 2 { return false }
            }
        }
        return true
    }

    @Test func oversightBandSitsAboveEveryoneElse() {
        let layout = Layout(
            vertices: [Self.vertex("team", band: 1), Self.vertex("partner", band: 2), Self.vertex("board", band: 0)],
            constraints: [], edges: [(from: "partner", to: "board"), (from: "team", to: "partner")])
        #expect(layout.ranks["board"] == 0)
        #expect(layout.ranks["team"] == 1)
        #expect(layout.ranks["partner"] == 2)
        #expect(layout.places["board"]!.y < layout.places["team"]!.y)
        #expect(layout.places["team"]!.y < layout.places["partner"]!.y)
    }

    @Test func aReportingChildIsStrictlyBelowItsParent() {
        let layout = Layout(
            vertices: [Self.vertex("c"), Self.vertex("b"), Self.vertex("a"), Self.vertex("d")],
            constraints: [(parent: "a", child: "b"), (parent: "b", child: "c"), (parent: "a", child: "d")], edges: [])
        #expect(layout.ranks == ["a": 0, "b": 1, "c": 2, "d": 1])
        for (parent, child) in [("a", "b"), ("b", "c"), ("a", "d")] {
            #expect(layout.places[parent]!.y < layout.places[child]!.y)
        }
    }

    @Test func aReportingCycleIsBrokenNotFollowedForever() {
        let layout = Layout(
            vertices: [Self.vertex("a"), Self.vertex("b"), Self.vertex("c")],
            constraints: [(parent: "a", child: "b"), (parent: "b", child: "c"), (parent: "c", child: "a")],
            edges: [(from: "a", to: "b"), (from: "b", to: "c"), (from: "c", to: "a")])
        // Exactly one edge of the cycle is dropped, so the other two still rank their child lower.
        #expect(Set(layout.ranks.values) == [0, 1, 2])
        #expect(layout.routes.count == 3)
        #expect(layout.places.count == 3)
    }

    @Test func longEdgesPassThroughDummies() {
        let layout = Layout(
            vertices: [Self.vertex("a"), Self.vertex("b"), Self.vertex("c"), Self.vertex("d")],
            constraints: [(parent: "a", child: "b"), (parent: "b", child: "c"), (parent: "c", child: "d")],
            edges: [(from: "d", to: "a")])
        let route = layout.routes[0]
        #expect(route.isReversed)
        #expect(route.waypoints.map(\.rank) == [2, 1], "from d upwards through ranks 2 and 1")
    }

    @Test func barycentresUntangleATwist() {
        // a b over c d with a→d and b→c crosses once; swapping c and d removes it.
        let layout = Layout(
            vertices: [Self.vertex("a"), Self.vertex("b"), Self.vertex("c", band: 1), Self.vertex("d", band: 1)],
            constraints: [], edges: [(from: "a", to: "d"), (from: "b", to: "c")])
        #expect(layout.crossingsBefore == 1)
        #expect(layout.crossingsAfter == 0)
        #expect(layout.layers[1] == ["d", "c"])
    }

    @Test func crossingReductionNeverMakesThingsWorse() {
        // Three ranks of five with edges chosen to cross a lot in input order.
        var vertices: [Layout.Vertex] = []
        for band in 0..<3 { for i in 0..<5 { vertices.append(Self.vertex("\(band)-\(i)", band: band)) } }
        var edges: [(from: String, to: String)] = []
        for band in 0..<2 {
            for i in 0..<5 {
                edges.append((from: "\(band)-\(i)", to: "\(band + 1)-\(4 - i)"))
                edges.append((from: "\(band)-\(i)", to: "\(band + 1)-\((i + 2) % 5)"))
            }
        }
        let layout = Layout(vertices: vertices, constraints: [], edges: edges)
        #expect(layout.crossingsBefore > 0)
        #expect(layout.crossingsAfter <= layout.crossingsBefore)
        #expect(layout.crossingsAfter < layout.crossingsBefore)
    }

    @Test func verticesKeepTheirWidthsApart() {
        let widths = ["wide": 300.0, "narrow": 20.0, "mid": 120.0, "top": 60.0]
        let layout = Layout(
            vertices: widths.keys.sorted().map { Self.vertex($0, band: $0 == "top" ? 0 : 1, width: widths[$0]!) },
            constraints: [], edges: [(from: "top", to: "wide"), (from: "top", to: "narrow"), (from: "top", to: "mid")])
        #expect(Self.noOverlaps(layout, widths: widths))
        // The parent is centred over its children rather than packed to the left.
        let children = ["wide", "narrow", "mid"].map { layout.places[$0]!.x }
        #expect(abs(layout.places["top"]!.x - children.reduce(0, +) / 3) < 1)
        #expect(layout.places.values.allSatisfy { $0.x >= 0 && $0.x <= layout.width })
    }
}
