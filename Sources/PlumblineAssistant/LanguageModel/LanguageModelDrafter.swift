import AsyncHTTPClient
import PlumblineCore

/// A drafter backed by a language model at an OpenAI-compatible endpoint. Every reply is read as
/// format v1 JSON before it is used; invalid replies go back to the model with their problems.
public struct LanguageModelDrafter: CanvasDrafting {
    public let configuration: LanguageModelConfiguration
    /// When present, errors of its validation rules that a reply introduces are sent back too.
    public let diagnosis: DiagnosisEngine?
    private let conversation: CanvasConversation

    /// - Parameters:
    ///   - httpClient: a client the caller owns and shuts down; one configured with
    ///     `configuration.httpClientConfiguration` reports a down endpoint at once.
    ///   - diagnosis: checks a valid reply further: errors of the validation rules (VAL-…) it
    ///     introduces, such as pay left on a retired KPI, go back for repair while rounds remain,
    ///     without making the reply unusable.
    public init(
        configuration: LanguageModelConfiguration, httpClient: HTTPClient, diagnosis: DiagnosisEngine? = nil
    ) {
        self.configuration = configuration
        self.diagnosis = diagnosis
        conversation = CanvasConversation(
            endpoint: ChatEndpoint(configuration: configuration, httpClient: httpClient),
            repairRounds: configuration.repairRounds)
    }

    /// Runs `body` with a drafter on an HTTP client of its own, shut down afterwards.
    public static func withDrafter<Value: Sendable>(
        _ configuration: LanguageModelConfiguration, diagnosis: DiagnosisEngine? = nil,
        _ body: (LanguageModelDrafter) async throws -> Value
    ) async throws -> Value {
        let client = HTTPClient(configuration: configuration.httpClientConfiguration)
        let result: Result<Value, any Error>
        do {
            let drafter = LanguageModelDrafter(configuration: configuration, httpClient: client, diagnosis: diagnosis)
            result = .success(try await body(drafter))
        } catch {
            result = .failure(error)
        }
        try await client.shutdown()
        return try result.get()
    }

    // MARK: - Drafting

    /// A canvas of the requested kind from the description. Entities the model marks
    /// `x-assumed: true` are listed as assumed; the model reads the description itself, so the
    /// draft's `reading` holds only the text.
    public func draft(_ request: DraftRequest) async throws -> Draft {
        let example = try Self.example(kind: request.kind)
        let kind = request.kind
        var canvas = try await conversation.canvas(
            [
                ChatMessage(.system, CanvasPrompt.system(kind: kind, example: example)),
                ChatMessage(.user, CanvasPrompt.draft(request.description, kind: kind)),
            ],
            check: { Self.kindProblems($0, expected: kind) },
            advise: { [diagnosis] in Self.introducedValidationErrors($0, since: nil, diagnosis: diagnosis) })
        canvas.context["drafted-by"] = "plumb generate --llm (\(configuration.model))"
        return Draft(
            canvas: canvas, reading: DescriptionReading(text: request.description),
            assumed: AssistantMarks.assumedIDs(in: canvas))
    }

    // MARK: - Revising

    /// The canvas revised by a plain-language instruction. The revision keeps the canvas's kind
    /// and id; the model is asked to change nothing else than the instruction asks.
    public func revise(_ canvas: Canvas, instruction: String) async throws -> Canvas {
        let json = CanvasWriter().write(canvas, as: .json)
        let original = canvas
        return try await conversation.canvas(
            [
                ChatMessage(.system, CanvasPrompt.system(kind: canvas.kind, example: nil)),
                ChatMessage(.user, CanvasPrompt.edit(json, instruction: instruction)),
            ],
            check: { revised in
                var problems = Self.kindProblems(revised, expected: original.kind)
                if revised.id != original.id {
                    problems.append("id must stay \(original.id.map { "'\($0)'" } ?? "absent"), as in the canvas given")
                }
                return problems
            },
            advise: { [diagnosis] in Self.introducedValidationErrors($0, since: original, diagnosis: diagnosis) })
    }

    // MARK: - Checks beyond the format

    private static func kindProblems(_ canvas: Canvas, expected: CanvasKind) -> [String] {
        guard canvas.kind != expected else { return [] }
        return ["kind must be '\(expected.rawValue)', not '\(canvas.kind.rawValue)'"]
    }

    /// Errors of the validation rules that `canvas` has and `original` had not, with their fixes.
    private static func introducedValidationErrors(
        _ canvas: Canvas, since original: Canvas?, diagnosis: DiagnosisEngine?
    ) -> [String] {
        guard let diagnosis else { return [] }
        let validationRules = Set(diagnosis.rules.map(\.metadata).filter { $0.category == .validation }.map(\.id))
        func errors(_ canvas: Canvas) -> [Finding] {
            diagnosis.diagnose(CanvasDocument(canvas: canvas)).activeFindings.filter {
                $0.severity == .error && validationRules.contains($0.rule)
            }
        }
        let known = Set(original.map { errors($0).map(\.fingerprint) } ?? [])
        return errors(canvas).filter { !known.contains($0.fingerprint) }.map {
            "\($0.rule): \($0.message). Fix: \($0.fix.text)"
        }
    }

    /// The starter canvas of `kind` as JSON: a valid example of the shape.
    private static func example(kind: CanvasKind) throws -> String {
        let starter = try StarterCanvas.text(kind: kind, title: "Example")
        return CanvasWriter().write(try CanvasReader().read(text: starter, file: "example.yaml").canvas, as: .json)
    }
}
