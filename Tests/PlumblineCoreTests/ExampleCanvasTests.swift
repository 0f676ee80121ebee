import Foundation
import PlumblineCore
import Testing

/// The shipped examples are valid and survive a write in either syntax unchanged.
@Suite struct ExampleCanvasTests {
    @Test func thereAreEightExamplesFourOfEachKind() throws {
        let documents = try TestSupport.exampleFiles().map(TestSupport.read)
        #expect(documents.count == 8)
        #expect(documents.filter { $0.canvas.kind == .kpiMisalignment }.count == 4)
        #expect(documents.filter { $0.canvas.kind == .accountabilityNetwork }.count == 4)
    }

    @Test(arguments: try TestSupport.exampleFiles())
    func exampleIsValidAndRich(_ url: URL) throws {
        let canvas = try TestSupport.read(url).canvas
        #expect((10...40).contains(canvas.kpis.count), "\(url.lastPathComponent) has \(canvas.kpis.count) KPIs")
        #expect(canvas.participants.count >= 5)
        #expect(!canvas.incentives.isEmpty)
        #expect(!canvas.mechanisms.isEmpty)
        #expect(!canvas.feedbackLoops.isEmpty)
        #expect(!canvas.risks.isEmpty)
        #expect(canvas.id == url.deletingPathExtension().lastPathComponent)
    }

    @Test(arguments: try TestSupport.exampleFiles(), DocumentSyntax.allCases)
    func roundTripKeepsTheModel(_ url: URL, syntax: DocumentSyntax) throws {
        let original = try TestSupport.read(url).canvas
        let written = CanvasWriter().write(original, as: syntax)
        let reread = try CanvasReader().read(text: written, file: "roundtrip.\(syntax.rawValue)").canvas
        #expect(reread == original)
        // Writing again gives the same text: formatting is stable.
        #expect(CanvasWriter().write(reread, as: syntax) == written)
    }

    @Test(arguments: try TestSupport.exampleFiles())
    func yamlAndJSONDescribeTheSameCanvas(_ url: URL) throws {
        let original = try TestSupport.read(url).canvas
        let json = CanvasWriter().write(original, as: .json)
        let viaJSON = try CanvasReader().read(text: json, file: "x.json").canvas
        let yaml = CanvasWriter().write(viaJSON, as: .yaml)
        #expect(try CanvasReader().read(text: yaml, file: "x.yaml").canvas == original)
    }

    @Test(arguments: try TestSupport.exampleFiles())
    func sourceMapPointsAtEveryEntity(_ url: URL) throws {
        let document = try TestSupport.read(url)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for kpi in document.canvas.kpis {
            let mark = try #require(document.sourceMap.mark(of: kpi.id.rawValue))
            // The entity's list item starts on the line holding its id, or just above it.
            let window = lines[(mark.line - 1)...min(lines.count - 1, mark.line + 1)].joined(separator: "\n")
            #expect(window.contains(kpi.id.rawValue))
        }
    }
}

/// The complete canvases shown in docs/format.md stay valid as the format evolves.
@Suite struct FormatDocumentationTests {
    @Test func completeExamplesInTheFormatReferenceAreValid() throws {
        let text = try String(
            contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let complete = blocks.filter { $0.hasPrefix("plumbline: 1\n") && $0.contains("\ntitle:") }
        #expect(complete.count >= 2)
        for block in complete {
            #expect(throws: Never.self) { try CanvasReader().read(text: block, file: "doc.yaml") }
        }
    }
}
