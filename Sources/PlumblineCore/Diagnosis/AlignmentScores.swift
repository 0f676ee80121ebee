/// Alignment scores, 0–100, for the canvas and each objective, participant and business-model
/// element, computed from the active findings.
///
/// Each entity earns credit by its worst active finding: 1 with none (or only info), ½ with a
/// warning, 0 with an error. Scores are shares of credit, not fixed penalties, so a 10-KPI canvas
/// and a 1,000-KPI canvas are judged alike:
///
/// - objective = ½ its own credit + ½ the mean credit of the current KPIs serving it
///   (0 for the KPI half when none does);
/// - participant = ½ its own credit + ½ the mean credit of the current KPIs it is accountable
///   for (its own credit alone when it is accountable for none);
/// - element = the mean credit of the current KPIs measuring it (0 when none does);
/// - canvas = the weighted mean of the class averages — objectives 30 %, KPIs 30 %,
///   participants 25 %, elements 15 % (kpi-misalignment canvases only) — with the weights of
///   absent classes shared out, multiplied by the credit of findings about the canvas as a whole
///   (½ per warning-level canvas finding down to ½, 0 with an error-level one counts as ½ too, so
///   one canvas-wide problem cannot zero a canvas).
public struct AlignmentScores: Sendable, Hashable {
    public struct Score: Sendable, Hashable {
        public var subject: String
        public var value: Double
        /// Fingerprints of the active error and warning findings that pull this score down.
        public var pulledDownBy: [String]
    }

    public var overall: Double
    public var overallPulledDownBy: [String]
    public var objectives: [Score]
    public var participants: [Score]
    public var blocks: [Score]
    public var kpis: [Score]

    static let weights: [(String, Double)] = [
        ("objectives", 0.30), ("kpis", 0.30), ("participants", 0.25), ("blocks", 0.15),
    ]

    public init(analysis: CanvasAnalysis, findings: [Finding]) {
        // Worst active severity per subject id, and the findings behind it.
        var worst: [String: Severity] = [:]
        var culprits: [String: [String]] = [:]
        var canvasWide: [Finding] = []
        let known = analysis.index.kinds
        for f in findings where f.isActive && f.severity >= .warning {
            let entitySubjects = f.subjects.filter { known[$0] != nil || BusinessModelBlock(rawValue: $0) != nil }
            if entitySubjects.isEmpty { canvasWide.append(f) }
            for s in entitySubjects {
                worst[s] = max(worst[s] ?? .info, f.severity)
                culprits[s, default: []].append(f.fingerprint)
            }
        }
        func credit(_ id: String) -> Double {
            switch worst[id] {
            case .error: 0
            case .warning: 0.5
            default: 1
            }
        }
        func mean(_ ids: [String]) -> Double? {
            ids.isEmpty ? nil : ids.map(credit).reduce(0, +) / Double(ids.count)
        }
        func score(_ subject: String, _ value: Double, _ related: [String]) -> Score {
            let reasons = ([subject] + related).flatMap { culprits[$0] ?? [] }
            var seen = Set<String>()
            return Score(
                subject: subject, value: (value * 1000).rounded() / 10,
                pulledDownBy: reasons.filter { seen.insert($0).inserted })
        }

        let canvas = analysis.canvas
        kpis = analysis.currentKPIs.map { score($0.id.rawValue, credit($0.id.rawValue), []) }
        objectives = canvas.objectives.map { o in
            let ids = (analysis.servingKPIs[o.id] ?? []).map(\.id.rawValue)
            return score(o.id.rawValue, 0.5 * credit(o.id.rawValue) + 0.5 * (mean(ids) ?? 0), ids)
        }
        participants = canvas.participants.map { p in
            let ids = (analysis.accountableKPIs[p.id] ?? []).map(\.id.rawValue)
            let value = mean(ids).map { 0.5 * credit(p.id.rawValue) + 0.5 * $0 } ?? credit(p.id.rawValue)
            return score(p.id.rawValue, value, ids)
        }
        if canvas.kind == .kpiMisalignment {
            blocks = BusinessModelBlock.allCases.map { b in
                let ids = analysis.currentKPIs.filter { $0.blocks.contains(b) }.map(\.id.rawValue)
                return score(b.rawValue, mean(ids).map { min($0, credit(b.rawValue)) } ?? 0, ids)
            }
        } else {
            blocks = []
        }

        let classes: [String: [Score]] = [
            "objectives": objectives, "kpis": kpis, "participants": participants, "blocks": blocks,
        ]
        var total = 0.0
        var weight = 0.0
        for (name, w) in Self.weights {
            guard let list = classes[name], !list.isEmpty else { continue }
            total += w * list.map(\.value).reduce(0, +) / Double(list.count)
            weight += w
        }
        let base = weight > 0 ? total / weight : 100
        let canvasCredit = canvasWide.isEmpty ? 1 : 0.5
        overall = (base * canvasCredit * 10).rounded() / 10
        overallPulledDownBy = findings.filter { $0.isActive && $0.severity >= .warning }.map(\.fingerprint)
    }
}
