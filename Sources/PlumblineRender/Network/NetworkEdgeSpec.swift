import PlumblineCore

/// An edge to draw, read off the canvas before layout: its kind, ends, label and tooltip.
struct NetworkEdgeSpec: Sendable {
    var kind: NetworkPicture.EdgeKind
    var from: ParticipantID
    var to: ParticipantID
    var label: String?
    var title: String

    /// Every edge of the canvas, in a fixed order (reporting lines, escalations, value
    /// exchanges, mechanisms, feedback loops; each in canvas order). Edges naming a participant
    /// the canvas does not have, and edges from a participant to itself, are left out: there is
    /// nothing to draw them between. Mechanisms and feedback loops can name the same pair many
    /// times; they become one edge per pair whose tooltip lists them all.
    static func all(in canvas: Canvas) -> [NetworkEdgeSpec] {
        var names: [ParticipantID: String] = [:]
        for p in canvas.participants where names[p.id] == nil { names[p.id] = p.name }
        var specs: [NetworkEdgeSpec] = []
        var merged: [String: Int] = [:]
        func add(
            _ kind: NetworkPicture.EdgeKind, _ from: ParticipantID?, _ to: ParticipantID?, label: String? = nil,
            title: String, mergeable: Bool = false
        ) {
            guard let from, let to, from != to, let a = names[from], let b = names[to] else { return }
            let key = kind.rawValue + "\u{0}" + from.rawValue + "\u{0}" + to.rawValue
            if mergeable, let i = merged[key] {
                specs[i].title += "; " + title
                return
            }
            if mergeable { merged[key] = specs.count }
            specs.append(NetworkEdgeSpec(kind: kind, from: from, to: to, label: label, title: "\(a) → \(b): \(title)"))
        }
        for p in canvas.participants { add(.reportsTo, p.id, p.reportsTo, title: "reports to") }
        for p in canvas.participants { add(.escalatesTo, p.id, p.escalatesTo, title: "escalates to", mergeable: true) }
        for m in canvas.mechanisms {
            add(.escalatesTo, m.owner, m.escalatesTo, title: "escalates \(m.name ?? m.id.rawValue)", mergeable: true)
        }
        for v in canvas.valueExchanges {
            add(
                .valueExchange, v.from, v.to, label: v.value,
                title: v.value + (v.kind.map { " (\($0.rawValue))" } ?? ""))
        }
        for m in canvas.mechanisms {
            for covered in m.coveredParticipants {
                add(
                    .mechanism, m.owner, covered, title: "\(m.kind.rawValue) \(m.name ?? m.id.rawValue)",
                    mergeable: true)
            }
        }
        for loop in canvas.feedbackLoops {
            let kpis = loop.kpis.map(\.rawValue).joined(separator: ", ")
            for target in loop.reportedTo {
                add(
                    .feedbackLoop, loop.collectedBy, target, title: "feedback \(loop.id.rawValue) [\(kpis)]",
                    mergeable: true)
            }
        }
        return specs
    }
}
