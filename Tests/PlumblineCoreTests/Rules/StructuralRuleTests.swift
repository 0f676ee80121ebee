import PlumblineCore
import Testing

/// Each structural rule: a fixture that makes it fire (rule, subjects, evidence) and the nearest
/// healthy variant that keeps it quiet.
@Suite struct StructuralRuleTests {
    static let people = """
        objectives:
          - {id: grow, statement: Grow revenue}
        participants:
          - {id: sales, name: Sales, type: team, escalates_to: exec, decides: [pricing]}
          - {id: ops, name: Operations, type: team, escalates_to: exec, decides: [staffing]}
          - {id: exec, name: Executive team, type: oversight}
          - {id: bot, name: Pricing model, type: ai-system}

        """

    static func canvas(_ body: String) -> String { RuleHarness.canvas(people + body) }
    static func find(_ rule: String, _ body: String) throws -> [Finding] {
        try RuleHarness.findings(rule, in: canvas(body))
    }

    // MARK: MAP-01

    @Test func map01FiresForAKPILinkedToNothing() throws {
        let f = try Self.find(
            "MAP-01", "kpis:\n  - {id: revenue, name: Revenue, serves: [grow]}\n  - {id: views, name: Page views}\n")
        #expect(f.map(\.subjects) == [["views"]])
        #expect(f.first?.severity == .warning)
        #expect(f.first?.evidence["serves"] == .list([]))
    }

    @Test func map01QuietForADriverOfADriverOfAnObjectiveKPI() throws {
        let body =
            "kpis:\n  - {id: revenue, name: Revenue, serves: [grow]}\n  - {id: leads, name: Leads, drives: [visits]}\n  - {id: visits, name: Visits, drives: [revenue]}\n"
        #expect(try Self.find("MAP-01", body).isEmpty)
    }

    // MARK: CHAIN-01, CHAIN-03

    @Test func chain01FiresWhenOnlyEffortServesAnObjective() throws {
        let f = try Self.find(
            "CHAIN-01",
            "kpis:\n  - {id: calls, name: Calls made, level: activity, serves: [grow]}\n  - {id: leads, name: Leads, level: output, serves: [grow]}\n"
        )
        #expect(f.map(\.subjects) == [["grow", "calls", "leads"]])
        #expect(f.first?.evidence["their levels"] == .list(["activity", "output"]))
    }

    @Test func chain01QuietWithOneOutcome() throws {
        #expect(
            try Self.find(
                "CHAIN-01",
                "kpis:\n  - {id: calls, name: Calls made, level: activity, serves: [grow]}\n  - {id: revenue, name: Revenue growth, level: outcome, serves: [grow]}\n"
            ).isEmpty)
    }

    @Test func chain03FiresForAnIncentiveOnEffortOnly() throws {
        let body =
            "kpis:\n  - {id: calls, name: Calls made, level: activity, serves: [grow]}\nincentives:\n  - {id: bonus, for: sales, kind: reward, tied_to: [calls]}\n"
        let f = try Self.find("CHAIN-03", body)
        #expect(f.map(\.subjects) == [["bonus", "sales", "calls"]])
        #expect(f.first?.severity == .error)
    }

    @Test func chain03QuietWhenPartIsTiedToAnOutcome() throws {
        let body =
            "kpis:\n  - {id: calls, name: Calls made, level: activity, serves: [grow]}\n  - {id: revenue, name: Revenue growth, level: outcome, serves: [grow]}\nincentives:\n  - {id: bonus, for: sales, kind: reward, tied_to: [calls, revenue]}\n"
        #expect(try Self.find("CHAIN-03", body).isEmpty)
    }

    // MARK: ACC-01, ACC-02, ACC-03

    @Test func acc01FiresForNoneAndForTwoOwners() throws {
        let f = try Self.find(
            "ACC-01",
            "kpis:\n  - {id: a, name: A}\n  - {id: b, name: B, accountable: [sales, ops]}\n  - {id: c, name: C, accountable: sales}\n"
        )
        #expect(f.map(\.subjects) == [["a"], ["b", "ops", "sales"]])
        #expect(f[1].evidence["count"] == 2)
    }

    @Test func acc01IgnoresProposedKPIs() throws {
        #expect(try Self.find("ACC-01", "kpis:\n  - {id: a, name: A, status: proposed}\n").isEmpty)
    }

    @Test func acc02FiresForAnOwnerWithoutLevers() throws {
        let yaml = RuleHarness.canvas(
            Self.people.replacingOccurrences(
                of: "participants:\n", with: "participants:\n  - {id: leads, name: Shift leads, type: team}\n")
                + "kpis:\n  - {id: a, name: A, accountable: leads}\n  - {id: b, name: B, accountable: exec}\n")
        let f = try RuleHarness.findings("ACC-02", in: yaml)
        #expect(f.map(\.subjects) == [["leads", "a"]])  // exec is oversight: no lever needed
    }

    @Test func acc02QuietWhenTheOwnerDecidesSomething() throws {
        #expect(try Self.find("ACC-02", "kpis:\n  - {id: a, name: A, accountable: sales}\n").isEmpty)
    }

    @Test func acc03FiresAboveMaxAndTheParameterMoves() throws {
        let kpis = (1...13).map { "  - {id: k\($0), name: K\($0), accountable: sales}" }.joined(separator: "\n")
        let f = try Self.find("ACC-03", "kpis:\n" + kpis + "\n")
        #expect(f.map(\.subjects) == [["sales"]])
        #expect(f.first?.evidence["KPIs"] == 13)
        #expect(try Self.find("ACC-03", "kpis:\n" + kpis + "\nsettings:\n  rules:\n    ACC-03: {max: 13}\n").isEmpty)
    }

    // MARK: ESC-01

    @Test func esc01FiresForATargetWithNowhereToGo() throws {
        let f = try Self.find("ESC-01", "kpis:\n  - {id: a, name: A, target: 5, accountable: exec}\n")
        #expect(f.map(\.subjects) == [["a", "exec"]])
    }

    @Test func esc01QuietWithAnEscalationMechanismOrAnOwnerWhoEscalates() throws {
        #expect(try Self.find("ESC-01", "kpis:\n  - {id: a, name: A, target: 5, accountable: sales}\n").isEmpty)
        let mechanism =
            "kpis:\n  - {id: a, name: A, target: 5, accountable: exec}\nmechanisms:\n  - {id: esc, kind: escalation, covers: [a], trigger: missed twice, within: 48h}\n"
        #expect(try Self.find("ESC-01", mechanism).isEmpty)
    }

    // MARK: GOV-02, GOV-03

    @Test func gov02FiresForAnAIDecidingUnchecked() throws {
        let f = try Self.find(
            "GOV-02",
            "kpis:\n  - {id: price, name: Price level, ai: {role: decides, system: bot, human_override: false}}\n")
        #expect(f.map(\.subjects) == [["price", "bot"]])
        #expect(f.first?.evidence["human override"] == false)
    }

    @Test func gov02QuietWithOverrideAndMonitoring() throws {
        let body =
            "kpis:\n  - {id: price, name: Price level, ai: {role: decides, system: bot, human_override: true}}\nmechanisms:\n  - {id: ai-review, kind: governance, owner: exec, covers: [bot]}\n"
        #expect(try Self.find("GOV-02", body).isEmpty)
        #expect(try Self.find("GOV-02", "kpis:\n  - {id: p, name: P, ai: {role: forecasts, system: bot}}\n").isEmpty)
    }

    @Test func gov03FiresForAnOwnerlessHighImpactRisk() throws {
        let f = try Self.find("GOV-03", "risks:\n  - {id: r, category: ai, description: Bias, impact: high}\n")
        #expect(f.map(\.subjects) == [["r"]])
        #expect(f.first?.message.contains("no owner and no mitigating mechanism") == true)
    }

    @Test func gov03QuietForMediumImpactOrGovernedRisk() throws {
        #expect(
            try Self.find("GOV-03", "risks:\n  - {id: r, category: ai, description: Bias, impact: medium}\n").isEmpty)
        let governed =
            "mechanisms:\n  - {id: audit, kind: audit, owner: exec}\nrisks:\n  - {id: r, category: ai, description: Bias, impact: high, owner: exec, mitigated_by: [audit]}\n"
        #expect(try Self.find("GOV-03", governed).isEmpty)
    }

    // MARK: LOOP-01, INC-02, SMART-01, VAL-02

    @Test func loop01FiresWhenNobodyActs() throws {
        let f = try Self.find(
            "LOOP-01",
            "kpis:\n  - {id: a, name: A, target: 5}\nfeedback_loops:\n  - {id: report, kpis: [a], reported_to: [exec]}\n"
        )
        #expect(f.map(\.subjects) == [["a", "report"]])
    }

    @Test func loop01QuietWhenSomeoneActsOrThereIsNoTarget() throws {
        #expect(
            try Self.find(
                "LOOP-01",
                "kpis:\n  - {id: a, name: A, target: 5}\nfeedback_loops:\n  - {id: report, kpis: [a], acted_on_by: [sales]}\n"
            ).isEmpty)
        #expect(try Self.find("LOOP-01", "kpis:\n  - {id: a, name: A}\n").isEmpty)
    }

    @Test func inc02FiresForStepAndDeadlineButNotLinear() throws {
        let body =
            "kpis:\n  - {id: a, name: A}\nincentives:\n  - {id: s, for: sales, kind: reward, tied_to: [a], shape: step}\n  - {id: d, for: sales, kind: reward, tied_to: [a], shape: deadline}\n  - {id: l, for: sales, kind: reward, tied_to: [a], shape: linear}\n"
        let f = try Self.find("INC-02", body)
        #expect(Set(f.compactMap(\.subjects.first)) == ["s", "d"])
        #expect(f.first { $0.subjects.first == "s" }?.evidence["shape"] == "step")
    }

    @Test func smart01ListsWhatIsMissing() throws {
        let f = try Self.find(
            "SMART-01", "kpis:\n  - {id: aht, name: AHT, unit: minutes, direction: decrease, target: 6}\n")
        #expect(f.map(\.subjects) == [["aht"]])
        #expect(f.first?.evidence["missing"] == .list(["formula", "frequency", "source"]))
        #expect(f.first?.fix.text.contains("talk") == true, "the knowledge base's formula for AHT should be offered")
    }

    @Test func smart01QuietForACompleteDefinition() throws {
        let body =
            "kpis:\n  - {id: aht, name: AHT, formula: handle time / contacts, unit: minutes, direction: decrease, target: 6, frequency: weekly, source: ACD}\n"
        #expect(try Self.find("SMART-01", body).isEmpty)
    }

    @Test func val02FiresForPayOnARetiredOrReplacedKPI() throws {
        let body = """
            kpis:
              - {id: old, name: Old, status: retired}
              - {id: calls, name: Calls}
              - {id: wins, name: Wins, status: proposed, replaces: [calls]}
            incentives:
              - {id: legacy, for: sales, kind: reward, tied_to: [old]}
              - {id: bonus, for: sales, kind: reward, tied_to: [calls]}

            """
        let f = try Self.find("VAL-02", body)
        #expect(Set(f.map(\.subjects)) == [["old", "legacy"], ["calls", "bonus", "wins"]])
    }

    @Test func val02QuietWhenTheReplacementIsIncentivised() throws {
        let body = """
            kpis:
              - {id: calls, name: Calls}
              - {id: wins, name: Wins, status: proposed, replaces: [calls]}
            incentives:
              - {id: bonus, for: sales, kind: reward, tied_to: [calls]}
              - {id: new-bonus, for: sales, kind: reward, tied_to: [wins]}

            """
        #expect(try Self.find("VAL-02", body).isEmpty)
    }
}
