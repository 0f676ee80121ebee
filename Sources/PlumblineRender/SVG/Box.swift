/// An axis-aligned rectangle in picture coordinates (y grows downwards). Layouts return the boxes
/// they placed so tests can check that nothing overlaps and every label fits.
public struct Box: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// Whether the two boxes share area (touching edges do not count).
    public func overlaps(_ other: Box) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether `other` lies wholly inside this box, allowing for rounding in the written SVG.
    public func contains(_ other: Box, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance && other.maxX <= maxX + tolerance
            && other.maxY <= maxY + tolerance
    }

    /// Whether the point lies on or inside the box.
    public func contains(x px: Double, y py: Double, tolerance: Double = 0.01) -> Bool {
        px >= x - tolerance && px <= maxX + tolerance && py >= y - tolerance && py <= maxY + tolerance
    }

    /// The box grown by `margin` on every side.
    public func inset(by margin: Double) -> Box {
        Box(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    public var description: String { "(\(x), \(y), \(width)×\(height))" }
}
