import PlumblineCore

// MARK: Drawing

extension NodeShape {
    /// Fill of each participant type.
    static func fill(for type: ParticipantType) -> String {
        switch type {
        case .oversight: "#e8edfb"
        case .team: Palette.panel
        case .individual: Palette.paper
        case .partner: "#fffaf0"
        case .platform: "#e9f7f0"
        case .aiSystem: "#f3ecfb"
        case .customer: "#fff1dc"
        }
    }

    /// Draws the outline of `type` so that it and its stroke lie wholly inside `box`.
    static func draw(
        _ type: ParticipantType, in box: Box, stroke: String, strokeWidth: Double, into doc: inout SVGDocument
    ) {
        let b = box.inset(by: strokeWidth / 2)
        let fill = SVGValue.text(fill(for: type))
        let stroke = SVGValue.text(stroke)
        let sw = SVGValue.number(strokeWidth)
        let r = SVGValue.number(min(cornerRadius(for: type, height: b.height), b.height / 2))
        switch type {
        case .platform:
            let d = hexagonPoint(b.height)
            let points = [
                (b.x + d, b.y), (b.maxX - d, b.y), (b.maxX, b.midY), (b.maxX - d, b.maxY), (b.x + d, b.maxY),
                (b.x, b.midY),
            ]
            .map { SVGValue.format($0.0) + "," + SVGValue.format($0.1) }.joined(separator: " ")
            doc.element("polygon", ["points": .text(points), "fill": fill, "stroke": stroke, "stroke-width": sw])
        case .partner:
            doc.element(
                "rect",
                [
                    "x": .number(b.x), "y": .number(b.y), "width": .number(b.width), "height": .number(b.height),
                    "fill": fill, "stroke": stroke, "stroke-width": sw, "stroke-dasharray": "5 3",
                ])
        default:
            doc.element(
                "rect",
                [
                    "x": .number(b.x), "y": .number(b.y), "width": .number(b.width), "height": .number(b.height),
                    "rx": r, "fill": fill, "stroke": stroke, "stroke-width": sw,
                ])
        }
        if type == .oversight {
            // The double border: a second outline just inside the first.
            let inner = b.inset(by: min(3.5, b.height / 6))
            doc.element(
                "rect",
                [
                    "x": .number(inner.x), "y": .number(inner.y), "width": .number(inner.width),
                    "height": .number(inner.height), "rx": .number(max(min(6, inner.height / 2) - 1, 0)),
                    "fill": "none", "stroke": stroke, "stroke-width": 0.8,
                ])
        }
        if type == .aiSystem { drawChip(in: b, colour: stroke, into: &doc) }
    }

    /// A small integrated-circuit glyph at the left of an AI system's box.
    private static func drawChip(in b: Box, colour: SVGValue, into doc: inout SVGDocument) {
        let size = min(14, b.height - 8)
        guard size > 4 else { return }
        let x = b.x + 7
        let y = b.midY - size / 2
        let body = size * 0.6
        let bx = x + (size - body) / 2
        let by = y + (size - body) / 2
        doc.element(
            "rect",
            [
                "x": .number(bx), "y": .number(by), "width": .number(body), "height": .number(body), "rx": 1,
                "fill": "none", "stroke": colour, "stroke-width": 1.1,
            ])
        var d = ""
        for i in 0..<3 {
            let t = bx + body * (Double(i) + 1) / 4
            let u = by + body * (Double(i) + 1) / 4
            d += "M\(SVGValue.format(t)) \(SVGValue.format(y))V\(SVGValue.format(by))"
            d += "M\(SVGValue.format(t)) \(SVGValue.format(by + body))V\(SVGValue.format(y + size))"
            d += "M\(SVGValue.format(x)) \(SVGValue.format(u))H\(SVGValue.format(bx))"
            d += "M\(SVGValue.format(bx + body)) \(SVGValue.format(u))H\(SVGValue.format(x + size))"
        }
        doc.element("path", ["d": .text(d), "stroke": colour, "stroke-width": 1, "fill": "none"])
    }
}
