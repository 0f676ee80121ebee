import PlumblineCore
import Testing

/// Long KPI lists are decoded on every core; the result must be what one pass gives: every KPI in
/// written order, every problem at its line, the problems in document order.
@Suite struct ParallelDecodingTests {
    static func canvas(kpis: Int, broken: Set<Int> = []) -> String {
        var lines = [
            "plumbline: 1", "kind: kpi-misalignment", "title: Many KPIs",
            "objectives:", "  - {id: grow, statement: Grow}",
            "participants:", "  - {id: sales, name: Sales, type: team}",
            "kpis:",
        ]
        for i in 0..<kpis {
            if broken.contains(i) {
                // A dangling reference and a wrong type, both in one item.
                lines.append("  - {id: k\(i), name: KPI \(i), serves: [nowhere], accountable: sales, target: lots}")
            } else {
                lines.append("  - {id: k\(i), name: KPI \(i), serves: [grow], accountable: sales, target: \(i)}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyKPIInWrittenOrder() throws {
        let document = try CanvasReader().read(text: Self.canvas(kpis: 5_000), file: "many.yaml")
        #expect(document.canvas.kpis.map(\.id.rawValue) == (0..<5_000).map { "k\($0)" })
        #expect(document.canvas.kpis[4_321].target == .value(4_321))
        #expect(document.sourceMap.mark(of: "k4999")?.line == 8 + 5_000)
    }

    @Test func problemsAtTheirLinesInDocumentOrder() {
        let broken: Set<Int> = [0, 1_023, 1_024, 2_500, 4_999]
        do {
            _ = try CanvasReader().read(text: Self.canvas(kpis: 5_000, broken: broken), file: "many.yaml")
            Issue.record("a canvas with dangling references was accepted")
        } catch {
            let lines = error.issues.compactMap(\.line)
            #expect(lines == lines.sorted())
            // Each broken item: the dangling objective and the target that is not a number.
            #expect(Set(lines) == Set(broken.map { 9 + $0 }))
            #expect(error.issues.count == 2 * broken.count)
            #expect(error.issues.contains { $0.path == "kpis[2500].serves[0]" })
            #expect(error.issues.contains { $0.path == "kpis[1024].target" })
        }
    }

    /// Did-you-mean suggestions are bounded for the whole document, as they are for a short list.
    @Test func suggestionsStayWithinOneBudget() {
        var lines = [
            "plumbline: 1", "kind: kpi-misalignment", "title: Many KPIs",
            "objectives:", "  - {id: grow, statement: Grow}", "kpis:",
        ]
        for i in 0..<3_000 { lines.append("  - {id: k\(i), name: KPI \(i), serves: [grwo]}") }
        do {
            _ = try CanvasReader().read(text: lines.joined(separator: "\n") + "\n", file: "many.yaml")
            Issue.record("a canvas with dangling references was accepted")
        } catch {
            #expect(error.issues.count == 3_000)
            let suggested = error.issues.filter { $0.suggestion != nil }.count
            #expect(suggested > 0)
            #expect(suggested <= 200)
        }
    }
}
