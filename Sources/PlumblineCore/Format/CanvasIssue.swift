/// A problem found while reading a canvas: where it is, what was found and what was expected.
public struct CanvasIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Stable codes, for machines and tests.
    public enum Code: String, Sendable, Codable {
        case syntax = "syntax"
        case tooLarge = "too-large"
        case notText = "not-text"
        case tooDeep = "too-deep"
        case tooManyNodes = "too-many-nodes"
        case emptyDocument = "empty-document"
        case unsupportedVersion = "unsupported-version"
        case missingField = "missing-field"
        case unknownField = "unknown-field"
        case duplicateKey = "duplicate-key"
        case wrongType = "wrong-type"
        case invalidEnum = "invalid-enum"
        case invalidID = "invalid-id"
        case duplicateID = "duplicate-id"
        case unknownReference = "unknown-reference"
        case wrongReferenceKind = "wrong-reference-kind"
        case invalidDate = "invalid-date"
        case invalidDuration = "invalid-duration"
        case invalidPeriod = "invalid-period"
        case invalidNumber = "invalid-number"
        case outOfRange = "out-of-range"
        case inconsistent = "inconsistent"
        case unknownRule = "unknown-rule"
        case unreadable = "unreadable"
    }

    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The field path, e.g. `kpis[3].accountable`; empty for the document as a whole.
    public var path: String
    public var code: Code
    /// What is wrong, naming what was found.
    public var message: String
    /// What the format expects there.
    public var expected: String?
    /// The closest valid value ("did you mean …").
    public var suggestion: String?

    public init(
        file: String? = nil, line: Int? = nil, column: Int? = nil, path: String = "", code: Code,
        message: String, expected: String? = nil, suggestion: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.code = code
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
    }

    /// `file:line:column: path: message; expected …; did you mean 'x'?`
    public var description: String {
        var location = file ?? "<input>"
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): "
        if !path.isEmpty { text += "\(path): " }
        text += message
        if let expected { text += "; expected \(expected)" }
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }
}

/// Thrown when a canvas cannot be read: every problem found, in document order.
public struct CanvasReadError: Error, Sendable, CustomStringConvertible {
    public var issues: [CanvasIssue]
    public init(issues: [CanvasIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
