import PlumblineCore

/// Places every part of a KPI chart, top to bottom: title, subtitle, the row of marks above the
/// plot (unit, incentive labels), the plot, the period labels and the findings strip. The
/// drawing only paints what this computed, so the geometry tests check is what the SVG shows.
struct KPIChartLayout {
    typealias Label = KPIChart.Label

    let data: KPIChartData
    let style: KPIChartStyle

    var bounds = Box(x: 0, y: 0, width: 0, height: 0)
    var plot = Box(x: 0, y: 0, width: 0, height: 0)
    var title = KPIChart.TextBlock(lines: [], box: Box(x: 0, y: 0, width: 0, height: 0), fontSize: 0)
    var subtitle = KPIChart.TextBlock(lines: [], box: Box(x: 0, y: 0, width: 0, height: 0), fontSize: 0)
    var points: [KPIChart.Point] = []
    var yTicks: [Label] = []
    var xTicks: [Label] = []
    var unitLabel: Label?
    var target: KPIChart.TargetMark?
    var goodSide: Box?
    var incentiveMarks: [KPIChart.IncentiveMark] = []
    var annotations: [KPIChart.Annotation] = []
    var hiddenFindings = 0
    /// "+ N more findings", when the strip ran out of rows.
    var moreFindings: Label?
    var yDomain: ClosedRange<Double> = 0...1

    init(data: KPIChartData, style: KPIChartStyle) {
        self.data = data
        self.style = style
    }

    // MARK: Scales

    /// Slot `i` is centred in the i-th of `count` equal slots, so one point sits mid-plot and a
    /// period's start (half a slot earlier) is where an incentive that began with it is drawn.
    static func x(at index: Double, plot: Box, count: Int) -> Double {
        plot.x + (index + 0.5) * plot.width / Double(max(count, 1))
    }

    static func y(for value: Double, plot: Box, domain: ClosedRange<Double>) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return plot.maxY - (value - domain.lowerBound) / (span > 0 ? span : 1) * plot.height
    }

    private func x(_ index: Double) -> Double { Self.x(at: index, plot: plot, count: data.series.count) }
    private func y(_ value: Double) -> Double { Self.y(for: value, plot: plot, domain: yDomain) }

    private var lineHeight: Double { TextMetrics.lineHeight(fontSize: style.labelSize) }
    private var inner: Box {
        Box(x: style.padding, y: style.padding, width: style.width - 2 * style.padding, height: 0)
    }

    // MARK: Steps

    mutating func run() {
        var cursor = style.padding
        title = block(
            data.kpi.name, at: &cursor, fontSize: style.titleSize, lines: style.titleLines, bold: true)
        cursor += 2
        subtitle = block(
            ChartText.trend(data, compact: style.subtitleLines < 2), at: &cursor, fontSize: style.subtitleSize,
            lines: style.subtitleLines, bold: false)
        cursor += style.padding * 0.5

        let tickValues = yAxisTicks()
        yDomain = tickValues[0]...tickValues[tickValues.count - 1]
        let tickTexts = NiceScale.labels(for: tickValues)
        let labelWidth = tickTexts.map { TextMetrics.width(of: $0, fontSize: style.labelSize) }.max() ?? 0
        let plotX = style.padding + labelWidth + 6
        // Points sit mid-slot, so the plot needs no extra margin on the right for the last one.
        let plotWidth = style.width - style.padding - plotX
        plot = Box(x: plotX, y: 0, width: plotWidth, height: style.plotHeight)

        let marksHeight = placeMarksRow(top: cursor)
        plot.y = cursor + marksHeight + 4
        shiftMarksRow(to: cursor)

        yTicks = zip(tickValues, tickTexts).map { value, text in
            let width = TextMetrics.width(of: text, fontSize: style.labelSize)
            return Label(
                text: text, value: value,
                box: Box(x: plot.x - 6 - width, y: y(value) - lineHeight / 2, width: width, height: lineHeight))
        }
        placePoints()
        placeTarget()
        cursor = plot.maxY + 4
        placeXTicks(top: cursor)
        cursor += lineHeight + style.padding * 0.75
        placeFindings(top: &cursor)
        bounds = Box(x: 0, y: 0, width: style.width, height: (cursor + style.padding * 0.5).rounded(.up))
    }

    /// Wrapped text at the top of the chart, advancing `cursor` past it.
    private func block(
        _ text: String, at cursor: inout Double, fontSize: Double, lines: Int, bold: Bool
    ) -> KPIChart.TextBlock {
        let wrapped = TextMetrics.wrap(text, width: inner.width, fontSize: fontSize, bold: bold, maxLines: lines)
        let height = Double(wrapped.count) * TextMetrics.lineHeight(fontSize: fontSize)
        let width = wrapped.map { TextMetrics.width(of: $0, fontSize: fontSize, bold: bold) }.max() ?? 0
        defer { cursor += height }
        return KPIChart.TextBlock(
            lines: wrapped, box: Box(x: inner.x, y: cursor, width: width, height: height), fontSize: fontSize)
    }

    // MARK: Y axis

    /// The values the axis must show (the series and the target) rounded out to nice ticks.
    private func yAxisTicks() -> [Double] {
        var shown = data.series.values.filter(\.isFinite)
        switch data.kpi.target {
        case .value(let t)?: shown.append(t)
        case .band(let lo, let hi)?: shown += [lo, hi].compactMap { $0 }
        case nil: break
        }
        let lo = shown.min() ?? 0, hi = shown.max() ?? 1
        // Room for about one label per three line heights keeps gridlines calm.
        let maxCount = min(7, max(3, Int(style.plotHeight / (style.labelSize * 3)) + 1))
        return NiceScale.ticks(lower: lo, upper: hi, maxCount: maxCount)
    }

    // MARK: Series

    private mutating func placePoints() {
        let series = data.series
        points = series.values.indices.compactMap { i in
            let v = series.values[i]
            guard v.isFinite else { return nil }
            return KPIChart.Point(index: i, period: series.period(at: i), value: v, x: x(Double(i)), y: y(v))
        }
    }

    // MARK: Target

    private mutating func placeTarget() {
        guard let t = data.kpi.target else { return }
        let values: [Double]
        switch t {
        case .value(let v): values = [v]
        case .band(let lo, let hi): values = [lo, hi].compactMap { $0 }
        }
        guard !values.isEmpty else { return }
        let ys = values.map(y)
        let text = ChartText.target(t)
        let width = TextMetrics.width(of: text, fontSize: style.labelSize)
        // Above the (upper) line, right-aligned; below it when the line runs along the top.
        let top = ys.min()!
        let labelY = top - lineHeight - 1 >= plot.y ? top - lineHeight - 1 : min(top + 1, plot.maxY - lineHeight)
        target = KPIChart.TargetMark(
            ys: ys,
            label: Label(
                text: text, value: values[0],
                box: Box(x: plot.maxX - 4 - width, y: labelY, width: width, height: lineHeight)))

        switch (t, data.kpi.direction) {
        case (.value(let v), .increase?): goodSide = Box(x: plot.x, y: plot.y, width: plot.width, height: y(v) - plot.y)
        case (.value(let v), .decrease?):
            goodSide = Box(x: plot.x, y: y(v), width: plot.width, height: plot.maxY - y(v))
        case (.band(let lo, let hi), _):
            let top = hi.map(y) ?? plot.y, bottom = lo.map(y) ?? plot.maxY
            goodSide = Box(x: plot.x, y: top, width: plot.width, height: bottom - top)
        default: goodSide = nil
        }
    }

    // MARK: Marks row (unit and incentive labels)

    /// Incentives whose start falls within the series, with their slot position.
    private var incentiveStarts: [(id: String, since: CalendarDate, position: Double)] {
        data.incentives.compactMap { incentive in
            guard let since = incentive.since else { return nil }
            let position = data.series.position(of: since)
            guard position >= -0.5, position <= Double(data.series.count) - 0.5 else { return nil }
            return (incentive.id.rawValue, since, position)
        }
    }

    /// Places the unit and incentive labels in rows starting at y 0 (moved later by
    /// `shiftMarksRow`), a label dropping a row when it would collide; returns the rows' height.
    private mutating func placeMarksRow(top: Double) -> Double {
        var placed: [Box] = []
        if let unit = data.kpi.unit, !unit.isEmpty {
            let text = TextMetrics.ellipsized(unit, width: plot.width * 0.5, fontSize: style.labelSize)
            let box = Box(
                x: style.padding, y: 0, width: TextMetrics.width(of: text, fontSize: style.labelSize),
                height: lineHeight)
            unitLabel = Label(text: text, value: 0, box: box)
            placed.append(box)
        }
        for start in incentiveStarts {
            let x = x(start.position)
            let full = "\(start.id) since \(start.since)"
            let room = max(plot.maxX - x - 3, x - plot.x - 3, 0)
            let text = TextMetrics.ellipsized(full, width: room, fontSize: style.labelSize)
            let width = TextMetrics.width(of: text, fontSize: style.labelSize)
            let left = x + 3 + width <= plot.maxX ? x + 3 : x - 3 - width
            var row = 0.0
            var box = Box(x: left, y: 0, width: width, height: lineHeight)
            while placed.contains(where: { $0.overlaps(box.inset(by: -1)) }) {
                row += 1
                box.y = row * lineHeight
            }
            placed.append(box)
            incentiveMarks.append(
                KPIChart.IncentiveMark(incentive: start.id, x: x, label: Label(text: text, value: 0, box: box)))
        }
        return (placed.map(\.maxY).max() ?? 0)
    }

    private mutating func shiftMarksRow(to top: Double) {
        unitLabel?.box.y += top
        for i in incentiveMarks.indices { incentiveMarks[i].label.box.y += top }
    }

    // MARK: X axis

    /// Period labels at every k-th period, the smallest k (preferring calendar-friendly steps)
    /// at which no two labels come closer than a few pixels.
    private mutating func placeXTicks(top: Double) {
        let series = data.series
        guard series.count > 0 else { return }
        for k in Self.labelSteps(for: series.granularity, count: series.count) {
            var indices = (0..<series.count).filter { Self.positiveModulo(series.firstOrdinal + $0, k) == 0 }
            if indices.isEmpty { indices = [0] }
            let labels = indices.map { i in label(forSlot: i, top: top) }
            let separated = zip(labels, labels.dropFirst()).allSatisfy { $0.box.maxX + 6 <= $1.box.x }
            if separated || k >= series.count {
                xTicks = separated ? labels : [labels[0]]
                return
            }
        }
    }

    private func label(forSlot i: Int, top: Double) -> Label {
        let text = data.series.period(at: i).description
        let width = TextMetrics.width(of: text, fontSize: style.labelSize)
        // Centred under its point, but kept inside the chart.
        let left = min(max(x(Double(i)) - width / 2, style.padding), style.width - style.padding - width)
        return Label(text: text, value: Double(i), box: Box(x: left, y: top, width: width, height: lineHeight))
    }

    /// Label steps to try in order: the calendar's natural groupings first, then doubling.
    static func labelSteps(for granularity: Period.Granularity, count: Int) -> [Int] {
        var steps: [Int]
        switch granularity {
        case .day: steps = [1, 2, 7, 14, 28, 91, 182, 364]
        case .week: steps = [1, 2, 4, 8, 13, 26, 52]
        case .month: steps = [1, 2, 3, 6, 12]
        case .quarter: steps = [1, 2, 4]
        case .year: steps = [1, 2, 5, 10]
        }
        while steps.last! < count { steps.append(steps.last! * 2) }
        return steps
    }

    static func positiveModulo(_ a: Int, _ b: Int) -> Int { ((a % b) + b) % b }

    // MARK: Findings strip

    private mutating func placeFindings(top cursor: inout Double) {
        let findings = data.findings
        guard !findings.isEmpty else { return }
        let rows = findings.count > style.findingRows ? max(style.findingRows - 1, 0) : findings.count
        let rowHeight = lineHeight * 1.3
        let markerSize = style.labelSize * 0.85
        for f in findings.prefix(rows) {
            let marker = Box(
                x: inner.x, y: cursor + (rowHeight - markerSize) / 2, width: markerSize, height: markerSize)
            let textX = marker.maxX + 5
            // The rule id is drawn bold and never cut; the message takes what room is left.
            let ruleWidth = TextMetrics.width(of: f.rule, fontSize: style.labelSize, bold: true)
            let gap = TextMetrics.width(of: "  ", fontSize: style.labelSize)
            let message =
                style.findingMessages
                ? TextMetrics.ellipsized(
                    f.message, width: inner.maxX - textX - ruleWidth - gap, fontSize: style.labelSize) : ""
            let text = message.isEmpty ? f.rule : f.rule + "  " + message
            let width =
                ruleWidth + (message.isEmpty ? 0 : gap + TextMetrics.width(of: message, fontSize: style.labelSize))
            let label = Label(
                text: text, value: 0,
                box: Box(x: textX, y: cursor + (rowHeight - lineHeight) / 2, width: width, height: lineHeight))
            annotations.append(
                KPIChart.Annotation(
                    finding: f, marker: marker, label: label,
                    box: Box(x: marker.x, y: cursor, width: label.box.maxX - marker.x, height: rowHeight)))
            cursor += rowHeight
        }
        hiddenFindings = findings.count - rows
        guard hiddenFindings > 0 else { return }
        let text = "+ \(hiddenFindings) more finding\(hiddenFindings == 1 ? "" : "s")"
        moreFindings = Label(
            text: text, value: Double(hiddenFindings),
            box: Box(
                x: inner.x, y: cursor + (rowHeight - lineHeight) / 2,
                width: TextMetrics.width(of: text, fontSize: style.labelSize), height: lineHeight))
        cursor += rowHeight
    }
}
