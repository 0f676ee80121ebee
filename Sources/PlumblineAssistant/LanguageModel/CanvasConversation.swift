import PlumblineCore

/// Asks a model for a canvas until its reply reads as valid format v1, sending the problems back
/// up to the configured number of repair rounds.
struct CanvasConversation: Sendable {
    let endpoint: ChatEndpoint
    let repairRounds: Int

    /// The name replies are read under, so problems read `reply.json:3:14: …`.
    static let replyFile = "reply.json"

    /// The first reply that reads as a canvas and passes `check`, which returns the problems that
    /// make a canvas unusable (empty when it is acceptable).
    ///
    /// `advise` returns problems worth a repair round that do not make the canvas unusable (findings
    /// of the diagnosis, say): they are sent back while rounds remain, and when the rounds run out
    /// the last acceptable canvas is returned rather than an error.
    func canvas(
        _ messages: [ChatMessage], check: @Sendable (Canvas) -> [String] = { _ in [] },
        advise: @Sendable (Canvas) -> [String] = { _ in [] }
    ) async throws -> Canvas {
        var messages = messages
        var acceptable: Canvas?
        var round = 0
        while true {
            let reply = try await endpoint.complete(messages)
            var problems: [String]
            switch Self.read(reply) {
            case .success(let canvas):
                problems = check(canvas)
                if problems.isEmpty {
                    acceptable = canvas
                    problems = advise(canvas)
                    if problems.isEmpty { return canvas }
                }
            case .failure(let issues):
                problems = issues.issues.map(\.description)
            }
            guard round < repairRounds else {
                if let acceptable { return acceptable }
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
