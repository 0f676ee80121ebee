import Dispatch

/// The result of diagnosing one canvas.
public struct Diagnosis: Sendable {
    public var canvasID: String
    /// Every finding, waived ones included (they carry their waiver), most severe first.
    public var findings: [Finding]
    public var scores: AlignmentScores
    /// The rules that ran.
    public var rulesRun: [String]
    /// Per-KPI statistics of the loaded values, in canvas order (empty without data).
    public var trends: [KPITrend] = []

    /// Findings that count: not waived.
    public var activeFindings: [Finding] { findings.filter(\.isActive) }

    /// Active findings at or above `severity`.
    public func count(atLeast severity: Severity) -> Int {
        activeFindings.filter { $0.severity >= severity }.count
    }
}

/// Runs every registered rule over a canvas, applies the canvas's and the caller's settings and
/// waivers, and scores the result.
public struct DiagnosisEngine: Sendable {
    public var rules: [any Rule]
    public var knowledge: KnowledgeBase

    public init(rules: [any Rule] = RuleRegistry.all, knowledge: KnowledgeBase) {
        self.rules = rules
        self.knowledge = knowledge
    }

    /// Diagnoses a canvas. `overrides` (from the command line) win over the canvas's settings.
    public func diagnose(
        _ document: CanvasDocument, values: KPIValues? = nil, overrides: [RuleSetting] = []
    ) -> Diagnosis {
        diagnose(CanvasAnalysis(document: document, knowledge: knowledge, values: values), overrides: overrides)
    }

    /// The false discovery rate for the statistical findings of one run (RULES.md).
    public static let falseDiscoveryRate = 0.05
    /// Each test must also reach this level on its own. With one test in a run, false-discovery
    /// control alone would let 5 % of clean series through; findings are evidence, so they err
    /// on the side of silence.
    public static let perTestLevel = 0.01

    public func diagnose(_ analysis: CanvasAnalysis, overrides: [RuleSetting] = []) -> Diagnosis {
        let canvas = analysis.canvas
        var active: [(rule: any Rule, setting: RuleSetting?)] = []
        for rule in rules {
            let meta = rule.metadata
            if let only = meta.onlyFor, only != canvas.kind { continue }
            let setting = merged(canvas.settings.rule(meta.id), overrides.last { $0.ruleID == meta.id })
            if setting?.enabled == false { continue }
            active.append((rule, setting))
        }
        // Rules are independent pure functions of the analysis: run them on every core. The data
        // rules, which take longest, start first (the last of them first), so no core is left
        // with a long rule at the end while the others idle.
        let jobs = active
        let schedule =
            active.indices.filter { active[$0].rule.metadata.category == .data }.reversed()
            + active.indices.filter { active[$0].rule.metadata.category != .data }
        let results = UnsafeResults<[Finding]>(count: active.count)
        let tally = TestTally()
        DispatchQueue.concurrentPerform(iterations: active.count) { k in
            let i = schedule[k]
            let (rule, setting) = jobs[i]
            let context = RuleContext(analysis: analysis, rule: rule.metadata, setting: setting, tally: tally)
            var produced = rule.findings(in: context)
            if let severity = setting?.severity {
                for j in produced.indices { produced[j].severity = severity }
            }
            results.set(i, produced)
        }
        var findings: [Finding] = []
        for i in active.indices { findings += results.get(i) }
        let ran = active.map(\.rule.metadata.id)
        findings = Self.controlFalseDiscoveries(findings, quiet: tally.snapshot, q: Self.falseDiscoveryRate)
        findings += applyWaivers(canvas.settings.waive, to: &findings)
        findings.sort(by: Self.order)
        var diagnosis = Diagnosis(
            canvasID: analysis.canvasID, findings: findings,
            scores: AlignmentScores(analysis: analysis, findings: findings),
            rulesRun: ran)
        diagnosis.trends = KPITrend.all(in: analysis)
        return diagnosis
    }

    /// Keeps the statistical findings whose p-values survive Benjamini–Hochberg control across all
    /// the tests of the run, recording the adjusted p-value in their evidence. `quiet` holds the
    /// tests that rules ran without reporting: they count in the number of tests, and those at or
    /// below `q` take part in the ranking. (Leaving out p-values above `q` changes no decision:
    /// an adjusted p-value is never below its own p-value.)
    static func controlFalseDiscoveries(
        _ findings: [Finding], quiet: TestTally.State = .init(), q: Double
    )
        -> [Finding]
    {
        let tested = findings.indices.filter { findings[$0].pValue != nil }
        guard !tested.isEmpty else { return findings }
        let total = tested.count + quiet.count
        let adjusted = FalseDiscovery.adjusted(tested.map { findings[$0].pValue! } + quiet.relevant, tests: total)
        var keep = [Bool](repeating: true, count: findings.count)
        var result = findings
        for (k, i) in tested.enumerated() {
            if adjusted[k] > q || findings[i].pValue! > perTestLevel {
                keep[i] = false
            } else {
                result[i].evidence.facts.append(
                    PlainField("p adjusted (Benjamini–Hochberg, \(total) tests)", .number(adjusted[k])))
            }
        }
        return result.indices.filter { keep[$0] }.map { result[$0] }
    }

    /// The canvas's setting with the command line's laid over it.
    private func merged(_ canvas: RuleSetting?, _ override: RuleSetting?) -> RuleSetting? {
        guard var result = canvas ?? override else { return nil }
        if let override, canvas != nil {
            result.enabled = override.enabled
            if let s = override.severity { result.severity = s }
            for p in override.parameters {
                result.parameters.removeAll { $0.key == p.key }
                result.parameters.append(p)
            }
        }
        return result
    }

    /// Marks waived findings; returns an info finding for each waiver that matched nothing.
    private func applyWaivers(_ waivers: [Waiver], to findings: inout [Finding]) -> [Finding] {
        var used = Array(repeating: false, count: waivers.count)
        for i in findings.indices {
            let subjects = Set(findings[i].subjects)
            if let w = waivers.indices.first(where: {
                waivers[$0].rule == findings[i].rule && Set(waivers[$0].subjects).isSubset(of: subjects)
            }) {
                findings[i].waiver = waivers[w]
                used[w] = true
            }
        }
        return waivers.indices.filter { !used[$0] }.map { i in
            let w = waivers[i]
            return Finding(
                rule: StaleWaiverRule.id, severity: .info,
                message:
                    "The waiver for \(w.rule) on \(w.subjects.isEmpty ? "any subject" : w.subjects.joined(separator: ", ")) matches no finding any more",
                subjects: w.subjects,
                evidence: Evidence(["rule": .string(w.rule), "waiver": .number(Double(i)), "reason": .string(w.reason)]
                ),
                fix: Fix("Remove settings.waive[\(i)], so stale waivers do not pile up and hide future findings."))
        }
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.isActive != b.isActive { return a.isActive }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return RuleRegistry.position(of: a.rule) < RuleRegistry.position(of: b.rule) }
        return a.subjects.lexicographicallyPrecedes(b.subjects)
    }
}

/// The info finding for a waiver that matches nothing (FORMAT.md, settings). It is produced by
/// the engine, not registered as a rule, so it cannot be switched off and forgotten.
public enum StaleWaiverRule {
    public static let id = "WAIVE-01"
}
