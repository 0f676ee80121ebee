import Foundation
import HTTPTypes
import Hummingbird

/// The one error shape of the API: `{"error": {"code": "...", "message": "...", "details": ...}}`.
///
/// Route code throws domain errors (the store's, the format's); ``APIErrorMiddleware`` turns each
/// into an `APIError` at the edge, so clients only ever see this shape.
public struct APIError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable kebab-case code for machines, e.g. `stale-version`.
    public var code: String
    /// What went wrong, for people.
    public var message: String
    /// Anything a client needs to act on the error: the format's issues, the current version.
    public var details: (any Encodable & Sendable)?
    /// Extra response headers, e.g. `Retry-After`.
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, code: String, message: String, details: (any Encodable & Sendable)? = nil,
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(Envelope(error: self))
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `{"error": {...}}`
    private struct Envelope: Encodable {
        let error: APIError

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: .error)
            try inner.encode(error.code, forKey: .code)
            try inner.encode(error.message, forKey: .message)
            if let details = error.details {
                try details.encode(to: inner.superEncoder(forKey: .details))
            }
        }

        enum Key: String, CodingKey { case error, code, message, details }
    }
}

// MARK: - Common errors

extension APIError {
    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, code: "not-found", message: "\(what) was not found")
    }

    static func badRequest(_ message: String, code: String = "bad-request") -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    static let unauthenticated = APIError(
        .unauthorized, code: "unauthenticated",
        message: "sign in (session cookie) or send an API token (Authorization: Bearer …)")

    static func forbidden(_ message: String) -> APIError {
        APIError(.forbidden, code: "forbidden", message: message)
    }
}
