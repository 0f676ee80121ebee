import PlumblineCore

extension CheckReport {
    /// SARIF 2.1.0 (OASIS), one run for all canvases, so code-scanning tools show each finding at
    /// the line of the canvas entry it concerns. Waived findings are reported as suppressed.
    public static func sarif(_ reports: [CheckReport], rules: [RuleMetadata], toolVersion: String) -> String {
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
        let driverRules: [PlainValue] = rules.map { r in
            .map([
                PlainField("id", .string(r.id)),
                PlainField("name", .string(r.title.camelCased)),
                PlainField("shortDescription", .map([PlainField("text", .string(r.summary))])),
                PlainField("fullDescription", .map([PlainField("text", .string(r.checks))])),
                PlainField(
                    "help",
                    .map([
                        PlainField("text", .string("\(r.rationale)\n\nHow to fix: \(r.remedy)")),
                        PlainField(
                            "markdown", .string("**Why it matters.** \(r.rationale)\n\n**How to fix.** \(r.remedy)")),
                    ])),
                PlainField("defaultConfiguration", .map([PlainField("level", .string(level(r.defaultSeverity)))])),
                PlainField("properties", .map([PlainField("category", .string(r.category.rawValue))])),
            ])
        }
        var results: [PlainValue] = []
        for report in reports {
            for f in report.diagnosis.findings {
                let mark = report.location(of: f)
                var fields = [
                    PlainField("ruleId", .string(f.rule))
                ]
                if let i = ruleIndex[f.rule] { fields.append(PlainField("ruleIndex", .number(Double(i)))) }
                fields += [
                    PlainField("level", .string(level(f.severity))),
                    PlainField("message", .map([PlainField("text", .string("\(f.message). \(f.fix.text)"))])),
                    PlainField(
                        "locations",
                        .list([
                            .map([
                                PlainField(
                                    "physicalLocation",
                                    .map([
                                        PlainField(
                                            "artifactLocation",
                                            .map([PlainField("uri", .string(report.document.file ?? "canvas.yaml"))])),
                                        PlainField(
                                            "region",
                                            .map([
                                                PlainField("startLine", .number(Double(mark.line))),
                                                PlainField("startColumn", .number(Double(mark.column))),
                                            ])),
                                    ]))
                            ])
                        ])),
                    PlainField(
                        "partialFingerprints", .map([PlainField("plumblineFinding/v1", .string(f.fingerprint))])),
                    PlainField(
                        "properties",
                        .map([
                            PlainField("canvas", .string(report.diagnosis.canvasID)),
                            PlainField("subjects", .strings(f.subjects)),
                            PlainField("evidence", .string(f.evidence.summary)),
                            PlainField("suggestion", .string(f.fix.text)),
                        ])),
                ]
                if let w = f.waiver {
                    fields.append(
                        PlainField(
                            "suppressions",
                            .list([
                                .map([PlainField("kind", "inSource"), PlainField("justification", .string(w.reason))])
                            ])))
                }
                results.append(.map(fields))
            }
        }
        let log: PlainValue = .map([
            PlainField("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
            PlainField("version", "2.1.0"),
            PlainField(
                "runs",
                .list([
                    .map([
                        PlainField(
                            "tool",
                            .map([
                                PlainField(
                                    "driver",
                                    .map([
                                        PlainField("name", "Plumbline"),
                                        PlainField("semanticVersion", .string(toolVersion)),
                                        PlainField("rules", .list(driverRules)),
                                    ]))
                            ])),
                        PlainField("columnKind", "unicodeCodePoints"),
                        PlainField("results", .list(results)),
                    ])
                ])),
        ])
        return JSONText.render(log)
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}

extension String {
    /// "Objective without a measure" → "ObjectiveWithoutAMeasure" (SARIF rule names).
    var camelCased: String {
        split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
