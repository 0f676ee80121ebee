/// Turns a document tree into a `Canvas`, collecting every problem instead of stopping at the
/// first, so a person fixing a file sees the whole list at once.
///
/// Decoding runs in two passes: the first collects every id with its kind (ids share one
/// namespace and may be referenced before they are defined), the second reads every field and
/// checks each reference against that table.
final class CanvasDecoder {
    struct IDRecord {
        var kind: EntityKind
        var path: String
        var mark: SourceMark?
        /// For participants: the `type` as written, to check references that need an AI system.
        var participantType: String?
    }

    let file: String?
    private(set) var issues: [CanvasIssue] = []
    var sourceMap = SourceMap()
    var ids: [String: IDRecord] = [:]
    var idsByKind: [EntityKind: [String]] = [:]
    /// How many more did-you-mean suggestions may be computed (see `suggest`).
    var suggestionsLeft = 200

    init(file: String?) { self.file = file }

    // MARK: - Reporting

    func report(
        _ code: CanvasIssue.Code, at mark: SourceMark?, path: String, _ message: String,
        expected: String? = nil, suggestion: String? = nil
    ) {
        issues.append(
            CanvasIssue(
                file: file, line: mark?.line, column: mark?.column, path: path, code: code,
                message: message, expected: expected, suggestion: suggestion))
    }

    /// Takes an issue found by another decoder working on part of this document.
    func adopt(_ issue: CanvasIssue) { issues.append(issue) }

    /// A did-you-mean suggestion, computed for the first few hundred problems only so a file
    /// full of bad references cannot make validation quadratic.
    func suggest(_ word: String, among candidates: [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestion.closest(to: word, among: candidates)
    }

    // MARK: - Scalars

    /// The text of a scalar, for string fields. Numbers and Booleans written plain are accepted
    /// as their text (a name may well be `2026`); lists, mappings and null are not.
    func text(
        _ node: DocumentNode, path: @autoclosure () -> String, expected: @autoclosure () -> String = "text"
    ) -> String? {
        guard case .scalar(let s) = node.content, s.resolved != .null else {
            report(.wrongType, at: node.mark, path: path(), "found \(node.shapeDescription)", expected: expected())
            return nil
        }
        return s.text
    }

    func number(
        _ node: DocumentNode, path: @autoclosure () -> String, expected: @autoclosure () -> String = "a number"
    ) -> Double? {
        guard case .scalar(let s) = node.content, case .number(let n) = s.resolved else {
            report(.wrongType, at: node.mark, path: path(), "found \(node.shapeDescription)", expected: expected())
            return nil
        }
        guard n.isFinite else {
            report(.invalidNumber, at: node.mark, path: path(), "found \(s.text)", expected: "a finite number")
            return nil
        }
        return n
    }

    func bool(_ node: DocumentNode, path: @autoclosure () -> String) -> Bool? {
        guard case .scalar(let s) = node.content, case .bool(let b) = s.resolved else {
            report(.wrongType, at: node.mark, path: path(), "found \(node.shapeDescription)", expected: "true or false")
            return nil
        }
        return b
    }

    func enumeration<E: CanvasEnumeration>(
        _ node: DocumentNode, path: @autoclosure () -> String, as type: E.Type = E.self
    ) -> E? {
        guard let raw = text(node, path: path(), expected: "one of \(E.choices.joined(separator: ", "))") else {
            return nil
        }
        if let value = E(rawValue: raw) { return value }
        report(
            .invalidEnum, at: node.mark, path: path(), "'\(raw)' is not a valid \(E.meaning)",
            expected: "one of \(E.choices.joined(separator: ", "))",
            suggestion: suggest(raw, among: E.choices))
        return nil
    }

    /// Checks that `raw` names an entity of one of `kinds`; reports unknown or wrongly-typed ids.
    func resolves(
        _ raw: String, to kinds: [EntityKind], node: DocumentNode, path: @autoclosure () -> String
    ) -> EntityKind? {
        if let record = ids[raw], kinds.contains(record.kind) { return record.kind }
        // Only a bad reference pays for building the message and the candidate list.
        let wanted = kinds.map(\.withArticle).joined(separator: " or ")
        let candidates = kinds.flatMap { idsByKind[$0] ?? [] }
        guard let record = ids[raw] else {
            report(
                .unknownReference, at: node.mark, path: path(),
                "'\(raw)' does not name any \(kinds.map(\.displayName).joined(separator: " or ")) in this canvas",
                expected: "the id of \(wanted)", suggestion: suggest(raw, among: candidates))
            return nil
        }
        guard kinds.contains(record.kind) else {
            report(
                .wrongReferenceKind, at: node.mark, path: path(),
                "'\(raw)' is \(record.kind.withArticle) (\(record.path)), not \(wanted)",
                expected: "the id of \(wanted)", suggestion: suggest(raw, among: candidates))
            return nil
        }
        return record.kind
    }

    func reference<T>(_ node: DocumentNode, path: @autoclosure () -> String, kind: EntityKind) -> Identifier<T>? {
        guard let raw = text(node, path: path(), expected: "the id of \(kind.withArticle)") else { return nil }
        return resolves(raw, to: [kind], node: node, path: path()) == nil ? nil : Identifier<T>(raw)
    }

    // MARK: - Collections

    /// The items of a list; null or absent is an empty list.
    func items(_ node: DocumentNode, path: String, expected: String) -> [DocumentNode]? {
        switch node.content {
        case .sequence(let items): return items
        case .scalar(let s) where s.resolved == .null: return []
        default:
            var hint = ""
            if case .scalar(let s) = node.content { hint = "; write it as a list: [\(s.text)]" }
            report(.wrongType, at: node.mark, path: path, "found \(node.shapeDescription)\(hint)", expected: expected)
            return nil
        }
    }

    /// Each item decoded with `decodeItem`; items that fail are left out (their issues reported).
    func list<T>(
        _ node: DocumentNode, path: String, expected: String, _ decodeItem: (DocumentNode, String) -> T?
    ) -> [T] {
        guard let items = items(node, path: path, expected: expected) else { return [] }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let value = decodeItem(item, "\(path)[\(i)]") { out.append(value) }
        }
        return out
    }

    // MARK: - Free-form values

    /// An `x-` field or a rule parameter, kept as written.
    func plainValue(_ node: DocumentNode) -> PlainValue {
        switch node.content {
        case .scalar(let s):
            switch s.resolved {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .number(let n): return n.isFinite ? .number(n) : .string(s.text)
            case .string(let t): return .string(t)
            }
        case .sequence(let items): return .list(items.map(plainValue))
        case .mapping(let entries): return .map(entries.map { PlainField($0.key, plainValue($0.value)) })
        }
    }
}

/// Reads the fields of one mapping: each field is taken at most once, and `finish` reports the
/// ones nobody took as unknown (unless they are `x-` extensions, which it returns).
final class FieldReader {
    let decoder: CanvasDecoder
    let path: String
    let mark: SourceMark?
    /// The entries in written order, duplicates left out, and which of them were taken.
    private var order: [DocumentEntry] = []
    private var taken: [Bool] = []
    /// Positions by key, built only for large mappings: entities have a few dozen fields at most,
    /// and comparing that many short strings is cheaper than hashing them.
    private var positions: [String: Int]?
    private static let hashingThreshold = 24

    /// Nil, with an issue reported, when `node` is not a mapping.
    init?(_ node: DocumentNode, path: String, decoder: CanvasDecoder, expected: @autoclosure () -> String) {
        guard case .mapping(let list) = node.content else {
            decoder.report(
                .wrongType, at: node.mark, path: path, "found \(node.shapeDescription)", expected: expected())
            return nil
        }
        self.decoder = decoder
        self.path = path
        self.mark = node.mark
        order.reserveCapacity(list.count)
        if list.count > Self.hashingThreshold { positions = Dictionary(minimumCapacity: list.count) }
        for entry in list {
            if let first = position(of: entry.key) {
                decoder.report(
                    .duplicateKey, at: entry.keyMark, path: child(entry.key),
                    "the field '\(entry.key)' is given twice (first at line \(order[first].keyMark?.line ?? 0))")
                continue
            }
            positions?[entry.key] = order.count
            order.append(entry)
        }
        taken = Array(repeating: false, count: order.count)
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return order.firstIndex { $0.key == key }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The entry for `key`, without marking it taken (for the id pre-pass).
    func peek(_ key: String) -> DocumentEntry? { position(of: key).map { order[$0] } }

    /// The value of `key`, or nil when absent or written as null.
    func take(_ key: String) -> DocumentNode? {
        guard let i = position(of: key) else { return nil }
        taken[i] = true
        let e = order[i]
        if case .scalar(let s) = e.value.content, s.resolved == .null { return nil }
        return e.value
    }

    func takeEntry(_ key: String) -> DocumentEntry? {
        guard let i = position(of: key) else { return nil }
        taken[i] = true
        return order[i]
    }

    /// The value of a required field; reports it missing otherwise.
    func require(_ key: String, expected: String) -> DocumentNode? {
        if let node = take(key) { return node }
        decoder.report(
            .missingField, at: peek(key)?.keyMark ?? mark, path: child(key),
            "the required field '\(key)' is missing", expected: expected)
        return nil
    }

    // MARK: Typed fields

    func string(_ key: String) -> String? {
        take(key).flatMap { decoder.text($0, path: child(key)) }
    }

    func requiredString(_ key: String) -> String? {
        require(key, expected: "text").flatMap { decoder.text($0, path: child(key)) }
    }

    func enumeration<E: CanvasEnumeration>(_ key: String, required: Bool = false) -> E? {
        let node = required ? require(key, expected: "one of \(E.choices.joined(separator: ", "))") : take(key)
        return node.flatMap { decoder.enumeration($0, path: child(key)) }
    }

    func number(_ key: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = take(key), let n = decoder.number(node, path: child(key)) else { return nil }
        if let range, !range.contains(n) {
            decoder.report(
                .outOfRange, at: node.mark, path: child(key), "\(Self.format(n)) is out of range",
                expected: "a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
            return nil
        }
        return n
    }

    func integer(_ key: String, atLeast minimum: Int) -> Int? {
        guard let node = take(key),
            let n = decoder.number(node, path: child(key), expected: "a whole number ≥ \(minimum)")
        else { return nil }
        guard n == n.rounded(), n >= Double(minimum), n < 1e9 else {
            decoder.report(
                .outOfRange, at: node.mark, path: child(key), "\(Self.format(n)) is not allowed",
                expected: "a whole number ≥ \(minimum)")
            return nil
        }
        return Int(n)
    }

    func bool(_ key: String) -> Bool? { take(key).flatMap { decoder.bool($0, path: child(key)) } }

    func strings(_ key: String) -> [String] {
        guard let node = take(key) else { return [] }
        return decoder.list(node, path: child(key), expected: "a list of text items") { item, p in
            decoder.text(item, path: p)
        }
    }

    func enumerations<E: CanvasEnumeration>(_ key: String) -> [E] {
        guard let node = take(key) else { return [] }
        return decoder.list(node, path: child(key), expected: "a list of \(E.meaning) names") { item, p in
            decoder.enumeration(item, path: p)
        }
    }

    func reference<T>(_ key: String, kind: EntityKind, required: Bool = false) -> Identifier<T>? {
        let node = required ? require(key, expected: "the id of \(kind.withArticle)") : take(key)
        return node.flatMap { decoder.reference($0, path: child(key), kind: kind) }
    }

    func references<T>(_ key: String, kind: EntityKind, required: Bool = false) -> [Identifier<T>] {
        let node = required ? require(key, expected: "a list of \(kind.displayName) ids") : take(key)
        guard let node else { return [] }
        return decoder.list(node, path: child(key), expected: "a list of \(kind.displayName) ids") { item, p in
            decoder.reference(item, path: p, kind: kind)
        }
    }

    func date(_ key: String) -> CalendarDate? {
        guard let node = take(key),
            let raw = decoder.text(node, path: child(key), expected: "a date such as 2026-01-31")
        else { return nil }
        if let d = CalendarDate(raw) { return d }
        decoder.report(
            .invalidDate, at: node.mark, path: child(key), "'\(raw)' is not a valid date",
            expected: "an ISO 8601 date such as 2026-01-31")
        return nil
    }

    func duration(_ key: String) -> TimeSpan? {
        guard let node = take(key), let raw = decoder.text(node, path: child(key), expected: "a duration such as 48h")
        else { return nil }
        if let d = TimeSpan(raw) { return d }
        decoder.report(
            .invalidDuration, at: node.mark, path: child(key), "'\(raw)' is not a valid duration",
            expected: "a number followed by h, d, w or m (hours, days, weeks, months), such as 48h or 2w")
        return nil
    }

    /// The id of the entity this mapping defines (checked for form and uniqueness in the pre-pass).
    func entityID<T>() -> Identifier<T>? {
        require("id", expected: "an id: 1–64 characters of a-z 0-9 - _ .").flatMap {
            decoder.text($0, path: child("id"), expected: "an id").map { Identifier<T>($0) }
        }
    }

    // MARK: Finish

    /// Reports every field nobody took, unless it is an `x-` extension; returns the extensions.
    func finish(known: [String]) -> Extensions {
        var extensions: Extensions = []
        for (i, entry) in order.enumerated() where !taken[i] {
            if entry.key.hasPrefix("x-") {
                extensions.append(PlainField(entry.key, decoder.plainValue(entry.value)))
                continue
            }
            decoder.report(
                .unknownField, at: entry.keyMark, path: child(entry.key), "unknown field '\(entry.key)'",
                expected: "one of \(known.joined(separator: ", ")), or an extension field starting with x-",
                suggestion: decoder.suggest(entry.key, among: known))
        }
        return extensions
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }
}
