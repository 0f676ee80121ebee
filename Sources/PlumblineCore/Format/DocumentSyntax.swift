/// The two syntaxes a canvas may be written in.
public enum DocumentSyntax: String, Sendable, CaseIterable {
    case yaml, json

    /// The syntax a file name implies, or nil when its extension says nothing.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }

    /// Guesses from the content: JSON documents start with `{` or `[`.
    static func sniff(_ bytes: [UInt8]) -> DocumentSyntax {
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            default: return .yaml
            }
        }
        return .yaml
    }
}

/// Limits that keep hostile or accidental input from exhausting memory, stack or time.
public struct ReadLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of lists and mappings accepted.
    public var maxDepth: Int
    /// Most nodes a document may expand to (YAML aliases can multiply a small file).
    public var maxNodes: Int

    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxNodes: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let standard = ReadLimits()
}

/// Turns bytes into a `DocumentNode` tree, or into issues that say why it cannot.
struct DocumentParser {
    let file: String?
    let limits: ReadLimits

    func parse(_ data: [UInt8], syntax: DocumentSyntax?) -> Result<DocumentNode, CanvasIssue> {
        guard data.count <= limits.maxBytes else {
            return .failure(
                issue(
                    .tooLarge, "the file is \(Self.size(data.count)); the limit is \(Self.size(limits.maxBytes))", nil))
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let problem = Self.textProblem(bytes) {
            return .failure(issue(.notText, problem.message, problem.mark))
        }
        switch syntax ?? DocumentSyntax.sniff(bytes) {
        case .json:
            var parser = JSONDocumentParser(bytes: bytes, maxDepth: limits.maxDepth)
            do {
                // JSON has no aliases and its size is bounded, so its node count cannot explode.
                return .success(try parser.parseDocument())
            } catch {
                return .failure(issue(error.code, error.message, error.mark))
            }
        case .yaml:
            return parseYAML(bytes)
        }
    }

    // MARK: - YAML

    private func parseYAML(_ bytes: [UInt8]) -> Result<DocumentNode, CanvasIssue> {
        // libyaml gives up on very deep flow nesting with a bare syntax error; find it first so
        // the message says what is wrong and where.
        if let mark = Self.deepNestingMark(bytes, limit: limits.maxDepth) {
            return .failure(issue(.tooDeep, "nesting deeper than \(limits.maxDepth) levels", mark))
        }
        let composer = YAMLComposer(limits: limits)
        do {
            let root = try bytes.withUnsafeBufferPointer { buffer throws(YAMLComposer.Failure) in
                try composer.compose(buffer)
            }
            guard let root else {
                return .failure(issue(.emptyDocument, "the document is empty", SourceMark(line: 1, column: 1)))
            }
            return .success(root)
        } catch {
            return .failure(issue(error.code, error.message, error.mark))
        }
    }

    /// A cheap scan for nesting depth: flow brackets outside quotes, and block indentation
    /// (each block level needs at least one more column). Returns where the limit is passed.
    static func deepNestingMark(_ bytes: [UInt8], limit: Int) -> SourceMark? {
        var flow = 0
        var line = 1
        var column = 0
        var quote: UInt8? = nil
        var atLineStart = true
        var indent = 0
        var inComment = false
        let maxIndent = limit * 4
        for b in bytes {
            if b & 0xC0 != 0x80 { column += 1 }
            if b == 0x0A {
                line += 1
                column = 0
                atLineStart = true
                indent = 0
                inComment = false
                continue
            }
            if inComment { continue }
            if atLineStart {
                if b == 0x20 || b == UInt8(ascii: "-") {
                    indent += 1
                    if indent > maxIndent { return SourceMark(line: line, column: column) }
                    continue
                }
                atLineStart = false
            }
            if let q = quote {
                if b == q { quote = nil }
                continue
            }
            switch b {
            case UInt8(ascii: "#"): inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow += 1
                if flow > limit { return SourceMark(line: line, column: column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
            default: break
            }
        }
        return nil
    }

    // MARK: - Text checks

    /// Invalid UTF-8 or control characters: the file is not a text canvas.
    static func textProblem(_ bytes: [UInt8]) -> (message: String, mark: SourceMark)? {
        var line = 1
        var column = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D || b == 0x7F {
                    return (
                        "not a text file: control byte 0x\(String(format2: b)) found",
                        SourceMark(line: line, column: column)
                    )
                }
                if b == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07)
            default:
                return (
                    "not valid UTF-8: byte 0x\(String(format2: b)) cannot start a character",
                    SourceMark(line: line, column: column)
                )
            }
            guard i + length <= n else {
                return ("not valid UTF-8: the file ends inside a character", SourceMark(line: line, column: column))
            }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else {
                    return (
                        "not valid UTF-8: byte 0x\(String(format2: c)) inside a character",
                        SourceMark(line: line, column: column)
                    )
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return ("not valid UTF-8: malformed character", SourceMark(line: line, column: column))
            }
            i += length
            column += 1
        }
        return nil
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\((Double(bytes) / Double(1 << 20) * 10).rounded() / 10) MiB" : "\(bytes) bytes"
    }

    private func issue(_ code: CanvasIssue.Code, _ message: String, _ mark: SourceMark?) -> CanvasIssue {
        CanvasIssue(file: file, line: mark?.line, column: mark?.column, code: code, message: message)
    }
}

extension String {
    /// Two upper-case hexadecimal digits.
    init(format2 byte: UInt8) {
        let s = String(byte, radix: 16, uppercase: true)
        self = s.count == 1 ? "0" + s : s
    }
}
