import ArgumentParser
import Foundation
import PlumblineCore

/// `plumb bench`: how fast the full diagnosis of a large organisation with years of values is,
/// and how many of the problems planted in it the data rules find.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Time the full diagnosis of a large synthetic organisation with planted problems (use a release build).",
        discussion: """
            Generates a deterministic organisation (default 10,000 KPIs, 2,000 participants and 260 \
            weeks of values, some at team level), writes the canvas as YAML and the values as a long \
            CSV, then times reading both back and running every rule, best of --runs. Reports peak \
            memory, and the recall and false positives of the data rules against the planted truth.

            --canvas-only times a canvas without values instead (the structural rules alone).

              swift build -c release && .build/release/plumb bench
              .build/release/plumb bench --write bench/out     # keep the files (bench/compare uses them)
            """
    )

    @Option(help: "Number of KPIs.") var kpis = 10_000
    @Option(help: "Number of participants.") var participants = 2_000
    @Option(help: "Weeks of values.") var weeks = 260
    @Option(help: "Repetitions; the best time is reported.") var runs = 3
    @Option(help: "Random seed of the generator.") var seed: UInt64 = 42
    @Option(help: "Keep the generated files in this directory (canvas.yaml, values.csv, planted.json).")
    var write: String?
    @Flag(help: "Benchmark a canvas without values: the structural rules only.") var canvasOnly = false
    @Flag(help: "Also time each rule on its own.") var profile = false
    @Flag(help: "Print the figures as one JSON object.") var json = false

    func run() throws {
        let knowledge = try KnowledgeBase.bundled()
        let directory = write ?? NSTemporaryDirectory() + "plumb-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if write == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let canvasPath = directory + "/canvas.yaml", valuesPath = directory + "/values.csv"

        var planted: [SyntheticKPIData.PlantedProblem] = []
        if canvasOnly {
            let canvas = SyntheticOrganisation(
                kpiCount: kpis, participantCount: participants, seed: seed, kpiNames: knowledge.kpis.map(\.name)
            ).canvas()
            try CanvasFile.writeAtomically(CanvasWriter().write(canvas, as: .yaml), to: canvasPath)
        } else {
            let data = SyntheticKPIData(kpiCount: kpis, participantCount: participants, weeks: weeks, seed: seed)
                .generate()
            planted = data.planted
            try CanvasFile.writeAtomically(CanvasWriter().write(data.canvas, as: .yaml), to: canvasPath)
            try Self.writeLongCSV(data.values, to: valuesPath)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(planted).write(to: URL(fileURLWithPath: directory + "/planted.json"))
        }

        let engine = DiagnosisEngine(knowledge: knowledge)
        var best = Timings(read: .infinity, values: .infinity, diagnose: .infinity, total: .infinity)
        var diagnosis: Diagnosis?
        var observations = 0
        var document: CanvasDocument?
        for _ in 0..<max(1, runs) {
            let t0 = DispatchTime.now()
            let doc = try CanvasFile.read(canvasPath)
            let t1 = DispatchTime.now()
            let values = canvasOnly ? KPIValues() : try ValueFiles.load(for: doc, extra: [valuesPath])
            let t2 = DispatchTime.now()
            observations = values.observationCount
            let result = engine.diagnose(doc, values: values, overrides: [])
            let t3 = DispatchTime.now()
            best.read = min(best.read, Self.seconds(t0, t1))
            best.values = min(best.values, Self.seconds(t1, t2))
            best.diagnose = min(best.diagnose, Self.seconds(t2, t3))
            best.total = min(best.total, Self.seconds(t0, t3))
            diagnosis = result
            document = doc
        }
        guard let diagnosis, let document else { return }
        let score = PlantedScore(planted: planted, findings: diagnosis.activeFindings)
        let report = Report(
            kpis: kpis, participants: participants, weeks: canvasOnly ? 0 : weeks, runs: max(1, runs),
            canvasKiB: Self.fileSize(canvasPath) / 1024, valuesMiB: canvasOnly ? 0 : Self.fileSize(valuesPath) >> 20,
            observations: observations, rules: engine.rules.count,
            findings: diagnosis.findings.count, seconds: best, peakMemoryMiB: Self.peakMemoryMiB(),
            planted: planted.count, found: score.found, recall: score.recall,
            falsePositives: score.falsePositives, byRule: score.byRule)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if profile {
            Self.profile(document, values: canvasOnly ? nil : valuesPath, engine: engine, knowledge: knowledge)
        }
    }

    // MARK: - Figures

    struct Timings: Codable {
        var read, values, diagnose, total: Double
    }

    struct Report: Codable {
        var kpis, participants, weeks, runs, canvasKiB, valuesMiB, observations, rules, findings: Int
        var seconds: Timings
        var peakMemoryMiB: Double
        var planted, found: Int
        var recall: Double
        var falsePositives: Int
        var byRule: [String: PlantedScore.RuleScore]

        var text: String {
            var lines = [
                "organisation: \(kpis) KPIs, \(participants) participants"
                    + (weeks > 0 ? ", \(weeks) weeks, \(observations) values (\(valuesMiB) MiB of CSV)" : "")
                    + ", \(canvasKiB) KiB of YAML",
                String(format: "read canvas:   %.3f s", seconds.read),
                weeks > 0 ? String(format: "import values: %.3f s", seconds.values) : nil,
                String(format: "diagnose:      %.3f s (%d rules, %d findings)", seconds.diagnose, rules, findings),
                String(format: "total:         %.3f s (best of %d)", seconds.total, runs),
                String(format: "peak memory:   %.0f MiB", peakMemoryMiB),
            ].compactMap { $0 }
            if planted > 0 {
                lines.append(
                    String(
                        format: "planted problems found: %d of %d (recall %.1f %%), false positives: %d", found,
                        planted,
                        recall * 100, falsePositives))
                for (rule, s) in byRule.sorted(by: { $0.key < $1.key }) {
                    lines.append("  \(rule): found \(s.found) of \(s.planted), false positives \(s.falsePositives)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    // MARK: - Files

    /// The values in the long layout (`kpi,period,value,entity`), written in large chunks.
    static func writeLongCSV(_ values: KPIValues, to path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var buffer = "kpi,period,value,entity\n"
        func flush(_ force: Bool = false) {
            if force || buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        for id in values.series.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let series = values.series[id]!
            if series.entityValues.isEmpty {
                for (period, value) in series.ordered { buffer += "\(id),\(period),\(value),\n" }
            } else {
                for e in series.entityValues { buffer += "\(id),\(e.period),\(e.value),\(e.entity)\n" }
            }
            flush()
        }
        flush(true)
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    // MARK: - Measurement

    static func profile(_ document: CanvasDocument, values: String?, engine: DiagnosisEngine, knowledge: KnowledgeBase)
    {
        let loaded = (try? values.map { try ValueFiles.load(for: document, extra: [$0]) }) ?? nil
        let t0 = DispatchTime.now()
        let analysis = CanvasAnalysis(
            canvas: document.canvas, canvasID: document.canvasID, knowledge: knowledge, values: loaded)
        print(String(format: "  analysis: %.3f s", seconds(t0, DispatchTime.now())))
        for rule in engine.rules {
            let t = DispatchTime.now()
            let n = DiagnosisEngine(rules: [rule], knowledge: knowledge).diagnose(analysis).findings.count
            print(String(format: "  %@: %.3f s (%d findings)", rule.metadata.id, seconds(t, DispatchTime.now()), n))
        }
    }

    static func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9
    }

    /// Peak resident set size of this process.
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

/// How the data findings of a run compare with the problems planted in its data.
struct PlantedScore {
    struct RuleScore: Codable {
        var planted = 0, found = 0, falsePositives = 0
    }

    var found = 0
    var falsePositives = 0
    var byRule: [String: RuleScore] = [:]
    var planted: Int

    var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }

    init(planted truth: [SyntheticKPIData.PlantedProblem], findings: [Finding]) {
        planted = truth.count
        let wanted = Set(truth.map { Key(rule: $0.rule, subjects: Set($0.subjects)) })
        var hit: Set<Key> = []
        for p in truth { byRule[p.rule, default: RuleScore()].planted += 1 }
        for f in findings where f.rule.hasPrefix("DATA-") && !f.isNotEnoughData {
            let key = Key(rule: f.rule, subjects: Set(f.subjects))
            if wanted.contains(key) {
                if hit.insert(key).inserted { byRule[f.rule, default: RuleScore()].found += 1 }
            } else {
                byRule[f.rule, default: RuleScore()].falsePositives += 1
                falsePositives += 1
            }
        }
        found = hit.count
    }

    struct Key: Hashable {
        var rule: String
        var subjects: Set<String>
    }
}
