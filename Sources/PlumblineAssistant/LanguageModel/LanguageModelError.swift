/// Why talking to a language model failed, in words a person can act on. No case carries the
/// API key: server messages are redacted before they are stored here.
public enum LanguageModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Required settings are missing (`url`, `model`).
    case notConfigured(missing: [String])
    case invalidURL(String, reason: String)
    /// Nothing answered: connection refused, unknown host, connection timed out.
    case endpointDown(url: String, reason: String)
    /// 404: the URL's path is not a chat-completions endpoint (or the model is unknown).
    case endpointNotFound(url: String, detail: String)
    /// 401 or 403: the key is missing, wrong or not allowed.
    case unauthorized(status: Int, url: String, detail: String)
    /// 429 on every attempt.
    case rateLimited(attempts: Int)
    /// 5xx on every attempt.
    case serverError(status: Int, attempts: Int, detail: String)
    /// Any other status: a request the endpoint refuses (400 for an unknown model, say).
    case rejected(status: Int, detail: String)
    /// No complete reply within the configured timeout.
    case timedOut(after: Duration)
    /// The reply is not a chat completion with a message.
    case unreadableReply(String)
    /// The model never produced a valid canvas: the problems with its last reply.
    case invalidCanvas(repairRounds: Int, problems: [String])

    public var description: String {
        switch self {
        case .notConfigured(let missing):
            "the language model is not configured: set \(missing.joined(separator: " and "))"
        case .invalidURL(let url, let reason):
            "the language model URL '\(url)' is not usable: \(reason)"
        case .endpointDown(let url, let reason):
            "cannot reach the language model at \(url): \(reason) (is the server running?)"
        case .endpointNotFound(let url, let detail):
            "\(url) answered 404 Not Found: check that the URL ends in the API's base path (such as /v1) "
                + "and that the model exists" + Self.suffix(detail)
        case .unauthorized(let status, let url, let detail):
            "\(url) refused the request (\(status)): the API key is missing, wrong or not allowed this model"
                + Self.suffix(detail)
        case .rateLimited(let attempts):
            "the language model is rate-limiting requests (429 on all \(attempts) attempts); try again later"
        case .serverError(let status, let attempts, let detail):
            "the language model server failed (\(status) on all \(attempts) attempts)" + Self.suffix(detail)
        case .rejected(let status, let detail):
            "the language model refused the request (\(status))" + Self.suffix(detail)
        case .timedOut(let after):
            "the language model did not answer within \(Self.seconds(after)); a slow model needs a longer timeout"
        case .unreadableReply(let reason):
            "the language model's reply is not a chat completion: \(reason)"
        case .invalidCanvas(let rounds, let problems):
            "the language model's reply was still not a valid canvas after \(rounds) repair round"
                + (rounds == 1 ? "" : "s") + "; nothing was written. Its last problems:\n"
                + problems.prefix(10).map { "  \($0)" }.joined(separator: "\n")
                + (problems.count > 10 ? "\n  … and \(problems.count - 10) more" : "")
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func suffix(_ detail: String) -> String { detail.isEmpty ? "" : ": \(detail)" }
}
