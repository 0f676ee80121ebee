/// Text measurement without a font engine. Widths are estimated from per-character advance
/// classes of a common sans-serif face, rounded up so a line measured to fit really fits in any
/// of the fonts `fontFamily` names: a label may end a little short of its box, never past it.
public enum TextMetrics {
    /// The font stack every picture uses; the estimates below are for its widest member.
    public static let fontFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif"

    /// The estimated width of `text` at `fontSize` (in the same unit as the picture).
    public static func width(of text: some StringProtocol, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text { ems += advance(of: character) }
        return ems * fontSize * (bold ? 1.07 : 1.0)
    }

    /// The line height used for wrapped text.
    public static func lineHeight(fontSize: Double) -> Double { fontSize * 1.25 }

    /// Splits `text` into at most `maxLines` lines no wider than `width`, breaking at spaces and
    /// hyphens, breaking inside a word only when the word alone is too wide. When the text does
    /// not fit, the last line ends in "…".
    public static func wrap(
        _ text: String, width: Double, fontSize: Double, bold: Bool = false, maxLines: Int = .max
    ) -> [String] {
        guard maxLines > 0, width > 0 else { return [] }
        let fits = { (line: String) in Self.width(of: line, fontSize: fontSize, bold: bold) <= width }
        var lines: [String] = []
        var current = ""
        for word in words(of: text) {
            let candidate = current.isEmpty ? word : current + word
            if fits(candidate.trimmingTrailingSpace) {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current.trimmingTrailingSpace) }
            current = ""
            // A word wider than the line on its own is cut wherever it has to be.
            var rest = Substring(word)
            while !rest.isEmpty, !fits(String(rest).trimmingTrailingSpace) {
                var piece = ""
                for character in rest {
                    if !fits(piece + String(character)) { break }
                    piece.append(character)
                }
                if piece.isEmpty { piece = String(rest.prefix(1)) }
                lines.append(piece)
                rest = rest.dropFirst(piece.count)
            }
            current = String(rest)
        }
        if !current.trimmingTrailingSpace.isEmpty { lines.append(current.trimmingTrailingSpace) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = ellipsized(lines[maxLines - 1] + " …", width: width, fontSize: fontSize, bold: bold)
        }
        return lines
    }

    /// `text` cut to fit `width`, ending in "…" when anything was cut.
    public static func ellipsized(_ text: String, width: Double, fontSize: Double, bold: Bool = false) -> String {
        if Self.width(of: text, fontSize: fontSize, bold: bold) <= width { return text }
        var kept = Substring(text)
        while !kept.isEmpty {
            kept = kept.dropLast()
            let candidate = kept.trimmingTrailingSpace + "…"
            if Self.width(of: candidate, fontSize: fontSize, bold: bold) <= width { return candidate }
        }
        return ""
    }

    // MARK: Internals

    /// Words with the separator that follows them kept attached, so joining them restores the text.
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character == "\n" || character == "\t" {
                current.append(" ")
            } else {
                current.append(character)
            }
            if character == " " || character == "-" || character == "/" || character == "\n" {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Advance widths in ems, grouped as in Helvetica/Arial and rounded up.
    private static func advance(of character: Character) -> Double {
        switch character {
        case "i", "j", "l", "'", "|", "!", ".", ",", ":", ";", "I": 0.28
        case " ", "f", "t", "r", "(", ")", "[", "]", "/", "\\", "-": 0.36
        case "m", "M", "W": 0.89
        case "w", "@", "%": 0.80
        case "A"..."Z": 0.72
        case "0"..."9", "a"..."z", "$", "#", "?", "_": 0.57
        case "…": 1.0
        default:
            // Wide scripts (CJK, emoji) take a full em; other letters are treated as capitals.
            character.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? 1.0 : 0.72
        }
    }
}

extension StringProtocol {
    fileprivate var trimmingTrailingSpace: String {
        var s = String(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
