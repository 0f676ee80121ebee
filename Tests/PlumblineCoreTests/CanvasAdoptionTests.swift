import PlumblineCore
import Testing

/// `Canvas.adopted`: the canvas as it would be once its proposals are adopted.
@Suite struct CanvasAdoptionTests {
    static let text = """
        plumbline: 1
        kind: kpi-misalignment
        title: Adoption
        objectives:
          - {id: grow, statement: Grow lifetime value, priority: 1}
        participants:
          - {id: exec, name: Executive team, type: oversight}
          - {id: sales, name: Sales, type: team, reports_to: exec, decides: [pricing]}
        kpis:
          - {id: signups, name: New sign-ups, level: output, serves: [grow], accountable: [sales, exec]}
          - {id: bookings, name: Bookings, level: output, serves: [grow], accountable: sales}
          - {id: margin, name: Joint margin, status: proposed, level: outcome, serves: [grow], accountable: exec, replaces: [bookings]}
          - id: signups-revised
            name: New sign-ups
            status: proposed
            level: output
            serves: [grow]
            accountable: sales
            replaces: [signups]
            x-proposed: {by: plumb suggest, answers: ['ACC-01:exec,sales,signups'], replaces: signups}
        mechanisms:
          - {id: review, kind: review, owner: sales, covers: [signups]}
          - {id: review-revised, kind: review, owner: exec, covers: [signups], x-proposed: {by: plumb suggest, replaces: review}}
        incentives:
          - {id: bonus, for: sales, kind: reward, tied_to: [signups, bookings], shape: step}
          - {id: bonus-revised, for: sales, kind: reward, tied_to: [signups, margin], shape: linear, x-proposed: {by: plumb suggest, replaces: bonus}}
        """

    @Test func proposalsAreAdoptedAndRevisionsTakeTheOriginalsPlace() throws {
        let canvas = try CanvasReader().read(text: Self.text, file: "adoption.yaml").canvas
        #expect(canvas.hasProposals)
        let adopted = canvas.adopted
        #expect(adopted.kpis.map(\.id) == ["signups", "bookings", "margin"])
        #expect(adopted.kpis.map(\.status) == [.current, .retired, .current])
        #expect(adopted.kpis[0].accountable == ["sales"])
        #expect(adopted.kpis[0].replaces.isEmpty)
        #expect(adopted.kpis[0].extensions.contains { $0.key == Canvas.adoptedField })
        #expect(adopted.mechanisms.map(\.id) == ["review"])
        #expect(adopted.mechanisms[0].owner == "exec")
        #expect(adopted.incentives.map(\.id) == ["bonus"])
        #expect(adopted.incentives[0].tiedTo == ["signups", "margin"])
        #expect(adopted.incentives[0].extensions.proposal?.replaces == "bonus")
    }

    @Test func aCanvasWithoutProposalsIsItsOwnAdoptedView() throws {
        for url in try TestSupport.exampleFiles() {
            let canvas = try TestSupport.read(url).canvas
            guard !canvas.hasProposals else { continue }
            #expect(canvas.adopted == canvas, "\(url.lastPathComponent)")
        }
    }

    @Test func signOffIsStillAskedForAdoptedProposals() throws {
        let document = try CanvasReader().read(text: Self.text, file: "adoption.yaml")
        let engine = DiagnosisEngine(knowledge: try KnowledgeBase.bundled())
        let adopted = engine.diagnose(
            CanvasAnalysis(canvas: document.canvas.adopted, canvasID: "adoption", knowledge: engine.knowledge))
        let signOff = try #require(adopted.findings.first { $0.rule == "VAL-01" })
        #expect(signOff.subjects.contains("margin"))
        #expect(signOff.subjects.contains("signups"))
    }

    @Test func proposalMarkReadsWhatItWrites() {
        let mark = ProposalMark(by: "plumb suggest", answers: ["PAIR-01:a,b"], replaces: "a", rationale: "Why")
        var extensions: Extensions = [PlainField("x-note", "kept")]
        extensions.proposal = mark
        #expect(extensions.proposal == mark)
        #expect(extensions.first?.key == "x-note")
        extensions.proposal = nil
        #expect(extensions == [PlainField("x-note", "kept")])
        #expect(ProposalMark([PlainField(ProposalMark.field, .bool(true))])?.by == "")
        #expect(ProposalMark([PlainField(ProposalMark.field, "nonsense")]) == nil)
    }
}
