/// A position in a canvas file: 1-based line and column (columns count Unicode scalars).
public struct SourceMark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// Where each entity of a canvas was written, so findings and errors can point at a line.
public struct SourceMap: Hashable, Sendable {
    /// Entity id → the position of its list item.
    public var entities: [String: SourceMark] = [:]
    /// Top-level section name → the position of its key.
    public var sections: [String: SourceMark] = [:]

    public init() {}

    /// The position of an id's entity, falling back to nothing when it was not read from a file.
    public func mark(of id: String) -> SourceMark? { entities[id] }
}
