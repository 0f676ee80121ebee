import ArgumentParser
import Foundation
import PlumblineCore

/// `plumb validate FILE…`: is each file a well-formed canvas?
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check that canvas files follow the format; list every problem with its line.",
        discussion: """
            Exits 0 when every file is valid and 2 when any is not. Each problem names the file, \
            line and column, the field path (e.g. kpis[3].accountable), what was found and what \
            was expected.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Canvas files (.yaml, .yml or .json).")
    var files: [String]

    @Option(help: "Output: text for people, json for machines.")
    var format: OutputFormat = .text

    func run() throws {
        var results: [FileResult] = []
        for file in files {
            do {
                let document = try CanvasFile.read(file)
                let c = document.canvas
                results.append(
                    FileResult(
                        file: file, valid: true, errors: [],
                        summary:
                            "\(c.kind.rawValue), \(c.objectives.count) objectives, \(c.kpis.count) KPIs, \(c.participants.count) participants"
                    ))
            } catch {
                results.append(
                    FileResult(file: file, valid: false, errors: error.issues.map(IssueDTO.init), summary: nil))
            }
        }
        switch format {
        case .text:
            for r in results {
                if r.valid {
                    print("\(r.file): valid (\(r.summary ?? ""))")
                } else {
                    for e in r.errors { Console.error(e.text) }
                    Console.error("\(r.file): \(r.errors.count) problem\(r.errors.count == 1 ? "" : "s")")
                }
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Report(valid: results.allSatisfy(\.valid), files: results))
            print(String(decoding: data, as: UTF8.self))
        }
        if !results.allSatisfy(\.valid) { throw ExitCode(2) }
    }

    // MARK: - DTOs

    struct Report: Encodable {
        var valid: Bool
        var files: [FileResult]
    }

    struct FileResult: Encodable {
        var file: String
        var valid: Bool
        var errors: [IssueDTO]
        var summary: String?
    }

    struct IssueDTO: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var path: String
        var code: String
        var message: String
        var expected: String?
        var suggestion: String?
        var text: String

        init(_ issue: CanvasIssue) {
            file = issue.file
            line = issue.line
            column = issue.column
            path = issue.path
            code = issue.code.rawValue
            message = issue.message
            expected = issue.expected
            suggestion = issue.suggestion
            text = issue.description
        }
    }
}
