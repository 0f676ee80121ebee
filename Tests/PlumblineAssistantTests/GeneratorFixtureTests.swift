import Foundation
import PlumblineAssistant
import PlumblineCore
import Testing

/// One description and what its draft must contain (Fixtures/descriptions.json).
struct DescriptionFixture: Decodable, Sendable, CustomTestStringConvertible {
    var industry: String
    var kind: String
    var text: String
    /// Participant ids the draft must contain.
    var participants: [String]
    /// KPI ids the draft must contain.
    var kpis: [String]
    /// [participant, KPI]: an incentive for that participant tied to that KPI; empty when none named.
    var incentiveOn: [String]
    /// Rule ids the stated misalignment must make the diagnosis report.
    var rules: [String]

    var testDescription: String { "\(industry) (\(kind))" }

    static let all: [DescriptionFixture] = {
        let url = Bundle.module.url(forResource: "Fixtures/descriptions", withExtension: "json")!
        return try! JSONDecoder().decode([DescriptionFixture].self, from: Data(contentsOf: url))
    }()
}

/// `plumb generate`'s offline drafter against twenty descriptions across industries and both kinds.
@Suite struct GeneratorFixtureTests {
    static let knowledge = try! KnowledgeBase.bundled()
    static let generator = CanvasGenerator(knowledge: knowledge, library: try! ArchetypeLibrary.bundled())

    @Test func fixturesSpanTenIndustriesAndBothKinds() {
        #expect(DescriptionFixture.all.count == 20)
        #expect(Set(DescriptionFixture.all.map(\.industry)).count >= 10)
        #expect(Set(DescriptionFixture.all.map(\.kind)) == ["kpi-misalignment", "accountability-network"])
    }

    @Test(arguments: DescriptionFixture.all)
    func draftIsValidSpecificAndShowsTheMisalignment(_ fixture: DescriptionFixture) throws {
        let kind = try #require(CanvasKind(rawValue: fixture.kind))
        let draft = try Self.generator.draft(DraftRequest(kind: kind, description: fixture.text))
        let canvas = draft.canvas
        #expect(canvas.kind == kind)
        #expect(draft.reading.industry == fixture.industry)

        // Valid format v1: what the writer produces reads back, equal.
        let text = CanvasWriter().write(canvas, as: .yaml)
        let document = try CanvasReader().read(text: text, file: "draft.yaml")
        #expect(document.canvas == canvas)

        // Specific: what the description names is there, and not marked assumed.
        for id in fixture.participants {
            let participant = canvas.participants.first { $0.id.rawValue == id }
            #expect(participant != nil, "participant \(id) missing")
        }
        for id in fixture.kpis {
            let kpi = try #require(canvas.kpis.first { $0.id.rawValue == id }, "KPI \(id) missing")
            #expect(!AssistantMarks.isAssumed(kpi.extensions), "named KPI \(id) is marked assumed")
        }
        if fixture.incentiveOn.count == 2 {
            let tied = canvas.incentives.contains {
                $0.recipient.rawValue == fixture.incentiveOn[0] && $0.tiedTo.contains(KPIID(fixture.incentiveOn[1]))
                    && !AssistantMarks.isAssumed($0.extensions)
            }
            #expect(tied, "no named incentive for \(fixture.incentiveOn[0]) on \(fixture.incentiveOn[1])")
        }

        // Whatever came from the archetype says so; everything else names the phrase behind it.
        #expect(!draft.assumed.isEmpty)
        let marked =
            canvas.kpis.map(\.extensions) + canvas.participants.map(\.extensions)
            + canvas.objectives.map(\.extensions) + canvas.incentives.map(\.extensions)
        for extensions in marked {
            let keys = Set(extensions.map(\.key))
            #expect(keys.contains(AssistantMarks.assumed) != keys.contains(AssistantMarks.recognised))
        }

        // The stated misalignment is what the diagnosis reports.
        let diagnosis = DiagnosisEngine(knowledge: Self.knowledge).diagnose(document)
        let fired = Set(diagnosis.activeFindings.map(\.rule))
        for rule in fixture.rules { #expect(fired.contains(rule), "\(rule) did not fire; fired: \(fired.sorted())") }
    }

    @Test func sameDescriptionGivesTheSameDraft() throws {
        let request = DraftRequest(kind: .kpiMisalignment, description: DescriptionFixture.all[0].text)
        #expect(try Self.generator.draft(request).canvas == Self.generator.draft(request).canvas)
    }
}
