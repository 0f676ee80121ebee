/// The ordered tree the writer builds from a canvas before it becomes YAML or JSON text.
/// `compact` marks lists and mappings that read better on one line when they fit.
indirect enum EmittedValue {
    case text(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([EmittedValue], compact: Bool)
    case map([(key: String, value: EmittedValue)], compact: Bool)

    var isEmptyCollection: Bool {
        switch self {
        case .list(let items, _): items.isEmpty
        case .map(let fields, _): fields.isEmpty
        default: false
        }
    }

    var isScalar: Bool {
        switch self {
        case .list, .map: false
        default: true
        }
    }

    /// `PlainValue` (extensions, parameters) as written.
    init(_ plain: PlainValue) {
        switch plain {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .text(s)
        case .list(let items):
            self = .list(items.map(EmittedValue.init), compact: items.allSatisfy { EmittedValue($0).isScalar })
        case .map(let fields): self = .map(fields.map { ($0.key, EmittedValue($0.value)) }, compact: false)
        }
    }

    /// Numbers as the shortest text that reads back to the same value.
    static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}

/// Collects the fields of one mapping in order, leaving out absent values and empty lists
/// (absent and empty mean the same in the format).
struct EmittedFields {
    private(set) var fields: [(key: String, value: EmittedValue)] = []

    mutating func add(_ key: String, _ value: EmittedValue?) {
        guard let value, !value.isEmptyCollection else { return }
        fields.append((key, value))
    }
    mutating func add(_ key: String, _ text: String?) { add(key, text.map(EmittedValue.text)) }
    mutating func add<E: CanvasEnumeration>(_ key: String, _ value: E?) { add(key, value.map { .text($0.rawValue) }) }
    mutating func add(_ key: String, ids: [some CustomStringConvertible]) {
        add(key, .list(ids.map { .text($0.description) }, compact: true))
    }
    mutating func add(_ key: String, number: Double?) { add(key, number.map(EmittedValue.number)) }
    mutating func add(extensions: Extensions) {
        for field in extensions { fields.append((field.key, EmittedValue(field.value))) }
    }

    /// Adds a field even when its value is an empty collection (required lists, parameters).
    mutating func addRequired(_ key: String, _ value: EmittedValue) { fields.append((key, value)) }

    func value(compact: Bool = false) -> EmittedValue { .map(fields, compact: compact) }
}
