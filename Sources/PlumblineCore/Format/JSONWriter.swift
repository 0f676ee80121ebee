/// Writes an `EmittedValue` tree as JSON with two-space indentation, keeping short lists of
/// ids on one line so diffs stay small.
struct JSONWriter {
    var maxInlineWidth = 100

    func write(_ root: EmittedValue) -> String {
        var out = ""
        write(root, indent: 0, into: &out)
        return out + "\n"
    }

    private func write(_ value: EmittedValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case .list(let items, let compact):
            if items.isEmpty { out += "[]"; return }
            if compact, items.allSatisfy(\.isScalar) {
                let line = "[" + items.map(scalar).joined(separator: ", ") + "]"
                if indent + line.count <= maxInlineWidth { out += line; return }
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 2, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .map(let fields, _):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, field) in fields.enumerated() {
                out += pad + Self.string(field.key) + ": "
                write(field.value, indent: indent + 2, into: &out)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            out += scalar(value)
        }
    }

    private func scalar(_ value: EmittedValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.isFinite ? EmittedValue.format(n) : "null"
        case .text(let s): Self.string(s)
        case .list, .map: "null"
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u == "\u{2028}" || u == "\u{2029}" {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
