import AsyncHTTPClient
import PlumblineCore

/// A drafter backed by a language model at an OpenAI-compatible endpoint. Every reply is read as
/// format v1 JSON before it is used; invalid replies go back to the model with their problems.
public struct LanguageModelDrafter: CanvasDrafting {
    public let configuration: LanguageModelConfiguration
    private let conversation: CanvasConversation

    /// - Parameter httpClient: a client the caller owns and shuts down; one configured with
    ///   `configuration.httpClientConfiguration` reports a down endpoint at once.
    public init(configuration: LanguageModelConfiguration, httpClient: HTTPClient) {
        self.configuration = configuration
        conversation = CanvasConversation(
            endpoint: ChatEndpoint(configuration: configuration, httpClient: httpClient),
            repairRounds: configuration.repairRounds)
    }

    /// Runs `body` with a drafter on an HTTP client of its own, shut down afterwards.
    public static func withDrafter<Value: Sendable>(
        _ configuration: LanguageModelConfiguration,
        _ body: (LanguageModelDrafter) async throws -> Value
    ) async throws -> Value {
        let client = HTTPClient(configuration: configuration.httpClientConfiguration)
        let result: Result<Value, any Error>
        do {
            result = .success(try await body(LanguageModelDrafter(configuration: configuration, httpClient: client)))
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
            check: { Self.kindProblems($0, expected: kind) })
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
            })
    }

    // MARK: - Checks beyond the format

    private static func kindProblems(_ canvas: Canvas, expected: CanvasKind) -> [String] {
        guard canvas.kind != expected else { return [] }
        return ["kind must be '\(expected.rawValue)', not '\(canvas.kind.rawValue)'"]
    }

    /// The starter canvas of `kind` as JSON: a valid example of the shape.
    private static func example(kind: CanvasKind) throws -> String {
        let starter = try StarterCanvas.text(kind: kind, title: "Example")
        return CanvasWriter().write(try CanvasReader().read(text: starter, file: "example.yaml").canvas, as: .json)
    }
}
