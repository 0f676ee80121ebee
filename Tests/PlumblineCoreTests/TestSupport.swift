import Foundation
import PlumblineCore
import Testing

/// Paths and helpers shared by the core tests.
enum TestSupport {
    /// The repository root, found from this file's location so tests run from any directory.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let examplesDirectory = repositoryRoot.appendingPathComponent("examples")

    /// Every example canvas shipped in `examples/`.
    static func exampleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examplesDirectory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func fixture(_ relativePath: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
    }

    static func read(_ url: URL) throws -> CanvasDocument {
        let bytes = [UInt8](try Data(contentsOf: url))
        return try CanvasReader().read(bytes, file: url.lastPathComponent)
    }

    /// Reads text and returns its issues; records a failure when it unexpectedly reads cleanly.
    static func issues(
        _ text: String, file: String = "test.yaml", limits: ReadLimits = .standard,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [CanvasIssue] {
        do {
            _ = try CanvasReader(limits: limits).read(text: text, file: file)
            Issue.record("expected the canvas to be rejected", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }

    /// A small valid canvas to mutate in tests.
    static let minimalCanvas = """
        plumbline: 1
        kind: kpi-misalignment
        title: Minimal
        objectives:
          - {id: grow, statement: Grow lifetime value, horizon: long, priority: 1}
        participants:
          - {id: sales, name: Sales, type: team, escalates_to: exec, decides: [pricing]}
          - {id: exec, name: Executive team, type: oversight}
          - {id: scoring, name: Lead scoring, type: ai-system}
        kpis:
          - id: signups
            name: New sign-ups
            direction: increase
            target: 5000
            serves: [grow]
            accountable: sales
            ai: {role: optimizes, system: scoring, human_override: false}

        """
}
