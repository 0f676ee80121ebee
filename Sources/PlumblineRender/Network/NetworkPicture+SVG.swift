import PlumblineCore

// MARK: SVG

extension NetworkPicture {
    static let highlightWidth = 2.5
    static let plainWidth = 1.2

    /// The picture as a standalone SVG document. Edges are drawn first, then nodes over them,
    /// then edge labels over both, so labels stay readable where a line passes behind them.
    public var svg: String {
        var doc = SVGDocument(width: width, height: height)
        doc.element("rect", ["x": 0, "y": 0, "width": .number(width), "height": .number(height), "fill": "#ffffff"])
        drawMarkers(into: &doc)
        doc.text(
            title,
            [
                "x": .number(Self.margin), "y": .number(Self.margin + 14), "font-size": 16, "font-weight": "bold",
                "fill": .text(Palette.ink),
            ])
        doc.group("g", ["class": "edges", "fill": "none"]) { doc in
            for edge in edges { draw(edge, into: &doc) }
        }
        doc.group("g", ["class": "nodes"]) { doc in
            for node in nodes { draw(node, into: &doc) }
        }
        doc.group("g", ["class": "edge-labels"]) { doc in
            for edge in edges { drawLabel(of: edge, into: &doc) }
        }
        NetworkLegend().draw(in: legendBox, into: &doc)
        return doc.rendered(title: "Accountability network: " + title)
    }

    private func drawMarkers(into doc: inout SVGDocument) {
        doc.group("defs") { doc in
            for kind in EdgeKind.allCases where EdgeStyle.of(kind).hasArrow {
                doc.group(
                    "marker",
                    [
                        "id": .text(EdgeStyle.markerID(kind)), "viewBox": "0 0 10 10", "refX": 10, "refY": 5,
                        "markerWidth": 8, "markerHeight": 8, "markerUnits": "userSpaceOnUse",
                        "orient": "auto-start-reverse",
                    ]
                ) { doc in
                    doc.element("path", ["d": "M0 0L10 5L0 10z", "fill": .text(EdgeStyle.of(kind).stroke)])
                }
            }
        }
    }

    // MARK: Edges

    private func draw(_ edge: Edge, into doc: inout SVGDocument) {
        doc.group("g", ["class": .text("edge " + edge.kind.rawValue)]) { doc in
            doc.text(edge.title, element: "title")
            Self.drawLine(edge.points, style: EdgeStyle.of(edge.kind), kind: edge.kind, into: &doc)
        }
    }

    /// A route as a path: straight segments, or for curved styles S-curves that leave and enter
    /// each bend vertically and stay inside the gap between the ranks.
    static func drawLine(_ points: [Point], style: EdgeStyle, kind: EdgeKind, into doc: inout SVGDocument) {
        guard let first = points.first else { return }
        let f = SVGValue.format
        var d = "M\(f(first.x)) \(f(first.y))"
        for (p, q) in zip(points, points.dropFirst()) {
            if style.isCurved && p.x != q.x && p.y != q.y {
                let my = (p.y + q.y) / 2
                d += "C\(f(p.x)) \(f(my)) \(f(q.x)) \(f(my)) \(f(q.x)) \(f(q.y))"
            } else {
                d += "L\(f(q.x)) \(f(q.y))"
            }
        }
        var attributes: [(String, SVGValue)] = [
            ("d", .text(d)), ("fill", "none"), ("stroke", .text(style.stroke)), ("stroke-width", .number(style.width)),
        ]
        if let dash = style.dash {
            attributes.append(("stroke-dasharray", .text(dash)))
            attributes.append(("stroke-linecap", "round"))
        }
        if style.hasArrow { attributes.append(("marker-end", .text("url(#\(EdgeStyle.markerID(kind)))"))) }
        doc.element("path", attributes)
    }

    private func drawLabel(of edge: Edge, into doc: inout SVGDocument) {
        guard let label = edge.label, let box = edge.labelBox else { return }
        doc.group("g", ["class": "edge-label"]) { doc in
            doc.text(edge.title, element: "title")
            doc.element(
                "rect",
                [
                    "x": .number(box.x), "y": .number(box.y), "width": .number(box.width),
                    "height": .number(box.height),
                    "rx": 3, "fill": "#ffffff", "fill-opacity": 0.92, "stroke": .text(Palette.rule),
                    "stroke-width": 0.6,
                ])
            doc.text(
                label,
                [
                    "x": .number(box.midX), "y": .number(box.y + box.height / 2 + EdgeLabelPlacer.fontSize * 0.35),
                    "font-size": .number(EdgeLabelPlacer.fontSize), "text-anchor": "middle", "fill": .text(Palette.ink),
                ])
        }
    }

    // MARK: Nodes

    private func draw(_ node: Node, into doc: inout SVGDocument) {
        doc.group("g", ["class": .text("node " + node.type.rawValue), "data-id": .text(node.id.rawValue)]) { doc in
            var tooltip = "\(node.name) (\(NetworkLegend.name(node.type)))"
            for message in node.findings { tooltip += "\n• " + message }
            doc.text(tooltip, element: "title")
            let stroke = node.severity.map(Palette.colour(for:)) ?? Palette.mutedInk
            NodeShape.draw(
                node.type, in: node.box, stroke: stroke,
                strokeWidth: node.severity == nil ? Self.plainWidth : Self.highlightWidth, into: &doc)
            for line in node.labelLines {
                let font = line.isCaption ? NodeDraft.captionFont : NodeDraft.nameFont
                let colour =
                    line.isCaption ? (node.severity.map(Palette.colour(for:)) ?? Palette.mutedInk) : Palette.ink
                doc.text(
                    line.text,
                    [
                        "x": .number(line.box.midX), "y": .number(line.box.y + font * 0.98), "font-size": .number(font),
                        "font-weight": line.isCaption ? "normal" : "bold", "text-anchor": "middle",
                        "fill": .text(colour),
                    ])
            }
        }
    }
}
