import Foundation

/// The commented starter canvases `plumb init` writes, one per kind, bundled as resources.
public enum StarterCanvas {
    /// The starter canvas of `kind`, titled `title`, with an id made from the title.
    public static func text(kind: CanvasKind, title: String, id: String? = nil) throws -> String {
        guard let url = Bundle.module.url(forResource: kind.rawValue, withExtension: "yaml", subdirectory: "templates")
        else {
            throw CanvasIssue(
                code: .unreadable, message: "the starter canvas for \(kind.rawValue) is missing from this build")
        }
        let template = try String(contentsOf: url, encoding: .utf8)
        let canvasID = id ?? slug(title)
        return
            template
            .replacingOccurrences(
                of: "{{ID}}",
                with: YAMLWriter.isPlainSafe(canvasID, flow: false) ? canvasID : YAMLWriter.doubleQuoted(canvasID)
            )
            .replacingOccurrences(
                of: "{{TITLE}}",
                with: YAMLWriter.isPlainSafe(title, flow: false) ? title : YAMLWriter.doubleQuoted(title))
    }

    /// A valid id from free text: "SaaS growth vs. retention" → `saas-growth-vs-retention`.
    public static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        let trimmed = String(out.prefix(64))
        return trimmed.isEmpty ? "canvas" : (trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : trimmed)
    }
}

/// Finds comments in YAML text, so `plumb fmt` can refuse to drop what a person wrote.
public enum YAMLComments {
    /// The 1-based lines that carry a comment (a `#` at the start or after a space, outside quotes).
    public static func lines(in text: String) -> [Int] {
        var result: [Int] = []
        var line = 1
        var quote: Character? = nil
        var previous: Character = "\n"
        var inComment = false
        var inBlockScalar = false
        var blockIndent = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            let indent = rawLine.prefix(while: { $0 == " " }).count
            if inBlockScalar {
                if rawLine.allSatisfy({ $0 == " " }) || indent > blockIndent { continue }
                inBlockScalar = false
            }
            inComment = false
            previous = " "
            for ch in rawLine {
                if inComment { break }
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "#" && (previous == " " || previous == "\t") {
                    result.append(line)
                    inComment = true
                } else if (ch == "\"" || ch == "'")
                    && (previous == " " || previous == "[" || previous == "{" || previous == ",")
                {
                    quote = ch
                }
                previous = ch
            }
            if quote == "'" { quote = nil }  // single-quoted scalars rarely span lines in canvases
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("|") || trimmed.hasSuffix("|-") || trimmed.hasSuffix(">") || trimmed.hasSuffix(">-") {
                inBlockScalar = true
                blockIndent = indent
            }
        }
        return result
    }
}
