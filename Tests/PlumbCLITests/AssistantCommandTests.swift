import Foundation
import Testing

/// `plumb generate`, run as a person would.
@Suite struct AssistantCommandTests {
    typealias T = PlumbCommandTests

    @Test func generateWritesAValidCanvasAndExplainsItself() throws {
        let out = try T.temporaryDirectory().appendingPathComponent("draft.yaml").path
        let run = try T.plumb([
            "generate", "--kind", "kpi-misalignment",
            "B2B SaaS, 200 staff; sales is paid on new sign-ups, churn has doubled, an AI model scores leads", "-o",
            out,
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("recognised incentive"))
        #expect(run.stderr.contains("assumed"))
        let check = try T.plumb(["check", out, "--format", "json", "--fail-on", "never"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("\"CHAIN-03\""))
    }

    @Test func generateToStandardOutput() throws {
        let run = try T.plumb(["generate", "--kind", "accountability-network", "A gig platform for couriers"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("plumbline: 1"))
        #expect(run.stdout.contains("kind: accountability-network"))
        #expect(run.stdout.contains("x-assumed: true"))
    }
}
