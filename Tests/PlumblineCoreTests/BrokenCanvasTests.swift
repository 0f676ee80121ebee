import Foundation
import PlumblineCore
import Testing

/// The corpus of broken canvases: each file's exact errors (code, path, line, message,
/// suggestion) are listed in `Fixtures/broken/expected.json`.
@Suite struct BrokenCanvasTests {
    struct Expectation: Decodable, Sendable, CustomTestStringConvertible {
        struct ExpectedIssue: Decodable, Sendable {
            var code: String
            var path: String
            var line: Int?
            var message: String
            var suggestion: String?
        }
        var file: String
        var why: String
        var errors: [ExpectedIssue]
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = {
        let url = TestSupport.fixture("broken/expected.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Expectation].self, from: data)) ?? []
    }()

    @Test func corpusIsLargeAndCoversBothSyntaxes() {
        #expect(Self.expectations.count >= 40)
        #expect(Self.expectations.filter { $0.file.hasSuffix(".json") }.count >= 10)
    }

    @Test(arguments: expectations)
    func brokenCanvasGivesExactlyTheExpectedErrors(_ expectation: Expectation) throws {
        let url = TestSupport.fixture("broken/\(expectation.file)")
        let bytes = [UInt8](try Data(contentsOf: url))
        do {
            _ = try CanvasReader().read(bytes, file: expectation.file)
            Issue.record("\(expectation.file) was accepted; expected: \(expectation.why)")
        } catch {
            let actual = error.issues
            #expect(actual.count == expectation.errors.count, "\(actual.map(\.description))")
            for (found, wanted) in zip(actual, expectation.errors) {
                #expect(found.code.rawValue == wanted.code)
                #expect(found.path == wanted.path)
                #expect(found.line == wanted.line)
                #expect(found.message == wanted.message)
                #expect(found.suggestion == wanted.suggestion)
                #expect(found.file == expectation.file)
            }
        }
    }
}
