import PlumblineCore

/// The key under the network: one sample of each node shape and each edge style, and how
/// findings are marked.
struct NetworkLegend {
    static let fontSize = 10.0
    static let rowHeight = 26.0
    static let padding = 10.0
    static let sample = (width: 36.0, height: 20.0)
    static let itemGap = 16.0

    static let shapes: [ParticipantType] = [.oversight, .team, .individual, .partner, .platform, .aiSystem, .customer]
    static let severities: [Severity] = [.error, .warning, .info]

    var width: Double {
        2 * Self.padding
            + max(
                Self.rowWidth(heading: "Participants", labels: Self.shapes.map(Self.name)),
                Self.rowWidth(heading: "Links", labels: NetworkPicture.EdgeKind.allCases.map { EdgeStyle.of($0).name }),
                Self.rowWidth(heading: "Findings", labels: Self.severities.map(\.rawValue)))
    }

    var height: Double { 2 * Self.padding + 3 * Self.rowHeight }

    static func name(_ type: ParticipantType) -> String { type == .aiSystem ? "AI system" : type.rawValue }

    private static func headingWidth() -> Double {
        TextMetrics.width(of: "Participants", fontSize: fontSize, bold: true) + itemGap
    }

    private static func rowWidth(heading: String, labels: [String]) -> Double {
        headingWidth()
            + labels.reduce(0) { $0 + sample.width + 6 + TextMetrics.width(of: $1, fontSize: fontSize) + itemGap }
    }

    // MARK: Drawing

    func draw(in box: Box, into doc: inout SVGDocument) {
        doc.group("g", ["class": "legend"]) { doc in
            doc.element(
                "rect",
                [
                    "x": .number(box.x), "y": .number(box.y), "width": .number(box.width),
                    "height": .number(box.height),
                    "rx": 6, "fill": .text(Palette.panel), "stroke": .text(Palette.rule),
                ])
            var row = 0
            func heading(_ text: String) -> Double {
                let y = box.y + Self.padding + Double(row) * Self.rowHeight
                doc.text(
                    text,
                    [
                        "x": .number(box.x + Self.padding), "y": .number(y + Self.rowHeight / 2 + 3.5),
                        "font-size": .number(Self.fontSize), "font-weight": "bold", "fill": .text(Palette.ink),
                    ])
                return y
            }
            func label(_ text: String, x: Double, y: Double) -> Double {
                doc.text(
                    text,
                    [
                        "x": .number(x), "y": .number(y + Self.rowHeight / 2 + 3.5),
                        "font-size": .number(Self.fontSize),
                        "fill": .text(Palette.mutedInk),
                    ])
                return x + TextMetrics.width(of: text, fontSize: Self.fontSize) + Self.itemGap
            }
            let left = box.x + Self.padding + Self.headingWidth()
            var y = heading("Participants")
            var x = left
            for type in Self.shapes {
                let sample = Box(
                    x: x, y: y + (Self.rowHeight - Self.sample.height) / 2, width: Self.sample.width,
                    height: Self.sample.height)
                NodeShape.draw(type, in: sample, stroke: Palette.mutedInk, strokeWidth: 1, into: &doc)
                x = label(Self.name(type), x: x + Self.sample.width + 6, y: y)
            }
            row += 1
            y = heading("Links")
            x = left
            for kind in NetworkPicture.EdgeKind.allCases {
                let style = EdgeStyle.of(kind)
                let mid = y + Self.rowHeight / 2
                NetworkPicture.drawLine(
                    [.init(x: x, y: mid + 5), .init(x: x + Self.sample.width, y: mid - 5)], style: style, kind: kind,
                    into: &doc)
                x = label(style.name, x: x + Self.sample.width + 6, y: y)
            }
            row += 1
            y = heading("Findings")
            x = left
            for severity in Self.severities {
                let sample = Box(
                    x: x, y: y + (Self.rowHeight - Self.sample.height) / 2, width: Self.sample.width,
                    height: Self.sample.height)
                NodeShape.draw(
                    .team, in: sample, stroke: Palette.colour(for: severity),
                    strokeWidth: NetworkPicture.highlightWidth,
                    into: &doc)
                x = label(severity.rawValue, x: x + Self.sample.width + 6, y: y)
            }
        }
    }
}
