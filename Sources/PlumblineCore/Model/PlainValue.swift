/// A value of a free-form part of a canvas: `x-` extension fields and rule parameters.
///
/// Mappings keep their key order, so a file that is read and written again keeps its shape.
public indirect enum PlainValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([PlainValue])
    case map([PlainField])

    /// The number this value holds, if it is one.
    public var number: Double? { if case .number(let n) = self { n } else { nil } }
    /// The string this value holds, if it is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The Boolean this value holds, if it is one.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
}

/// One key and value of a `PlainValue.map`, or one `x-` field of an entity.
public struct PlainField: Hashable, Sendable {
    public var key: String
    public var value: PlainValue
    public init(_ key: String, _ value: PlainValue) {
        self.key = key
        self.value = value
    }
}

/// The `x-` fields of an entity, in the order they were written.
public typealias Extensions = [PlainField]
