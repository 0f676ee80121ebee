/// HTML written element by element. Text and attribute values always go through `escape`, so a
/// KPI named `<script>` arrives as text; only the report's own fixed markup and finished SVG
/// documents (escaped by `SVGDocument`) are written raw.
struct HTMLWriter {
    private(set) var html = ""

    // MARK: Elements

    /// An element holding only text.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        html += "<" + name + Self.render(attributes) + ">" + Self.escape(text) + "</" + name + ">"
    }

    /// An element whose children `content` writes.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: (inout HTMLWriter) -> Void
    ) {
        html += "<" + name + Self.render(attributes) + ">"
        content(&self)
        html += "</" + name + ">\n"
    }

    /// Escaped text.
    mutating func text(_ text: String) { html += Self.escape(text) }

    /// Markup that is already safe: the report's fixed skeleton, or an SVG document.
    mutating func trusted(_ markup: String) { html += markup }

    // MARK: Escaping

    /// Text safe inside an element or a double-quoted attribute.
    static func escape(_ text: String) -> String { SVGDocument.escape(text) }

    private static func render(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " " + $0.key + "=\"" + escape($0.value) + "\"" }.joined()
    }
}
