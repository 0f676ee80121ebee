import Foundation
import PlumblineCore
import Testing

/// Runs the real `plumb` executable, as a person or a CI job would.
@Suite struct PlumbCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        // Tests run from the build products directory, where `plumb` sits beside the test bundle.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = products.appendingPathComponent("plumb")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/plumb")
    }

    static func plumb(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, input: Pipe? = nil
    ) throws
        -> Run
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = directory ?? repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input { process.standardInput = input }
        try process.run()
        try input?.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plumb-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func validateAcceptsEveryExample() throws {
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: Self.repositoryRoot.appendingPathComponent("examples").path
        )
        .filter { $0.hasSuffix(".yaml") }.sorted().map { "examples/\($0)" }
        #expect(examples.count == 8)
        let run = try Self.plumb(["validate"] + examples)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: ": valid").count - 1 == examples.count)
    }

    @Test func validateExitsTwoAndListsProblems() throws {
        let dir = try Self.temporaryDirectory()
        let file = dir.appendingPathComponent("bad.yaml")
        try "plumbline: 1\nkind: kpi-misalignment\ntitle: Bad\nkpis:\n  - {id: a, name: A, accountable: nobody}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.plumb(["validate", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:5:"))
        #expect(run.stderr.contains("kpis[0].accountable: 'nobody' does not name any participant"))

        let json = try Self.plumb(["validate", "--format", "json", file.path])
        #expect(json.status == 2)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["valid"] as? Bool == false)
        let files = report?["files"] as? [[String: Any]]
        let errors = files?.first?["errors"] as? [[String: Any]]
        #expect(errors?.first?["code"] as? String == "unknown-reference")
        #expect(errors?.first?["line"] as? Int == 5)
    }

    @Test func missingFileIsAClearError() throws {
        let run = try Self.plumb(["validate", "no-such-canvas.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-canvas.yaml: no such file"))
    }

    @Test func initWritesAValidStarterAndRefusesToOverwrite() throws {
        let dir = try Self.temporaryDirectory()
        for kind in ["kpi-misalignment", "accountability-network"] {
            let file = dir.appendingPathComponent("\(kind).yaml").path
            #expect(try Self.plumb(["init", "--kind", kind, "--title", "Starter", file]).status == 0)
            #expect(try Self.plumb(["validate", file]).status == 0)
            let again = try Self.plumb(["init", "--kind", kind, file])
            #expect(again.status == 1)
            #expect(again.stderr.contains("already exists"))
        }
    }

    @Test func convertRoundTripsThroughJSON() throws {
        let dir = try Self.temporaryDirectory()
        let json = dir.appendingPathComponent("saas.json").path
        let yaml = dir.appendingPathComponent("saas.yaml").path
        #expect(
            try Self.plumb(["convert", "examples/saas-growth-vs-retention.yaml", "--to", "json", "-o", json]).status
                == 0)
        #expect(try Self.plumb(["convert", json, "--to", "yaml", "-o", yaml]).status == 0)
        let original = try CanvasReader().read(
            [UInt8](
                Data(contentsOf: Self.repositoryRoot.appendingPathComponent("examples/saas-growth-vs-retention.yaml"))),
            file: "a.yaml"
        ).canvas
        let back = try CanvasReader().read([UInt8](Data(contentsOf: URL(fileURLWithPath: yaml))), file: "b.yaml").canvas
        #expect(back == original)
    }

    @Test func fmtNormalisesButKeepsCommentedFilesUnlessTold() throws {
        let dir = try Self.temporaryDirectory()
        let plain = dir.appendingPathComponent("plain.yaml")
        try "title: Out of order\nkind: kpi-misalignment\nplumbline: 1\n".write(
            to: plain, atomically: true, encoding: .utf8)
        #expect(try Self.plumb(["fmt", "--check", plain.path]).status == 1)
        #expect(try Self.plumb(["fmt", plain.path]).status == 0)
        #expect(
            try String(contentsOf: plain, encoding: .utf8)
                == "plumbline: 1\nkind: kpi-misalignment\ntitle: Out of order\n")
        #expect(try Self.plumb(["fmt", "--check", plain.path]).status == 0)

        let commented = dir.appendingPathComponent("commented.yaml")
        let text = "# keep me\ntitle: T\nkind: kpi-misalignment\nplumbline: 1\n"
        try text.write(to: commented, atomically: true, encoding: .utf8)
        let refused = try Self.plumb(["fmt", commented.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("comments"))
        #expect(try String(contentsOf: commented, encoding: .utf8) == text)
        #expect(try Self.plumb(["fmt", "--drop-comments", commented.path]).status == 0)
    }

    @Test func helpExplainsEveryCommand() throws {
        let run = try Self.plumb(["--help"])
        #expect(run.status == 0)
        for command in ["init", "validate", "convert", "fmt"] { #expect(run.stdout.contains(command)) }
    }
}
