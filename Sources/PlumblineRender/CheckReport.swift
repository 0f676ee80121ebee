import PlumblineCore

/// One diagnosed canvas, ready to be rendered in any report format.
public struct CheckReport: Sendable {
    public var document: CanvasDocument
    public var diagnosis: Diagnosis

    public init(document: CanvasDocument, diagnosis: Diagnosis) {
        self.document = document
        self.diagnosis = diagnosis
    }

    /// Where a finding is in the canvas file: the first subject written in it, else the section
    /// its rule is about, else the top of the file.
    public func location(of finding: Finding) -> SourceMark {
        for subject in finding.subjects {
            if let mark = document.sourceMap.mark(of: subject) { return mark }
        }
        return SourceMark(line: 1, column: 1)
    }

    /// Counts of active findings by severity, and of waived ones.
    public var counts: (error: Int, warning: Int, info: Int, waived: Int) {
        let active = diagnosis.activeFindings
        return (
            active.filter { $0.severity == .error }.count, active.filter { $0.severity == .warning }.count,
            active.filter { $0.severity == .info }.count, diagnosis.findings.count - active.count
        )
    }
}

extension Evidence {
    /// "KPIs serving it: 3; path: a → b → a"
    public var summary: String {
        var parts = facts.map { "\($0.key): \($0.value.plainText)" }
        if !path.isEmpty { parts.append("path: " + path.joined(separator: " → ")) }
        return parts.joined(separator: "; ")
    }
}

extension PlainValue {
    /// The value as a person would write it in a sentence.
    public var plainText: String {
        switch self {
        case .null: "none"
        case .bool(let b): b ? "yes" : "no"
        case .number(let n):
            n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(format4: n)
        case .string(let s): s
        case .list(let items): items.isEmpty ? "none" : items.map(\.plainText).joined(separator: ", ")
        case .map(let fields): fields.map { "\($0.key) \($0.value.plainText)" }.joined(separator: ", ")
        }
    }
}

extension String {
    /// A number with at most four significant decimals, without trailing zeros.
    init(format4 n: Double) {
        var s = String((n * 10_000).rounded() / 10_000)
        if s.hasSuffix(".0") { s.removeLast(2) }
        self = s
    }
}
