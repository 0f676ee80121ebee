import ArgumentParser
import PlumblineCore
import PlumblineRender

/// Reading canvases with their KPI values and diagnosing them, shared by `check`, `render` and
/// `report` so every command refuses bad input with the same messages and exit status.
enum Diagnose {
    /// Reads and diagnoses each file. Every problem of every file goes to standard error first;
    /// then, if any file was invalid, exits with status 2.
    /// With `asAdopted`, each canvas is judged with its proposals adopted (see `Canvas.adopted`).
    static func reports(
        files: [String], data: [String], overrides: [RuleSetting], asAdopted: Bool = false
    ) throws -> (
        engine: DiagnosisEngine, reports: [CheckReport]
    ) {
        var inputs: [(CanvasDocument, KPIValues)] = []
        var invalid = false
        for file in files {
            do {
                var document = try CanvasFile.read(file)
                if asAdopted { document.canvas = document.canvas.adopted }
                inputs.append((document, try ValueFiles.load(for: document, extra: data)))
            } catch {
                for issue in error.issues { Console.error(issue.description) }
                invalid = true
            }
        }
        if invalid { throw ExitCode(2) }
        let engine = DiagnosisEngine(knowledge: try KnowledgeBase.bundled())
        let reports = inputs.map { document, values in
            CheckReport(document: document, diagnosis: engine.diagnose(document, values: values, overrides: overrides))
        }
        return (engine, reports)
    }

    /// The one report of a single-file command.
    static func report(file: String, data: [String], ruleOverrides: [String]) throws -> CheckReport {
        let overrides = try RuleOverride.parse(ruleOverrides)
        return try reports(files: [file], data: data, overrides: overrides).reports[0]
    }
}
