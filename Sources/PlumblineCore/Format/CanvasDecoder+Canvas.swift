extension CanvasDecoder {
    /// Decodes a whole canvas; nil when any issue was found.
    func decodeCanvas(_ root: DocumentNode) -> Canvas? {
        guard
            let r = FieldReader(
                root, path: "", decoder: self,
                expected: "a canvas: a mapping with plumbline, kind, title and its sections")
        else { return nil }

        checkVersion(r)
        collectIDs(r)

        let kind: CanvasKind? = r.enumeration("kind", required: true)
        var canvasID: String? = nil
        if let node = r.take("id"), let raw = text(node, path: "id", expected: "an id") {
            if Identifier<Canvas>.isWellFormed(raw) {
                canvasID = raw
            } else {
                report(.invalidID, at: node.mark, path: "id", "'\(raw)' is not a valid id", expected: Self.idRule)
            }
        }
        let title = r.requiredString("title")
        let summary = r.string("summary")
        let context = decodeContext(r)

        func section<T>(_ key: String, _ expected: String, _ decodeItem: (DocumentNode, String) -> T?) -> [T] {
            if let mark = r.peek(key)?.keyMark { sourceMap.sections[key] = mark }
            guard let node = r.take(key) else { return [] }
            return list(node, path: key, expected: expected, decodeItem)
        }
        let objectives = section("objectives", "a list of objectives", decodeObjective)
        let participants = section("participants", "a list of participants", decodeParticipant)
        if let mark = r.peek("kpis")?.keyMark { sourceMap.sections["kpis"] = mark }
        let kpis =
            r.take("kpis").map { parallelList($0, path: "kpis", expected: "a list of KPIs", CanvasDecoder.decodeKPI) }
            ?? []
        let exchanges = section("value_exchanges", "a list of value exchanges", decodeValueExchange)
        let mechanisms = section("mechanisms", "a list of mechanisms", decodeMechanism)
        let loops = section("feedback_loops", "a list of feedback loops", decodeFeedbackLoop)
        let incentives = section("incentives", "a list of incentives", decodeIncentive)
        let risks = section("risks", "a list of risks", decodeRisk)
        let reviews = section("reviews", "a list of reviews", decodeReview)
        let data = section("data", "a list of data entries ({file: …} or {kpi: …, values: …})", decodeDataSource)
        let settings = r.take("settings").flatMap { decodeSettings($0, path: "settings") } ?? Settings()
        let extensions = r.finish(known: CanvasFields.topLevel)

        guard issues.isEmpty, let kind, let title else { return nil }
        return Canvas(
            kind: kind, id: canvasID, title: title, summary: summary, context: context,
            objectives: objectives, participants: participants, kpis: kpis, valueExchanges: exchanges,
            mechanisms: mechanisms, feedbackLoops: loops, incentives: incentives, risks: risks,
            reviews: reviews, data: data, settings: settings, extensions: extensions)
    }

    static let idRule = "an id: 1–64 characters of a-z 0-9 - _ . starting with a letter or digit"

    private func checkVersion(_ r: FieldReader) {
        guard let entry = r.takeEntry("plumbline") else {
            report(
                .missingField, at: r.mark, path: "plumbline",
                "the required field 'plumbline' is missing", expected: "plumbline: 1 at the top of the document")
            return
        }
        let node = entry.value
        if case .scalar(let s) = node.content, case .number(let n) = s.resolved, n == 1 { return }
        if case .scalar(let s) = node.content, s.isQuoted, s.text == "1" {
            report(
                .unsupportedVersion, at: node.mark, path: "plumbline",
                "the version is written as text ('1'); it must be the number 1, without quotes",
                expected: "plumbline: \(Canvas.formatVersion)")
            return
        }
        let found: String = if case .scalar(let s) = node.content { "'\(s.text)'" } else { node.shapeDescription }
        report(
            .unsupportedVersion, at: node.mark, path: "plumbline",
            "format version \(found) is not supported; this version of Plumbline reads format version \(Canvas.formatVersion)",
            expected: "plumbline: \(Canvas.formatVersion)")
    }

    /// First pass: every id, its kind and where it is; malformed and duplicate ids reported here.
    private func collectIDs(_ r: FieldReader) {
        for (key, kind) in CanvasFields.idSections {
            guard let entry = r.peek(key), case .sequence(let items) = entry.value.content else { continue }
            for (i, item) in items.enumerated() {
                guard case .mapping(let fields) = item.content,
                    let idEntry = fields.first(where: { $0.key == "id" }),
                    case .scalar(let s) = idEntry.value.content, s.resolved != .null
                else { continue }
                let raw = s.text
                let path = "\(key)[\(i)].id"
                if !Identifier<Canvas>.isWellFormed(raw) {
                    report(
                        .invalidID, at: idEntry.value.mark, path: path, "'\(raw)' is not a valid id",
                        expected: Self.idRule)
                }
                if let first = ids[raw] {
                    report(
                        .duplicateID, at: idEntry.value.mark, path: path,
                        "the id '\(raw)' is already used by \(first.kind.withArticle) at \(first.path) (line \(first.mark?.line ?? 0))",
                        expected: "an id unique across the whole canvas")
                    continue
                }
                var record = IDRecord(kind: kind, path: "\(key)[\(i)]", mark: item.mark)
                if kind == .participant, let t = fields.first(where: { $0.key == "type" }),
                    case .scalar(let ts) = t.value.content
                {
                    record.participantType = ts.text
                }
                ids[raw] = record
                idsByKind[kind, default: []].append(raw)
                if let mark = item.mark { sourceMap.entities[raw] = mark }
            }
        }
    }

    private func decodeContext(_ r: FieldReader) -> [String: String] {
        guard let node = r.take("context") else { return [:] }
        guard case .mapping(let entries) = node.content else {
            report(
                .wrongType, at: node.mark, path: "context", "found \(node.shapeDescription)",
                expected: "a mapping such as {industry: saas, size: '200', stage: growth}")
            return [:]
        }
        var out: [String: String] = [:]
        for e in entries {
            let path = "context.\(e.key)"
            if out[e.key] != nil {
                report(.duplicateKey, at: e.keyMark, path: path, "the field '\(e.key)' is given twice")
                continue
            }
            if let t = text(e.value, path: path) { out[e.key] = t }
        }
        return out
    }
}
