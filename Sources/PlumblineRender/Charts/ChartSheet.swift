import PlumblineCore

/// Small multiples: many KPIs' compact charts on one sheet, in a grid whose column count follows
/// from the sheet's width. Every panel shares one style, so a reader compares shapes, not fonts.
public struct ChartSheet: Sendable {
    /// The panels in reading order (left to right, then down).
    public let charts: [KPIChart]
    /// Where each panel sits on the sheet, in the same order as `charts`.
    public let panels: [Box]
    /// The whole sheet.
    public let bounds: Box
    /// Panels per row.
    public let columns: Int
    /// The sheet's heading, when it has one.
    public let title: String?

    private let drawing: SVGDocument

    /// Lays out `data` as a grid of panels at most `panelWidth` wide filling `width`.
    /// - Parameters:
    ///   - title: an optional heading above the grid.
    ///   - style: the panels' style; its width is fitted to the columns.
    public init(
        _ data: [KPIChartData], width: Double = 960, panelWidth: Double = 300, gap: Double = 12,
        title: String? = nil, style: KPIChartStyle = .compact
    ) {
        let margin = gap
        let usable = max(width - 2 * margin, 1)
        let columns = max(1, Int((usable + gap) / (panelWidth + gap)))
        // Panels stretch to share the width evenly, so the grid ends flush with the margin.
        let fitted = max((usable - Double(columns - 1) * gap) / Double(columns), 1)
        let charts = data.map { KPIChart($0, style: style.width(fitted)) }

        var top = margin
        let headingSize = 16.0
        if let title, !title.isEmpty { top += TextMetrics.lineHeight(fontSize: headingSize) + gap / 2 }
        var panels: [Box] = []
        var row = 0
        while row * columns < charts.count {
            let members = charts[(row * columns)..<min((row + 1) * columns, charts.count)]
            // Each row is as tall as its tallest panel; the others keep their own height, top-aligned.
            let height = members.map(\.bounds.height).max() ?? 0
            for (column, chart) in members.enumerated() {
                panels.append(
                    Box(
                        x: margin + Double(column) * (fitted + gap), y: top, width: fitted,
                        height: chart.bounds.height))
            }
            top += height + gap
            row += 1
        }
        self.charts = charts
        self.panels = panels
        self.columns = columns
        self.title = title
        self.bounds = Box(x: 0, y: 0, width: width, height: max(top - gap + margin, 2 * margin))
        drawing = Self.draw(charts: charts, panels: panels, bounds: bounds, title: title, headingSize: headingSize)
    }

    /// The sheet as a standalone SVG document.
    public var svg: String { drawing.rendered(title: title ?? "KPI charts") }

    // MARK: Drawing

    private static func draw(
        charts: [KPIChart], panels: [Box], bounds: Box, title: String?, headingSize: Double
    ) -> SVGDocument {
        var doc = SVGDocument(width: bounds.width, height: bounds.height)
        doc.element(
            "rect",
            [
                "x": 0, "y": 0, "width": .number(bounds.width), "height": .number(bounds.height),
                "fill": .text(Palette.panel),
            ])
        if let title, !title.isEmpty, let first = panels.first {
            let text = TextMetrics.ellipsized(
                title, width: bounds.width - 2 * first.x, fontSize: headingSize, bold: true)
            doc.text(
                text,
                [
                    "x": .number(first.x), "y": .number(first.x + headingSize), "font-size": .number(headingSize),
                    "font-weight": "bold", "fill": .text(Palette.ink),
                ])
        }
        for (chart, panel) in zip(charts, panels) {
            doc.embed(chart.drawing, x: panel.x, y: panel.y)
            // A hairline frame separates panels without competing with the series.
            doc.element(
                "rect",
                [
                    "x": .number(panel.x), "y": .number(panel.y), "width": .number(panel.width),
                    "height": .number(panel.height), "fill": "none", "stroke": .text(Palette.rule),
                    "stroke-width": 1,
                ])
        }
        return doc
    }
}
