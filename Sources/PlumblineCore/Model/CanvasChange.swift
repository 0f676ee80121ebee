/// One difference between two canvases: an entity or top-level field added, removed or changed,
/// named the way format v1 names it.
///
/// A change is addressed by `section` (the top-level key: `kpis`, `title`, `context`,
/// `settings.rules`…), `entity` (the entity's id, or the identity of an entry without one, such as
/// `sales → customer` in `value_exchanges`) and `field` (the v1 field name, such as `pairs_with`;
/// nested fields are dotted, such as `ai.role` or `target.max`). A whole entity added or removed
/// has no field. `before` and `after` are short display strings, absent on the side where the value
/// is absent.
public struct CanvasChange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What happened to the entity or field.
    public enum Change: String, Hashable, Sendable, Codable {
        case added, removed, changed
    }

    /// The top-level key the change is under: `kpis`, `participants`, `title`, `context`,
    /// `settings.rules`, `settings.waive`…
    public var section: String
    /// The entity's id or identity; absent for a top-level field such as `title` or `context`.
    public var entity: String?
    public var change: Change
    /// The v1 field name, dotted inside nested maps; absent when a whole entity is added or removed
    /// and for a top-level scalar such as `title`.
    public var field: String?
    /// The value before, as a short display string.
    public var before: String?
    /// The value after, as a short display string.
    public var after: String?

    public init(
        section: String, entity: String? = nil, change: Change, field: String? = nil,
        before: String? = nil, after: String? = nil
    ) {
        self.section = section
        self.entity = entity
        self.change = change
        self.field = field
        self.before = before
        self.after = after
    }

    /// Where the change is: `kpis/signups pairs_with`, `context industry`, `title`.
    public var location: String {
        var text = section
        if let entity { text += "/\(entity)" }
        if let field { text += " \(field)" }
        return text
    }

    /// One readable line: `~ kpis/signups pairs_with: churn → churn, nps`.
    public var description: String {
        switch change {
        case .added: "+ \(location)" + (after.map { ": \($0)" } ?? "")
        case .removed: "- \(location)" + (before.map { ": \($0)" } ?? "")
        case .changed: "~ \(location): \(before ?? "(none)") → \(after ?? "(none)")"
        }
    }
}
