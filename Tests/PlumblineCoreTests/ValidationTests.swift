import PlumblineCore
import Testing

/// Validation behaviour that the broken-canvas corpus does not pin down by itself.
@Suite struct ValidationTests {
    @Test func everyProblemIsReportedAtOnceInDocumentOrder() {
        let text = """
            plumbline: 1
            kind: kpi-misalignment
            title: Many problems
            participants:
              - {id: sales, name: Sales, type: tem}
            kpis:
              - {id: a, name: A, accountable: salse}
              - {id: b, name: B, serves: [nowhere], levle: output}

            """
        let issues = TestSupport.issues(text)
        #expect(issues.map(\.code) == [.invalidEnum, .unknownReference, .unknownReference, .unknownField])
        #expect(issues.map(\.line) == [5, 7, 8, 8])
        #expect(
            issues.map(\.path) == ["participants[0].type", "kpis[0].accountable", "kpis[1].serves[0]", "kpis[1].levle"])
        #expect(issues[0].suggestion == "team")
        #expect(issues[1].suggestion == "sales")
        #expect(issues[3].suggestion == "level")
    }

    @Test func referencesMayPointForwardAndAcrossSections() throws {
        let text = """
            plumbline: 1
            kind: accountability-network
            title: Forward references
            mechanisms:
              - {id: audit, kind: audit, owner: board, covers: [nps, clinic]}
            kpis:
              - {id: nps, name: Net promoter score, accountable: clinic}
            participants:
              - {id: clinic, name: Clinic, type: team}
              - {id: board, name: Board, type: oversight}

            """
        let canvas = try CanvasReader().read(text: text, file: "f.yaml").canvas
        #expect(canvas.mechanisms[0].covers == [.kpi("nps"), .participant("clinic")])
    }

    @Test func wronglyTypedReferenceNamesWhatTheIdIs() {
        let text = TestSupport.minimalCanvas.replacingOccurrences(of: "accountable: sales", with: "accountable: grow")
        let issue = TestSupport.issues(text).first
        #expect(issue?.code == .wrongReferenceKind)
        #expect(issue?.message == "'grow' is an objective (objectives[0]), not a participant")
    }

    @Test func accountableTakesOneIdOrAList() throws {
        let list = TestSupport.minimalCanvas.replacingOccurrences(
            of: "accountable: sales", with: "accountable: [sales, exec]")
        let canvas = try CanvasReader().read(text: list, file: "l.yaml").canvas
        #expect(canvas.kpis[0].accountable == ["sales", "exec"])
        let written = CanvasWriter().write(canvas, as: .yaml)
        #expect(written.contains("accountable: [sales, exec]"))
    }

    @Test func unknownFieldsAreErrorsButExtensionsAreKept() throws {
        let text = TestSupport.minimalCanvas + "x-owner: Strategy office\nx-tags: [q3, board]\n"
        let canvas = try CanvasReader().read(text: text, file: "x.yaml").canvas
        #expect(
            canvas.extensions == [
                PlainField("x-owner", .string("Strategy office")),
                PlainField("x-tags", .list([.string("q3"), .string("board")])),
            ])
        let issues = TestSupport.issues(TestSupport.minimalCanvas + "owner: Strategy office\n")
        #expect(issues.map(\.code) == [.unknownField])
    }

    @Test func quotedNumbersAreTextAndPlainTextIsNotANumber() {
        let quoted = TestSupport.minimalCanvas.replacingOccurrences(of: "target: 5000", with: "target: '5000'")
        #expect(TestSupport.issues(quoted).first?.message == "found the text '5000'")
        let plainText = TestSupport.minimalCanvas.replacingOccurrences(
            of: "target: 5000", with: "target: five thousand")
        #expect(TestSupport.issues(plainText).first?.code == .wrongType)
    }

    @Test func rangeTargetsNeedABand() throws {
        let band = TestSupport.minimalCanvas
            .replacingOccurrences(of: "direction: increase", with: "direction: range")
            .replacingOccurrences(of: "target: 5000", with: "target: {min: 90, max: 110}")
        #expect(try CanvasReader().read(text: band, file: "b.yaml").canvas.kpis[0].target == .band(min: 90, max: 110))
        let single = TestSupport.minimalCanvas.replacingOccurrences(of: "direction: increase", with: "direction: range")
        #expect(TestSupport.issues(single).first?.code == .inconsistent)
    }

    @Test func inlineValuesAreParsedSortedAndMayBeMissing() throws {
        let text =
            TestSupport.minimalCanvas + """
                data:
                  - kpi: signups
                    values: {2026-W03: 4100, 2026-W01: 3900, 2026-W02: null}

                """
        let canvas = try CanvasReader().read(text: text, file: "d.yaml").canvas
        guard case .inline(let kpi, let values, _) = canvas.data.first else {
            Issue.record("expected an inline series")
            return
        }
        #expect(kpi == "signups")
        #expect(values.map(\.period.description) == ["2026-W01", "2026-W02", "2026-W03"])
        #expect(values.map(\.value) == [3900, nil, 4100])
    }

    @Test func settingsAcceptEveryDocumentedForm() throws {
        let text =
            TestSupport.minimalCanvas + """
                settings:
                  rules:
                    PAIR-01: off
                    ACC-03: {severity: info, max: 12}
                    INC-02: warning
                  waive:
                    - {rule: INC-02, subjects: [sales-bonus], reason: Agreed with the works council until 2027}

                """
        let settings = try CanvasReader().read(text: text, file: "s.yaml").canvas.settings
        #expect(settings.rule("PAIR-01")?.enabled == false)
        #expect(settings.rule("ACC-03")?.severity == .info)
        #expect(settings.rule("ACC-03")?.number("max") == 12)
        #expect(settings.rule("INC-02")?.severity == .warning)
        #expect(settings.waive.first?.subjects == ["sales-bonus"])
    }

    @Test func idDefaultsToTheFileName() throws {
        let document = try CanvasReader().read(text: TestSupport.minimalCanvas, file: "dir/saas-review.yaml")
        #expect(document.canvas.id == nil)
        #expect(document.canvasID == "saas-review")
    }

    @Test func jsonErrorsCarryLineAndColumn() {
        let issues = TestSupport.issues("{\n  \"plumbline\": 1,\n  \"kind\": \"kpi-misalignment\",\n}", file: "t.json")
        #expect(issues.first?.code == .syntax)
        #expect(issues.first?.line == 4)
        #expect(issues.first?.column == 1)
    }

    @Test func starterCanvasesAreValid() throws {
        for kind in CanvasKind.allCases {
            let text = try StarterCanvas.text(kind: kind, title: "Q3: review #2", id: nil)
            let canvas = try CanvasReader().read(text: text, file: "starter.yaml").canvas
            #expect(canvas.kind == kind)
            #expect(canvas.title == "Q3: review #2")
            #expect(canvas.id == "q3-review-2")
            #expect(!YAMLComments.lines(in: text).isEmpty)
        }
    }

    @Test func commentsAreFoundButHashesInTextAreNot() {
        let text = "a: 1 # note\nb: 'x # not a comment'\n# whole line\nc: \"#tag\"\nd: a#b\n"
        #expect(YAMLComments.lines(in: text) == [1, 3])
    }
}

/// Dates, durations and periods as the format writes them.
@Suite struct CalendarTests {
    @Test(
        arguments: [
            ("2026-W01", "2025-12-29"), ("2026-W53", "2026-12-28"), ("2025-W53", nil), ("2020-W53", "2020-12-28"),
            ("2026-W11", "2026-03-09"),
            ("2026-03", "2026-03-01"), ("2026-Q2", "2026-04-01"), ("2026", "2026-01-01"), ("2026-03-14", "2026-03-14"),
            ("2026-13", nil), ("2026-Q5", nil), ("2026-W00", nil), ("2026-02-29", nil), ("2024-02-29", "2024-02-29"),
            ("26-01", nil), ("2026-1", nil), ("2026-W1", nil),
        ] as [(String, String?)])
    func periodsParse(_ text: String, start: String?) {
        #expect(Period(text)?.start.description == start)
        if start != nil { #expect(Period(text)?.description == text) }
    }

    @Test func durationsParse() {
        #expect(TimeSpan("48h")?.hours == 48)
        #expect(TimeSpan("2w")?.hours == 336)
        #expect(TimeSpan("1.5d")?.hours == 36)
        for bad in ["48", "h", "2 days", "-1d", "2x", "d2"] { #expect(TimeSpan(bad) == nil, "\(bad)") }
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
        #expect(CalendarDate("1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate("2026-11-22")?.isoWeekday == 7)
    }
}
