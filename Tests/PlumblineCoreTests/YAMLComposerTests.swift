import Foundation
import Testing
import Yams

@testable import PlumblineCore

/// The reader composes YAML straight from libyaml's events for speed; it must build exactly the
/// tree Yams' own composer builds, position for position, on real canvases and on YAML's corners.
@Suite struct YAMLComposerTests {
    static let corners: [String] = [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: null, e: ~}\n",
        "text: |\n  line one\n  line two\nfolded: >\n  one\n  two\n",
        "plain: multi\n  line plain\n# comment\nafter: yes # trailing\n",
        "base: &b {owner: sales, due: 2026-01-01}\ncopy: *b\nlist: [*b, *b]\n",
        "tagged: !!str 123\nbinary: !custom value\n",
        "- one\n- - nested\n  - list\n- key: value\n  other: 2\n",
        "? complex key\n: value\n",
        "unicode: \"é — 日本\"\nescaped: \"tab\\tnew\\nline\"\n",
        "empty:\nblank: ''\n",
        "---\nstarts: explicitly\n...\n",
    ]

    @Test(arguments: corners)
    func matchesYamsOnCornerCases(_ text: String) throws {
        try expectSameTree(text)
    }

    @Test func matchesYamsOnEveryExample() throws {
        for url in try TestSupport.exampleFiles() where url.pathExtension == "yaml" {
            try expectSameTree(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        }
    }

    @Test func matchesYamsOnALargeSyntheticCanvas() throws {
        let canvas = SyntheticOrganisation(kpiCount: 500, participantCount: 100).canvas()
        try expectSameTree(CanvasWriter().write(canvas, as: .yaml))
    }

    @Test func refusesASecondDocument() {
        let issues = TestSupport.issues(TestSupport.minimalCanvas + "---\nsecond: document\n")
        #expect(issues.map(\.code) == [.syntax])
        #expect(issues.first?.message.contains("another document") == true)
    }

    @Test func reportsAnUndefinedAlias() {
        let issues = TestSupport.issues(TestSupport.minimalCanvas + "x-copy: *nowhere\n")
        #expect(issues.map(\.code) == [.syntax])
        #expect(issues.first?.message.contains("undefined alias") == true)
    }

    @Test func findsADuplicateKeyInABigMapping() {
        var text = TestSupport.minimalCanvas + "x-big:\n"
        for i in 0..<40 { text += "  k\(i): \(i)\n" }
        text += "  k7: again\n"
        let issues = TestSupport.issues(text)
        #expect(issues.map(\.code) == [.duplicateKey])
        #expect(issues.first?.message.contains("'k7' is given twice") == true)
    }

    // MARK: - Comparison

    private func expectSameTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try YAMLComposer(limits: .standard).compose(Array(text.utf8))
        let theirs = try Yams.Parser(yaml: text, resolver: .basic).singleRoot()
        #expect(describe(ours) == describe(theirs), sourceLocation: sourceLocation)
    }

    private func describe(_ node: DocumentNode?) -> String {
        guard let node else { return "none" }
        let at = node.mark.map { "@\($0.line):\($0.column)" } ?? ""
        switch node.content {
        case .scalar(let s): return "\(s.isQuoted ? "q" : "p")\(at)\(s.text.debugDescription)"
        case .sequence(let items): return "[\(at) " + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{\(at) "
                + entries.map { e in
                    "\(e.keyMark.map { "@\($0.line):\($0.column)" } ?? "")\(e.key): \(describe(e.value))"
                }.joined(separator: ", ") + "}"
        }
    }

    private func describe(_ node: Node?) -> String {
        guard let node else { return "none" }
        let at = node.mark.map { "@\($0.line):\($0.column)" } ?? ""
        switch node {
        case .scalar(let s):
            let quoted = s.style != .plain && s.style != .any
            return "\(quoted ? "q" : "p")\(at)\(s.string.debugDescription)"
        case .sequence(let seq): return "[\(at) " + seq.map { describe($0) }.joined(separator: ", ") + "]"
        case .mapping(let map):
            return "{\(at) "
                + map.map { k, v in
                    "\(k.mark.map { "@\($0.line):\($0.column)" } ?? "")\(k.string ?? ""): \(describe(v))"
                }
                .joined(separator: ", ") + "}"
        case .alias: return "alias"
        }
    }
}

extension YAMLComposer {
    /// Composes a whole byte array (the tests' entry point).
    func compose(_ bytes: [UInt8]) throws(Failure) -> DocumentNode? {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in try compose(buffer) }
    }
}
