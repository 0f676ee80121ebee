import Foundation
import PlumblineCore
import PlumblineRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The Accountability Network picture, checked for geometric sanity on every shipped example.
@Suite struct NetworkPictureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let engine = DiagnosisEngine(knowledge: try! KnowledgeBase.bundled())

    static func examples() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent("examples"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func picture(_ url: URL) throws -> (NetworkPicture, Canvas) {
        let document = try CanvasReader().read(
            [UInt8](Data(contentsOf: url)), file: "examples/\(url.lastPathComponent)")
        return (NetworkPicture(canvas: document.canvas, diagnosis: engine.diagnose(document)), document.canvas)
    }

    /// Whether `p` lies on the boundary of `box`, within `tolerance`.
    static func isOnBoundary(_ p: NetworkPicture.Point, of box: Box, tolerance: Double = 0.5) -> Bool {
        guard box.contains(x: p.x, y: p.y, tolerance: tolerance) else { return false }
        return abs(p.x - box.x) <= tolerance || abs(p.x - box.maxX) <= tolerance || abs(p.y - box.y) <= tolerance
            || abs(p.y - box.maxY) <= tolerance
    }

    static func parses(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    // MARK: The eight examples

    @Test(arguments: try examples())
    func svgIsWellFormedXML(_ url: URL) throws {
        let (picture, _) = try Self.picture(url)
        #expect(Self.parses(picture.svg))
        #expect(picture.svg.hasPrefix("<svg"))
    }

    @Test(arguments: try examples())
    func nodesDoNotOverlapAndHoldTheirLabels(_ url: URL) throws {
        let (picture, canvas) = try Self.picture(url)
        #expect(picture.nodes.map(\.id) == canvas.participants.map(\.id), "every participant once, in order")
        for (i, a) in picture.nodes.enumerated() {
            for b in picture.nodes[(i + 1)...] {
                #expect(!a.box.overlaps(b.box), "\(a.id) overlaps \(b.id)")
            }
            #expect(!a.labelLines.isEmpty)
            for line in a.labelLines {
                #expect(a.box.contains(line.box), "\(line.text) sticks out of \(a.id)")
            }
            #expect(Box(x: 0, y: 0, width: picture.width, height: picture.height).contains(a.box))
            #expect(!a.box.overlaps(picture.legendBox))
        }
    }

    @Test(arguments: try examples())
    func edgesEndOnTheirNodes(_ url: URL) throws {
        let (picture, _) = try Self.picture(url)
        #expect(!picture.edges.isEmpty)
        let boxes = Dictionary(picture.nodes.map { ($0.id, $0.box) }, uniquingKeysWith: { a, _ in a })
        for edge in picture.edges {
            let from = try #require(boxes[edge.from])
            let to = try #require(boxes[edge.to])
            let first = try #require(edge.points.first)
            let last = try #require(edge.points.last)
            #expect(edge.points.count >= 2)
            #expect(Self.isOnBoundary(first, of: from), "\(edge.kind) \(edge.from)→\(edge.to) starts off its node")
            #expect(Self.isOnBoundary(last, of: to), "\(edge.kind) \(edge.from)→\(edge.to) ends off its node")
        }
    }

    @Test(arguments: try examples())
    func edgeLabelsAvoidNodesAndEachOther(_ url: URL) throws {
        let (picture, canvas) = try Self.picture(url)
        let labelled = picture.edges.filter { $0.kind == .valueExchange }
        #expect(labelled.count == canvas.valueExchanges.filter { $0.from != $0.to }.count)
        let boxes = labelled.compactMap(\.labelBox)
        #expect(boxes.count == labelled.count, "every value exchange found a place for its label")
        for box in boxes {
            for node in picture.nodes {
                #expect(!box.overlaps(node.box), "a label overlaps \(node.id)")
            }
        }
        var overlapping = 0
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.overlaps(b) { overlapping += 1 }
        }
        #expect(overlapping == 0, "\(overlapping) pairs of labels overlap")
    }

    @Test(arguments: try examples())
    func oversightSitsAtTheTop(_ url: URL) throws {
        let (picture, _) = try Self.picture(url)
        let oversight = picture.nodes.filter { $0.type == .oversight }
        let others = picture.nodes.filter { $0.type != .oversight }
        for o in oversight {
            for other in others { #expect(o.rank < other.rank, "\(o.id) not above \(other.id)") }
        }
        #expect(picture.crossings.after <= picture.crossings.before)
    }

    @Test func renderingIsDeterministic() throws {
        let url = try #require(try Self.examples().first)
        let (a, _) = try Self.picture(url)
        let (b, _) = try Self.picture(url)
        #expect(a.svg == b.svg)
    }

    // MARK: Highlighting and escaping

    @Test func participantWithAnErrorCarriesTheErrorColour() {
        let canvas = Canvas(
            kind: .accountabilityNetwork, title: "Highlight",
            participants: [
                Participant(id: "board", name: "Board", type: .oversight),
                Participant(id: "ops", name: "Operations", type: .team, reportsTo: "board"),
            ])
        let finding = Finding(
            rule: "ACC-01", severity: .error, message: "Operations owns nothing", subjects: ["ops"], fix: Fix("x"))
        let picture = NetworkPicture(canvas: canvas, findings: [finding])
        let ops = picture.nodes.first { $0.id == "ops" }
        #expect(ops?.severity == .error)
        #expect(ops?.findings == ["Operations owns nothing"])
        #expect(picture.nodes.first { $0.id == "board" }?.severity == nil)
        let svg = picture.svg
        let group = svg.components(separatedBy: "data-id=\"ops\"").last ?? ""
        let node = group.components(separatedBy: "</g>").first ?? ""
        #expect(node.contains("stroke=\"\(Palette.colour(for: .error))\""))
        #expect(node.contains("Operations owns nothing"))
    }

    @Test func namesAreEscaped() throws {
        let canvas = Canvas(
            kind: .accountabilityNetwork, title: "A & B",
            participants: [
                Participant(id: "x", name: "<x>&\"y\"", type: .team),
                Participant(id: "p", name: "Partner 'p'", type: .partner),
            ],
            valueExchanges: [ValueExchange(from: "x", to: "p", value: "<b>bold</b> & more")])
        let svg = NetworkPicture(canvas: canvas, findings: []).svg
        #expect(Self.parses(svg))
        #expect(svg.contains("&lt;x&gt;&amp;&quot;y&quot;"))
        #expect(!svg.contains("<x>"))
        #expect(!svg.contains("<b>"))
    }

    @Test func edgesToUnknownOrSameParticipantAreLeftOut() {
        let canvas = Canvas(
            kind: .accountabilityNetwork, title: "Loose ends",
            participants: [Participant(id: "a", name: "A", type: .team, reportsTo: "ghost")],
            valueExchanges: [
                ValueExchange(from: "a", to: "a", value: "self"), ValueExchange(from: "a", to: "b", value: "?"),
            ])
        let picture = NetworkPicture(canvas: canvas, findings: [])
        #expect(picture.nodes.count == 1)
        #expect(picture.edges.isEmpty)
        #expect(Self.parses(picture.svg))
    }

    // MARK: A large network

    @Test func largeNetworkLaysOutWithoutOverlaps() throws {
        var rng = SplitMix(seed: 42)
        let types: [ParticipantType] = [.team, .team, .individual, .partner, .platform, .aiSystem, .customer]
        var participants = (0..<4).map {
            Participant(id: .init("o\($0)"), name: "Oversight body \($0)", type: .oversight)
        }
        for i in 4..<120 {
            let type = types[Int(rng.next() % UInt64(types.count))]
            let parent = ParticipantID(participants[Int(rng.next() % UInt64(participants.count))].id.rawValue)
            participants.append(
                Participant(
                    id: .init("p\(i)"), name: "Participant number \(i) with a longer name", type: type,
                    reportsTo: parent, escalatesTo: rng.next() % 4 == 0 ? parent : nil))
        }
        var exchanges: [ValueExchange] = []
        while exchanges.count < 300 {
            let a = participants[Int(rng.next() % 120)].id
            let b = participants[Int(rng.next() % 120)].id
            if a != b { exchanges.append(ValueExchange(from: a, to: b, value: "Value \(exchanges.count)")) }
        }
        let canvas = Canvas(
            kind: .accountabilityNetwork, title: "Large", participants: participants, valueExchanges: exchanges)
        let picture = NetworkPicture(canvas: canvas, findings: [])
        #expect(picture.nodes.count == 120)
        #expect(picture.edges.count >= 300)
        let sorted = picture.nodes.sorted { $0.box.x < $1.box.x }
        var overlaps = 0
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] {
                if b.box.x >= a.box.maxX { break }
                if a.box.overlaps(b.box) { overlaps += 1 }
            }
        }
        #expect(overlaps == 0)
        for edge in picture.edges {
            if let box = edge.labelBox { #expect(!picture.nodes.contains { $0.box.overlaps(box) }) }
        }
        #expect(picture.crossings.after <= picture.crossings.before)
        #expect(Self.parses(picture.svg))
    }
}

/// A small deterministic generator, so the large network is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
