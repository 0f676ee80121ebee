import PlumblineCore

/// The KPI Misalignment Canvas drawn as SVG: the nine business-model elements in the familiar
/// Business Model Canvas arrangement, every KPI as a card in each element it measures, the
/// objectives along the top, and the diagnosis laid over it (element scores as a heat shade,
/// each card marked by the worst finding about its KPI).
///
/// The layout is computed once, in `init`, and kept as plain geometry next to the SVG so tests
/// (and other pictures that embed this one) can check what was placed without parsing markup.
public struct CanvasPicture: Sendable {
    // MARK: Placed geometry

    /// One line of text as placed: its content, the box it occupies and how it is set.
    public struct TextLine: Sendable, Hashable {
        /// The text as drawn, after wrapping or ellipsizing.
        public var text: String
        /// From the top of the line to its bottom (one line height), as wide as the text is estimated.
        public var box: Box
        /// In picture units; never below 10.
        public var fontSize: Double
        public var bold: Bool
    }

    /// A KPI drawn in one panel. A KPI measuring three elements has three cards.
    public struct Card: Sendable, Hashable {
        /// The KPI's id, as written in the canvas.
        public var kpiID: String
        /// The element the card sits in; nil in the "Unplaced KPIs" panel.
        public var block: BusinessModelBlock?
        /// The card's outline; every label line and the marker lie inside it.
        public var box: Box
        /// The wrapped name, then one line of detail (level, status, AI role).
        public var lines: [TextLine]
        /// Sets the card's fill (`Palette.fill(for:)`).
        public var level: ResultLevel?
        /// Proposed KPIs have a dashed border; retired ones are not drawn.
        public var status: KPIStatus
        /// The worst active finding that names this KPI as a subject, if any.
        public var worstSeverity: Severity?
        /// Where the severity symbol sits, when there is one.
        public var marker: Box?
        /// The tooltip: the KPI's name and the messages of the active findings about it.
        public var tooltip: String
    }

    /// One business-model element, or the panel of KPIs that name no element.
    public struct ElementPanel: Sendable, Hashable {
        /// nil for the "Unplaced KPIs" panel.
        public var block: BusinessModelBlock?
        /// The element's name as people say it, or "Unplaced KPIs …".
        public var title: String
        /// The panel's outline, shaded by the score; its cards lie inside it.
        public var box: Box
        /// The element's alignment score, 0–100; nil when the diagnosis scores no elements
        /// (accountability-network canvases) and for the unplaced panel.
        public var score: Double?
        /// The title as drawn in the panel's top-left corner.
        public var header: TextLine
        /// "Score 75" in the top-right corner, when the element is scored.
        public var scoreLabel: TextLine?
        /// The "Not measured" notice of an element no current KPI measures.
        public var placeholder: TextLine?
        /// The KPI cards, in canvas order, row by row.
        public var cards: [Card]
    }

    /// A strategic objective in the strip along the top.
    public struct ObjectiveChip: Sendable, Hashable {
        /// The objective's id, as written in the canvas.
        public var objectiveID: String
        /// The chip's outline, shaded by the objective's score.
        public var box: Box
        /// The wrapped statement, then one line of priority, horizon and score.
        public var lines: [TextLine]
        /// The objective's alignment score, 0–100.
        public var score: Double?
        /// The statement and the messages of the active findings about the objective.
        public var tooltip: String
    }

    /// Picture width, in SVG user units (pixels at 100 %).
    public let width: Double
    /// Picture height; it grows with the content, fonts never shrink.
    public let height: Double
    /// The canvas title, its kind and overall score.
    public let heading: [TextLine]
    /// The objectives strip, in canvas order; empty when the canvas states none.
    public let objectives: [ObjectiveChip]
    /// Shown in place of the chips when the canvas states no objectives.
    public let objectivesPlaceholder: TextLine?
    /// The nine elements in reading order (left to right, top to bottom), then the unplaced panel.
    public let elements: [ElementPanel]
    /// Every card of every panel, in panel order.
    public var cards: [Card] { elements.flatMap(\.cards) }
    /// The legend's area and its labels.
    public let legend: Legend
    /// The finished SVG document.
    public let svg: String

    // MARK: Building

    /// Lays out `canvas` with the findings and scores of `diagnosis`, and draws it.
    ///
    /// - Parameter width: the picture's width; panels keep their arrangement and grow taller
    ///   as needed. Values under 960 are raised to 960 so every element keeps room for a card.
    public init(canvas: Canvas, diagnosis: Diagnosis, width: Double = 1600) {
        let style = Style(width: max(width, 960))
        var layout = Layout(canvas: canvas, diagnosis: diagnosis, style: style)
        layout.run()
        self.width = style.width
        self.height = layout.height
        self.heading = layout.heading
        self.objectives = layout.objectives
        self.objectivesPlaceholder = layout.objectivesPlaceholder
        self.elements = layout.elements
        self.legend = layout.legend
        self.svg = Self.draw(layout)
    }

    /// The smallest font size anywhere in the picture (never below `Style.minimumFontSize`).
    public var smallestFontSize: Double {
        let sizes =
            heading.map(\.fontSize) + objectives.flatMap { $0.lines.map(\.fontSize) }
            + elements.flatMap { panel in
                [panel.header.fontSize] + (panel.placeholder.map { [$0.fontSize] } ?? [])
                    + panel.cards.flatMap { $0.lines.map(\.fontSize) }
            } + legend.labels.map(\.fontSize)
        return sizes.min() ?? Style.minimumFontSize
    }
}

// MARK: - Legend

extension CanvasPicture {
    /// The key to the picture's colours and symbols.
    public struct Legend: Sendable, Hashable {
        /// One swatch and its label.
        public struct Item: Sendable, Hashable {
            /// What stands beside the label.
            public enum Swatch: Sendable, Hashable {
                /// A card fill; `dashed` for proposed KPIs.
                case card(fill: String, dashed: Bool)
                /// A severity symbol.
                case marker(Severity)
                /// A panel shade for a score.
                case heat(Double)
                /// No swatch: the label names the group that follows.
                case heading
            }
            public var swatch: Swatch
            /// Where the swatch is drawn; nil for group headings.
            public var swatchBox: Box?
            public var label: TextLine
        }

        /// The area the legend's rows take at the foot of the picture.
        public var box: Box
        /// Group headings and swatches, left to right, row by row.
        public var items: [Item]
        /// Every label of the legend.
        public var labels: [TextLine] { items.map(\.label) }
    }
}
