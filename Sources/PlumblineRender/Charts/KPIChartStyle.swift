/// Sizes, fonts and colours of a KPI chart. `standard` is a chart on its own; `compact` is a
/// panel of a small-multiples sheet, where many charts must share one page.
public struct KPIChartStyle: Sendable, Hashable {
    // MARK: Size

    /// The whole chart's width; its height follows from the content.
    public var width: Double
    /// The height of the plot area (the axes' inside).
    public var plotHeight: Double
    public var padding: Double

    // MARK: Text

    public var titleSize: Double
    public var titleLines: Int
    public var subtitleSize: Double
    public var subtitleLines: Int
    public var labelSize: Double
    /// Findings listed one per row under the plot; the rest are summed up as "+ N more".
    public var findingRows: Int
    /// Whether a finding row carries its message after the rule id (the compact panel has no room).
    public var findingMessages: Bool

    // MARK: Marks

    public var pointRadius: Double
    public var lineWidth: Double

    public init(
        width: Double, plotHeight: Double, padding: Double, titleSize: Double, titleLines: Int,
        subtitleSize: Double, subtitleLines: Int, labelSize: Double, findingRows: Int, findingMessages: Bool,
        pointRadius: Double, lineWidth: Double
    ) {
        self.width = width
        self.plotHeight = plotHeight
        self.padding = padding
        self.titleSize = titleSize
        self.titleLines = titleLines
        self.subtitleSize = subtitleSize
        self.subtitleLines = subtitleLines
        self.labelSize = labelSize
        self.findingRows = findingRows
        self.findingMessages = findingMessages
        self.pointRadius = pointRadius
        self.lineWidth = lineWidth
    }

    /// A chart on its own, as in a report's KPI section.
    public static let standard = KPIChartStyle(
        width: 720, plotHeight: 260, padding: 16, titleSize: 17, titleLines: 2, subtitleSize: 12,
        subtitleLines: 2, labelSize: 11, findingRows: 5, findingMessages: true, pointRadius: 3, lineWidth: 2)

    /// A panel of a small-multiples sheet.
    public static let compact = KPIChartStyle(
        width: 300, plotHeight: 110, padding: 8, titleSize: 12, titleLines: 1, subtitleSize: 9.5,
        subtitleLines: 1, labelSize: 9, findingRows: 3, findingMessages: true, pointRadius: 2, lineWidth: 1.5)

    /// This style at another width (a sheet fits its panels to the page).
    public func width(_ width: Double) -> KPIChartStyle {
        var copy = self
        copy.width = width
        return copy
    }

    // MARK: Colours

    /// Colours the charts add to the shared palette.
    enum Colour {
        static let series = "#1f5f99"
        static let target = "#3e4c59"
        /// The better side of the target: light enough that the series stays the strongest mark.
        static let goodSide = "#e3f6e6"
        static let goodSideEdge = "#7bc28c"
        static let incentive = "#8e44ad"
        static let grid = "#e4e7eb"
    }
}
