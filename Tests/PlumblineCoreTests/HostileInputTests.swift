import Foundation
import PlumblineCore
import Testing

/// Input built to hurt: each case must end in a clear error, never a crash, a hang or a
/// swallowed problem.
@Suite struct HostileInputTests {
    @Test func deepFlowNestingIsRefused() {
        let text =
            "plumbline: 1\nx-deep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let issues = TestSupport.issues(text)
        #expect(issues.count == 1)
        #expect(issues.first?.code == .tooDeep)
        #expect(issues.first?.line == 2)
    }

    @Test func deepBlockNestingIsRefused() {
        var text = "plumbline: 1\nx-deep:\n"
        for depth in 1...2_000 { text += String(repeating: " ", count: depth) + "k:\n" }
        let issues = TestSupport.issues(text)
        #expect(issues.first?.code == .tooDeep)
    }

    @Test func deepJSONNestingIsRefused() {
        let text =
            "{\"plumbline\": 1, \"x-deep\": " + String(repeating: "[", count: 50_000)
            + String(repeating: "]", count: 50_000) + "}"
        let issues = TestSupport.issues(text, file: "deep.json")
        #expect(issues.first?.code == .tooDeep)
        #expect(issues.first?.line == 1)
    }

    @Test func aliasExpansionIsBounded() {
        // The "billion laughs": ten levels of ten aliases each expand to 10^10 nodes.
        var text =
            "plumbline: 1\nkind: kpi-misalignment\ntitle: Laughs\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "x-a\(level): &a\(level) [\(refs)]\n"
        }
        let issues = TestSupport.issues(text)
        #expect(issues.map(\.code) == [.tooManyNodes])
        #expect(issues.first?.message.contains("aliases") == true)
    }

    @Test func modestAliasUseIsAllowed() throws {
        let text = TestSupport.minimalCanvas + "x-shared: &s {owner: sales}\nx-copy: *s\n"
        let canvas = try CanvasReader().read(text: text, file: "alias.yaml").canvas
        #expect(canvas.extensions.map(\.key) == ["x-shared", "x-copy"])
        #expect(canvas.extensions[0].value == canvas.extensions[1].value)
    }

    @Test func fiftyMegabyteFileIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        do {
            _ = try CanvasReader().read(bytes, file: "huge.yaml")
            Issue.record("a 50 MB file was accepted")
        } catch {
            #expect(error.issues.map(\.code) == [.tooLarge])
            #expect(error.issues.first?.message.contains("50.0 MiB") == true)
        }
    }

    @Test func binaryJunkIsNotText() {
        var generator = SystemRandomNumberGenerator()
        let junk = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        do {
            _ = try CanvasReader().read([0x00] + junk, file: "junk.yaml")
            Issue.record("binary junk was accepted")
        } catch {
            #expect(error.issues.first?.code == .notText)
            #expect(error.issues.first?.line == 1)
        }
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        var bytes = Array("plumbline: 1\ntitle: caf".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        do {
            _ = try CanvasReader().read(bytes, file: "bad-utf8.yaml")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            let issue = error.issues.first
            #expect(issue?.code == .notText)
            #expect(issue?.line == 2)
            #expect(issue?.column == 11)
            #expect(issue?.message.contains("UTF-8") == true)
        }
    }

    @Test func overlongUTF8AndSurrogatesAreRejected() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            do {
                _ = try CanvasReader().read(Array("title: ".utf8) + bad, file: "x.yaml")
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.issues.first?.code == .notText)
            }
        }
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let canvas = try CanvasReader().read(
            [0xEF, 0xBB, 0xBF] + Array(TestSupport.minimalCanvas.utf8), file: "bom.yaml"
        ).canvas
        #expect(canvas.title == "Minimal")
    }

    @Test func emptyAndWhitespaceDocumentsAreEmpty() {
        for text in ["", "   \n\n", "# only a comment\n"] {
            #expect(TestSupport.issues(text).map(\.code) == [.emptyDocument])
        }
        #expect(TestSupport.issues("  ", file: "x.json").map(\.code) == [.emptyDocument])
    }

    @Test func manyErrorsAreAllReportedQuickly() {
        // 20,000 dangling references: every one reported, suggestions capped so it stays linear.
        var text = TestSupport.minimalCanvas
        for i in 0..<20_000 { text += "  - {id: k\(i), name: K, serves: [missing-\(i)], accountable: sales}\n" }
        let issues = TestSupport.issues(text)
        #expect(issues.count == 20_000)
        #expect(issues.allSatisfy { $0.code == .unknownReference })
    }

    @Test func nonScalarMappingKeysAreRejected() {
        let issues = TestSupport.issues("plumbline: 1\n? [a, b]\n: c\n")
        #expect(issues.first?.code == .wrongType)
    }

    @Test func multipleDocumentsAreRejected() {
        let issues = TestSupport.issues(TestSupport.minimalCanvas + "---\nplumbline: 1\n")
        #expect(issues.first?.code == .syntax)
        #expect(issues.first?.message.contains("single document") == true)
    }
}
