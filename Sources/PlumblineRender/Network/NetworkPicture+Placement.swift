import PlumblineCore

// MARK: Placing the layout in the picture

extension NetworkPicture {
    /// Moves the layout below the title and centres it over the legend, then routes the edges
    /// and places their labels.
    mutating func place(drafts: [NodeDraft], specs: [NetworkEdgeSpec], layout: LayeredLayout<ParticipantID>) {
        let legend = NetworkLegend()
        let titleWidth = TextMetrics.width(of: title, fontSize: 16, bold: true)
        let contentWidth = max(layout.width, legend.width, titleWidth)
        let dx = Self.margin + (contentWidth - layout.width) / 2
        let dy = Self.margin + Self.titleHeight
        for draft in drafts {
            guard let place = layout.places[draft.id] else { continue }
            let box = Box(
                x: place.x + dx - draft.width / 2, y: place.y + dy - draft.height / 2, width: draft.width,
                height: draft.height)
            nodes.append(draft.node(in: box, rank: place.rank))
        }
        let bands = layout.rankTops.indices.map { (top: layout.rankTops[$0] + dy, height: layout.rankHeights[$0]) }
        var router = EdgeRouter(nodes: nodes, bands: bands, dx: dx)
        let routed = router.route(specs: specs, routes: layout.routes)
        let graphBottom = dy + layout.height + Self.bottomReserve
        width = contentWidth + 2 * Self.margin
        var labels = EdgeLabelPlacer(nodes: nodes.map(\.box), gaps: router.gaps(bottom: graphBottom), width: width)
        for (spec, points) in zip(specs, routed) {
            guard let points else { continue }
            let placed = spec.label.map { labels.place($0, along: points) }
            edges.append(
                Edge(
                    kind: spec.kind, from: spec.from, to: spec.to, points: points, label: placed?.text,
                    labelBox: placed?.box, title: spec.title))
        }
        legendBox = Box(
            x: Self.margin + (contentWidth - legend.width) / 2, y: graphBottom, width: legend.width,
            height: legend.height)
        height = legendBox.maxY + Self.margin
    }
}
