/// The parts of the OpenAI chat-completions wire format this library sends and reads.
public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// The request body of `POST /chat/completions`.
struct ChatCompletionRequest: Encodable {
    /// `{"type": "json_object"}`: asks the server to constrain the reply to one JSON object.
    struct ResponseFormat: Encodable {
        var type = "json_object"
    }

    var model: String
    var messages: [ChatMessage]
    var responseFormat = ResponseFormat()
    /// Low, so that the same request gives much the same canvas.
    var temperature = 0.2
    var stream = false

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case responseFormat = "response_format"
    }
}

/// The reply body: only the first choice's message matters here.
struct ChatCompletionResponse: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
        }

        var message: Message
    }

    var choices: [Choice]
}
