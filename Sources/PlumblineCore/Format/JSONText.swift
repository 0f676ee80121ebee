/// JSON text for free-form values, with keys in the order given — for reports whose field order
/// is part of their readability.
public enum JSONText {
    /// Indented JSON.
    public static func render(_ value: PlainValue) -> String {
        JSONWriter(maxInlineWidth: 80).write(EmittedValue(value, compactLists: true))
    }
}

extension EmittedValue {
    init(_ plain: PlainValue, compactLists: Bool) {
        switch plain {
        case .list(let items):
            self = .list(items.map { EmittedValue($0, compactLists: compactLists) }, compact: compactLists)
        case .map(let fields):
            self = .map(fields.map { ($0.key, EmittedValue($0.value, compactLists: compactLists)) }, compact: false)
        default:
            self = EmittedValue(plain)
        }
    }
}
