import PlumblineCore

/// Paints a laid-out KPI chart, back to front: shading and grid under the series, the series
/// over the target, text last so nothing covers it.
struct KPIChartDrawing {
    let layout: KPIChartLayout

    private var style: KPIChartStyle { layout.style }
    private var plot: Box { layout.plot }
    private typealias Colour = KPIChartStyle.Colour

    func document() -> SVGDocument {
        var doc = SVGDocument(width: layout.bounds.width, height: layout.bounds.height)
        doc.group("g", ["class": "kpi-chart", "data-kpi": .text(layout.data.kpi.id.rawValue)]) { g in
            // The full name travels with the panel, since the visible title may be ellipsized.
            g.text(layout.data.kpi.name, element: "title")
            g.element(
                "rect",
                [
                    "x": 0, "y": 0, "width": .number(layout.bounds.width), "height": .number(layout.bounds.height),
                    "fill": .text(Palette.paper),
                ])
            heading(&g)
            backdrop(&g)
            targetMark(&g)
            incentives(&g)
            series(&g)
            axes(&g)
            findings(&g)
        }
        return doc
    }

    // MARK: Heading

    private func heading(_ g: inout SVGDocument) {
        write(layout.title, colour: Palette.ink, bold: true, into: &g)
        write(layout.subtitle, colour: Palette.mutedInk, bold: false, into: &g)
    }

    private func write(_ block: KPIChart.TextBlock, colour: String, bold: Bool, into g: inout SVGDocument) {
        let height = TextMetrics.lineHeight(fontSize: block.fontSize)
        for (i, line) in block.lines.enumerated() {
            let top = block.box.y + Double(i) * height
            g.text(
                line,
                [
                    "x": .number(block.box.x), "y": .number(baseline(top: top, height: height, size: block.fontSize)),
                    "font-size": .number(block.fontSize), "font-weight": bold ? "bold" : "normal",
                    "fill": .text(colour),
                ])
        }
    }

    // MARK: Plot background

    private func backdrop(_ g: inout SVGDocument) {
        if let good = layout.goodSide, good.height > 0 {
            g.element(
                "rect",
                [
                    "class": "good-side", "x": .number(good.x), "y": .number(good.y), "width": .number(good.width),
                    "height": .number(good.height), "fill": .text(Colour.goodSide),
                ])
        }
        for tick in layout.yTicks {
            let y = tick.box.midY
            line(&g, x1: plot.x, y1: y, x2: plot.maxX, y2: y, colour: Colour.grid, width: 1)
        }
    }

    // MARK: Target

    private func targetMark(_ g: inout SVGDocument) {
        guard let target = layout.target else { return }
        g.group("g", ["class": "target"]) { t in
            for y in target.ys {
                t.element(
                    "line",
                    [
                        "x1": .number(plot.x), "y1": .number(y), "x2": .number(plot.maxX), "y2": .number(y),
                        "stroke": .text(Colour.target), "stroke-width": 1.5, "stroke-dasharray": "6 4",
                    ])
            }
            label(target.label, into: &t, colour: Colour.target, anchor: "end", bold: true)
        }
    }

    // MARK: Incentives

    private func incentives(_ g: inout SVGDocument) {
        for mark in layout.incentiveMarks {
            g.group("g", ["class": "incentive"]) { m in
                m.text("Incentive \(mark.incentive) took effect", element: "title")
                m.element(
                    "line",
                    [
                        "x1": .number(mark.x), "y1": .number(mark.label.box.y), "x2": .number(mark.x),
                        "y2": .number(plot.maxY), "stroke": .text(Colour.incentive), "stroke-width": 1.5,
                        "stroke-dasharray": "2 3",
                    ])
                label(mark.label, into: &m, colour: Colour.incentive, anchor: "start", bold: false)
            }
        }
    }

    // MARK: Series

    private func series(_ g: inout SVGDocument) {
        let points = layout.points
        guard !points.isEmpty else { return }
        // A missing period breaks the line: a new subpath starts after every gap.
        var path = ""
        var previous: Int?
        for p in points {
            let command = previous == p.index - 1 ? "L" : "M"
            path += (path.isEmpty ? "" : " ") + command + SVGValue.format(p.x) + " " + SVGValue.format(p.y)
            previous = p.index
        }
        g.group("g", ["class": "series"]) { s in
            s.element(
                "path",
                [
                    "d": .text(path), "fill": "none", "stroke": .text(Colour.series),
                    "stroke-width": .number(style.lineWidth), "stroke-linejoin": "round",
                ])
            // Dense series draw only the points a line cannot show: those standing alone between gaps.
            let slot = plot.width / Double(max(layout.data.series.count, 1))
            let dense = slot < style.pointRadius * 3
            let indices = Set(points.map(\.index))
            for p in points
            where !dense || (!indices.contains(p.index - 1) && !indices.contains(p.index + 1)) {
                s.group(
                    "circle",
                    [
                        "cx": .number(p.x), "cy": .number(p.y), "r": .number(style.pointRadius),
                        "fill": .text(Colour.series),
                    ]
                ) { c in
                    c.text(ChartText.point(p.period, p.value, unit: layout.data.kpi.unit), element: "title")
                }
            }
        }
    }

    // MARK: Axes

    private func axes(_ g: inout SVGDocument) {
        g.group("g", ["class": "axes", "font-size": .number(style.labelSize), "fill": .text(Palette.mutedInk)]) { a in
            line(&a, x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.maxY, colour: Palette.rule, width: 1)
            line(&a, x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, colour: Palette.rule, width: 1)
            for tick in layout.yTicks { label(tick, into: &a, colour: nil, anchor: "end", bold: false) }
            for tick in layout.xTicks {
                let x =
                    layout.points.first { $0.index == Int(tick.value) }?.x
                    ?? KPIChartLayout.x(at: tick.value, plot: plot, count: layout.data.series.count)
                line(&a, x1: x, y1: plot.maxY, x2: x, y2: plot.maxY + 3, colour: Palette.rule, width: 1)
                label(tick, into: &a, colour: nil, anchor: "start", bold: false)
            }
            if let unit = layout.unitLabel { label(unit, into: &a, colour: nil, anchor: "start", bold: false) }
        }
    }

    // MARK: Findings strip

    private func findings(_ g: inout SVGDocument) {
        guard !layout.annotations.isEmpty else { return }
        g.group("g", ["class": "findings", "font-size": .number(style.labelSize), "fill": .text(Palette.ink)]) { f in
            for a in layout.annotations {
                f.group("g", ["class": .text("finding " + a.finding.severity.rawValue)]) { row in
                    row.text(ChartText.finding(a.finding), element: "title")
                    marker(a.finding.severity, in: a.marker, into: &row)
                    findingText(a, into: &row)
                }
            }
            if let more = layout.moreFindings {
                label(more, into: &f, colour: Palette.mutedInk, anchor: "start", bold: false)
            }
        }
    }

    /// The rule id in bold, then the message: the id is what a reader looks up. Both runs are
    /// spans of one text element, so the browser spaces them by the real font's metrics.
    private func findingText(_ a: KPIChart.Annotation, into g: inout SVGDocument) {
        let y = baseline(top: a.label.box.y, height: a.label.box.height, size: style.labelSize)
        let rule = a.finding.rule
        guard a.label.text.hasPrefix(rule) else {
            g.text(a.label.text, ["x": .number(a.label.box.x), "y": .number(y)])
            return
        }
        let rest = String(a.label.text.dropFirst(rule.count).drop(while: { $0 == " " }))
        g.group("text", ["x": .number(a.label.box.x), "y": .number(y)]) { t in
            t.text(rule, element: "tspan", ["font-weight": "bold"])
            // The line break between the spans is white space, which SVG draws as one space.
            if !rest.isEmpty { t.text(rest, element: "tspan") }
        }
    }

    /// A shape per severity as well as a colour, so print in greyscale still tells them apart:
    /// a square for errors, a triangle for warnings, a circle for information.
    private func marker(_ severity: Severity, in box: Box, into g: inout SVGDocument) {
        let colour = SVGValue.text(Palette.colour(for: severity))
        switch severity {
        case .error:
            g.element(
                "rect",
                [
                    "x": .number(box.x), "y": .number(box.y), "width": .number(box.width),
                    "height": .number(box.height), "fill": colour,
                ])
        case .warning:
            let points = [(box.midX, box.y), (box.maxX, box.maxY), (box.x, box.maxY)]
                .map { SVGValue.format($0.0) + "," + SVGValue.format($0.1) }.joined(separator: " ")
            g.element("polygon", ["points": .text(points), "fill": colour])
        case .info:
            g.element(
                "circle",
                ["cx": .number(box.midX), "cy": .number(box.midY), "r": .number(box.width / 2), "fill": colour])
        }
    }

    // MARK: Primitives

    private func line(
        _ g: inout SVGDocument, x1: Double, y1: Double, x2: Double, y2: Double, colour: String, width: Double
    ) {
        g.element(
            "line",
            [
                "x1": .number(x1), "y1": .number(y1), "x2": .number(x2), "y2": .number(y2),
                "stroke": .text(colour), "stroke-width": .number(width),
            ])
    }

    /// Text placed in the box the layout measured for it. Coloured labels sit on the plot, over
    /// gridlines and the series, so they get a paper-coloured halo to stay readable.
    private func label(
        _ label: KPIChart.Label, into g: inout SVGDocument, colour: String?, anchor: String, bold: Bool
    ) {
        let x = anchor == "end" ? label.box.maxX : label.box.x
        let y = baseline(top: label.box.y, height: label.box.height, size: style.labelSize)
        if let colour {
            g.text(
                label.text,
                [
                    "x": .number(x), "y": .number(y), "text-anchor": .text(anchor), "fill": .text(colour),
                    "font-size": .number(style.labelSize), "font-weight": bold ? "bold" : "normal",
                    "stroke": .text(Palette.paper), "stroke-width": 3, "stroke-linejoin": "round",
                    "paint-order": "stroke",
                ])
        } else {
            g.text(label.text, ["x": .number(x), "y": .number(y), "text-anchor": .text(anchor)])
        }
    }

    /// The baseline that centres a line of text of `size` vertically in a box (cap height and
    /// descenders of the font stack balance at about 0.35 em below the middle).
    private func baseline(top: Double, height: Double, size: Double) -> Double {
        top + height / 2 + size * 0.35
    }
}
