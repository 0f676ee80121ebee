import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Plumbline server as the CLI sees it: JSON over HTTP with an API token.
///
/// Foundation's URLSession rather than an HTTP client package: the CLI makes a handful of
/// plain requests, and the package would cost every build minutes.
struct RemoteServer: Sendable {
    var base: URL
    var token: String?

    /// A response: status, headers and body.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw RemoteError(message: "the server answered with something that is not JSON: \(text.prefix(200))")
            }
            return object
        }
    }

    /// No cookie storage: the CLI authenticates with its token, and a session cookie from
    /// `login` must never be written to disk by Foundation.
    let session: URLSession

    init(base: URL, token: String? = nil) {
        self.base = base
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    /// Sends a request; a 4xx/5xx becomes a `RemoteError` carrying the API's message.
    @discardableResult
    func send(
        _ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json",
        headers: [String: String] = [:]
    ) async throws -> Reply {
        guard let url = URL(string: path, relativeTo: base) else {
            throw RemoteError(message: "\(path) is not a valid path on \(base)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw RemoteError(message: "cannot reach \(base.absoluteString): \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else { throw RemoteError(message: "not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        let reply = Reply(status: http.statusCode, headers: fields, body: data)
        guard (200..<300).contains(reply.status) else { throw RemoteError(reply) }
        return reply
    }

    /// JSON text of a dictionary, for request bodies.
    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }
}

/// A request the server refused, with its message (and the format's issues for invalid canvases).
struct RemoteError: Error, CustomStringConvertible {
    var message: String
    var status: Int?
    var code: String?

    init(message: String) { self.message = message }

    init(_ reply: RemoteServer.Reply) {
        status = reply.status
        let error = (try? reply.json())?["error"] as? [String: Any]
        code = error?["code"] as? String
        var text = error?["message"] as? String ?? "HTTP \(reply.status): \(reply.text.prefix(200))"
        if let issues = error?["details"] as? [[String: Any]] {
            text = issues.map { issue in
                var location = issue["file"] as? String ?? "<input>"
                if let line = issue["line"] as? Int { location += ":\(line)" }
                if let column = issue["column"] as? Int { location += ":\(column)" }
                let path = (issue["path"] as? String).map { $0.isEmpty ? "" : "\($0): " } ?? ""
                return "\(location): \(path)\(issue["message"] as? String ?? "")"
            }.joined(separator: "\n")
        }
        message = text
    }

    var description: String { message }
}
