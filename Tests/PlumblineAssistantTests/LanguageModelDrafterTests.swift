import ChatCompletionsTestServer
import Foundation
import PlumblineAssistant
import PlumblineCore
import Testing

/// The language-model provider against a scripted OpenAI-compatible server on 127.0.0.1.
@Suite("Language-model drafter")
struct LanguageModelDrafterTests {
    static let key = "sk-test-5ecret-key-0042"

    static let validCanvas = """
        {"plumbline": 1, "kind": "kpi-misalignment", "title": "Support desk",
         "objectives": [{"id": "loyal", "statement": "Keep customers loyal", "priority": 1}],
         "participants": [{"id": "support", "name": "Support team", "type": "team"}],
         "kpis": [{"id": "fcr", "name": "First-contact resolution", "direction": "increase",
                   "serves": ["loyal"], "accountable": "support"}]}
        """

    /// Valid JSON, invalid canvas: the KPI names a participant that does not exist.
    static let invalidCanvas = validCanvas.replacingOccurrences(
        of: "\"accountable\": \"support\"", with: "\"accountable\": \"nobody\"")

    static let request = DraftRequest(kind: .kpiMisalignment, description: "A support desk paid on handle time")

    static func configuration(
        _ url: String, key: String? = LanguageModelDrafterTests.key, timeout: Duration = .seconds(20)
    ) -> LanguageModelConfiguration {
        LanguageModelConfiguration(
            baseURL: url, model: "test-model", apiKey: key.map(APIKey.init), timeout: timeout,
            retries: RetryPolicy(maxRetries: 3, initialDelay: .milliseconds(1), maxDelay: .milliseconds(20)))
    }

    /// Drafts against a server answering `replies`; returns the outcome and the requests it saw.
    static func draft(
        _ replies: [ScriptedReply], timeout: Duration = .seconds(20)
    ) async throws -> (Result<Draft, LanguageModelError>, [RecordedRequest]) {
        try await ScriptedChatServer.run(replies) { url, script in
            let outcome: Result<Draft, LanguageModelError>
            do {
                outcome = .success(
                    try await LanguageModelDrafter.withDrafter(configuration(url, timeout: timeout)) {
                        try await $0.draft(request)
                    })
            } catch let error as LanguageModelError {
                outcome = .failure(error)
            }
            return (outcome, await script.requests)
        }
    }

    // MARK: - Good replies

    @Test("A good reply becomes the draft; the request asks for JSON and carries the key")
    func goodReply() async throws {
        let (outcome, requests) = try await Self.draft([.message(Self.validCanvas)])
        let draft = try outcome.get()
        #expect(draft.canvas.kpis.map(\.id) == ["fcr"])
        #expect(draft.canvas.context["drafted-by"] == "plumb generate --llm (test-model)")
        #expect(requests.count == 1)
        #expect(requests[0].path == "/v1/chat/completions")
        #expect(requests[0].authorization == "Bearer \(Self.key)")
        #expect(requests[0].responseFormat == "json_object")
        let messages = requests[0].messageContents
        #expect(messages.first?.contains("format v1, as JSON") == true)
        #expect(messages.first?.contains("- ai.role: none, collects, forecasts, optimizes, decides") == true)
        #expect(messages.first?.contains("An example of the shape") == true)
        #expect(messages.last?.contains("A support desk paid on handle time") == true)
    }

    @Test("A reply wrapped in a Markdown fence is read")
    func fencedReply() async throws {
        let (outcome, _) = try await Self.draft([.message("Here it is:\n```json\n\(Self.validCanvas)\n```")])
        #expect(try outcome.get().canvas.title == "Support desk")
    }

    // MARK: - Repair rounds

    @Test("An invalid reply is repaired on the second round, with its errors sent back")
    func repairedOnSecondRound() async throws {
        let (outcome, requests) = try await Self.draft([.message(Self.invalidCanvas), .message(Self.validCanvas)])
        #expect(try outcome.get().canvas.kpis[0].accountable == ["support"])
        #expect(requests.count == 2)
        let repair = try #require(requests[1].messageContents.last)
        #expect(repair.contains("not a valid format v1 canvas"))
        #expect(repair.contains("reply.json:5:"))
        #expect(repair.contains("'nobody' does not name any participant"))
        // The invalid reply itself goes back as the assistant's turn.
        #expect(requests[1].messageContents.dropLast().last == Self.invalidCanvas)
    }

    @Test("A reply never repaired fails after three repair rounds with the last problems")
    func neverRepaired() async throws {
        let (outcome, requests) = try await Self.draft(Array(repeating: .message(Self.invalidCanvas), count: 4))
        guard case .failure(.invalidCanvas(let rounds, let problems)) = outcome else {
            Issue.record("expected invalidCanvas, got \(outcome)")
            return
        }
        #expect(rounds == 3)
        #expect(requests.count == 4)
        #expect(problems.contains { $0.contains("'nobody' does not name any participant") })
        #expect(
            LanguageModelError.invalidCanvas(repairRounds: rounds, problems: problems).description.contains(
                "nothing was written"))
    }

    @Test("A reply that is not JSON at all is sent back like any invalid one")
    func proseReply() async throws {
        let (outcome, requests) = try await Self.draft([
            .message("Sure! Here is your canvas."), .message(Self.validCanvas),
        ])
        #expect(try outcome.get().canvas.kpis.count == 1)
        #expect(requests[1].messageContents.last?.contains("reply.json:1:") == true)
    }

    @Test("A canvas of the wrong kind is sent back")
    func wrongKind() async throws {
        let network = Self.validCanvas.replacingOccurrences(of: "kpi-misalignment", with: "accountability-network")
        let (outcome, requests) = try await Self.draft([.message(network), .message(Self.validCanvas)])
        #expect(try outcome.get().canvas.kind == .kpiMisalignment)
        #expect(requests[1].messageContents.last?.contains("kind must be 'kpi-misalignment'") == true)
    }

    // MARK: - Transport

    @Test("No reply within the timeout is a timeout error")
    func timeout() async throws {
        let (outcome, _) = try await Self.draft(
            [.message(Self.validCanvas, delay: .seconds(1))], timeout: .milliseconds(200))
        guard case .failure(.timedOut) = outcome else {
            Issue.record("expected timedOut, got \(outcome)")
            return
        }
    }

    @Test("A 429 with Retry-After, then success")
    func rateLimitedThenSuccess() async throws {
        let (outcome, requests) = try await Self.draft([
            .failure(.tooManyRequests, message: "slow down", retryAfter: "0"), .message(Self.validCanvas),
        ])
        #expect(try outcome.get().canvas.kpis.count == 1)
        #expect(requests.count == 2)
    }

    @Test("5xx answers are retried with backoff")
    func serverErrorsRetried() async throws {
        let (outcome, requests) = try await Self.draft([
            .failure(.internalServerError, message: "boom"), .failure(.serviceUnavailable, message: "loading model"),
            .message(Self.validCanvas),
        ])
        #expect(try outcome.get().canvas.kpis.count == 1)
        #expect(requests.count == 3)
    }

    @Test("Retries are capped: 429 on every attempt is a clear error")
    func retriesCapped() async throws {
        let (outcome, requests) = try await Self.draft(
            Array(repeating: .failure(.tooManyRequests, message: "quota"), count: 4))
        #expect(requests.count == 4)
        guard case .failure(let error) = outcome, case .rateLimited(attempts: 4) = error else {
            Issue.record("expected rateLimited, got \(outcome)")
            return
        }
        #expect(error.description.contains("429"))
    }

    @Test("A wrong API key (401) is a clear error that never shows the key, even when the server echoes it")
    func wrongKey() async throws {
        let (outcome, requests) = try await Self.draft([
            .failure(.unauthorized, message: "Incorrect API key provided: \(Self.key)")
        ])
        #expect(requests.count == 1)
        guard case .failure(let error) = outcome, case .unauthorized(status: 401, _, _) = error else {
            Issue.record("expected unauthorized, got \(outcome)")
            return
        }
        #expect(error.description.contains("API key"))
        #expect(!error.description.contains(Self.key))
        #expect(!String(reflecting: error).contains(Self.key))
    }

    @Test("A wrong path (404) says to check the URL")
    func notFound() async throws {
        let (outcome, _) = try await Self.draft([.failure(.notFound, message: "no such route")])
        guard case .failure(let error) = outcome, case .endpointNotFound = error else {
            Issue.record("expected endpointNotFound, got \(outcome)")
            return
        }
        #expect(error.description.contains("404"))
    }

    @Test("Nothing listening (connection refused) is reported as the endpoint being down")
    func endpointDown() async throws {
        let url = try await ScriptedChatServer.closedPortURL()
        do {
            _ = try await LanguageModelDrafter.withDrafter(Self.configuration(url)) { try await $0.draft(Self.request) }
            Issue.record("expected the draft to fail")
        } catch let error as LanguageModelError {
            guard case .endpointDown(_, let reason) = error else {
                Issue.record("expected endpointDown, got \(error)")
                return
            }
            #expect(reason == "connection refused")
            #expect(error.description.contains("cannot reach the language model"))
        }
    }

    // MARK: - Revising

    @Test("Revising sends the canvas and instruction, and keeps the canvas's id")
    func revise() async throws {
        let original = try CanvasReader().read(
            text: Self.validCanvas.replacingOccurrences(
                of: "\"title\"", with: "\"id\": \"desk\", \"title\""), file: "desk.json"
        ).canvas
        let renamed = Self.validCanvas.replacingOccurrences(of: "First-contact resolution", with: "FCR")
        let withID = renamed.replacingOccurrences(of: "\"title\"", with: "\"id\": \"desk\", \"title\"")
        let (revised, requests) = try await ScriptedChatServer.run([.message(renamed), .message(withID)]) {
            url, script in
            let revised = try await LanguageModelDrafter.withDrafter(Self.configuration(url)) {
                try await $0.revise(original, instruction: "Shorten the KPI name")
            }
            return (revised, await script.requests)
        }
        #expect(revised.id == "desk")
        #expect(revised.kpis[0].name == "FCR")
        #expect(requests[0].messageContents.last?.contains("Shorten the KPI name") == true)
        #expect(requests[0].messageContents.last?.contains("\"First-contact resolution\"") == true)
        #expect(requests[1].messageContents.last?.contains("id must stay 'desk'") == true)
        // The canvas goes once, in the request; the system message carries no second copy.
        #expect(requests[0].messageContents.first?.contains("First-contact resolution") == false)
    }

    // MARK: - The diagnosis in repair rounds

    /// The valid canvas with a bonus on its KPI.
    static let paidCanvas = validCanvas.replacingOccurrences(
        of: "\"accountable\": \"support\"}]}",
        with: """
            "accountable": "support"}],
             "incentives": [{"id": "bonus", "for": "support", "kind": "reward", "tied_to": ["fcr"]}]}
            """)

    /// `paidCanvas` with its KPI retired and the bonus left on it (VAL-02).
    static let retiredButPaid = paidCanvas.replacingOccurrences(
        of: "\"accountable\": \"support\"}", with: "\"accountable\": \"support\", \"status\": \"retired\"}")

    /// `retiredButPaid` with a new KPI that the bonus moves to.
    static let retiredAndMoved =
        retiredButPaid
        .replacingOccurrences(
            of: "\"status\": \"retired\"}",
            with: """
                "status": "retired"},
                          {"id": "csat", "name": "Customer satisfaction", "direction": "increase",
                           "serves": ["loyal"], "accountable": "support"}
                """
        )
        .replacingOccurrences(of: "\"tied_to\": [\"fcr\"]", with: "\"tied_to\": [\"csat\"]")

    static func revise(_ replies: [ScriptedReply]) async throws -> (Canvas, [RecordedRequest]) {
        let original = try CanvasReader().read(text: paidCanvas, file: "desk.json").canvas
        let diagnosis = DiagnosisEngine(knowledge: try KnowledgeBase.bundled())
        return try await ScriptedChatServer.run(replies) { url, script in
            let revised = try await LanguageModelDrafter.withDrafter(configuration(url), diagnosis: diagnosis) {
                try await $0.revise(original, instruction: "Retire first-contact resolution")
            }
            return (revised, await script.requests)
        }
    }

    @Test("A revision that leaves pay on a retired KPI goes back with the VAL-02 error")
    func validationFindingRepaired() async throws {
        let (revised, requests) = try await Self.revise([.message(Self.retiredButPaid), .message(Self.retiredAndMoved)])
        #expect(requests.count == 2)
        #expect(requests[1].messageContents.last?.contains("VAL-02:") == true)
        #expect(revised.incentives[0].tiedTo == ["csat"])
    }

    @Test("A validation finding the model never fixes does not make its valid canvas unusable")
    func validationFindingNotFixed() async throws {
        let (revised, requests) = try await Self.revise(Array(repeating: .message(Self.retiredButPaid), count: 4))
        #expect(requests.count == 4)
        #expect(revised.kpis[0].status == .retired)
        #expect(revised.incentives[0].tiedTo == ["fcr"])
    }

    // MARK: - Configuration

    @Test("The API key never appears in descriptions, debug output or mirrors")
    func keyNeverShown() {
        let configuration = Self.configuration("http://127.0.0.1:1/v1")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped] {
            #expect(!text.contains(Self.key))
        }
        #expect(
            String(describing: configuration) == "test-model at http://127.0.0.1:1/v1/chat/completions with an API key")
    }

    @Test("Bad configuration is refused before any request")
    func badConfiguration() {
        #expect(throws: LanguageModelError.notConfigured(missing: ["model"])) {
            try LanguageModelConfiguration(baseURL: "http://127.0.0.1/v1", model: " ").validated()
        }
        #expect(throws: LanguageModelError.self) {
            try LanguageModelConfiguration(baseURL: "127.0.0.1:11434/v1", model: "m").validated()
        }
        #expect(throws: LanguageModelError.self) {
            try LanguageModelConfiguration(baseURL: "http:///v1", model: "m").validated()
        }
        #expect(
            LanguageModelConfiguration(baseURL: "http://h/v1//", model: "m").completionsURL
                == "http://h/v1/chat/completions")
    }

    @Test("Backoff doubles, honours Retry-After and is capped")
    func backoff() {
        let policy = RetryPolicy(maxRetries: 5, initialDelay: .seconds(1), maxDelay: .seconds(10))
        #expect(policy.delay(beforeRetry: 0, retryAfter: nil) == .seconds(1))
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil) == .seconds(4))
        #expect(policy.delay(beforeRetry: 6, retryAfter: nil) == .seconds(10))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(300)) == .seconds(10))
    }
}
