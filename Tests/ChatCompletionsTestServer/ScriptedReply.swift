import Foundation
import Hummingbird

/// One answer of the scripted chat-completions server: a status, headers, a body and an optional
/// pause before answering.
public struct ScriptedReply: Sendable {
    public var status: HTTPResponse.Status
    public var headers: HTTPFields
    public var body: String
    /// How long the server waits before answering (to make a client time out).
    public var delay: Duration?

    public init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: String, delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// A 200 chat completion whose assistant message is `content`.
    public static func message(_ content: String, delay: Duration? = nil) -> Self {
        let completion: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "test-model",
            "choices": [
                ["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]
            ],
        ]
        let data = try! JSONSerialization.data(withJSONObject: completion)
        return ScriptedReply(
            status: .ok, headers: [.contentType: "application/json"], body: String(decoding: data, as: UTF8.self),
            delay: delay)
    }

    /// An error status with an OpenAI-style error body, and `Retry-After` when given.
    public static func failure(_ status: HTTPResponse.Status, message: String, retryAfter: String? = nil) -> Self {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = retryAfter }
        let data = try! JSONSerialization.data(withJSONObject: ["error": ["message": message, "type": "test"]])
        return ScriptedReply(status: status, headers: headers, body: String(decoding: data, as: UTF8.self))
    }
}

/// A request the server received, as the tests inspect it.
public struct RecordedRequest: Sendable {
    public var path: String
    public var authorization: String?
    public var body: String

    /// The `content` of each message sent, in order.
    public var messageContents: [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let messages = object["messages"] as? [[String: Any]]
        else { return [] }
        return messages.compactMap { $0["content"] as? String }
    }

    /// The JSON body's `response_format.type`.
    public var responseFormat: String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return (object?["response_format"] as? [String: Any])?["type"] as? String
    }
}
