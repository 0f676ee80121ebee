import PlumblineCore

/// Asks a model for a canvas until its reply reads as valid format v1, sending the problems back
/// up to the configured number of repair rounds.
struct CanvasConversation: Sendable {
    let endpoint: ChatEndpoint
    let repairRounds: Int

    /// The name replies are read under, so problems read `reply.json:3:14: …`.
    static let replyFile = "reply.json"

    /// The first reply that reads as a canvas and passes `check` (which returns problems, empty
    /// when the canvas is acceptable).
    func canvas(
        _ messages: [ChatMessage], check: @Sendable (Canvas) -> [String] = { _ in [] }
    ) async throws -> Canvas {
        var messages = messages
        var round = 0
        while true {
            let reply = try await endpoint.complete(messages)
            let problems: [String]
            switch Self.read(reply) {
            case .success(let canvas):
                problems = check(canvas)
                if problems.isEmpty { return canvas }
            case .failure(let issues):
                problems = issues.issues.map(\.description)
            }
            guard round < repairRounds else {
                throw LanguageModelError.invalidCanvas(repairRounds: repairRounds, problems: problems)
            }
            round += 1
            messages.append(ChatMessage(.assistant, reply))
            messages.append(ChatMessage(.user, CanvasPrompt.repair(problems)))
        }
    }

    /// Reads a reply as a JSON canvas, tolerating the Markdown fences or prose some models add
    /// around the object despite being asked not to.
    static func read(_ reply: String) -> Result<Canvas, CanvasReadError> {
        let json = jsonObject(in: reply)
        do {
            return .success(try CanvasReader().read(text: json, file: replyFile).canvas)
        } catch {
            return .failure(error)
        }
    }

    /// The reply itself when it starts with `{` (so positions in problems match it), else the text
    /// from its first `{` to its last `}`.
    static func jsonObject(in reply: String) -> String {
        if reply.drop(while: \.isWhitespace).first == "{" { return reply }
        guard let start = reply.firstIndex(of: "{"), let end = reply.lastIndex(of: "}"), start < end else {
            return reply
        }
        return String(reply[start...end])
    }
}
