import PlumblineCore

extension CanvasPicture {
    /// What a KPI card shows, known before it is placed.
    struct CardContent: Sendable {
        var kpi: KPI
        var worst: Severity?
        var tooltip: String
    }

    // MARK: One card

    /// A card `width` wide with its top-left corner at (`x`, `y`), as tall as its text needs.
    static func card(
        _ content: CardContent, block: BusinessModelBlock?, x: Double, y: Double, width: Double, style: Style
    ) -> Card {
        let kpi = content.kpi
        // The symbol takes a column on the right only when there is one, so unmarked cards keep
        // the room for their names.
        let markerRoom = content.worst == nil ? 0 : style.markerSize + 4
        let textX = x + style.stripeWidth + style.cardPaddingX
        let textWidth = width - style.stripeWidth - 2 * style.cardPaddingX - markerRoom
        var names = TextMetrics.wrap(
            kpi.name, width: textWidth, fontSize: style.nameFont, maxLines: style.nameMaxLines)
        if names.isEmpty {
            names = [TextMetrics.ellipsized(kpi.id.rawValue, width: textWidth, fontSize: style.nameFont)]
        }
        var lines = TextLine.stack(names, x: textX, y: y + style.cardPaddingY, fontSize: style.nameFont)
        let detailTop = y + style.cardPaddingY + Double(names.count) * style.lineHeight(style.nameFont) + 2
        let detail = TextMetrics.ellipsized(detailText(kpi), width: textWidth, fontSize: style.detailFont)
        lines.append(TextLine(detail, x: textX, y: detailTop, fontSize: style.detailFont))
        let height = detailTop + style.lineHeight(style.detailFont) + style.cardPaddingY - y
        let marker = content.worst.map { _ in
            Box(
                x: x + width - style.cardPaddingX - style.markerSize,
                y: y + style.cardPaddingY + (style.lineHeight(style.nameFont) - style.markerSize) / 2,
                width: style.markerSize, height: style.markerSize)
        }
        return Card(
            kpiID: kpi.id.rawValue, block: block, box: Box(x: x, y: y, width: width, height: height), lines: lines,
            level: kpi.level, status: kpi.status, worstSeverity: content.worst, marker: marker,
            tooltip: content.tooltip)
    }

    /// The small line under a KPI's name: its level, a status other than current, and what AI does with it.
    static func detailText(_ kpi: KPI) -> String {
        var parts = [kpi.level?.rawValue ?? "level not set"]
        if kpi.status != .current { parts.append(kpi.status.rawValue) }
        if let role = kpi.ai?.role, role != .none { parts.append("AI \(role.rawValue)") }
        return parts.joined(separator: " · ")
    }

    // MARK: A grid of cards

    /// How many card columns fit a panel `width` wide for `count` cards: one column for a few
    /// cards in a narrow panel, more as the cards multiply or the panel widens, never so many that
    /// a card gets narrower than `cardMinWidth`.
    static func columns(for count: Int, width: Double, style: Style) -> Int {
        let fitting = max(1, Int((width + style.cardGap) / (style.cardMinWidth + style.cardGap)))
        // Wide panels use several columns even for few cards, so a card is not a long thin strip.
        let forWidth = Int(((width + style.cardGap) / (style.cardMaxWidth + style.cardGap)).rounded(.up))
        let forCount = (count + style.cardsPerColumn - 1) / style.cardsPerColumn
        return max(1, min(fitting, max(forWidth, forCount), max(count, 1)))
    }

    /// Cards laid out in rows inside an area `width` wide from (`x`, `y`), reading left to right.
    /// Every card in a row takes the row's height, so the grid stays tidy; returns the height used.
    static func grid(
        _ contents: [CardContent], block: BusinessModelBlock?, x: Double, y: Double, width: Double, style: Style
    ) -> (cards: [Card], height: Double) {
        guard !contents.isEmpty else { return ([], 0) }
        let columns = columns(for: contents.count, width: width, style: style)
        let natural = (width - Double(columns - 1) * style.cardGap) / Double(columns)
        // When there are fewer cards than the panel has room for, they keep a card's usual width
        // instead of stretching across a wide panel.
        let cardWidth = columns == contents.count ? min(natural, style.cardMaxWidth) : natural
        var cards: [Card] = []
        var top = y
        for rowStart in stride(from: 0, to: contents.count, by: columns) {
            var row = contents[rowStart..<min(rowStart + columns, contents.count)].enumerated().map { i, content in
                card(
                    content, block: block, x: x + Double(i) * (cardWidth + style.cardGap), y: top, width: cardWidth,
                    style: style)
            }
            let rowHeight = row.map(\.box.height).max() ?? 0
            for i in row.indices { row[i].box.height = rowHeight }
            cards += row
            top += rowHeight + style.cardGap
        }
        return (cards, top - style.cardGap - y)
    }
}
