import PlumblineCore
import Testing

/// Fire/quiet pairs for the coverage, chain, pairing, conflict, governance, incentive, AI,
/// balance, value-exchange and validation rules.
@Suite struct MoreStructuralRuleTests {
    typealias S = StructuralRuleTests

    static func network(_ body: String) throws -> String {
        RuleHarness.canvas(S.people + body, kind: .accountabilityNetwork)
    }

    // MARK: COV-02, COV-03

    @Test func cov02FiresForUnmeasuredBlocksOnlyOnMisalignmentCanvases() throws {
        let body = "kpis:\n  - {id: r, name: Revenue, serves: [grow], blocks: [revenue-streams]}\n"
        let f = try S.find("COV-02", body)
        #expect(f.count == 8)
        #expect(f.contains { $0.subjects == ["channels"] })
        #expect(try RuleHarness.findings("COV-02", in: Self.network(body)).isEmpty)
    }

    @Test func cov03FiresAboveMaxShareAndQuietBelow() throws {
        let crowded =
            "kpis:\n  - {id: a, name: A, blocks: [channels]}\n  - {id: b, name: B, blocks: [channels]}\n  - {id: c, name: C, blocks: [cost-structure]}\n"
        let f = try S.find("COV-03", crowded)
        #expect(f.map(\.subjects) == [["channels"]])
        #expect(f.first?.evidence["KPIs in this element"] == 2)
        let balanced =
            "kpis:\n  - {id: a, name: A, blocks: [channels]}\n  - {id: b, name: B, blocks: [revenue-streams]}\n  - {id: c, name: C, blocks: [cost-structure]}\n"
        #expect(try S.find("COV-03", balanced).isEmpty)
    }

    // MARK: CHAIN-02, HOR-01

    @Test func chain02FiresWithoutALeadingIndicator() throws {
        let f = try S.find("CHAIN-02", "kpis:\n  - {id: rev, name: Revenue growth, level: outcome, serves: [grow]}\n")
        #expect(f.map(\.subjects) == [["grow", "rev"]])
        #expect(
            try S.find(
                "CHAIN-02",
                "kpis:\n  - {id: rev, name: Revenue growth, level: outcome, serves: [grow]}\n  - {id: pipe, name: Pipeline, drives: [rev]}\n"
            ).isEmpty)
    }

    @Test func hor01FiresForALongObjectiveMeasuredShortAndQuietWithAMediumKPI() throws {
        let people = S.people.replacingOccurrences(
            of: "statement: Grow revenue}", with: "statement: Grow revenue, horizon: long}")
        let short = RuleHarness.canvas(people + "kpis:\n  - {id: a, name: A, horizon: short, serves: [grow]}\n")
        #expect(try RuleHarness.findings("HOR-01", in: short).map(\.subjects) == [["grow", "a"]])
        let mixed = RuleHarness.canvas(
            people
                + "kpis:\n  - {id: a, name: A, horizon: short, serves: [grow]}\n  - {id: b, name: B, horizon: medium, serves: [grow]}\n"
        )
        #expect(try RuleHarness.findings("HOR-01", in: mixed).isEmpty)
    }

    // MARK: PAIR-01, CONF-01, CONF-02

    @Test func pair01FiresAsAnErrorWhenTheUnguardedKPIIsPaid() throws {
        let body =
            "kpis:\n  - {id: aht, name: Average handle time}\nincentives:\n  - {id: bonus, for: sales, kind: reward, tied_to: [aht]}\n"
        let f = try S.find("PAIR-01", body)
        #expect(f.map(\.subjects) == [["aht", "bonus"]])
        #expect(f.first?.severity == .error)
        #expect(f.first?.fix.knowledgeKPIs.contains("first-contact-resolution") == true)
        #expect(f.first?.evidence["knowledge-base match"]?.string?.contains("Average handle time") == true)
        #expect(try S.find("PAIR-01", "kpis:\n  - {id: aht, name: Average handle time}\n").first?.severity == .warning)
    }

    @Test func pair01QuietWhenTheCounterExistsOrIsDeclared() throws {
        #expect(
            try S.find("PAIR-01", "kpis:\n  - {id: aht, name: AHT}\n  - {id: fcr, name: First contact resolution}\n")
                .isEmpty)
        #expect(
            try S.find(
                "PAIR-01",
                "kpis:\n  - {id: aht, name: AHT, pairs_with: [quality]}\n  - {id: quality, name: Call quality score}\n"
            ).isEmpty)
    }

    @Test func conf01FiresForRewardsOnOppositeEndsOfAConflictPair() throws {
        let body =
            "kpis:\n  - {id: signups, name: New sign-ups}\n  - {id: churn, name: Customer churn rate}\nincentives:\n  - {id: s, for: sales, kind: reward, tied_to: [signups]}\n  - {id: o, for: ops, kind: reward, tied_to: [churn]}\n"
        let f = try S.find("CONF-01", body)
        #expect(f.count == 1)
        #expect(Set(f.first?.subjects ?? []) == ["sales", "ops", "signups", "churn"])
        let shared = body.replacingOccurrences(of: "tied_to: [churn]}", with: "tied_to: [churn, signups]}")
        #expect(try S.find("CONF-01", shared).isEmpty)
    }

    @Test func conf02FiresForTradingPartnersMeasuredApart() throws {
        let body =
            "kpis:\n  - {id: a, name: A, serves: [grow], accountable: sales}\n  - {id: b, name: B, accountable: ops}\nvalue_exchanges:\n  - {from: sales, to: ops, value: Orders}\n"
        #expect(try S.find("CONF-02", body).map(\.subjects) == [["ops", "sales"]])
        let joined = body.replacingOccurrences(of: "accountable: ops}", with: "accountable: ops, consulted: [sales]}")
        #expect(try S.find("CONF-02", joined).isEmpty)
    }

    // MARK: ACC-04, ESC-02, GOV-01, LOOP-02, VP-01

    @Test func acc04FiresForARolelessParticipantInANetwork() throws {
        let f = try RuleHarness.findings(
            "ACC-04", in: Self.network("kpis:\n  - {id: a, name: A, accountable: sales}\n"))
        #expect(Set(f.map(\.subjects)) == [["ops"], ["exec"], ["bot"]])
        let covered =
            "kpis:\n  - {id: a, name: A, accountable: sales}\nmechanisms:\n  - {id: m, kind: governance, owner: exec, covers: [ops, bot]}\n"
        #expect(try RuleHarness.findings("ACC-04", in: Self.network(covered)).isEmpty)
    }

    @Test func esc02FindsLoopsOnceAndDeadEnds() throws {
        let looping = S.people.replacingOccurrences(
            of: "  - {id: exec, name: Executive team, type: oversight}",
            with: "  - {id: exec, name: Executive team, type: team, escalates_to: sales}")
        let f = try RuleHarness.findings("ESC-02", in: RuleHarness.canvas(looping))
        #expect(f.count == 1)
        #expect(f.first?.evidence.path.first == "sales")
        let deadEnd = S.people.replacingOccurrences(
            of: "  - {id: exec, name: Executive team, type: oversight}",
            with: "  - {id: exec, name: Executive team, type: team}")
        #expect(
            try RuleHarness.findings("ESC-02", in: RuleHarness.canvas(deadEnd)).map { $0.subjects.last } == [
                "exec", "exec",
            ])
        #expect(try S.find("ESC-02", "").isEmpty)
    }

    @Test func gov01FiresForSelfReviewAndManagementAudit() throws {
        let people = S.people.replacingOccurrences(
            of: "type: team, escalates_to: exec, decides: [pricing]}",
            with: "type: team, reports_to: ops, escalates_to: exec, decides: [pricing]}")
        let body =
            "kpis:\n  - {id: a, name: A, accountable: sales}\nmechanisms:\n  - {id: self, kind: review, owner: sales, covers: [a]}\n  - {id: boss-audit, kind: audit, owner: ops, covers: [a]}\n  - {id: fine, kind: audit, owner: exec, covers: [a]}\n"
        let f = try RuleHarness.findings("GOV-01", in: RuleHarness.canvas(people + body))
        #expect(Set(f.compactMap(\.subjects.first)) == ["self", "boss-audit"])
    }

    @Test func loop02FiresTwoStepsSlowerButNotOne() throws {
        let body =
            "kpis:\n  - {id: a, name: A, frequency: weekly}\nfeedback_loops:\n  - {id: q, kpis: [a], cadence: quarterly}\n  - {id: m, kpis: [a], cadence: monthly}\n"
        #expect(try S.find("LOOP-02", body).map(\.subjects) == [["q", "a"]])
    }

    @Test func vp01FiresForOneWayValueInANetwork() throws {
        let body =
            "value_exchanges:\n  - {from: sales, to: ops, value: Orders}\n  - {from: ops, to: exec, value: Reports}\n"
        let f = try RuleHarness.findings("VP-01", in: Self.network(body))
        #expect(Set(f.map(\.subjects)) == [["sales"], ["exec"]])
        let mutual = body + "  - {from: exec, to: sales, value: Budget}\n"
        #expect(try RuleHarness.findings("VP-01", in: Self.network(mutual)).isEmpty)
    }

    // MARK: INC-01, INC-03, INC-04

    @Test func inc01FiresAtMinWeightButNotJustBelow() throws {
        let two = S.people + "  - {id: keep, statement: Keep customers}\n"
        let base =
            "kpis:\n  - {id: a, name: A, serves: [grow], accountable: sales}\n  - {id: b, name: B, serves: [keep], accountable: sales}\nincentives:\n  - {id: i, for: sales, kind: reward, tied_to: [a], weight: WEIGHT}\n"
        let objectives = two.replacingOccurrences(of: "  - {id: keep, statement: Keep customers}\n", with: "")
            .replacingOccurrences(
                of: "  - {id: grow, statement: Grow revenue}\n",
                with: "  - {id: grow, statement: Grow revenue}\n  - {id: keep, statement: Keep customers}\n")
        let fire = try RuleHarness.findings(
            "INC-01", in: RuleHarness.canvas(objectives + base.replacingOccurrences(of: "WEIGHT", with: "0.3")))
        #expect(fire.map(\.subjects) == [["i", "sales", "a"]])
        #expect(
            try RuleHarness.findings(
                "INC-01", in: RuleHarness.canvas(objectives + base.replacingOccurrences(of: "WEIGHT", with: "0.29"))
            ).isEmpty)
    }

    @Test func inc03FiresForSelfMeasurementAndQuietWithAnIndependentAudit() throws {
        let body =
            "kpis:\n  - {id: a, name: A, accountable: sales, measured_by: sales}\nincentives:\n  - {id: i, for: sales, kind: reward, tied_to: [a]}\n"
        #expect(try S.find("INC-03", body).map(\.subjects) == [["i", "sales", "a"]])
        let audited = body + "mechanisms:\n  - {id: audit, kind: audit, owner: exec, covers: [a]}\n"
        #expect(try S.find("INC-03", audited).isEmpty)
    }

    @Test func inc04FiresWhenOnlyLowerPrioritiesPay() throws {
        let people = S.people.replacingOccurrences(
            of: "  - {id: grow, statement: Grow revenue}\n",
            with:
                "  - {id: grow, statement: Grow revenue, priority: 1}\n  - {id: cut, statement: Cut cost, priority: 2}\n"
        )
        let body =
            "kpis:\n  - {id: a, name: A, serves: [grow]}\n  - {id: c, name: C, serves: [cut]}\nincentives:\n  - {id: i, for: ops, kind: reward, tied_to: [c]}\n"
        #expect(try RuleHarness.findings("INC-04", in: RuleHarness.canvas(people + body)).map(\.subjects) == [["grow"]])
        let both = body.replacingOccurrences(of: "tied_to: [c]}", with: "tied_to: [c, a]}")
        #expect(try RuleHarness.findings("INC-04", in: RuleHarness.canvas(people + both)).isEmpty)
    }

    // MARK: AI-01, AI-02, BSC-01, VAL-01

    @Test func ai01FiresForAnAIActivityMeasureWithoutOutcome() throws {
        let body =
            "kpis:\n  - {id: t, name: Tasks, level: activity, ai: {role: optimizes, system: bot, human_override: true}}\n"
        #expect(try S.find("AI-01", body).map(\.subjects) == [["t", "bot"]])
        let linked =
            "kpis:\n  - {id: t, name: Tasks, level: activity, drives: [o], ai: {role: optimizes, system: bot, human_override: true}}\n  - {id: o, name: Outcome, level: outcome}\n"
        #expect(try S.find("AI-01", linked).isEmpty)
    }

    @Test func ai02FiresForModelQualityAloneAndQuietWhenPairedWithBusiness() throws {
        #expect(try S.find("AI-02", "kpis:\n  - {id: auc, name: Model AUC}\n").map(\.subjects) == [["auc"]])
        #expect(
            try S.find(
                "AI-02",
                "kpis:\n  - {id: auc, name: Model AUC, pairs_with: [lift]}\n  - {id: lift, name: Decision uplift from the model}\n"
            ).isEmpty)
        #expect(
            try S.find(
                "AI-02",
                "kpis:\n  - {id: auc, name: Model AUC, pairs_with: [acc]}\n  - {id: acc, name: Model accuracy}\n"
            ).count == 2)
    }

    @Test func bsc01FiresForMissingPerspectivesAndAFinancialTilt() throws {
        let body =
            "kpis:\n" + (1...8).map { "  - {id: f\($0), name: F\($0), perspective: financial}" }.joined(separator: "\n")
            + "\n  - {id: c, name: C, perspective: customer}\n"
        let f = try S.find("BSC-01", body)
        #expect(Set(f.map(\.subjects)) == [["process"], ["learning"], ["fixture"]])
        let balanced =
            "kpis:\n  - {id: a, name: A, perspective: financial}\n  - {id: b, name: B, perspective: customer}\n  - {id: c, name: C, perspective: process}\n  - {id: d, name: D, perspective: learning}\n"
        #expect(try S.find("BSC-01", balanced).isEmpty)
    }

    @Test func val01FiresUntilTheLatestReviewApproves() throws {
        let body = "kpis:\n  - {id: new, name: New, status: proposed}\n"
        #expect(try S.find("VAL-01", body).map(\.subjects) == [["fixture", "new"]])
        let approved =
            body
            + "reviews:\n  - {by: exec, status: changes-requested, on: 2026-01-10}\n  - {by: exec, status: approved, on: 2026-02-01}\n"
        #expect(try S.find("VAL-01", approved).isEmpty)
        let reopened =
            body
            + "reviews:\n  - {by: exec, status: approved, on: 2026-01-10}\n  - {by: ops, status: changes-requested, on: 2026-02-01}\n"
        #expect(try S.find("VAL-01", reopened).first?.message.contains("asks for changes") == true)
    }
}
