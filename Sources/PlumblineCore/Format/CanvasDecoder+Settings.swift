import Foundation

// MARK: - KPI values and settings

extension CanvasDecoder {
    func decodeDataSource(_ node: DocumentNode, path: String) -> DataSource? {
        guard
            let r = FieldReader(
                node, path: path, decoder: self, expected: "{file: PATH} or {kpi: ID, values: {PERIOD: NUMBER, …}}")
        else { return nil }
        if r.peek("file") != nil {
            let file = r.requiredString("file")
            if let file, file.trimmingCharacters(in: .whitespaces).isEmpty {
                report(
                    .wrongType, at: r.peek("file")?.value.mark, path: r.child("file"), "the file path is empty",
                    expected: "a CSV path relative to the canvas file")
            }
            let extensions = r.finish(known: CanvasFields.dataFile)
            return file.map { .file(path: $0, extensions: extensions) }
        }
        guard r.peek("kpi") != nil || r.peek("values") != nil else {
            _ = r.finish(known: CanvasFields.dataFile + CanvasFields.dataInline)
            report(
                .missingField, at: node.mark, path: path, "a data entry needs either file or kpi and values",
                expected: "{file: PATH} or {kpi: ID, values: {…}}")
            return nil
        }
        let kpi: KPIID? = r.reference("kpi", kind: .kpi, required: true)
        var values: [PeriodValue] = []
        var valid = true
        if let valuesNode = r.require("values", expected: "a mapping from period to number") {
            let vpath = r.child("values")
            if case .mapping(let entries) = valuesNode.content {
                var seen: [Period: Int] = [:]
                var granularity: Period.Granularity? = nil
                for e in entries {
                    let p = "\(vpath).\(e.key)"
                    guard let period = Period(e.key) else {
                        report(
                            .invalidPeriod, at: e.keyMark, path: p, "'\(e.key)' is not a period",
                            expected: Period.syntax)
                        valid = false
                        continue
                    }
                    if let g = granularity, g != period.granularity {
                        report(
                            .inconsistent, at: e.keyMark, path: p,
                            "'\(e.key)' is a \(period.granularity) but earlier periods of this series are \(g)s",
                            expected: "periods of one granularity per series")
                        valid = false
                    }
                    granularity = granularity ?? period.granularity
                    if let line = seen[period] {
                        report(
                            .duplicateKey, at: e.keyMark, path: p,
                            "the period '\(e.key)' is given twice (first at line \(line))")
                        valid = false
                        continue
                    }
                    seen[period] = e.keyMark?.line ?? 0
                    if case .scalar(let s) = e.value.content, s.resolved == .null {
                        values.append(PeriodValue(period, nil))
                    } else if let n = number(e.value, path: p, expected: "a number, or null for a missing value") {
                        values.append(PeriodValue(period, n))
                    } else {
                        valid = false
                    }
                }
            } else {
                report(
                    .wrongType, at: valuesNode.mark, path: vpath, "found \(valuesNode.shapeDescription)",
                    expected: "a mapping from period to number, such as {2026-01: 12.5, 2026-02: 13}")
                valid = false
            }
        }
        let extensions = r.finish(known: CanvasFields.dataInline)
        guard let kpi, valid else { return nil }
        return .inline(kpi: kpi, values: values.sorted { $0.period < $1.period }, extensions: extensions)
    }

    func decodeSettings(_ node: DocumentNode, path: String) -> Settings? {
        guard let r = FieldReader(node, path: path, decoder: self, expected: "a mapping with rules and waive")
        else { return nil }
        var rules: [RuleSetting] = []
        if let rulesNode = r.take("rules") {
            let rpath = r.child("rules")
            if case .mapping(let entries) = rulesNode.content {
                var seen = Set<String>()
                for e in entries {
                    let p = "\(rpath).\(e.key)"
                    guard RuleIDs.all.contains(e.key) else {
                        report(
                            .unknownRule, at: e.keyMark, path: p, "'\(e.key)' is not a rule id",
                            expected: "a rule id such as PAIR-01 (plumb rules lists them)",
                            suggestion: suggest(e.key, among: RuleIDs.all))
                        continue
                    }
                    guard seen.insert(e.key).inserted else {
                        report(.duplicateKey, at: e.keyMark, path: p, "the rule '\(e.key)' is configured twice")
                        continue
                    }
                    if let setting = decodeRuleSetting(e.key, e.value, path: p) { rules.append(setting) }
                }
            } else {
                report(
                    .wrongType, at: rulesNode.mark, path: rpath, "found \(rulesNode.shapeDescription)",
                    expected: "a mapping from rule id to off, a severity, or {severity, parameters}")
            }
        }
        var waivers: [Waiver] = []
        if let waiveNode = r.take("waive") {
            waivers = list(
                waiveNode, path: r.child("waive"), expected: "a list of waivers {rule, subjects, reason}", decodeWaiver)
        }
        let extensions = r.finish(known: CanvasFields.settings)
        return Settings(rules: rules, waive: waivers, extensions: extensions)
    }

    private static let switchChoices = "off, on, error, warning or info"

    private func decodeRuleSetting(_ id: String, _ node: DocumentNode, path: String) -> RuleSetting? {
        switch node.content {
        case .scalar(let s):
            switch s.resolved {
            case .bool(let b): return RuleSetting(ruleID: id, enabled: b)
            case .string("off"): return RuleSetting(ruleID: id, enabled: false)
            case .string("on"): return RuleSetting(ruleID: id, enabled: true)
            case .string(let t):
                if let severity = Severity(rawValue: t) { return RuleSetting(ruleID: id, severity: severity) }
                report(
                    .invalidEnum, at: node.mark, path: path, "'\(t)' is not a rule setting",
                    expected: Self.switchChoices, suggestion: suggest(t, among: ["off", "on"] + Severity.choices))
                return nil
            default:
                report(
                    .wrongType, at: node.mark, path: path, "found \(node.shapeDescription)",
                    expected: Self.switchChoices + ", or a mapping {severity, parameters}")
                return nil
            }
        case .mapping(let entries):
            var setting = RuleSetting(ruleID: id)
            for e in entries {
                let p = "\(path).\(e.key)"
                if e.key == "severity" {
                    guard let raw = text(e.value, path: p, expected: "off, error, warning or info") else { continue }
                    if raw == "off" {
                        setting.enabled = false
                    } else if let severity = Severity(rawValue: raw) {
                        setting.severity = severity
                    } else {
                        report(
                            .invalidEnum, at: e.value.mark, path: p, "'\(raw)' is not a severity",
                            expected: "off, error, warning or info", suggestion: suggest(raw, among: Severity.choices))
                    }
                } else if e.key == "enabled" {
                    if let b = bool(e.value, path: p) { setting.enabled = b }
                } else {
                    setting.parameters.append(PlainField(e.key, plainValue(e.value)))
                }
            }
            return setting
        case .sequence:
            report(
                .wrongType, at: node.mark, path: path, "found a list",
                expected: Self.switchChoices + ", or a mapping {severity, parameters}")
            return nil
        }
    }

    private func decodeWaiver(_ node: DocumentNode, path: String) -> Waiver? {
        guard let r = FieldReader(node, path: path, decoder: self, expected: "a waiver {rule, subjects, reason}")
        else { return nil }
        var rule: String? = nil
        if let ruleNode = r.require("rule", expected: "a rule id"), let raw = text(ruleNode, path: r.child("rule")) {
            if RuleIDs.all.contains(raw) {
                rule = raw
            } else {
                report(
                    .unknownRule, at: ruleNode.mark, path: r.child("rule"), "'\(raw)' is not a rule id",
                    expected: "a rule id such as INC-02", suggestion: suggest(raw, among: RuleIDs.all))
            }
        }
        let subjects = r.strings("subjects")
        let reason = r.requiredString("reason")
        if let reason, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(
                .missingField, at: r.peek("reason")?.value.mark, path: r.child("reason"), "the reason is empty",
                expected: "why this finding is accepted")
        }
        let extensions = r.finish(known: CanvasFields.waiver)
        guard let rule, let reason else { return nil }
        return Waiver(rule: rule, subjects: subjects, reason: reason, extensions: extensions)
    }
}
