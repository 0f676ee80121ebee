import Foundation
import PlumblineCore
import PropertyBased
import Testing

/// Randomised checks: mutated canvases never crash the reader, and any text survives a write.
@Suite struct ReaderPropertyTests {
    /// Characters that stress YAML and JSON quoting and structure.
    static let trickyCharacters: [Character] = Array(
        "abcXYZ 019.-_:#&*!|>'\"%@`,[]{}?~\\/\t\néü中😀\u{2028}\u{85}")

    static let mutationSeeds = Gen.int(in: 0...Int.max)

    @Test func mutatedCanvasesGiveAModelOrErrorsNeverACrash() async throws {
        let sources =
            try TestSupport.exampleFiles().map { try String(contentsOf: $0, encoding: .utf8) }
            + [TestSupport.minimalCanvas]
        await propertyCheck(count: 400, input: Self.mutationSeeds) { seed in
            var rng = SplitMix(seed: UInt64(truncatingIfNeeded: seed))
            let base = sources[Int(rng.next() % UInt64(sources.count))]
            let mutated = Mutator.mutate(base, rounds: 1 + Int(rng.next() % 4), using: &rng)
            let lineCount = mutated.split(separator: "\n", omittingEmptySubsequences: false).count
            for file in ["m.yaml", "m.json"] {
                do {
                    let document = try CanvasReader().read(text: mutated, file: file)
                    // A canvas that reads must also write and read back to itself.
                    let again = try CanvasReader().read(
                        text: CanvasWriter().write(document.canvas, as: .yaml), file: "again.yaml")
                    #expect(again.canvas == document.canvas)
                } catch let error as CanvasReadError {
                    #expect(!error.issues.isEmpty)
                    for issue in error.issues {
                        #expect(!issue.message.isEmpty)
                        if let line = issue.line { #expect(line >= 1 && line <= lineCount + 1) }
                    }
                } catch {
                    Issue.record("unexpected error type: \(error)")
                }
            }
        }
    }

    @Test func anyTextSurvivesWritingAsYAMLAndJSON() async throws {
        let text = Gen.int(in: 0...(Self.trickyCharacters.count - 1)).map { Self.trickyCharacters[$0] }.string(
            of: 1...24)
        await propertyCheck(count: 500, input: text, text) { name, extra in
            var canvas = try! CanvasReader().read(text: TestSupport.minimalCanvas, file: "m.yaml").canvas
            canvas.kpis[0].name = name
            canvas.kpis[0].rationale = extra
            canvas.context["x"] = extra
            canvas.extensions = [PlainField("x-note", .string(name))]
            for syntax in DocumentSyntax.allCases {
                let written = CanvasWriter().write(canvas, as: syntax)
                do {
                    let back = try CanvasReader().read(text: written, file: "p.\(syntax.rawValue)").canvas
                    #expect(back == canvas, "\(syntax) lost \(name.debugDescription) / \(extra.debugDescription)")
                } catch {
                    Issue.record("\(syntax) output did not read back: \(error)\n\(written)")
                }
            }
        }
    }
}

/// Deterministic pseudo-random numbers (SplitMix64), so a failing seed reproduces.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Small edits that turn a valid canvas into a plausible broken one.
enum Mutator {
    static let insertions = [
        ":", "- ", "[", "]", "{", "}", "#", "&a", "*a", "!!str ", "'", "\"", "\t", "\n", "  ", "x-", "id", "null", "~",
        "1e999", "\u{0}", "é", ",", "? ",
    ]

    static func mutate(_ text: String, rounds: Int, using rng: inout SplitMix) -> String {
        var chars = Array(text)
        for _ in 0..<rounds {
            guard !chars.isEmpty else { break }
            let at = Int(rng.next() % UInt64(chars.count))
            switch rng.next() % 6 {
            case 0:  // delete a run
                let length = min(chars.count - at, 1 + Int(rng.next() % 40))
                chars.removeSubrange(at..<at + length)
            case 1:  // insert a syntax fragment
                chars.insert(contentsOf: insertions[Int(rng.next() % UInt64(insertions.count))], at: at)
            case 2:  // duplicate a line
                let lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
                let i = Int(rng.next() % UInt64(lines.count))
                var copy = lines.map(String.init)
                copy.insert(copy[i], at: i)
                chars = Array(copy.joined(separator: "\n"))
            case 3:  // swap two lines
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let i = Int(rng.next() % UInt64(lines.count)), j = Int(rng.next() % UInt64(lines.count))
                lines.swapAt(i, j)
                chars = Array(lines.joined(separator: "\n"))
            case 4:  // truncate
                chars = Array(chars[..<at])
            default:  // replace one character
                chars[at] = insertions[Int(rng.next() % UInt64(insertions.count))].first ?? " "
            }
        }
        return String(chars)
    }
}
