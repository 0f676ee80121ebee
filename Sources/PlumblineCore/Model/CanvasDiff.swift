/// The changes between two canvases, by entity and field, in document order.
///
/// Both canvases are compared in the shape the writer gives them, so fields carry their format v1
/// names and a value the writer leaves out (an empty list, an absent field) counts as absent.
///
/// Order carries no meaning in format v1, so reordering is not a change: entities are matched by
/// id (entries without one by their identity: `from → to` for value exchanges, `by` for reviews,
/// the KPI or file for data, the rule and subjects for waivers), and lists inside a field are
/// compared as collections, so `pairs_with: [a, b]` and `[b, a]` are equal. Changes come in the
/// order of the revised document, with removed items where they stood in the original.
public struct CanvasDiff: Hashable, Sendable, Codable {
    public var changes: [CanvasChange]

    public init(changes: [CanvasChange]) { self.changes = changes }

    /// The changes that turn `before` into `after`.
    public init(from before: Canvas, to after: Canvas) {
        var comparison = CanvasComparison()
        comparison.compareCanvas(CanvasEncoder.encode(before), CanvasEncoder.encode(after))
        changes = comparison.changes
    }

    /// True when the two canvases say the same thing.
    public var isEmpty: Bool { changes.isEmpty }
}

/// Walks two encoded canvases side by side and collects their differences.
struct CanvasComparison {
    private(set) var changes: [CanvasChange] = []

    /// Sections whose entries are matched by identity rather than compared as one value.
    private static let entrySections: Set<String> = Set(
        CanvasFields.idSections.map(\.key) + ["value_exchanges", "reviews", "data"])

    /// Fields that best name an entity in one line, in order of preference.
    private static let headlineFields = ["name", "statement", "description", "value", "reason", "note"]

    // MARK: - Canvas and settings

    mutating func compareCanvas(_ before: EmittedValue, _ after: EmittedValue) {
        let old = before.fields ?? [], new = after.fields ?? []
        for key in Self.documentOrder(old.map(\.key), new.map(\.key)) {
            let a = old.value(key), b = new.value(key)
            if Self.entrySections.contains(key) {
                compareEntries(section: key, a?.items ?? [], b?.items ?? [])
            } else if key == "settings" {
                compareSettings(a?.fields ?? [], b?.fields ?? [])
            } else {
                compare(section: key, entity: nil, field: nil, a, b)
            }
        }
    }

    private mutating func compareSettings(_ old: [EmittedField], _ new: [EmittedField]) {
        for key in Self.documentOrder(old.map(\.key), new.map(\.key)) {
            let a = old.value(key), b = new.value(key)
            switch key {
            case "rules":
                let oldRules = a?.fields ?? [], newRules = b?.fields ?? []
                for rule in Self.documentOrder(oldRules.map(\.key), newRules.map(\.key)) {
                    compare(
                        section: "settings.rules", entity: rule, field: nil, oldRules.value(rule),
                        newRules.value(rule))
                }
            case "waive":
                compareEntries(section: "settings.waive", a?.items ?? [], b?.items ?? [])
            default:
                compare(section: "settings", entity: nil, field: key, a, b)
            }
        }
    }

    // MARK: - Entries and fields

    /// Matches the entries of a list section by identity and compares each pair.
    private mutating func compareEntries(section: String, _ old: [EmittedValue], _ new: [EmittedValue]) {
        let oldKeyed = Self.keyed(section: section, old), newKeyed = Self.keyed(section: section, new)
        for entity in Self.documentOrder(oldKeyed.map(\.key), newKeyed.map(\.key)) {
            compare(section: section, entity: entity, field: nil, oldKeyed.value(entity), newKeyed.value(entity))
        }
    }

    /// Compares one entity, field or top-level value. Maps are compared key by key, with nested
    /// keys dotted onto the field name.
    private mutating func compare(
        section: String, entity: String?, field: String?, _ old: EmittedValue?, _ new: EmittedValue?
    ) {
        let isEntity = entity != nil && field == nil
        // A top-level map (`context`, an `x-` map) that appears or disappears is reported key by
        // key; an entity that appears or disappears is one change.
        let isTopLevelMap = entity == nil && field == nil && (old?.fields != nil || new?.fields != nil)
        let oldFields = old?.fields ?? (isTopLevelMap && old == nil ? [] : nil)
        let newFields = new?.fields ?? (isTopLevelMap && new == nil ? [] : nil)
        if let oldFields, let newFields {
            for key in Self.documentOrder(oldFields.map(\.key), newFields.map(\.key)) {
                let nested = field.map { "\($0).\(key)" } ?? key
                compare(
                    section: section, entity: entity, field: nested, oldFields.value(key), newFields.value(key))
            }
            return
        }
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let added?):
            let shown = isEntity ? Self.headline(added) : Self.display(added)
            changes.append(CanvasChange(section: section, entity: entity, change: .added, field: field, after: shown))
        case (let removed?, nil):
            let shown = isEntity ? Self.headline(removed) : Self.display(removed)
            changes.append(
                CanvasChange(section: section, entity: entity, change: .removed, field: field, before: shown))
        case (let a?, let b?):
            guard Self.canonical(a) != Self.canonical(b) else { return }
            changes.append(
                CanvasChange(
                    section: section, entity: entity, change: .changed, field: field, before: Self.display(a),
                    after: Self.display(b)))
        }
    }

    // MARK: - Identity and order

    /// Each entry with the identity it is matched by; repeated identities get `#2`, `#3`…
    private static func keyed(section: String, _ entries: [EmittedValue]) -> [EmittedField] {
        var seen: [String: Int] = [:]
        return entries.enumerated().map { index, entry in
            let identity = identity(section: section, entry) ?? "#\(index + 1)"
            let count = seen[identity, default: 0] + 1
            seen[identity] = count
            return (count == 1 ? identity : "\(identity) #\(count)", entry)
        }
    }

    private static func identity(section: String, _ entry: EmittedValue) -> String? {
        let fields = entry.fields ?? []
        func text(_ key: String) -> String? { fields.value(key).map(display) }
        switch section {
        case "value_exchanges":
            guard let from = text("from"), let to = text("to") else { return nil }
            return "\(from) → \(to)"
        case "reviews": return text("by")
        case "data": return text("kpi") ?? text("file")
        case "settings.waive":
            guard let rule = text("rule") else { return nil }
            return text("subjects").map { "\(rule) (\($0))" } ?? rule
        default: return text("id")
        }
    }

    /// `after`'s keys in order, with each key only in `before` placed after the key it followed there.
    static func documentOrder(_ before: [String], _ after: [String]) -> [String] {
        var order = after
        var placed = Set(after)
        var insertAt = 0
        for key in before {
            if placed.contains(key) {
                // Present in both (or already placed): what follows goes after it.
                insertAt = (order.firstIndex(of: key) ?? insertAt - 1) + 1
            } else {
                order.insert(key, at: insertAt)
                placed.insert(key)
                insertAt += 1
            }
        }
        return order
    }

    // MARK: - Display

    /// The longest display string; longer values are cut with an ellipsis.
    static let displayLimit = 120

    /// A value as one short line: lists as `a, b`, maps as `{key: value}`.
    static func display(_ value: EmittedValue) -> String {
        let text: String
        switch value {
        case .list(let items, _): text = items.map(inline).joined(separator: ", ")
        default: text = inline(value)
        }
        guard text.count > displayLimit else { return text }
        return String(text.prefix(displayLimit - 1)) + "…"
    }

    private static func inline(_ value: EmittedValue) -> String {
        switch value {
        case .text(let s): s
        case .number(let n): EmittedValue.format(n)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .list(let items, _): "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let fields, _): "{" + fields.map { "\($0.key): \(inline($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// An entity in one line: its name, statement or similar, else nothing; an entry that is a
    /// single value (a rule set to `off`) is shown whole.
    private static func headline(_ entry: EmittedValue) -> String? {
        guard let fields = entry.fields else { return display(entry) }
        return headlineFields.lazy.compactMap { fields.value($0) }.first.map(display)
    }

    /// A form in which equal values are equal text: list items and map keys sorted, strings quoted
    /// so that `"5"` and `5` differ.
    private static func canonical(_ value: EmittedValue) -> String {
        switch value {
        case .text(let s): "\"\(s)\""
        case .number(let n): EmittedValue.format(n)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .list(let items, _): "[" + items.map(canonical).sorted().joined(separator: ",") + "]"
        case .map(let fields, _):
            "{" + fields.map { "\"\($0.key)\":\(canonical($0.value))" }.sorted().joined(separator: ",") + "}"
        }
    }
}

// MARK: - Reading the encoded tree

typealias EmittedField = (key: String, value: EmittedValue)

extension EmittedValue {
    /// The fields of a map, or nil for any other value.
    fileprivate var fields: [EmittedField]? { if case .map(let fields, _) = self { fields } else { nil } }
    /// The items of a list, or nil for any other value.
    fileprivate var items: [EmittedValue]? { if case .list(let items, _) = self { items } else { nil } }
}

extension [EmittedField] {
    fileprivate func value(_ key: String) -> EmittedValue? { first { $0.key == key }?.value }
}
