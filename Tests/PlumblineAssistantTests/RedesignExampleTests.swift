import Foundation
import PlumblineAssistant
import PlumblineCore
import Testing

/// `plumb suggest` on the eight shipped examples, without and with their KPI values.
@Suite struct RedesignExampleTests {
    static let redesign = Redesign(knowledge: try! KnowledgeBase.bundled())
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func read(_ url: URL) throws -> CanvasDocument {
        try CanvasReader().read([UInt8](try Data(contentsOf: url)), file: url.path)
    }

    /// The values of the canvas's `data` files, read as `plumb check` reads them.
    static func values(for document: CanvasDocument) throws -> KPIValues {
        let base = URL(fileURLWithPath: document.file!).deletingLastPathComponent()
        var values = KPIValues()
        for source in document.canvas.data {
            guard case .file(let path, _) = source else { continue }
            var importer = KPIValueImport(
                file: path, knownKPIs: Set(document.canvas.kpis.map(\.id.rawValue)))
            importer.consume([UInt8](try Data(contentsOf: base.appendingPathComponent(path))))
            let read = importer.finish()
            values.merge(try #require(read, "\(path): \(importer.issues)"))
        }
        return values
    }

    @Test func theExamplesAreEightAndTwoShipValues() throws {
        let documents = try Self.files().map(Self.read)
        #expect(documents.count == 8)
        #expect(try documents.filter { !(try Self.values(for: $0)).series.isEmpty }.count == 2)
    }

    @Test(arguments: try files(), [false, true])
    func redesignHalvesErrorsAddsNoneAndRaisesTheScore(_ url: URL, withValues: Bool) throws {
        let document = try Self.read(url)
        let values = withValues ? try Self.values(for: document) : nil
        let result = Self.redesign.suggest(document, values: values)
        let name = url.lastPathComponent

        let errorsBefore = result.before.activeFindings.filter { $0.severity == .error }
        let errorsAfter = result.after.activeFindings.filter { $0.severity == .error }
        #expect(!errorsBefore.isEmpty, "\(name) has nothing to redesign")
        #expect(errorsAfter.count * 2 <= errorsBefore.count, "\(name): \(errorsAfter.map(\.fingerprint))")
        // No new error: compared by rule and subjects.
        let known = Set(errorsBefore.map(\.fingerprint))
        let added = errorsAfter.filter { !known.contains($0.fingerprint) }
        #expect(added.isEmpty, "\(name) gains \(added.map(\.fingerprint))")
        #expect(result.after.scores.overall > result.before.scores.overall)
        #expect(!result.changes.isEmpty)

        try RedesignAssertions.onlyAppends(document.canvas, result.canvas)
        try RedesignAssertions.readsBack(result.canvas)
        // Every proposal says which finding it answers.
        for kpi in result.canvas.kpis.dropFirst(document.canvas.kpis.count) {
            #expect(kpi.status == .proposed)
            #expect(kpi.rationale?.hasPrefix("Answers ") == true)
            #expect(kpi.extensions.proposal?.answers.isEmpty == false)
        }
        for incentive in result.canvas.incentives.dropFirst(document.canvas.incentives.count) {
            #expect(incentive.extensions.proposal?.replaces != nil, "\(incentive.id) neither revises nor is marked")
        }
    }

    @Test(arguments: try files())
    func suggestingASuggestedCanvasAddsNothing(_ url: URL) throws {
        let document = try Self.read(url)
        let values = try Self.values(for: document)
        let first = Self.redesign.suggest(document, values: values)
        var again = document
        again.canvas = first.canvas
        let second = Self.redesign.suggest(again, values: values)
        #expect(second.changes.isEmpty, "\(url.lastPathComponent): \(second.changes.map(\.action))")
        #expect(second.canvas == first.canvas)
    }

    /// What the redesign leaves is what a tool cannot decide for the team: escalation loops among
    /// participants (fixing one means editing a participant), data evidence of past harm, and the
    /// stakeholders' sign-off.
    @Test func remainingErrorsAreOnlyTheOnesATeamMustResolve() throws {
        for url in try Self.files() {
            let document = try Self.read(url)
            let result = Self.redesign.suggest(document, values: try Self.values(for: document))
            let left = Set(result.after.activeFindings.filter { $0.severity == .error }.map(\.rule))
            #expect(left.isSubset(of: ["ESC-02", "DATA-04"]), "\(url.lastPathComponent): \(left)")
        }
    }
}
