import PlumblineCore

/// A participant measured for layout: its wrapped name, caption and the box they need inside
/// the shape of its type. Positions come later, from the layout.
struct NodeDraft: Sendable {
    let participant: Participant
    let nameLines: [String]
    let caption: String
    let severity: Severity?
    let messages: [String]
    let width: Double
    let height: Double

    static let nameFont = 12.0
    static let captionFont = 9.5
    static let maxTextWidth = 132.0
    static let maxNameLines = 3
    static let verticalPadding = 8.0
    static let minWidth = 96.0

    var id: ParticipantID { participant.id }

    /// Oversight at the top, then the people and teams, then everyone outside the hierarchy.
    var band: Int {
        switch participant.type {
        case .oversight: 0
        case .team, .individual: 1
        case .partner, .platform, .aiSystem, .customer: 2
        }
    }

    /// Width given to each edge end, so a node with many edges has room to keep them apart.
    static let widthPerEdge = 8.0
    static let maxWidthForEdges = 280.0

    init(participant: Participant, findings: [Finding], degree: Int) {
        self.participant = participant
        let name = participant.name.isEmpty ? participant.id.rawValue : participant.name
        nameLines = TextMetrics.wrap(
            name, width: Self.maxTextWidth, fontSize: Self.nameFont, bold: true, maxLines: Self.maxNameLines)
        severity = findings.first?.severity
        messages = findings.map(\.message)
        caption = Self.caption(type: participant.type, findings: findings)
        let textWidth = max(
            nameLines.map { TextMetrics.width(of: $0, fontSize: Self.nameFont, bold: true) }.max() ?? 0,
            TextMetrics.width(of: caption, fontSize: Self.captionFont))
        height =
            2 * Self.verticalPadding + Double(nameLines.count) * TextMetrics.lineHeight(fontSize: Self.nameFont)
            + TextMetrics.lineHeight(fontSize: Self.captionFont)
        let inset = NodeShape.textInsets(for: participant.type, height: height)
        width = max(
            Self.minWidth, min(Double(degree) * Self.widthPerEdge, Self.maxWidthForEdges),
            (textWidth + inset.left + inset.right).rounded(.up))
    }

    /// "team", "partner · 2 errors": the type, and the findings when there are any, so severity
    /// is told in words as well as in colour.
    private static func caption(type: ParticipantType, findings: [Finding]) -> String {
        let typeName = type == .aiSystem ? "AI system" : type.rawValue
        guard let worst = findings.first?.severity else { return typeName }
        let count = findings.filter { $0.severity == worst }.count
        let noun = worst.rawValue + (count == 1 ? "" : "s")
        return "\(typeName) · \(count) \(noun)"
    }

    // MARK: Placing

    /// The node at its final box, with every text line's box inside it.
    func node(in box: Box, rank: Int) -> NetworkPicture.Node {
        let inset = NodeShape.textInsets(for: participant.type, height: box.height)
        let centre = box.x + inset.left + (box.width - inset.left - inset.right) / 2
        var lines: [NetworkPicture.LabelLine] = []
        var y = box.y + Self.verticalPadding
        for (text, isCaption) in nameLines.map({ ($0, false) }) + [(caption, true)] {
            let font = isCaption ? Self.captionFont : Self.nameFont
            let w = TextMetrics.width(of: text, fontSize: font, bold: !isCaption)
            let h = TextMetrics.lineHeight(fontSize: font)
            lines.append(
                .init(text: text, box: Box(x: centre - w / 2, y: y, width: w, height: h), isCaption: isCaption))
            y += h
        }
        return NetworkPicture.Node(
            id: id, name: participant.name, type: participant.type, box: box, labelLines: lines, severity: severity,
            findings: messages, rank: rank)
    }
}
