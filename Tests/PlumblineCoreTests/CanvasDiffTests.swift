import Foundation
import PlumblineCore
import Testing

@Suite("Canvas diff")
struct CanvasDiffTests {
    let base: Canvas

    init() throws {
        base = try CanvasReader().read(text: TestSupport.minimalCanvas, file: "minimal.yaml").canvas
    }

    // MARK: - No change

    @Test("An unchanged canvas has no changes")
    func unchanged() {
        #expect(CanvasDiff(from: base, to: base).isEmpty)
    }

    @Test("Every example compared with itself read back from its own output has no changes")
    func examplesRoundTrip() throws {
        for url in try TestSupport.exampleFiles() {
            let canvas = try TestSupport.read(url).canvas
            let written = CanvasWriter().write(canvas, as: .json)
            let reread = try CanvasReader().read(text: written, file: "x.json").canvas
            #expect(CanvasDiff(from: canvas, to: reread).isEmpty, "\(url.lastPathComponent)")
        }
    }

    // MARK: - Kinds of change

    @Test("A KPI added is one change, named by its id, shown by its name")
    func entityAdded() {
        var after = base
        after.kpis.append(KPI(id: "churn", name: "Monthly churn", direction: .decrease))
        #expect(
            CanvasDiff(from: base, to: after).changes == [
                CanvasChange(section: "kpis", entity: "churn", change: .added, after: "Monthly churn")
            ])
    }

    @Test("A participant removed is one change with its name before")
    func entityRemoved() {
        var after = base
        after.participants.removeAll { $0.id == "scoring" }
        after.kpis[0].ai = nil
        let changes = CanvasDiff(from: base, to: after).changes
        #expect(
            changes == [
                CanvasChange(section: "participants", entity: "scoring", change: .removed, before: "Lead scoring"),
                CanvasChange(
                    section: "kpis", entity: "signups", change: .removed, field: "ai",
                    before: "{role: optimizes, system: scoring, human_override: false}"),
            ])
    }

    @Test("Fields changed, added and removed carry their v1 names and display values")
    func fieldChanges() {
        var after = base
        after.kpis[0].name = "Qualified sign-ups"
        after.kpis[0].pairsWith = ["churn", "nps"]
        after.kpis[0].target = nil
        after.kpis[0].ai?.role = .forecasts
        after.kpis.append(KPI(id: "churn", name: "Churn"))
        after.kpis.append(KPI(id: "nps", name: "NPS"))
        let changes = CanvasDiff(from: base, to: after).changes
        #expect(
            changes == [
                CanvasChange(
                    section: "kpis", entity: "signups", change: .changed, field: "name", before: "New sign-ups",
                    after: "Qualified sign-ups"),
                CanvasChange(section: "kpis", entity: "signups", change: .removed, field: "target", before: "5000"),
                CanvasChange(
                    section: "kpis", entity: "signups", change: .changed, field: "ai.role", before: "optimizes",
                    after: "forecasts"),
                CanvasChange(
                    section: "kpis", entity: "signups", change: .added, field: "pairs_with", after: "churn, nps"),
                CanvasChange(section: "kpis", entity: "churn", change: .added, after: "Churn"),
                CanvasChange(section: "kpis", entity: "nps", change: .added, after: "NPS"),
            ])
        #expect(changes[3].description == "+ kpis/signups pairs_with: churn, nps")
        #expect(changes[0].description == "~ kpis/signups name: New sign-ups → Qualified sign-ups")
    }

    @Test("Top-level fields: title, summary, context keys and settings")
    func topLevel() {
        var after = base
        after.title = "Minimal, revised"
        after.summary = "A short canvas"
        after.context = ["industry": "b2b-saas"]
        after.settings.rules = [RuleSetting(ruleID: "KPI-003", severity: .warning)]
        after.settings.waive = [Waiver(rule: "ACC-001", subjects: ["signups"], reason: "Known")]
        let changes = CanvasDiff(from: base, to: after).changes
        #expect(
            changes == [
                CanvasChange(section: "title", change: .changed, before: "Minimal", after: "Minimal, revised"),
                CanvasChange(section: "summary", change: .added, after: "A short canvas"),
                CanvasChange(section: "context", change: .added, field: "industry", after: "b2b-saas"),
                CanvasChange(section: "settings.rules", entity: "KPI-003", change: .added, after: "warning"),
                CanvasChange(
                    section: "settings.waive", entity: "ACC-001 (signups)", change: .added, after: "Known"),
            ])
        var relaxed = after
        relaxed.settings.rules = [RuleSetting(ruleID: "KPI-003", enabled: false)]
        #expect(
            CanvasDiff(from: after, to: relaxed).changes == [
                CanvasChange(
                    section: "settings.rules", entity: "KPI-003", change: .changed, before: "warning", after: "off")
            ])
    }

    @Test("Entries without ids are matched by identity")
    func entriesWithoutIDs() {
        var before = base
        before.valueExchanges = [ValueExchange(from: "sales", to: "exec", value: "Forecast")]
        var after = before
        after.valueExchanges[0].value = "Weekly forecast"
        after.reviews = [Review(by: "exec", status: .approved)]
        #expect(
            CanvasDiff(from: before, to: after).changes == [
                CanvasChange(
                    section: "value_exchanges", entity: "sales → exec", change: .changed, field: "value",
                    before: "Forecast", after: "Weekly forecast"),
                CanvasChange(section: "reviews", entity: "exec", change: .added),
            ])
    }

    @Test("Repeated identities are told apart by occurrence")
    func repeatedIdentities() {
        var before = base
        before.valueExchanges = [
            ValueExchange(from: "sales", to: "exec", value: "Forecast"),
            ValueExchange(from: "sales", to: "exec", value: "Pipeline report"),
        ]
        var after = before
        after.valueExchanges.removeLast()
        #expect(
            CanvasDiff(from: before, to: after).changes == [
                CanvasChange(
                    section: "value_exchanges", entity: "sales → exec #2", change: .removed, before: "Pipeline report")
            ])
    }

    // MARK: - Order

    @Test("Reordering entities or list items is not a change")
    func reordering() {
        var before = base
        before.kpis[0].serves = ["grow", "keep"]
        before.objectives.append(Objective(id: "keep", statement: "Keep customers"))
        var after = before
        after.participants.reverse()
        after.objectives.reverse()
        after.kpis[0].serves.reverse()
        #expect(CanvasDiff(from: before, to: after).isEmpty)
    }

    @Test("Changes come in document order, removed items where they stood")
    func documentOrder() {
        var after = base
        after.participants.remove(at: 1)  // exec, between sales and scoring
        after.participants.append(Participant(id: "finance", name: "Finance", type: .team))
        after.participants[0].escalatesTo = "finance"
        after.objectives[0].priority = 2
        let changes = CanvasDiff(from: base, to: after).changes
        #expect(
            changes.map(\.location) == [
                "objectives/grow priority", "participants/sales escalates_to", "participants/exec",
                "participants/finance",
            ])
    }

    // MARK: - Encoding

    @Test("A diff round-trips through JSON with plain field names")
    func codable() throws {
        var after = base
        after.kpis[0].name = "Qualified sign-ups"
        let diff = CanvasDiff(from: base, to: after)
        let data = try JSONEncoder().encode(diff)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"change\":\"changed\""))
        #expect(json.contains("\"field\":\"name\""))
        #expect(try JSONDecoder().decode(CanvasDiff.self, from: data) == diff)
    }

    @Test("Long values are cut to a short display string")
    func longValues() {
        var after = base
        after.kpis[0].formula = String(repeating: "count of sign-ups ", count: 20)
        let change = CanvasDiff(from: base, to: after).changes[0]
        #expect(change.after?.count == 120)
        #expect(change.after?.hasSuffix("…") == true)
    }
}
