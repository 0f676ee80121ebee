/// An SVG document written element by element. Every attribute value and text run is escaped
/// here, so callers pass plain strings and never build markup by hand.
public struct SVGDocument: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []
    private var depth = 1

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    // MARK: Elements

    /// An element with no children, such as `rect`, `line` or `path`.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        body.append(indent + "<" + name + Self.render(attributes) + "/>")
    }

    /// An element with no children whose attributes are only known at run time (some present
    /// only in some cases); written in the order given.
    public mutating func element(_ name: String, _ attributes: [(String, SVGValue)]) {
        var out = indent + "<" + name
        for (key, value) in attributes { out += " " + key + "=\"" + Self.escape(value.text) + "\"" }
        body.append(out + "/>")
    }

    /// An element holding one run of text, such as `text`, `tspan` or `title`.
    public mutating func text(
        _ content: String, element name: String = "text", _ attributes: KeyValuePairs<String, SVGValue> = [:]
    ) {
        body.append(indent + "<" + name + Self.render(attributes) + ">" + Self.escape(content) + "</" + name + ">")
    }

    /// A container element (`g`, `a`, `defs`…) whose children `content` writes.
    public mutating func group(
        _ name: String = "g", _ attributes: KeyValuePairs<String, SVGValue> = [:], content: (inout SVGDocument) -> Void
    ) {
        body.append(indent + "<" + name + Self.render(attributes) + ">")
        depth += 1
        content(&self)
        depth -= 1
        body.append(indent + "</" + name + ">")
    }

    /// Markup already written by another `SVGDocument` (for nesting one picture in another).
    public mutating func embed(_ other: SVGDocument, x: Double, y: Double) {
        group("g", ["transform": .text("translate(\(SVGValue.format(x)) \(SVGValue.format(y)))")]) { doc in
            for line in other.body { doc.body.append(doc.indent + line.drop(while: { $0 == " " })) }
        }
    }

    /// The finished document, with its XML declaration-free `svg` root and a stylesheet.
    public func rendered(title: String, style: String = "") -> String {
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGValue.format(width)) "
            + "\(SVGValue.format(height))\" width=\"\(SVGValue.format(width))\" height=\"\(SVGValue.format(height))\" "
            + "role=\"img\" font-family=\"\(TextMetrics.fontFamily)\">\n"
        out += "  <title>" + Self.escape(title) + "</title>\n"
        if !style.isEmpty { out += "  <style>" + Self.escape(style) + "</style>\n" }
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    // MARK: Escaping

    /// Text safe inside an XML element or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters other than tab and newline are not allowed in XML 1.0 at all.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private static func render(_ attributes: KeyValuePairs<String, SVGValue>) -> String {
        var out = ""
        for (key, value) in attributes {
            out += " " + key + "=\"" + escape(value.text) + "\""
        }
        return out
    }
}

/// An attribute value: a number written compactly, or text.
public enum SVGValue: Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case number(Double)
    case text(String)

    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(stringLiteral value: String) { self = .text(value) }

    var text: String {
        switch self {
        case .number(let n): Self.format(n)
        case .text(let s): s
        }
    }

    /// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `-0.25`.
    public static func format(_ n: Double) -> String {
        guard n.isFinite else { return "0" }
        let hundredths = (n * 100).rounded()
        if hundredths == 0 { return "0" }
        let whole = Int64(hundredths / 100)
        let fraction = Int64(abs(hundredths.truncatingRemainder(dividingBy: 100)))
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        if fraction == 0 { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + digits
    }
}
