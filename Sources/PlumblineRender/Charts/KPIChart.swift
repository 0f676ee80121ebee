import PlumblineCore

/// A chart of one KPI in SVG: its series over time against its target, the better side of the
/// target shaded, the start of every incentive tied to it marked, and the findings that concern
/// it listed under the plot.
///
/// Besides the markup, the chart exposes the geometry it laid out (plot box, points, labels,
/// marks), so tests can check that points stay in the plot and labels never collide.
public struct KPIChart: Sendable {
    /// What the chart shows.
    public let data: KPIChartData
    /// How it is sized and lettered.
    public let style: KPIChartStyle

    // MARK: Geometry

    /// The whole chart, from the origin.
    public let bounds: Box
    /// The inside of the axes, where the series is drawn.
    public let plot: Box
    /// The title (the KPI's name, wrapped and ellipsized) and the subtitle (its trend).
    public let title: TextBlock
    public let subtitle: TextBlock
    /// One point per period with a value, in time order.
    public let points: [Point]
    /// Value labels of the y axis, bottom to top, at 1-2-5 steps.
    public let yTicks: [Label]
    /// Period labels of the x axis, left to right, thinned so they never overlap.
    public let xTicks: [Label]
    /// The unit written above the y axis, when the KPI has one.
    public let unitLabel: Label?
    /// The target's line (one y) or band (two, lower value first), and its label.
    public let target: TargetMark?
    /// The shaded better side of the target, when the KPI's direction says which it is.
    public let goodSide: Box?
    /// A vertical line at each incentive's start that falls inside the series.
    public let incentiveMarks: [IncentiveMark]
    /// The findings strip: one row per finding, most severe first.
    public let annotations: [Annotation]
    /// Findings not listed for lack of room (summed up in the strip's last row).
    public let hiddenFindings: Int
    /// The y axis's value range (the first and last tick).
    public let yDomain: ClosedRange<Double>

    /// The chart's elements, ready to be written alone (`svg`) or placed in a sheet.
    let drawing: SVGDocument

    /// Lays out the chart of `data` in `style`.
    public init(_ data: KPIChartData, style: KPIChartStyle = .standard) {
        var layout = KPIChartLayout(data: data, style: style)
        layout.run()
        self.data = data
        self.style = style
        bounds = layout.bounds
        plot = layout.plot
        title = layout.title
        subtitle = layout.subtitle
        points = layout.points
        yTicks = layout.yTicks
        xTicks = layout.xTicks
        unitLabel = layout.unitLabel
        target = layout.target
        goodSide = layout.goodSide
        incentiveMarks = layout.incentiveMarks
        annotations = layout.annotations
        hiddenFindings = layout.hiddenFindings
        yDomain = layout.yDomain
        drawing = KPIChartDrawing(layout: layout).document()
    }

    /// The chart as a standalone SVG document.
    public var svg: String { drawing.rendered(title: data.kpi.name) }

    /// The x of slot position `index` (slot `i` is period `i` of the series; fractions lie between).
    public func x(at index: Double) -> Double { KPIChartLayout.x(at: index, plot: plot, count: data.series.count) }

    /// The y of `value` on the chart's axis.
    public func y(for value: Double) -> Double { KPIChartLayout.y(for: value, plot: plot, domain: yDomain) }

    // MARK: Geometry types

    /// A period's value and where it is drawn.
    public struct Point: Sendable, Hashable {
        /// The slot in the series (periods with no value keep their slot).
        public var index: Int
        public var period: Period
        public var value: Double
        public var x: Double
        public var y: Double
    }

    /// A piece of text and the box it occupies.
    public struct Label: Sendable, Hashable {
        public var text: String
        /// The value (y ticks) or slot index (x ticks) it labels; 0 for other labels.
        public var value: Double
        public var box: Box
    }

    /// Wrapped lines of text and the box they occupy together.
    public struct TextBlock: Sendable, Hashable {
        /// The lines as drawn; the last ends in "…" when the text was cut.
        public var lines: [String]
        public var box: Box
        public var fontSize: Double
    }

    /// The target drawn as a line (`ys.count == 1`) or a band (`ys.count == 2`).
    public struct TargetMark: Sendable, Hashable {
        /// The y of each line, in the order of the target's values (a band's lower bound first).
        public var ys: [Double]
        public var label: Label
    }

    /// Where an incentive tied to the KPI took effect.
    public struct IncentiveMark: Sendable, Hashable {
        /// The incentive's id.
        public var incentive: String
        /// Where its `since` date falls on the time axis.
        public var x: Double
        public var label: Label
    }

    /// One finding in the strip under the plot: its severity marker, short label and full message.
    public struct Annotation: Sendable, Hashable {
        public var finding: Finding
        /// The severity's shape: square (error), triangle (warning) or circle (info).
        public var marker: Box
        public var label: Label
        /// Marker and label together.
        public var box: Box
    }
}
