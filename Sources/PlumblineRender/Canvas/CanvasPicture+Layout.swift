import PlumblineCore

extension CanvasPicture {
    /// Places everything, top to bottom: heading, objectives strip, the nine elements, the
    /// unplaced KPIs, the legend. Heights come from content; widths from the picture's width.
    struct Layout {
        let canvas: Canvas
        let diagnosis: Diagnosis
        let style: Style

        var heading: [TextLine] = []
        var objectivesLabel: TextLine
        var objectives: [ObjectiveChip] = []
        var objectiveTooltips: [String: String] = [:]
        var objectivesPlaceholder: TextLine?
        var elements: [ElementPanel] = []
        var legend = Legend(box: Box(x: 0, y: 0, width: 0, height: 0), items: [])
        var height = 0.0

        /// The KPIs drawn (retired ones are history, not part of the picture), in canvas order.
        private let shown: [KPI]
        private let content: [KPIID: CardContent]
        private let elementScores: [String: Double]
        private let objectiveScores: [String: Double]

        init(canvas: Canvas, diagnosis: Diagnosis, style: Style) {
            self.canvas = canvas
            self.diagnosis = diagnosis
            self.style = style
            objectivesLabel = TextLine(
                "Strategic objectives", x: style.margin, y: 0, fontSize: style.sectionFont, bold: true)
            shown = canvas.kpis.filter { $0.status != .retired }
            // A data rule's "not enough data" is a refusal to judge, not a verdict: it marks nothing.
            let findings = CanvasPicture.findingsBySubject(diagnosis.activeFindings.filter { !$0.isNotEnoughData })
            var content: [KPIID: CardContent] = [:]
            for kpi in shown {
                let about = findings[kpi.id.rawValue] ?? []
                content[kpi.id] = CardContent(
                    kpi: kpi, worst: about.map(\.severity).max(),
                    tooltip: CanvasPicture.tooltip(title: "\(kpi.name) (\(kpi.id.rawValue))", findings: about))
            }
            self.content = content
            elementScores = Dictionary(
                diagnosis.scores.blocks.map { ($0.subject, $0.value) }, uniquingKeysWith: { a, _ in a })
            objectiveScores = Dictionary(
                diagnosis.scores.objectives.map { ($0.subject, $0.value) }, uniquingKeysWith: { a, _ in a })
            for objective in canvas.objectives {
                let about = findings[objective.id.rawValue] ?? []
                objectiveTooltips[objective.id.rawValue] = CanvasPicture.tooltip(
                    title: "\(objective.statement) (\(objective.id.rawValue))", findings: about)
            }
        }

        // MARK: Whole picture

        mutating func run() {
            var y = style.margin
            y = placeHeading(at: y) + style.gap * 1.5
            y = placeObjectives(at: y) + style.gap * 1.5
            y = placeElements(at: y) + style.gap * 1.5
            y = placeLegend(at: y)
            height = (y + style.margin).rounded(.up)
        }

        var accessibleTitle: String { "\(canvas.title) — KPI Misalignment Canvas" }

        /// A sentence for screen readers: what the picture holds and which elements are empty.
        var accessibleDescription: String {
            let unmeasured = elements.filter { $0.placeholder != nil }.map(\.title)
            var text =
                "\(shown.count) KPIs on the nine business-model elements, with \(canvas.objectives.count) objectives."
            if !unmeasured.isEmpty { text += " Not measured: " + unmeasured.joined(separator: ", ") + "." }
            return text
        }

        // MARK: Heading

        private mutating func placeHeading(at top: Double) -> Double {
            let title = TextMetrics.ellipsized(
                canvas.title, width: style.contentWidth, fontSize: style.titleFont, bold: true)
            heading.append(TextLine(title, x: style.margin, y: top, fontSize: style.titleFont, bold: true))
            let active = diagnosis.activeFindings
            let counts = [Severity.error, .warning, .info].map { s in active.filter { $0.severity == s }.count }
            // The picture is the same for both kinds; the subtitle says which kind of canvas it shows.
            var facts = [
                canvas.kind == .kpiMisalignment
                    ? "KPI Misalignment Canvas" : "KPI Misalignment view of an accountability-network canvas"
            ]
            if !diagnosis.scores.blocks.isEmpty || !diagnosis.scores.kpis.isEmpty {
                facts.append("overall alignment \(SVGValue.format(diagnosis.scores.overall)) / 100")
            }
            facts.append("\(shown.count) KPIs")
            facts.append("\(counts[0]) errors, \(counts[1]) warnings, \(counts[2]) notes")
            let subtitle = TextMetrics.ellipsized(
                facts.joined(separator: " · "), width: style.contentWidth, fontSize: style.subtitleFont)
            let subtitleTop = top + style.lineHeight(style.titleFont) + 2
            heading.append(TextLine(subtitle, x: style.margin, y: subtitleTop, fontSize: style.subtitleFont))
            return subtitleTop + style.lineHeight(style.subtitleFont)
        }

        // MARK: Objectives strip

        private mutating func placeObjectives(at top: Double) -> Double {
            objectivesLabel = TextLine(
                "Strategic objectives", x: style.margin, y: top, fontSize: style.sectionFont, bold: true)
            let chipsTop = top + style.lineHeight(style.sectionFont) + 6
            guard !canvas.objectives.isEmpty else {
                let line = TextLine(
                    "No objectives stated", x: style.margin + style.chipPadding, y: chipsTop + style.chipPadding,
                    fontSize: style.chipFont, bold: true)
                objectivesPlaceholder = line
                return line.box.maxY + style.chipPadding
            }
            // As many chips to a row as fit at their minimum width; they share the row equally.
            let perRow = max(
                1,
                min(canvas.objectives.count, Int((style.contentWidth + style.gap) / (style.chipMinWidth + style.gap))))
            let chipWidth = (style.contentWidth - Double(perRow - 1) * style.gap) / Double(perRow)
            var y = chipsTop
            for rowStart in stride(from: 0, to: canvas.objectives.count, by: perRow) {
                let slice = canvas.objectives[rowStart..<min(rowStart + perRow, canvas.objectives.count)]
                var row = slice.enumerated().map { i, objective in
                    chip(objective, x: style.margin + Double(i) * (chipWidth + style.gap), y: y, width: chipWidth)
                }
                let rowHeight = row.map(\.box.height).max() ?? 0
                for i in row.indices { row[i].box.height = rowHeight }
                objectives += row
                y += rowHeight + style.gap
            }
            return y - style.gap
        }

        private func chip(_ objective: Objective, x: Double, y: Double, width: Double) -> ObjectiveChip {
            let textWidth = width - 2 * style.chipPadding
            let textX = x + style.chipPadding
            var statement = TextMetrics.wrap(
                objective.statement, width: textWidth, fontSize: style.chipFont, maxLines: style.chipMaxLines)
            if statement.isEmpty { statement = [objective.id.rawValue] }
            var lines = TextLine.stack(statement, x: textX, y: y + style.chipPadding, fontSize: style.chipFont)
            let score = objectiveScores[objective.id.rawValue]
            var facts: [String] = []
            if let p = objective.priority { facts.append("priority \(p)") }
            if let h = objective.horizon { facts.append("\(h.rawValue) term") }
            if let score { facts.append("score \(SVGValue.format(score))") }
            if facts.isEmpty { facts.append(objective.id.rawValue) }
            let detailTop = (lines.last?.box.maxY ?? y + style.chipPadding) + 2
            lines.append(
                TextLine(
                    TextMetrics.ellipsized(
                        facts.joined(separator: " · "), width: textWidth, fontSize: style.detailFont),
                    x: textX, y: detailTop, fontSize: style.detailFont))
            let bottom = detailTop + style.lineHeight(style.detailFont) + style.chipPadding
            return ObjectiveChip(
                objectiveID: objective.id.rawValue, box: Box(x: x, y: y, width: width, height: bottom - y),
                lines: lines, score: score, tooltip: objectiveTooltips[objective.id.rawValue] ?? objective.statement)
        }

        // MARK: The nine elements

        /// The Business Model Canvas arrangement: five columns, the second and fourth split into
        /// two stacked elements, and cost and revenue side by side underneath.
        private mutating func placeElements(at top: Double) -> Double {
            let columnWidth = (style.contentWidth - 4 * style.gap) / 5
            func x(_ column: Int) -> Double { style.margin + Double(column) * (columnWidth + style.gap) }
            func natural(_ block: BusinessModelBlock, _ width: Double) -> Double {
                panel(block, x: 0, y: 0, width: width, height: 0).box.height
            }
            // Elements side by side share a height that fits the taller; the tall outer columns
            // set the height of the whole upper band, and the stacked pairs share out the rest.
            var upper = natural(.keyActivities, columnWidth)
            upper = max(upper, natural(.customerRelationships, columnWidth))
            var lower = max(natural(.keyResources, columnWidth), natural(.channels, columnWidth))
            let band = max(
                upper + style.gap + lower, natural(.keyPartners, columnWidth),
                natural(.valuePropositions, columnWidth), natural(.customerSegments, columnWidth))
            let spare = band - (upper + style.gap + lower)
            upper += spare / 2
            lower += spare / 2
            let lowerTop = top + upper + style.gap
            elements = [
                panel(.keyPartners, x: x(0), y: top, width: columnWidth, height: band),
                panel(.keyActivities, x: x(1), y: top, width: columnWidth, height: upper),
                panel(.keyResources, x: x(1), y: lowerTop, width: columnWidth, height: lower),
                panel(.valuePropositions, x: x(2), y: top, width: columnWidth, height: band),
                panel(.customerRelationships, x: x(3), y: top, width: columnWidth, height: upper),
                panel(.channels, x: x(3), y: lowerTop, width: columnWidth, height: lower),
                panel(.customerSegments, x: x(4), y: top, width: columnWidth, height: band),
            ]
            let bottomTop = top + band + style.gap
            let halfWidth = (style.contentWidth - style.gap) / 2
            let bottom = max(natural(.costStructure, halfWidth), natural(.revenueStreams, halfWidth))
            elements.append(panel(.costStructure, x: style.margin, y: bottomTop, width: halfWidth, height: bottom))
            elements.append(
                panel(
                    .revenueStreams, x: style.margin + halfWidth + style.gap, y: bottomTop, width: halfWidth,
                    height: bottom))
            var end = bottomTop + bottom
            let unplaced = shown.filter { $0.blocks.isEmpty }
            if !unplaced.isEmpty {
                let unplacedPanel = panel(
                    nil, kpis: unplaced, x: style.margin, y: end + style.gap, width: style.contentWidth, height: 0)
                elements.append(unplacedPanel)
                end = unplacedPanel.box.maxY
            }
            return end
        }

        private func panel(
            _ block: BusinessModelBlock, x: Double, y: Double, width: Double, height: Double
        )
            -> ElementPanel
        {
            panel(block, kpis: shown.filter { $0.blocks.contains(block) }, x: x, y: y, width: width, height: height)
        }

        /// One panel at (`x`, `y`), at least `height` tall and as tall as its cards need.
        private func panel(
            _ block: BusinessModelBlock?, kpis: [KPI], x: Double, y: Double, width: Double, height: Double
        ) -> ElementPanel {
            let pad = style.panelPadding
            let innerWidth = width - 2 * pad
            let score = block.flatMap { elementScores[$0.rawValue] }
            var scoreLabel: TextLine?
            var titleWidth = innerWidth
            if let score {
                let text = "Score \(SVGValue.format(score))"
                let w = TextMetrics.width(of: text, fontSize: style.headerFont, bold: true)
                scoreLabel = TextLine(text, x: x + width - pad - w, y: y + pad, fontSize: style.headerFont, bold: true)
                titleWidth -= w + 8
            }
            let title = block?.title ?? "Unplaced KPIs (no business-model element)"
            let header = TextLine(
                TextMetrics.ellipsized(title, width: titleWidth, fontSize: style.headerFont, bold: true),
                x: x + pad, y: y + pad, fontSize: style.headerFont, bold: true)
            var contentTop = header.box.maxY + style.headerGap
            var placeholder: TextLine?
            if let block, !kpis.contains(where: { $0.status == .current && $0.blocks.contains(block) }) {
                // Proposed KPIs may already be planned for an element nobody measures today; the
                // notice stays so the gap is visible until they are adopted.
                let text = "Not measured"
                let w = TextMetrics.width(of: text, fontSize: style.nameFont, bold: true)
                placeholder = TextLine(
                    text, x: x + pad + max(0, (innerWidth - w) / 2), y: contentTop + 8, fontSize: style.nameFont,
                    bold: true)
                contentTop += style.lineHeight(style.nameFont) + 16 + style.cardGap
            }
            let contents = kpis.compactMap { content[$0.id] }
            let (cards, used) = CanvasPicture.grid(
                contents, block: block, x: x + pad, y: contentTop, width: innerWidth, style: style)
            let needed = contentTop + used + pad - y
            let minimum = block == nil ? 0 : style.minPanelHeight
            return ElementPanel(
                block: block, title: title, box: Box(x: x, y: y, width: width, height: max(needed, height, minimum)),
                score: score, header: header, scoreLabel: scoreLabel, placeholder: placeholder, cards: cards)
        }

        // MARK: Legend

        private mutating func placeLegend(at top: Double) -> Double {
            var items: [Legend.Item] = []
            var x = style.margin
            var y = top
            let rowHeight = max(style.swatchSize, style.lineHeight(style.legendFont))
            func add(_ swatch: Legend.Item.Swatch, _ label: String) {
                let isHeading = swatch == .heading
                let textWidth = TextMetrics.width(of: label, fontSize: style.legendFont, bold: isHeading)
                let itemWidth = (isHeading ? 0 : style.swatchSize + 6) + textWidth
                if isHeading && x > style.margin { x += 14 }
                if x + itemWidth > style.margin + style.contentWidth && x > style.margin {
                    x = style.margin
                    y += rowHeight + 6
                }
                let swatchBox =
                    isHeading
                    ? nil
                    : Box(
                        x: x, y: y + (rowHeight - style.swatchSize) / 2, width: style.swatchSize,
                        height: style.swatchSize)
                let textX = x + (isHeading ? 0 : style.swatchSize + 6)
                let label = TextLine(
                    label, x: textX, y: y + (rowHeight - style.lineHeight(style.legendFont)) / 2,
                    fontSize: style.legendFont, bold: isHeading)
                items.append(Legend.Item(swatch: swatch, swatchBox: swatchBox, label: label))
                x += itemWidth + 14
            }
            add(.heading, "Result level")
            for level in ResultLevel.allCases {
                add(.card(fill: Palette.fill(for: level), dashed: false), level.rawValue)
            }
            add(.card(fill: Palette.fill(for: nil), dashed: false), "not set")
            add(.heading, "Status")
            add(.card(fill: Palette.paper, dashed: false), "current")
            add(.card(fill: Palette.paper, dashed: true), "proposed")
            add(.heading, "Worst finding")
            add(.marker(.error), "error")
            add(.marker(.warning), "warning")
            add(.marker(.info), "note")
            if !diagnosis.scores.blocks.isEmpty {
                add(.heading, "Element score")
                for score in [0.0, 50, 100] { add(.heat(score), SVGValue.format(score)) }
            }
            let bottom = y + rowHeight
            legend = Legend(
                box: Box(x: style.margin, y: top, width: style.contentWidth, height: bottom - top), items: items)
            return bottom
        }
    }
}

// MARK: - Findings per subject

extension CanvasPicture {
    /// Active findings by each id they name, in the engine's order (most severe first).
    static func findingsBySubject(_ findings: [Finding]) -> [String: [Finding]] {
        var bySubject: [String: [Finding]] = [:]
        for finding in findings {
            // A finding naming the same id twice is still one finding about it.
            for subject in Set(finding.subjects) { bySubject[subject, default: []].append(finding) }
        }
        return bySubject
    }

    /// A tooltip: the title, then one line per finding (at most ten, then how many more).
    static func tooltip(title: String, findings: [Finding]) -> String {
        var lines = [title]
        for finding in findings.prefix(10) {
            lines.append("\(symbol(for: finding.severity)) \(finding.rule): \(finding.message)")
        }
        if findings.count > 10 { lines.append("… and \(findings.count - 10) more findings") }
        return lines.joined(separator: "\n")
    }

    /// The symbol that marks a severity wherever colour alone would not do.
    static func symbol(for severity: Severity) -> String {
        switch severity {
        case .error: "▲"
        case .warning: "◆"
        case .info: "●"
        }
    }
}
