import AsyncHTTPClient
import Foundation
import NIOCore

/// How to reach an OpenAI-compatible chat-completions endpoint (Ollama, a llama.cpp server, a
/// hosted service) and how patiently to talk to it.
///
/// The executable fills it from `PLUMB_LLM_URL`, `PLUMB_LLM_MODEL` and `PLUMB_LLM_API_KEY`; the
/// library never reads the environment itself.
public struct LanguageModelConfiguration: Sendable, CustomStringConvertible {
    /// The base URL, such as `http://127.0.0.1:11434/v1`; requests go to `/chat/completions` under it.
    public var baseURL: String
    public var model: String
    /// Sent as a bearer token when present; never shown.
    public var apiKey: APIKey?
    /// How long one request may take, from connecting to the last byte of the reply.
    public var timeout: Duration
    public var retries: RetryPolicy
    /// Replies that are not a valid canvas are sent back with their problems this many times at most.
    public var repairRounds: Int

    public init(
        baseURL: String, model: String, apiKey: APIKey? = nil, timeout: Duration = .seconds(60),
        retries: RetryPolicy = RetryPolicy(), repairRounds: Int = 3
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.retries = retries
        self.repairRounds = repairRounds
    }

    /// The chat-completions URL: the base URL without trailing slashes, then `/chat/completions`.
    public var completionsURL: String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return base + "/chat/completions"
    }

    /// Checks that the base URL is an http or https URL with a host and that a model is named.
    public func validated() throws(LanguageModelError) -> Self {
        if model.trimmingCharacters(in: .whitespaces).isEmpty { throw .notConfigured(missing: ["model"]) }
        let lower = baseURL.lowercased()
        let rest: Substring
        if lower.hasPrefix("http://") {
            rest = baseURL.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            rest = baseURL.dropFirst(8)
        } else {
            throw .invalidURL(baseURL, reason: "it must start with http:// or https://")
        }
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else {
            throw .invalidURL(baseURL, reason: "it names no host")
        }
        return self
    }

    /// An HTTP client set-up for a model endpoint: a refused connection fails the request at once
    /// (so "the endpoint is down" is reported now, not after the timeout); retrying is this
    /// library's decision, made on status codes.
    public var httpClientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return configuration
    }

    public var description: String {
        "\(model) at \(completionsURL)" + (apiKey == nil ? "" : " with an API key")
    }
}

/// An API key that never shows itself: not in descriptions, debug output, mirrors or errors.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key itself, for the `Authorization` header only.
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "APIKey([redacted])" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// `text` with every occurrence of the key replaced, for server messages that echo it back.
    func redact(_ text: String) -> String {
        guard !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: description)
    }
}

/// When and how often a request that met a 429 or a 5xx is sent again.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// The wait before the first retry; it doubles for each further one.
    public var initialDelay: Duration
    /// No wait is longer, whatever `Retry-After` asks for.
    public var maxDelay: Duration

    public init(maxRetries: Int = 3, initialDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(30)) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// The wait before retry number `retry` (0 for the first): `Retry-After` when the server gave
    /// one, else exponential backoff, capped at `maxDelay` either way.
    public func delay(beforeRetry retry: Int, retryAfter: Duration?) -> Duration {
        let backoff = initialDelay * (1 << min(retry, 20))
        return min(retryAfter ?? backoff, maxDelay)
    }
}
