/// Escaping for user text in Markdown. A canvas's names and messages are free text: a `|` would
/// end a table cell, `*` or `_` would start emphasis, `<script>` would be raw HTML on most wikis.
enum MarkdownText {
    /// Text that renders as itself in running Markdown: punctuation with a Markdown meaning is
    /// backslash-escaped, and `<`, `>` and `&` become entities so no HTML gets through.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "!", "{", "}":
                out.append("\\")
                out.append(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A table row of escaped cells.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |\n"
    }

    /// A table header and its separator line.
    static func header(_ cells: [String]) -> String {
        row(cells) + "|" + String(repeating: "---|", count: cells.count) + "\n"
    }
}
