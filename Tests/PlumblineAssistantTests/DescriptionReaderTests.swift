import PlumblineAssistant
import PlumblineCore
import Testing

/// The reader keeps the phrase behind every item it recognises.
@Suite struct DescriptionReaderTests {
    static let reader = DescriptionReader(
        knowledge: try! KnowledgeBase.bundled(), library: try! ArchetypeLibrary.bundled())

    @Test func readsTheIssueExample() {
        let reading = Self.reader.read(
            "B2B SaaS, 200 staff; sales is paid on new sign-ups, churn has doubled, an AI model scores leads")
        #expect(reading.industry == "b2b-saas")
        #expect(reading.size == "200 staff")
        #expect(reading.teams == ["sales"])
        #expect(reading.incentives.map(\.tiedTo) == [["new-signups"]])
        #expect(reading.incentives.first?.recipient == "sales")
        #expect(reading.painPoints.map(\.measure) == ["customer-churn-rate"])
        #expect(reading.aiSystems.first?.role == .optimizes)
        #expect(reading.recognitions.contains { $0.kind == .painPoint && $0.phrase.contains("churn has doubled") })
    }

    @Test func painInTheSameClauseIsNotPaid() {
        let reading = Self.reader.read("Agents are bonused on AHT while repeat contact rate is rising.")
        #expect(reading.incentives.map(\.tiedTo) == [["average-handle-time"]])
        #expect(reading.painPoints.map(\.measure) == ["repeat-contact-rate"])
    }

    @Test func unknownIndustryFallsBack() {
        #expect(Self.reader.read("We make things and sell them.").industry == nil)
    }
}
