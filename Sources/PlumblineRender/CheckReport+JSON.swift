import PlumblineCore

extension CheckReport {
    /// The report as a JSON-ready value: canvas, summary, findings (rule, severity, message,
    /// subjects, evidence, suggestion, location, fingerprint, waiver) and scores.
    public var jsonValue: PlainValue {
        let c = counts
        return .map([
            PlainField("canvas", .string(diagnosis.canvasID)),
            PlainField("file", document.file.map(PlainValue.string) ?? .null),
            PlainField("kind", .string(document.canvas.kind.rawValue)),
            PlainField("title", .string(document.canvas.title)),
            PlainField(
                "summary",
                .map([
                    PlainField("errors", .number(Double(c.error))), PlainField("warnings", .number(Double(c.warning))),
                    PlainField("infos", .number(Double(c.info))), PlainField("waived", .number(Double(c.waived))),
                    PlainField("rules_run", .number(Double(diagnosis.rulesRun.count))),
                ])),
            PlainField("findings", .list(diagnosis.findings.map(jsonValue(of:)))),
            PlainField("scores", scoresValue),
            PlainField(
                "statistics",
                .list(zip(diagnosis.trends, KPITrend.sensSlopes(of: diagnosis.trends)).map(Self.jsonValue(of:slope:)))),
        ])
    }

    static func jsonValue(of t: KPITrend, slope: Double?) -> PlainValue {
        var fields = [
            PlainField("kpi", .string(t.kpi.rawValue)), PlainField("from", .string(t.first.description)),
            PlainField("to", .string(t.last.description)),
            PlainField("periods", .number(Double(t.values.count))),
            PlainField("values_present", .number(Double(t.values.filter { !$0.isNaN }.count))),
            PlainField("values", .list(t.values.map { $0.isNaN ? .null : .number($0) })),
        ]
        if let mk = t.mannKendall {
            fields.append(
                PlainField(
                    "mann_kendall",
                    .map([
                        PlainField("s", .number(mk.s)), PlainField("z", .number(mk.z)), PlainField("p", .number(mk.p)),
                        PlainField("tau", .number(mk.tau)), PlainField("n", .number(Double(mk.n))),
                    ])))
        }
        if let slope, slope.isFinite { fields.append(PlainField("sens_slope", .number(slope))) }
        return .map(fields)
    }

    func jsonValue(of f: Finding) -> PlainValue {
        let mark = location(of: f)
        var fields = [
            PlainField("rule", .string(f.rule)),
            PlainField("severity", .string(f.severity.rawValue)),
            PlainField("message", .string(f.message)),
            PlainField("subjects", .strings(f.subjects)),
            PlainField(
                "evidence",
                .map(
                    f.evidence.facts + (f.evidence.path.isEmpty ? [] : [PlainField("path", .strings(f.evidence.path))]))
            ),
            PlainField("suggestion", .string(f.fix.text)),
            PlainField("suggested_kpis", .strings(f.fix.knowledgeKPIs)),
            PlainField(
                "location",
                .map([
                    PlainField("line", .number(Double(mark.line))), PlainField("column", .number(Double(mark.column))),
                ])),
            PlainField("fingerprint", .string(f.fingerprint)),
        ]
        if let w = f.waiver { fields.append(PlainField("waived", .map([PlainField("reason", .string(w.reason))]))) }
        return .map(fields)
    }

    var scoresValue: PlainValue {
        func list(_ scores: [AlignmentScores.Score]) -> PlainValue {
            .list(
                scores.map { s in
                    .map([
                        PlainField("id", .string(s.subject)), PlainField("score", .number(s.value)),
                        PlainField("pulled_down_by", .strings(s.pulledDownBy)),
                    ])
                })
        }
        let s = diagnosis.scores
        return .map([
            PlainField("overall", .number(s.overall)),
            PlainField("objectives", list(s.objectives)),
            PlainField("participants", list(s.participants)),
            PlainField("blocks", list(s.blocks)),
            PlainField("kpis", list(s.kpis)),
        ])
    }

    /// JSON for one report, or `{"reports": […]}` for several.
    public static func json(_ reports: [CheckReport]) -> String {
        if reports.count == 1 { return JSONText.render(reports[0].jsonValue) }
        return JSONText.render(.map([PlainField("reports", .list(reports.map(\.jsonValue)))]))
    }
}
