/// Writes an `EmittedValue` tree as YAML: block style with indented lists, short lists and
/// small mappings on one line, and text quoted whenever a YAML 1.1 or 1.2 reader might take it
/// for something else (a number, a date, a Boolean, null).
struct YAMLWriter {
    /// Longest line a compact (flow) list or mapping may take before it is written in block style.
    var maxFlowWidth = 100

    func write(_ root: EmittedValue) -> String {
        var out = ""
        guard case .map(let fields, _) = root else {
            out += inline(root) ?? scalar(root, flow: false)
            return out + "\n"
        }
        writeFields(fields, indent: 0, into: &out)
        return out
    }

    // MARK: - Block style

    private func writeFields(_ fields: [(key: String, value: EmittedValue)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in fields {
            let k = Self.key(key)
            switch value {
            case .list(let items, let compact):
                if items.isEmpty {
                    out += "\(pad)\(k): []\n"
                } else if compact, let flow = inline(value), pad.count + k.count + flow.count + 2 <= maxFlowWidth {
                    out += "\(pad)\(k): \(flow)\n"
                } else {
                    out += "\(pad)\(k):\n"
                    writeItems(items, indent: indent + 2, into: &out)
                }
            case .map(let sub, let compact):
                if sub.isEmpty {
                    out += "\(pad)\(k): {}\n"
                } else if compact, let flow = inline(value), pad.count + k.count + flow.count + 2 <= maxFlowWidth {
                    out += "\(pad)\(k): \(flow)\n"
                } else {
                    out += "\(pad)\(k):\n"
                    writeFields(sub, indent: indent + 2, into: &out)
                }
            default:
                out += "\(pad)\(k): \(scalar(value, flow: false, indent: indent + 2))\n"
            }
        }
    }

    private func writeItems(_ items: [EmittedValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(let fields, let compact):
                if fields.isEmpty {
                    out += "\(pad)- {}\n"
                } else if compact, let flow = inline(item), pad.count + flow.count + 2 <= maxFlowWidth {
                    out += "\(pad)- \(flow)\n"
                } else {
                    var nested = ""
                    writeFields(fields, indent: indent + 2, into: &nested)
                    // The first field goes on the dash's line.
                    out += "\(pad)- " + nested.dropFirst(indent + 2)
                }
            case .list(let sub, _):
                if let flow = inline(item), pad.count + flow.count + 2 <= maxFlowWidth {
                    out += "\(pad)- \(flow)\n"
                } else if sub.isEmpty {
                    out += "\(pad)- []\n"
                } else {
                    out += "\(pad)-\n"
                    writeItems(sub, indent: indent + 2, into: &out)
                }
            default:
                out += "\(pad)- \(scalar(item, flow: false, indent: indent + 2))\n"
            }
        }
    }

    // MARK: - Flow style

    /// The value on one line, or nil when it holds text that cannot be written inline.
    private func inline(_ value: EmittedValue) -> String? {
        switch value {
        case .list(let items, _):
            var parts: [String] = []
            for item in items {
                guard let s = inline(item) else { return nil }
                parts.append(s)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let fields, _):
            var parts: [String] = []
            for (k, v) in fields {
                guard let s = inline(v) else { return nil }
                parts.append("\(Self.key(k, flow: true)): \(s)")
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .text(let s) where s.contains("\n"):
            return Self.doubleQuoted(s)
        default:
            return scalar(value, flow: true)
        }
    }

    // MARK: - Scalars

    private func scalar(_ value: EmittedValue, flow: Bool, indent: Int = 0) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return EmittedValue.format(n)
        case .text(let s):
            if !flow, s.contains("\n"), let block = Self.literalBlock(s, indent: indent) { return block }
            return Self.isPlainSafe(s, flow: flow) ? s : Self.doubleQuoted(s)
        case .list, .map: return inline(value) ?? "null"
        }
    }

    static func key(_ k: String, flow: Bool = false) -> String {
        // Keys are read back as written text, so only YAML syntax matters here, not typing.
        isPlainSyntax(k, flow: flow) ? k : doubleQuoted(k)
    }

    private static let yaml11Words: Set<String> = [
        "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~", ".inf", "-.inf", "+.inf", ".nan",
    ]

    /// Text that every YAML reader takes back as the same text when written plain.
    static func isPlainSafe(_ s: String, flow: Bool) -> Bool {
        guard isPlainSyntax(s, flow: flow), let first = s.unicodeScalars.first else { return false }
        if yaml11Words.contains(s.lowercased()) { return false }
        // Anything starting like a number or a date is quoted: readers differ on 1_000, 1:20, 2026-01-31.
        if ("0"..."9").contains(first) || first == "+" || first == "." || (first == "-" && s.count > 1) { return false }
        if case .string = Scalar.resolvePlain(s) {} else { return false }
        return true
    }

    /// Whether `s` is a syntactically valid plain scalar (ignoring how it would be typed).
    static func isPlainSyntax(_ s: String, flow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        for u in s.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || u.value == 0xFEFF || (0x80...0x9F).contains(u.value) {
                return false
            }
            if u == "\u{2028}" || u == "\u{2029}" { return false }
            if flow, ",[]{}".unicodeScalars.contains(u) { return false }
        }
        return true
    }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0xFEFF
                    || u == "\u{2028}" || u == "\u{2029}"
                {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A literal block (`|`) for multi-line text, or nil when the text needs escapes.
    static func literalBlock(_ s: String, indent: Int) -> String? {
        // YAML also breaks lines at NEL, LS and PS, and normalises CR: such text is quoted instead.
        for u in s.unicodeScalars
        where (u.value < 0x20 && u != "\n") || u.value == 0x7F || u.value == 0xFEFF || u.value == 0x85
            || u == "\u{2028}" || u == "\u{2029}" || (0x80...0x9F).contains(u.value)
        {
            return nil
        }
        guard let first = s.first, first != " ", first != "\n" else { return nil }
        var body = s
        var chomp = "-"
        if body.hasSuffix("\n") {
            body.removeLast()
            chomp = body.hasSuffix("\n") ? "+" : ""
            if chomp == "+" { return nil }
        }
        let pad = String(repeating: " ", count: indent)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
        // A line of only spaces would change the block's indentation: quote such text instead.
        if body.split(separator: "\n").contains(where: { $0.allSatisfy { $0 == " " } }) { return nil }
        return "|\(chomp)\n" + lines.joined(separator: "\n")
    }
}
