import Foundation
import PlumblineCore
import PlumblineRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The KPI Misalignment Canvas picture: valid XML, nothing overlapping or overflowing, every KPI
/// where it belongs, findings and empty elements visible, on the examples and on crowded canvases.
@Suite struct CanvasPictureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let engine = DiagnosisEngine(knowledge: try! KnowledgeBase.bundled())

    static func examples() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent("examples"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func picture(of url: URL) throws -> (Canvas, Diagnosis, CanvasPicture) {
        let document = try CanvasReader().read(
            [UInt8](Data(contentsOf: url)), file: "examples/\(url.lastPathComponent)")
        let diagnosis = engine.diagnose(document)
        return (document.canvas, diagnosis, CanvasPicture(canvas: document.canvas, diagnosis: diagnosis))
    }

    static func picture(of canvas: Canvas) -> (Diagnosis, CanvasPicture) {
        let diagnosis = engine.diagnose(CanvasDocument(canvas: canvas))
        return (diagnosis, CanvasPicture(canvas: canvas, diagnosis: diagnosis))
    }

    // MARK: Examples

    @Test(arguments: try examples())
    func examplesDrawAsValidAndSaneSVG(_ url: URL) throws {
        let (canvas, diagnosis, picture) = try Self.picture(of: url)
        let parsed = try #require(ParsedSVG(picture.svg), "the SVG of \(url.lastPathComponent) does not parse")
        #expect(parsed.elements.first?.name == "svg")
        #expect(parsed.rootTitle?.contains(canvas.title) == true)
        #expect(parsed.cardKPIs == picture.cards.map(\.kpiID))
        Self.checkGeometry(picture, of: canvas)
        #expect(picture.elements.filter { $0.block != nil }.count == 9)
        #expect(picture.objectives.map(\.objectiveID) == canvas.objectives.map(\.id.rawValue))
        // Each card carries the worst active finding that names its KPI, and only that.
        for card in picture.cards {
            let worst = diagnosis.activeFindings.filter { $0.subjects.contains(card.kpiID) && !$0.isNotEnoughData }
                .map(\.severity).max()
            #expect(card.worstSeverity == worst, "\(card.kpiID)")
            #expect((card.marker != nil) == (worst != nil))
        }
        if canvas.kind == .kpiMisalignment {
            // Element scores come from the diagnosis and shade their panels.
            for panel in picture.elements {
                guard let block = panel.block else { continue }
                let score = diagnosis.scores.blocks.first { $0.subject == block.rawValue }?.value
                #expect(panel.score == score)
            }
        }
    }

    @Test func aKnownErrorIsMarkedOnItsCard() throws {
        let url = Self.root.appendingPathComponent("examples/saas-growth-vs-retention.yaml")
        let (_, diagnosis, picture) = try Self.picture(of: url)
        // The example names both sales and customer success as accountable for churn (ACC-01).
        #expect(diagnosis.activeFindings.contains { $0.rule == "ACC-01" && $0.subjects.contains("churn-rate") })
        let churn = picture.cards.filter { $0.kpiID == "churn-rate" }
        #expect(!churn.isEmpty)
        #expect(churn.allSatisfy { $0.worstSeverity == .error && $0.tooltip.contains("ACC-01") })
        let parsed = try #require(ParsedSVG(picture.svg))
        #expect(parsed.markers["churn-rate"]?.contains("error") == true)
    }

    // MARK: Crowded canvases

    @Test(arguments: [BusinessModelBlock.keyActivities, .valuePropositions, .revenueStreams])
    func fortyKPIsInOneElementStayLegible(_ block: BusinessModelBlock) throws {
        let canvas = Self.crowded(in: block)
        let (_, picture) = Self.picture(of: canvas)
        _ = try #require(ParsedSVG(picture.svg))
        Self.checkGeometry(picture, of: canvas)
        #expect(picture.smallestFontSize >= 10)
        let fontSizes = Self.fontSizes(in: picture.svg)
        #expect(!fontSizes.isEmpty)
        #expect(fontSizes.allSatisfy { $0 >= 10 })
        let panel = try #require(picture.elements.first { $0.block == block })
        #expect(panel.cards.count == 40)
        // Wide panels spread forty cards over several columns; narrow ones keep cards wide enough
        // to read and grow taller instead.
        let columns = Set(panel.cards.map(\.box.x)).count
        if panel.box.width >= 600 { #expect(columns >= 3) } else { #expect(columns >= 1) }
        #expect(panel.cards.allSatisfy { $0.box.width >= 150 })
        #expect(panel.box.height > 40 * 50 / Double(columns))
        // The unbreakable 40-character word is cut to fit, not left to run over the card's edge.
        let long = try #require(panel.cards.first { $0.kpiID == "k-0" })
        #expect(long.lines.count >= 3)
        // Elements sharing a row keep sharing its height when one of them grows.
        let partners = try #require(picture.elements.first { $0.block == .keyPartners })
        let segments = try #require(picture.elements.first { $0.block == .customerSegments })
        #expect(partners.box.height == segments.box.height)
        #expect(partners.box.y == segments.box.y)
    }

    @Test func manyObjectivesWrapIntoRows() throws {
        var canvas = Self.crowded(in: .channels)
        canvas.objectives = (0..<13).map {
            Objective(
                id: ObjectiveID("o-\($0)"), statement: "Objective \($0): " + String(repeating: "grow ", count: $0 * 3))
        }
        let (_, picture) = Self.picture(of: canvas)
        #expect(Set(picture.objectives.map(\.box.y)).count >= 3)
        Self.checkGeometry(picture, of: canvas)
    }

    // MARK: Empty states, markers, escaping

    @Test func anElementWithoutKPIsSaysNotMeasured() throws {
        let canvas = Canvas(
            kind: .kpiMisalignment, title: "One element", objectives: [Objective(id: "o", statement: "Grow")],
            participants: [Participant(id: "team", name: "Team", type: .team)],
            kpis: [
                KPI(
                    id: "a", name: "Channel reach", level: .output, blocks: [.channels], serves: ["o"],
                    accountable: ["team"]),
                KPI(id: "b", name: "Planned partner quality", blocks: [.keyPartners], status: .proposed),
            ])
        let (_, picture) = Self.picture(of: canvas)
        for panel in picture.elements where panel.block != nil {
            // Only a current KPI counts as measuring an element; a proposal does not yet.
            #expect((panel.placeholder?.text == "Not measured") == (panel.block != .channels), "\(panel.title)")
        }
        let parsed = try #require(ParsedSVG(picture.svg))
        #expect(parsed.texts.filter { $0 == "Not measured" }.count == 8)
        let proposed = try #require(picture.cards.first { $0.kpiID == "b" })
        #expect(proposed.status == .proposed)
        #expect(picture.svg.contains("status-proposed"))
        Self.checkGeometry(picture, of: canvas)
    }

    @Test func aKPIWithAnErrorGetsTheErrorMarker() throws {
        let canvas = Canvas(
            kind: .kpiMisalignment, title: "Shared ownership", objectives: [Objective(id: "o", statement: "Grow")],
            participants: [
                Participant(id: "sales", name: "Sales", type: .team),
                Participant(id: "success", name: "Success", type: .team),
            ],
            kpis: [
                KPI(
                    id: "churn", name: "Churn", level: .outcome, blocks: [.customerRelationships], serves: ["o"],
                    accountable: ["sales", "success"])
            ])
        let (diagnosis, picture) = Self.picture(of: canvas)
        try #require(diagnosis.activeFindings.contains { $0.severity == .error && $0.subjects.contains("churn") })
        let card = try #require(picture.cards.first { $0.kpiID == "churn" })
        #expect(card.worstSeverity == .error)
        let marker = try #require(card.marker)
        #expect(card.box.contains(marker))
        let parsed = try #require(ParsedSVG(picture.svg))
        #expect(parsed.markers["churn"] == ["error"])
    }

    @Test func markupInNamesIsEscaped() throws {
        let name = "<b>&\"x\""
        let canvas = Canvas(
            kind: .kpiMisalignment, title: "Escaping <svg> & \"quotes\"",
            objectives: [Objective(id: "o", statement: "Keep </text> & 'apostrophes' intact")],
            participants: [Participant(id: "team", name: "Team", type: .team)],
            kpis: [KPI(id: "odd", name: name, blocks: [.channels], serves: ["o"], accountable: ["team"])])
        let (_, picture) = Self.picture(of: canvas)
        #expect(!picture.svg.contains("<b>"))
        let parsed = try #require(ParsedSVG(picture.svg))
        #expect(parsed.texts.contains(name))
        #expect(parsed.texts.contains("Keep </text> & 'apostrophes' intact"))
        #expect(parsed.rootTitle?.hasPrefix("Escaping <svg> & \"quotes\"") == true)
        #expect(parsed.cardKPIs == ["odd"])
    }

    @Test func kpisWithoutElementsGoToTheUnplacedPanelAndRetiredOnesAreLeftOut() throws {
        let canvas = Canvas(
            kind: .kpiMisalignment, title: "Unplaced",
            kpis: [
                KPI(id: "loose", name: "Loose measure"),
                KPI(id: "old", name: "Old measure", blocks: [.channels], status: .retired),
            ])
        let (_, picture) = Self.picture(of: canvas)
        let unplaced = try #require(picture.elements.last)
        #expect(unplaced.block == nil)
        #expect(unplaced.cards.map(\.kpiID) == ["loose"])
        #expect(!picture.cards.contains { $0.kpiID == "old" })
        #expect(picture.objectivesPlaceholder?.text == "No objectives stated")
        Self.checkGeometry(picture, of: canvas)
    }

    // MARK: Determinism

    @Test func sameInputGivesByteIdenticalSVG() throws {
        for url in try Self.examples() {
            let first = try Self.picture(of: url).2.svg
            let second = try Self.picture(of: url).2.svg
            #expect(first == second, "\(url.lastPathComponent)")
        }
        let canvas = Self.crowded(in: .customerSegments)
        #expect(Self.picture(of: canvas).1.svg == Self.picture(of: canvas).1.svg)
    }

    // MARK: Checks

    /// Nothing overlaps, everything lies inside what holds it, every KPI is where it belongs.
    static func checkGeometry(_ picture: CanvasPicture, of canvas: Canvas) {
        let page = Box(x: 0, y: 0, width: picture.width, height: picture.height)
        let panels = picture.elements
        for (i, a) in panels.enumerated() {
            #expect(page.contains(a.box), "panel \(a.title) leaves the picture")
            #expect(a.box.contains(a.header.box), "header of \(a.title)")
            if let score = a.scoreLabel {
                #expect(a.box.contains(score.box))
                #expect(!score.box.overlaps(a.header.box), "score and title of \(a.title)")
            }
            if let placeholder = a.placeholder { #expect(a.box.contains(placeholder.box)) }
            for b in panels[(i + 1)...] { #expect(!a.box.overlaps(b.box), "panels \(a.title) and \(b.title)") }
            for card in a.cards {
                #expect(card.block == a.block)
                #expect(a.box.contains(card.box), "card \(card.kpiID) leaves \(a.title)")
                #expect(!card.box.overlaps(a.header.box))
                if let placeholder = a.placeholder { #expect(!card.box.overlaps(placeholder.box)) }
                for line in card.lines {
                    #expect(card.box.contains(line.box), "label \"\(line.text)\" leaves card \(card.kpiID)")
                    #expect(line.fontSize >= 10)
                    if let marker = card.marker { #expect(!line.box.overlaps(marker)) }
                }
                for (j, line) in card.lines.enumerated() {
                    for other in card.lines[(j + 1)...] { #expect(!line.box.overlaps(other.box)) }
                }
                if let marker = card.marker { #expect(card.box.contains(marker)) }
            }
        }
        let cards = picture.cards
        for (i, a) in cards.enumerated() {
            for b in cards[(i + 1)...] {
                #expect(!a.box.overlaps(b.box), "cards \(a.kpiID) and \(b.kpiID)")
            }
        }
        for (i, chip) in picture.objectives.enumerated() {
            #expect(page.contains(chip.box))
            for line in chip.lines { #expect(chip.box.contains(line.box), "objective \(chip.objectiveID)") }
            for other in picture.objectives[(i + 1)...] { #expect(!chip.box.overlaps(other.box)) }
            for panel in panels { #expect(!chip.box.overlaps(panel.box)) }
        }
        #expect(page.contains(picture.legend.box))
        for panel in panels { #expect(!picture.legend.box.overlaps(panel.box)) }
        for item in picture.legend.items {
            #expect(picture.legend.box.contains(item.label.box), "legend \(item.label.text)")
            if let swatch = item.swatchBox { #expect(!swatch.overlaps(item.label.box)) }
        }
        // Every KPI in use appears once in each element it measures; one without any, once unplaced.
        for kpi in canvas.kpis {
            let placed = cards.filter { $0.kpiID == kpi.id.rawValue }
            if kpi.status == .retired {
                #expect(placed.isEmpty)
            } else if kpi.blocks.isEmpty {
                #expect(placed.map(\.block) == [nil], "\(kpi.id)")
            } else {
                #expect(placed.count == Set(kpi.blocks).count, "\(kpi.id)")
                #expect(Set(placed.compactMap(\.block)) == Set(kpi.blocks), "\(kpi.id)")
            }
        }
    }

    /// Every `font-size` the SVG sets.
    static func fontSizes(in svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { part in
            Double(part.prefix { $0 != "\"" })
        }
    }

    /// A canvas with forty KPIs in `block`, some with long names and one with a 40-character word.
    static func crowded(in block: BusinessModelBlock) -> Canvas {
        let levels = ResultLevel.allCases
        var kpis: [KPI] = (0..<40).map { i in
            let name =
                switch i % 4 {
                case 0: "Share of " + String(repeating: "x", count: 40) + " handled within the agreed time"
                case 1: "Average number of customer conversations resolved on first contact per agent per week"
                case 2: "Weekly active accounts using at least three core workflows \(i)"
                default: "Cost \(i)"
                }
            return KPI(
                id: KPIID("k-\(i)"), name: name, level: i % 6 == 5 ? nil : levels[i % levels.count],
                blocks: i % 7 == 3 ? [block, block == .channels ? .keyResources : .channels] : [block], serves: ["o"],
                accountable: i % 5 == 0 ? [] : ["team"], status: i % 9 == 8 ? .proposed : .current)
        }
        kpis.append(KPI(id: "solo", name: "Partner satisfaction", level: .outcome, blocks: [.keyPartners]))
        return Canvas(
            kind: .kpiMisalignment, title: "Crowded " + block.title,
            objectives: [Objective(id: "o", statement: "Serve customers well and keep them")],
            participants: [Participant(id: "team", name: "Team", type: .team)], kpis: kpis)
    }
}

// MARK: - Reading the SVG back

/// The parts of a parsed SVG the tests look at; nil when the XML does not parse.
final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    /// Every text run of `text` elements, decoded.
    private(set) var texts: [String] = []
    /// The root's `title`.
    private(set) var rootTitle: String?
    /// The `data-kpi` of every card group, in document order.
    private(set) var cardKPIs: [String] = []
    /// The severity markers inside each KPI's cards.
    private(set) var markers: [String: [String]] = [:]

    private var stack: [Element] = []
    private var buffer = ""

    init?(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse(), parser.parserError == nil else { return nil }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let element = Element(name: name, attributes: attributes)
        elements.append(element)
        let classes = (attributes["class"] ?? "").split(separator: " ")
        if name == "g", classes.contains("card"), let kpi = attributes["data-kpi"] { cardKPIs.append(kpi) }
        if classes.contains("marker"),
            let kpi = stack.last(where: { $0.attributes["data-kpi"] != nil })?.attributes["data-kpi"],
            let severity = classes.first(where: { $0.hasPrefix("marker-") })
        {
            markers[kpi, default: []].append(String(severity.dropFirst("marker-".count)))
        }
        stack.append(element)
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        if name == "text" { texts.append(buffer) }
        if name == "title", stack.count == 1 { rootTitle = buffer }
        buffer = ""
    }
}
