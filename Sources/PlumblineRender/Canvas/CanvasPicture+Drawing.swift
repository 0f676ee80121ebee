import PlumblineCore

/// Writing the laid-out picture as SVG. Nothing here decides where anything goes: every
/// coordinate comes from the layout, so the geometry tests check what is drawn.
extension CanvasPicture {
    static func draw(_ layout: Layout) -> String {
        let style = layout.style
        var doc = SVGDocument(width: style.width, height: layout.height)
        doc.text(layout.accessibleDescription, element: "desc")
        doc.element(
            "rect",
            [
                "x": 0, "y": 0, "width": .number(style.width), "height": .number(layout.height),
                "fill": .text(Palette.paper),
            ])
        doc.group("g", ["class": "heading"]) { doc in
            for (i, line) in layout.heading.enumerated() {
                write(line, fill: i == 0 ? Palette.ink : Palette.mutedInk, in: &doc)
            }
        }
        doc.group("g", ["class": "objectives"]) { doc in
            write(layout.objectivesLabel, fill: Palette.ink, in: &doc)
            if let placeholder = layout.objectivesPlaceholder {
                write(placeholder, fill: Palette.colour(for: .error), in: &doc)
            }
            for chip in layout.objectives { draw(chip, in: &doc) }
        }
        for panel in layout.elements { draw(panel, style: style, in: &doc) }
        draw(layout.legend, in: &doc)
        return doc.rendered(title: layout.accessibleTitle)
    }

    // MARK: Objectives and panels

    private static func draw(_ chip: ObjectiveChip, in doc: inout SVGDocument) {
        doc.group("g", ["class": "objective", "data-objective": .text(chip.objectiveID)]) { doc in
            doc.text(chip.tooltip, element: "title")
            rect(
                chip.box, fill: chip.score.map { Palette.heat(score: $0) } ?? Palette.panel, stroke: Palette.rule,
                in: &doc)
            for (i, line) in chip.lines.enumerated() {
                write(line, fill: i == chip.lines.count - 1 ? Palette.mutedInk : Palette.ink, in: &doc)
            }
        }
    }

    private static func draw(_ panel: ElementPanel, style: Style, in doc: inout SVGDocument) {
        let name = panel.block?.rawValue ?? "unplaced"
        doc.group("g", ["class": "element", "data-block": .text(name)]) { doc in
            rect(
                panel.box, fill: panel.score.map { Palette.heat(score: $0) } ?? Palette.panel, stroke: Palette.rule,
                radius: 6, in: &doc)
            write(panel.header, fill: Palette.ink, in: &doc)
            if let label = panel.scoreLabel { write(label, fill: Palette.ink, in: &doc) }
            if let placeholder = panel.placeholder {
                // A dashed empty slot reads as "something belongs here", which a blank area does not.
                let slot = Box(
                    x: panel.box.x + style.panelPadding, y: placeholder.box.y - 8,
                    width: panel.box.width - 2 * style.panelPadding, height: placeholder.box.height + 16)
                doc.element(
                    "rect",
                    [
                        "class": "not-measured", "x": .number(slot.x), "y": .number(slot.y),
                        "width": .number(slot.width), "height": .number(slot.height), "rx": 4, "fill": "none",
                        "stroke": .text(Palette.mutedInk), "stroke-dasharray": "4 3",
                    ])
                write(placeholder, fill: Palette.mutedInk, in: &doc)
            }
            for card in panel.cards { draw(card, style: style, in: &doc) }
        }
    }

    // MARK: Cards

    private static func draw(_ card: Card, style: Style, in doc: inout SVGDocument) {
        let severity = card.worstSeverity.map { " severity-\($0.rawValue)" } ?? ""
        let classes = "card level-\(card.level?.rawValue ?? "none") status-\(card.status.rawValue)\(severity)"
        doc.group("g", ["class": .text(classes), "data-kpi": .text(card.kpiID)]) { doc in
            doc.text(card.tooltip, element: "title")
            let b = card.box
            if card.status == .proposed {
                doc.element(
                    "rect",
                    [
                        "x": .number(b.x), "y": .number(b.y), "width": .number(b.width), "height": .number(b.height),
                        "rx": 3, "fill": .text(Palette.fill(for: card.level)), "stroke": .text(Palette.mutedInk),
                        "stroke-width": 1.5, "stroke-dasharray": "5 3",
                    ])
            } else {
                rect(b, fill: Palette.fill(for: card.level), stroke: "#9aa5b1", radius: 3, in: &doc)
            }
            if let worst = card.worstSeverity {
                // The stripe follows the card's rounded left corners so it does not poke out.
                let r = 3.0
                let f = SVGValue.format
                let path =
                    "M\(f(b.x + r)) \(f(b.y))H\(f(b.x + style.stripeWidth))V\(f(b.maxY))H\(f(b.x + r))"
                    + "Q\(f(b.x)) \(f(b.maxY)) \(f(b.x)) \(f(b.maxY - r))V\(f(b.y + r))Q\(f(b.x)) \(f(b.y)) \(f(b.x + r)) \(f(b.y))Z"
                doc.element("path", ["class": "stripe", "d": .text(path), "fill": .text(Palette.colour(for: worst))])
                if let box = card.marker { marker(worst, in: box, doc: &doc) }
            }
            for (i, line) in card.lines.enumerated() {
                write(line, fill: i == card.lines.count - 1 ? Palette.mutedInk : Palette.ink, in: &doc)
            }
        }
    }

    /// ▲ error, ◆ warning, ● note, drawn as shapes so they look the same in every font.
    private static func marker(_ severity: Severity, in box: Box, doc: inout SVGDocument) {
        let f = SVGValue.format
        let colour = SVGValue.text(Palette.colour(for: severity))
        let label = SVGValue.text(severity.rawValue)
        let kind = SVGValue.text("marker marker-\(severity.rawValue)")
        switch severity {
        case .error:
            let d = "M\(f(box.midX)) \(f(box.y))L\(f(box.maxX)) \(f(box.maxY - 1))L\(f(box.x)) \(f(box.maxY - 1))Z"
            doc.element("path", ["class": kind, "d": .text(d), "fill": colour, "role": "img", "aria-label": label])
        case .warning:
            let d =
                "M\(f(box.midX)) \(f(box.y))L\(f(box.maxX)) \(f(box.midY))L\(f(box.midX)) \(f(box.maxY))"
                + "L\(f(box.x)) \(f(box.midY))Z"
            doc.element("path", ["class": kind, "d": .text(d), "fill": colour, "role": "img", "aria-label": label])
        case .info:
            doc.element(
                "circle",
                [
                    "class": kind, "cx": .number(box.midX), "cy": .number(box.midY), "r": .number(box.width / 2 - 1),
                    "fill": colour, "role": "img", "aria-label": label,
                ])
        }
    }

    // MARK: Legend

    private static func draw(_ legend: Legend, in doc: inout SVGDocument) {
        doc.group("g", ["class": "legend"]) { doc in
            for item in legend.items {
                if let box = item.swatchBox {
                    switch item.swatch {
                    case .card(let fill, let dashed):
                        if dashed {
                            doc.element(
                                "rect",
                                [
                                    "x": .number(box.x), "y": .number(box.y), "width": .number(box.width),
                                    "height": .number(box.height), "rx": 2, "fill": .text(fill),
                                    "stroke": .text(Palette.mutedInk), "stroke-width": 1.5, "stroke-dasharray": "3 2",
                                ])
                        } else {
                            rect(box, fill: fill, stroke: "#9aa5b1", radius: 2, in: &doc)
                        }
                    case .marker(let severity): marker(severity, in: box, doc: &doc)
                    case .heat(let score):
                        rect(box, fill: Palette.heat(score: score), stroke: Palette.rule, radius: 2, in: &doc)
                    case .heading: break
                    }
                }
                write(item.label, fill: Palette.ink, in: &doc)
            }
        }
    }

    // MARK: Primitives

    private static func rect(_ box: Box, fill: String, stroke: String, radius: Double = 4, in doc: inout SVGDocument) {
        doc.element(
            "rect",
            [
                "x": .number(box.x), "y": .number(box.y), "width": .number(box.width), "height": .number(box.height),
                "rx": .number(radius), "fill": .text(fill), "stroke": .text(stroke),
            ])
    }

    /// A line of text, its baseline placed so the glyphs sit inside the line's box.
    private static func write(_ line: TextLine, fill: String, in doc: inout SVGDocument) {
        // Ascent of the common sans-serif faces is about 0.9 em, plus half the extra leading.
        let baseline = line.box.y + line.fontSize * 0.97
        doc.text(
            line.text,
            [
                "x": .number(line.box.x), "y": .number(baseline), "font-size": .number(line.fontSize),
                "font-weight": .text(line.bold ? "bold" : "normal"), "fill": .text(fill),
            ])
    }
}
