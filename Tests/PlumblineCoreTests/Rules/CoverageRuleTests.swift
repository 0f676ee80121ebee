import PlumblineCore
import Testing

@Suite struct CoverageRuleTests {
    @Test func cov01FiresForAnObjectiveNothingServes() throws {
        let yaml = RuleHarness.canvas(
            """
            objectives:
              - {id: retain, statement: Reduce customer churn and grow renewals}
              - {id: grow, statement: Grow revenue}
            kpis:
              - {id: revenue, name: Revenue, serves: [grow]}
              - {id: nrr, name: Net revenue retention, serves: [retain], status: proposed}
            """)
        let found = try RuleHarness.findings("COV-01", in: yaml)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.subjects == ["retain"])
        #expect(f.severity == .error)
        #expect(f.evidence["current KPIs serving it"] == 0)
        #expect(f.evidence["proposed KPIs serving it"] == .list(["nrr"]))
        #expect(!f.fix.knowledgeKPIs.isEmpty, "the knowledge base should know outcome KPIs for retention")
    }

    @Test func cov01QuietWhenEveryObjectiveIsServed() throws {
        let yaml = RuleHarness.canvas(
            """
            objectives:
              - {id: retain, statement: Reduce customer churn}
            kpis:
              - {id: churn, name: Customer churn rate, serves: [retain]}
            """)
        #expect(try RuleHarness.findings("COV-01", in: yaml).isEmpty)
    }

    @Test func retiredKPIsDoNotCountAsServing() throws {
        let yaml = RuleHarness.canvas(
            """
            objectives:
              - {id: retain, statement: Reduce customer churn}
            kpis:
              - {id: churn, name: Customer churn rate, serves: [retain], status: retired}
            """)
        #expect(try RuleHarness.findings("COV-01", in: yaml).map(\.subjects) == [["retain"]])
    }

    @Test func settingsSwitchOffAndChangeSeverity() throws {
        let base = RuleHarness.canvas("objectives:\n  - {id: retain, statement: Reduce churn}\n")
        #expect(try RuleHarness.findings("COV-01", in: base + "settings:\n  rules: {COV-01: off}\n").isEmpty)
        #expect(
            try RuleHarness.findings("COV-01", in: base + "settings:\n  rules: {COV-01: info}\n").first?.severity
                == .info)
    }

    @Test func waiversAcceptFindingsAndStaleWaiversAreReported() throws {
        let yaml = RuleHarness.canvas(
            """
            objectives:
              - {id: retain, statement: Reduce churn}
            settings:
              waive:
                - {rule: COV-01, subjects: [retain], reason: Measured by the parent company}
                - {rule: COV-01, subjects: [gone], reason: Old objective}
            """)
        let diagnosis = try RuleHarness.diagnose(yaml)
        let waived = diagnosis.findings.filter { !$0.isActive }
        #expect(waived.map(\.rule) == ["COV-01"])
        #expect(waived.first?.waiver?.reason == "Measured by the parent company")
        #expect(diagnosis.activeFindings.filter { $0.rule == "COV-01" }.isEmpty)
        let stale = diagnosis.activeFindings.filter { $0.rule == StaleWaiverRule.id }
        #expect(stale.map(\.subjects) == [["gone"]])
        #expect(stale.first?.severity == .info)
    }
}

@Suite struct RegistryTests {
    @Test func everyPublicRuleIdHasExactlyOneRule() {
        let ids = RuleRegistry.all.map(\.metadata.id)

        #expect(Set(ids).count == ids.count)
    }

    @Test func everyRuleExplainsItself() {
        for rule in RuleRegistry.all {
            let m = rule.metadata
            #expect(!m.title.isEmpty && m.title != m.id, "\(m.id) has no title")
            #expect(!m.summary.isEmpty && !m.checks.isEmpty && !m.rationale.isEmpty && !m.remedy.isEmpty, "\(m.id)")
        }
    }
}
