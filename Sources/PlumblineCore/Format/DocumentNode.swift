/// The syntax tree both readers produce: YAML and JSON become the same nodes, each with its
/// position, so one decoder validates both and reports lines and columns for both.
struct DocumentNode: Sendable {
    enum Content: Sendable {
        case scalar(Scalar)
        case sequence([DocumentNode])
        case mapping([DocumentEntry])
    }

    var content: Content
    var mark: SourceMark?

    init(_ content: Content, mark: SourceMark? = nil) {
        self.content = content
        self.mark = mark
    }

    /// What this node is, for "found …" in messages.
    var shapeDescription: String {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: "nothing (null)"
            case .bool(let b): "the Boolean \(b)"
            case .number: "the number \(s.text)"
            case .string(let t): "the text '\(t.count > 40 ? String(t.prefix(40)) + "…" : t)'"
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// One key and value of a mapping node.
struct DocumentEntry: Sendable {
    var key: String
    var keyMark: SourceMark?
    var value: DocumentNode
}

/// A scalar as written. Quoted scalars are always text; plain ones are resolved as YAML 1.2's
/// core schema does (null, Boolean, number, otherwise text), which JSON's literals also follow.
struct Scalar: Sendable {
    var text: String
    var isQuoted: Bool

    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
    }

    var resolved: Resolved {
        if isQuoted { return .string(text) }
        return Self.resolvePlain(text)
    }

    static func resolvePlain(_ text: String) -> Resolved {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if let n = parseNumber(text) { return .number(n) }
        return .string(text)
    }

    /// Decimal, `0x` hexadecimal and `0o` octal numbers as YAML 1.2 and JSON write them.
    static func parseNumber(_ text: String) -> Double? {
        let u = Array(text.utf8)
        guard let first = u.first else { return nil }
        if u.count > 2, u[0] == 0x30, u[1] == 0x78 || u[1] == 0x6F {
            return Int(String(decoding: u[2...], as: UTF8.self), radix: u[1] == 0x78 ? 16 : 8)
                .map(Double.init)
        }
        // [-+]? ( \.[0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var i = 0
        if first == 0x2B || first == 0x2D { i += 1 }
        func digits() -> Int {
            let s = i
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1 }
            return i - s
        }
        let intDigits = digits()
        var fracDigits = 0
        if i < u.count, u[i] == 0x2E {
            i += 1
            fracDigits = digits()
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if i < u.count, u[i] == 0x65 || u[i] == 0x45 {
            i += 1
            if i < u.count, u[i] == 0x2B || u[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == u.count else { return nil }
        return Double(text)
    }
}
