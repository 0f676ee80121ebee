extension HTMLReport {
    // MARK: Pictures

    /// An SVG document placed in the page. Its fixed `width` and `height` are dropped so the
    /// stylesheet can scale it to the page width (the `viewBox` keeps its proportions).
    static func picture(_ svg: String, label: String, into out: inout HTMLWriter) {
        out.element("figure", ["class": "picture", "aria-label": label]) { out in
            out.trusted(inlineSVG(svg))
        }
    }

    /// The SVG without its XML-level size, ready to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let end = svg.firstIndex(of: ">") else { return svg }
        var root = String(svg[..<end])
        for attribute in [" width=\"", " height=\""] {
            guard let start = root.range(of: attribute),
                let close = root[start.upperBound...].firstIndex(of: "\"")
            else { continue }
            root.removeSubrange(start.lowerBound...close)
        }
        return root + svg[end...]
    }
}
