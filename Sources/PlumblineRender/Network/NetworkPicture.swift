import PlumblineCore

/// The Accountability Network as a picture: participants as nodes shaped by their type, laid
/// out in ranks from oversight at the top down to partners and platforms, with value exchanges,
/// reporting lines, escalations, mechanisms and feedback loops as distinctly styled edges.
/// Participants that findings concern are outlined in the colour of the worst one.
///
/// The geometry is public so tests can check it: nodes never overlap, labels stay inside their
/// boxes and every edge starts and ends on the boundary of its nodes.
public struct NetworkPicture: Sendable {
    // MARK: Geometry

    /// A point in picture coordinates (y grows downwards).
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One line of text and the box it occupies.
    public struct LabelLine: Hashable, Sendable {
        public var text: String
        public var box: Box
        /// The caption line (type and findings) rather than the name.
        public var isCaption: Bool
    }

    /// A participant as drawn.
    public struct Node: Sendable {
        public var id: ParticipantID
        public var name: String
        public var type: ParticipantType
        /// Everything drawn for the node lies inside this box.
        public var box: Box
        public var labelLines: [LabelLine]
        /// The worst severity among the active findings that name this participant.
        public var severity: Severity?
        /// The messages of those findings, worst first.
        public var findings: [String]
        /// The rank it was placed in (0 at the top).
        public var rank: Int
    }

    /// What an edge stands for; each kind has its own line style.
    public enum EdgeKind: String, Sendable, CaseIterable {
        case valueExchange = "value-exchange"
        case reportsTo = "reports-to"
        case escalatesTo = "escalates-to"
        case mechanism
        case feedbackLoop = "feedback-loop"
    }

    /// A relation between two participants as drawn.
    public struct Edge: Sendable {
        public var kind: EdgeKind
        public var from: ParticipantID
        public var to: ParticipantID
        /// The route, from the boundary of `from`'s box to the boundary of `to`'s box.
        public var points: [Point]
        /// The label text (value exchanges only) and where it was placed; `labelBox` is nil when
        /// no free place was found, and the text then appears only in the edge's tooltip.
        public var label: String?
        public var labelBox: Box?
        /// The tooltip: what the edge stands for in words.
        public var title: String
    }

    /// The canvas title shown at the top.
    public let title: String
    public internal(set) var nodes: [Node] = []
    public internal(set) var edges: [Edge] = []
    public internal(set) var width = 0.0
    public internal(set) var height = 0.0
    /// Where the legend was drawn.
    public internal(set) var legendBox = Box(x: 0, y: 0, width: 0, height: 0)
    /// Edge crossings between adjacent ranks before and after crossing reduction.
    public internal(set) var crossings: (before: Int, after: Int) = (0, 0)

    // MARK: Building

    /// Lays out the network of `canvas` and marks the participants `diagnosis` has findings for.
    public init(canvas: Canvas, diagnosis: Diagnosis) {
        self.init(canvas: canvas, findings: diagnosis.activeFindings)
    }

    /// Lays out the network of `canvas` and marks the participants named by `findings` (waived
    /// findings are skipped).
    public init(canvas: Canvas, findings: [Finding]) {
        title = canvas.title
        let specs = NetworkEdgeSpec.all(in: canvas)
        let findings = Self.findingsByParticipant(findings)
        var seen = Set<ParticipantID>()
        let participants = canvas.participants.filter { seen.insert($0.id).inserted }
        var degree: [ParticipantID: Int] = [:]
        for spec in specs {
            degree[spec.from, default: 0] += 1
            degree[spec.to, default: 0] += 1
        }
        let drafts = participants.map {
            NodeDraft(participant: $0, findings: findings[$0.id] ?? [], degree: degree[$0.id] ?? 0)
        }
        let layout = LayeredLayout<ParticipantID>(
            vertices: drafts.map { .init(id: $0.id, width: $0.width, height: $0.height, band: $0.band) },
            constraints: participants.compactMap { p in p.reportsTo.map { (parent: $0, child: p.id) } },
            edges: specs.map { (from: $0.from, to: $0.to) }, spacing: Self.spacing)
        crossings = (layout.crossingsBefore, layout.crossingsAfter)
        place(drafts: drafts, specs: specs, layout: layout)
    }

    static let margin = 24.0
    static let titleHeight = 34.0
    /// Room below the last rank for flat edges routed underneath it and their labels.
    static let bottomReserve = 72.0

    static var spacing: LayeredLayout<ParticipantID>.Spacing {
        var s = LayeredLayout<ParticipantID>.Spacing()
        s.vertexGap = 40
        s.rankGap = 104
        return s
    }

    /// Active findings by the participants among their subjects, worst first.
    private static func findingsByParticipant(_ findings: [Finding]) -> [ParticipantID: [Finding]] {
        var out: [ParticipantID: [Finding]] = [:]
        for finding in findings where finding.isActive {
            var once = Set<String>()
            for subject in finding.subjects where once.insert(subject).inserted {
                out[ParticipantID(subject), default: []].append(finding)
            }
        }
        return out.mapValues { list in
            list.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
                .map(\.element)
        }
    }
}
