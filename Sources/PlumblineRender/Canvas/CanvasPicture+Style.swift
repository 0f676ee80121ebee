import PlumblineCore

extension CanvasPicture {
    /// The picture's measurements in one place, so layout and drawing agree on them.
    struct Style: Sendable {
        /// No text is set smaller than this: a crowded element grows taller instead.
        static let minimumFontSize = 10.0

        var width: Double
        var margin = 24.0
        /// Between panels, chips and legend rows.
        var gap = 12.0

        var titleFont = 20.0
        var subtitleFont = 12.0
        var sectionFont = 13.0

        var chipMinWidth = 260.0
        var chipPadding = 8.0
        var chipFont = 12.0
        var chipMaxLines = 3

        var panelPadding = 10.0
        var headerFont = 13.0
        /// Below the header line, before the first card.
        var headerGap = 8.0
        /// An element's panel is never shorter than this, so the canvas keeps its shape.
        var minPanelHeight = 120.0

        var cardGap = 8.0
        /// Narrower cards would wrap most KPI names onto four lines and cut them; a crowded narrow
        /// element grows taller in one column instead.
        var cardMinWidth = 160.0
        var cardMaxWidth = 300.0
        /// A panel keeps one column of cards up to this many, then spreads them over more.
        var cardsPerColumn = 5
        var cardPaddingX = 7.0
        var cardPaddingY = 6.0
        var stripeWidth = 5.0
        var nameFont = 12.0
        var nameMaxLines = 4
        var detailFont = 10.0
        var markerSize = 12.0

        var legendFont = 11.0
        var swatchSize = 14.0

        var contentWidth: Double { width - 2 * margin }

        func lineHeight(_ fontSize: Double) -> Double { TextMetrics.lineHeight(fontSize: fontSize) }
    }
}

extension CanvasPicture.TextLine {
    /// A line whose top-left corner is at (`x`, `y`), as wide as the text is estimated to be.
    init(_ text: String, x: Double, y: Double, fontSize: Double, bold: Bool = false) {
        self.init(
            text: text,
            box: Box(
                x: x, y: y, width: TextMetrics.width(of: text, fontSize: fontSize, bold: bold),
                height: TextMetrics.lineHeight(fontSize: fontSize)),
            fontSize: fontSize, bold: bold)
    }

    /// Lines set one under the other from (`x`, `y`).
    static func stack(_ texts: [String], x: Double, y: Double, fontSize: Double, bold: Bool = false) -> [Self] {
        texts.enumerated().map { i, text in
            Self(
                text, x: x, y: y + Double(i) * TextMetrics.lineHeight(fontSize: fontSize), fontSize: fontSize,
                bold: bold)
        }
    }

}
