import PlumblineCore

/// What a report says, independent of how it is written: the canvas's names, the findings grouped
/// by objective and by participant, the redesign. `HTMLReport` and `MarkdownReport` both read it,
/// so the two formats never disagree about what belongs where.
struct ReportContent {
    /// Findings that concern one objective or one participant.
    struct Group {
        /// The objective's or participant's id; nil for the group of findings tied to none.
        var id: String?
        var title: String
        var detail: String?
        var findings: [Finding]
    }

    let report: CheckReport
    let date: String

    var canvas: Canvas { report.document.canvas }
    var diagnosis: Diagnosis { report.diagnosis }

    private let kpiNames: [String: String]
    private let participantNames: [String: String]
    private let objectiveStatements: [String: String]

    init(report: CheckReport, date: String) {
        self.report = report
        self.date = date
        let canvas = report.document.canvas
        kpiNames = Dictionary(canvas.kpis.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        participantNames = Dictionary(
            canvas.participants.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        objectiveStatements = Dictionary(
            canvas.objectives.map { ($0.id.rawValue, $0.statement) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Names

    /// A person-readable name for any subject id: the KPI's or participant's name, the
    /// objective's statement, the element's title, else the id itself.
    func name(of id: String) -> String {
        kpiNames[id] ?? participantNames[id] ?? objectiveStatements[id] ?? BusinessModelBlock(rawValue: id)?.title
            ?? id
    }

    /// "Name (id)" for a list of ids, or "—" for none.
    func names(_ ids: [String]) -> String {
        ids.isEmpty ? "—" : ids.map { "\(name(of: $0)) (\($0))" }.joined(separator: ", ")
    }

    // MARK: Grouping

    /// Active verdicts by the objectives they concern: named directly, or through a KPI that
    /// serves the objective. A finding that concerns two objectives appears under both; those
    /// that concern none come last.
    var findingsByObjective: [Group] {
        let serves = Dictionary(
            canvas.kpis.map { ($0.id.rawValue, $0.serves.map(\.rawValue)) }, uniquingKeysWith: { a, _ in a })
        let groups = canvas.objectives.map { o in
            Group(
                id: o.id.rawValue, title: o.statement,
                detail: [
                    o.id.rawValue, o.horizon.map { "\($0.rawValue) horizon" }, o.priority.map { "priority \($0)" },
                ]
                .compactMap { $0 }.joined(separator: " · "), findings: [])
        }
        return grouped(groups, rest: "Not tied to an objective") { finding in
            Set(finding.subjects.flatMap { [$0] + (serves[$0] ?? []) })
        }
    }

    /// Active verdicts by the participants they concern: named directly, or accountable for a
    /// KPI the finding names.
    var findingsByParticipant: [Group] {
        let owners = Dictionary(
            canvas.kpis.map { ($0.id.rawValue, $0.accountable.map(\.rawValue)) }, uniquingKeysWith: { a, _ in a })
        let groups = canvas.participants.map { p in
            Group(id: p.id.rawValue, title: p.name, detail: "\(p.id.rawValue) · \(p.type.rawValue)", findings: [])
        }
        return grouped(groups, rest: "Not tied to a participant") { finding in
            Set(finding.subjects.flatMap { [$0] + (owners[$0] ?? []) })
        }
    }

    private func grouped(_ groups: [Group], rest: String, concerns: (Finding) -> Set<String>) -> [Group] {
        var groups = groups
        var unmatched: [Finding] = []
        for finding in verdicts {
            let ids = concerns(finding)
            var matched = false
            for i in groups.indices where groups[i].id.map(ids.contains) == true {
                groups[i].findings.append(finding)
                matched = true
            }
            if !matched { unmatched.append(finding) }
        }
        if !unmatched.isEmpty { groups.append(Group(id: nil, title: rest, detail: nil, findings: unmatched)) }
        return groups
    }

    /// Active findings that judge something. Data rules' refusals to judge ("not enough data")
    /// are listed apart, so they never crowd out the verdicts in the groups.
    var verdicts: [Finding] { diagnosis.activeFindings.filter { !$0.isNotEnoughData } }

    /// Active "not enough data" notes of the data rules.
    var notEnoughData: [Finding] { diagnosis.activeFindings.filter(\.isNotEnoughData) }

    /// Findings a waiver in the canvas accepts, with its reason.
    var waivedFindings: [Finding] { diagnosis.findings.filter { !$0.isActive } }

    // MARK: Redesign

    /// KPIs the redesign proposes.
    var proposedKPIs: [KPI] { canvas.kpis.filter { $0.status == .proposed } }

    /// KPIs the redesign retires.
    var retiredKPIs: [KPI] { canvas.kpis.filter { $0.status == .retired } }

    // MARK: Scores

    /// The score tables: (heading, rows of (name, id, score)).
    var scoreTables: [(heading: String, rows: [(name: String, id: String, value: Double)])] {
        let scores = diagnosis.scores
        var tables: [(String, [AlignmentScores.Score])] = [
            ("Objectives", scores.objectives), ("Participants", scores.participants),
        ]
        if !scores.blocks.isEmpty { tables.append(("Business-model elements", scores.blocks)) }
        return tables.map { heading, list in
            (heading, list.map { (name(of: $0.subject), $0.subject, $0.value) })
        }
    }

    // MARK: Pictures

    /// The canvas picture, as a standalone SVG document.
    func canvasSVG(width: Double = 1600) -> String {
        CanvasPicture(canvas: canvas, diagnosis: diagnosis, width: width).svg
    }

    /// The network picture, as a standalone SVG document.
    var networkSVG: String { NetworkPicture(canvas: canvas, diagnosis: diagnosis).svg }

    /// The KPIs with values, ready to chart.
    var chartData: [KPIChartData] { KPIChartData.all(canvas: canvas, diagnosis: diagnosis) }

    /// Small multiples of every KPI with values, or nil when no values were loaded.
    func chartsSVG(width: Double = 1200) -> String? {
        let data = chartData
        return data.isEmpty ? nil : ChartSheet(data, width: width, panelWidth: 360).svg
    }

    /// One line on what the charts section shows when no values were loaded.
    static let noValuesNote =
        "No KPI values were loaded, so there is nothing to chart: list a values file under data in the canvas, or pass --data FILE to plumb report."
}
