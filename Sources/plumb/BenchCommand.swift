import ArgumentParser
import Foundation
import PlumblineCore

/// `plumb bench`: how long the diagnosis of a large organisation takes.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time reading and diagnosing a large synthetic organisation (use a release build).",
        discussion: """
            Generates a deterministic canvas (default 10,000 KPIs and 2,000 participants), writes it \
            as YAML, then times reading it back and running every rule, best of --runs.

              swift build -c release && .build/release/plumb bench
            """
    )

    @Option(help: "Number of KPIs.") var kpis = 10_000
    @Option(help: "Number of participants.") var participants = 2_000
    @Option(help: "Repetitions; the best time is reported.") var runs = 5
    @Option(help: "Random seed of the generator.") var seed: UInt64 = 42
    @Option(help: "Also write the generated canvas here.") var write: String?
    @Flag(help: "Also time each rule on its own.") var profile = false

    func run() throws {
        let knowledge = try KnowledgeBase.bundled()
        let canvas = SyntheticOrganisation(
            kpiCount: kpis, participantCount: participants, seed: seed, kpiNames: knowledge.kpis.map(\.name)
        ).canvas()
        let yaml = CanvasWriter().write(canvas, as: .yaml)
        if let write { try CanvasFile.writeAtomically(yaml, to: write) }
        let bytes = Array(yaml.utf8)
        let engine = DiagnosisEngine(knowledge: knowledge)

        var readBest = Double.infinity, diagnoseBest = Double.infinity
        var findings = 0
        for _ in 0..<max(1, runs) {
            let t0 = DispatchTime.now()
            let document = try CanvasReader().read(bytes, file: "synthetic.yaml")
            let t1 = DispatchTime.now()
            let diagnosis = engine.diagnose(document)
            let t2 = DispatchTime.now()
            readBest = min(readBest, Self.seconds(t0, t1))
            diagnoseBest = min(diagnoseBest, Self.seconds(t1, t2))
            findings = diagnosis.findings.count
        }
        print(
            "canvas: \(kpis) KPIs, \(participants) participants, \(canvas.objectives.count) objectives, \(bytes.count / 1024) KiB of YAML"
        )
        print(String(format: "read and validate: %.3f s (best of %d)", readBest, runs))
        print(
            String(
                format: "diagnose (%d rules): %.3f s (best of %d), %d findings", engine.rules.count, diagnoseBest, runs,
                findings))
        print(String(format: "peak memory: %.0f MiB", Self.peakMemoryMiB()))
        if profile {
            let document = try CanvasReader().read(bytes, file: "synthetic.yaml")
            let t0 = DispatchTime.now()
            let analysis = CanvasAnalysis(document: document, knowledge: knowledge)
            print(String(format: "  analysis: %.3f s", Self.seconds(t0, DispatchTime.now())))
            for rule in engine.rules {
                let t = DispatchTime.now()
                let n = DiagnosisEngine(rules: [rule], knowledge: knowledge).diagnose(analysis).findings.count
                print(
                    String(
                        format: "  %@: %.3f s (%d findings)", rule.metadata.id, Self.seconds(t, DispatchTime.now()), n))
            }
        }
    }

    static func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9
    }

    /// Peak resident set size of this process, from /proc (Linux) or getrusage.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Double(usage.ru_maxrss) / (1024 * 1024)  // bytes on macOS
        #endif
    }
}
