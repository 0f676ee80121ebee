import AsyncHTTPClient
import Foundation
import NIOCore

/// Sends chat completions to one endpoint: one request per call, retried on 429 and 5xx with
/// backoff, every failure turned into a `LanguageModelError` that never contains the API key.
struct ChatEndpoint: Sendable {
    let configuration: LanguageModelConfiguration
    let httpClient: HTTPClient

    /// Replies larger than this are refused: a canvas is far smaller.
    static let maxReplyBytes = 8 << 20

    /// The text of the model's reply to `messages`.
    func complete(_ messages: [ChatMessage]) async throws -> String {
        let body = try JSONEncoder().encode(ChatCompletionRequest(model: configuration.model, messages: messages))
        var attempt = 0
        while true {
            attempt += 1
            let reply = try await send(body)
            let status = reply.status, text = reply.body
            switch status {
            case 200..<300:
                return try Self.messageContent(of: text)
            case 429, 500..<600:
                let retry = attempt - 1
                guard retry < configuration.retries.maxRetries else {
                    if status == 429 { throw LanguageModelError.rateLimited(attempts: attempt) }
                    throw LanguageModelError.serverError(
                        status: status, attempts: attempt, detail: detail(from: text))
                }
                let retryAfter = reply.retryAfter.flatMap(Self.retryAfter)
                try await Task.sleep(for: configuration.retries.delay(beforeRetry: retry, retryAfter: retryAfter))
            case 401, 403:
                throw LanguageModelError.unauthorized(
                    status: status, url: configuration.completionsURL, detail: detail(from: text))
            case 404:
                throw LanguageModelError.endpointNotFound(
                    url: configuration.completionsURL, detail: detail(from: text))
            default:
                throw LanguageModelError.rejected(status: status, detail: detail(from: text))
            }
        }
    }

    // MARK: - One request

    /// What one request got back.
    private struct Reply {
        var status: Int
        var retryAfter: String?
        var body: String
    }

    private func send(_ body: Data) async throws -> Reply {
        var request = HTTPClientRequest(url: configuration.completionsURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key.secret)") }
        request.body = .bytes(ByteBuffer(bytes: body))
        let timeout = TimeAmount.nanoseconds(Self.nanoseconds(configuration.timeout))
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: Self.maxReplyBytes)
            return Reply(
                status: Int(response.status.code), retryAfter: response.headers.first(name: "retry-after"),
                body: String(buffer: buffer))
        } catch let error as HTTPClientError {
            throw translate(error)
        } catch let error as NIOTooManyBytesError {
            throw LanguageModelError.unreadableReply("larger than \(Self.maxReplyBytes >> 20) MiB (\(error))")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Failures below HTTP (connection refused, unknown host) arrive as NIO's own errors.
            throw LanguageModelError.endpointDown(url: configuration.completionsURL, reason: reason(for: error))
        }
    }

    private func translate(_ error: HTTPClientError) -> LanguageModelError {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout:
            .timedOut(after: configuration.timeout)
        case .connectTimeout:
            .endpointDown(url: configuration.completionsURL, reason: "the connection timed out")
        case .invalidURL, .emptyHost, .emptyScheme:
            .invalidURL(configuration.baseURL, reason: redacted("\(error)"))
        default:
            .endpointDown(url: configuration.completionsURL, reason: redacted("\(error)"))
        }
    }

    private func reason(for error: any Error) -> String {
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        return redacted(text)
    }

    // MARK: - Reading replies

    /// The assistant message of a chat-completion body.
    static func messageContent(of text: String) throws -> String {
        let response: ChatCompletionResponse
        do {
            response = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(text.utf8))
        } catch {
            throw LanguageModelError.unreadableReply("not the JSON of a chat completion")
        }
        guard let content = response.choices.first?.message.content, !content.isEmpty else {
            throw LanguageModelError.unreadableReply("it holds no message")
        }
        return content
    }

    /// A short, key-free account of an error body: its `error.message` when it has one.
    private func detail(from text: String) -> String {
        struct ErrorBody: Decodable {
            struct Detail: Decodable { var message: String? }
            var error: Detail?
        }
        let message =
            (try? JSONDecoder().decode(ErrorBody.self, from: Data(text.utf8)))?.error?.message
            ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
        return redacted(String(message.prefix(300)))
    }

    private func redacted(_ text: String) -> String { configuration.apiKey?.redact(text) ?? text }

    /// `Retry-After` in seconds; the HTTP-date form is ignored in favour of backoff.
    static func retryAfter(_ value: String) -> Duration? {
        guard let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
