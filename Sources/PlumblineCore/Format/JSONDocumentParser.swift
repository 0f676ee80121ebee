/// A strict JSON (RFC 8259) parser that keeps the line and column of every value.
///
/// Foundation's parser forgets positions, and a canvas error must name its line and column in
/// JSON as in YAML. Nesting is limited so hostile input cannot exhaust the stack.
struct JSONDocumentParser {
    struct Failure: Error {
        var message: String
        var mark: SourceMark
        var code: CanvasIssue.Code = .syntax
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private let maxDepth: Int

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(Failure) -> DocumentNode {
        skipWhitespace()
        guard index < bytes.count else { throw fail("the document is empty", code: .emptyDocument) }
        let node = try parseValue(depth: 1)
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected \(describeCurrent()) after the end of the document") }
        return node
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(Failure) -> DocumentNode {
        guard depth <= maxDepth else {
            throw fail("nesting deeper than \(maxDepth) levels", code: .tooDeep)
        }
        let mark = here
        guard index < bytes.count else { throw fail("unexpected end of the document; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth, mark: mark)
        case UInt8(ascii: "["): return try parseArray(depth: depth, mark: mark)
        case UInt8(ascii: "\""):
            return DocumentNode(.scalar(Scalar(text: try parseString(), isQuoted: true)), mark: mark)
        case UInt8(ascii: "t"): try literal("true"); return plain("true", mark)
        case UInt8(ascii: "f"): try literal("false"); return plain("false", mark)
        case UInt8(ascii: "n"): try literal("null"); return plain("null", mark)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return plain(try parseNumber(), mark)
        default:
            throw fail("unexpected \(describeCurrent()); expected a value")
        }
    }

    private func plain(_ text: String, _ mark: SourceMark) -> DocumentNode {
        DocumentNode(.scalar(Scalar(text: text, isQuoted: false)), mark: mark)
    }

    private mutating func parseObject(depth: Int, mark: SourceMark) throws(Failure) -> DocumentNode {
        advance()  // {
        var entries: [DocumentEntry] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            advance()
            return DocumentNode(.mapping(entries), mark: mark)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                throw fail("unexpected \(describeCurrent()); expected a key in double quotes")
            }
            let keyMark = here
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw fail("unexpected \(describeCurrent()); expected ':' after the key")
            }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            entries.append(DocumentEntry(key: key, keyMark: keyMark, value: value))
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                advance()
                continue
            }
            if peek == UInt8(ascii: "}") {
                advance()
                return DocumentNode(.mapping(entries), mark: mark)
            }
            throw fail("unexpected \(describeCurrent()); expected ',' or '}'")
        }
    }

    private mutating func parseArray(depth: Int, mark: SourceMark) throws(Failure) -> DocumentNode {
        advance()  // [
        var items: [DocumentNode] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            advance()
            return DocumentNode(.sequence(items), mark: mark)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                advance()
                continue
            }
            if peek == UInt8(ascii: "]") {
                advance()
                return DocumentNode(.sequence(items), mark: mark)
            }
            throw fail("unexpected \(describeCurrent()); expected ',' or ']'")
        }
    }

    // MARK: - Tokens

    private mutating func parseString() throws(Failure) -> String {
        advance()  // opening quote
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw fail("unterminated string") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                advance()
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A || b == 0x0D {
                throw fail(
                    "unterminated string: it runs into the end of the line; close the quote, or write a line break as \\n"
                )
            }
            if b < 0x20 { throw fail("control character in a string; write it as an escape such as \\t") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                advance()
                continue
            }
            advance()
            guard index < bytes.count else { throw fail("unterminated string") }
            let e = bytes[index]
            advance()
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard peek == UInt8(ascii: "\\") else { throw fail("unpaired surrogate in \\u escape") }
                    advance()
                    guard peek == UInt8(ascii: "u") else { throw fail("unpaired surrogate in \\u escape") }
                    advance()
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("unpaired surrogate in \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let d = hexValue(bytes[index]) else {
                throw fail("expected four hexadecimal digits after \\u")
            }
            v = v * 16 + d
            advance()
        }
        return v
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws(Failure) -> String {
        let start = index
        if peek == UInt8(ascii: "-") { advance() }
        guard let d = peek, (0x30...0x39).contains(d) else { throw fail("invalid number") }
        if d == 0x30 {
            advance()
        } else {
            while let c = peek, (0x30...0x39).contains(c) { advance() }
        }
        if peek == UInt8(ascii: ".") {
            advance()
            guard let c = peek, (0x30...0x39).contains(c) else {
                throw fail("invalid number: digits expected after '.'")
            }
            while let c = peek, (0x30...0x39).contains(c) { advance() }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard let c = peek, (0x30...0x39).contains(c) else {
                throw fail("invalid number: digits expected in the exponent")
            }
            while let c = peek, (0x30...0x39).contains(c) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw fail("unexpected \(describeCurrent()); expected a value")
        }
        for _ in expected { advance() }
    }

    // MARK: - Position

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    private var here: SourceMark { SourceMark(line: line, column: column) }

    private mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    private func describeCurrent() -> String {
        guard let b = peek else { return "end of the document" }
        if b == UInt8(ascii: "'") { return "a single quote (JSON strings and keys take double quotes)" }
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private func fail(_ message: String, code: CanvasIssue.Code = .syntax) -> Failure {
        Failure(message: message, mark: here, code: code)
    }
}
