import PlumblineCore

/// The outline of each participant type, and what it leaves free inside its box: room for text,
/// and the stretch of the top and bottom sides that is straight, where edges can attach.
enum NodeShape {
    /// How far in from the box's left and right sides text may start.
    static func textInsets(for type: ParticipantType, height: Double) -> (left: Double, right: Double) {
        switch type {
        // The pill's ends are half-circles: text stays clear of them at every height it uses.
        case .individual: (height / 2, height / 2)
        case .platform: (hexagonPoint(height) + 8, hexagonPoint(height) + 8)
        // Room for the chip glyph on the left.
        case .aiSystem: (30, 12)
        case .oversight: (14, 14)
        case .team, .partner, .customer: (12, 12)
        }
    }

    /// The straight part of the top and bottom sides, where edge ends are spread.
    static func portSpan(of box: Box, type: ParticipantType) -> (from: Double, to: Double) {
        let end: Double
        switch type {
        case .individual: end = box.height / 2
        case .platform: end = hexagonPoint(box.height)
        default: end = 10
        }
        // Keep ends clear of the corners even when the straight part is long.
        let margin = max(end + 4, box.width * 0.15)
        return (box.x + margin, box.maxX - margin)
    }

    /// How far the hexagon's side points reach in from the box.
    static func hexagonPoint(_ height: Double) -> Double { min(height / 2, 16) }

    /// Corner radius of the rounded shapes.
    static func cornerRadius(for type: ParticipantType, height: Double) -> Double {
        // Scaled with the height so small legend samples keep the difference between a team's
        // rounded corners and an individual's round ends.
        switch type {
        case .individual: height / 2
        case .customer: min(14, height * 0.3)
        case .team, .oversight: min(8, height / 5)
        case .aiSystem: min(3, height / 8)
        case .partner, .platform: 0
        }
    }
}
