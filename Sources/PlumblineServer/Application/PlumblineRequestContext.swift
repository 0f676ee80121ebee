import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context of every route: who is asking (``Principal``) and from where.
public struct PlumblineRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the authenticators; nil for anonymous requests.
    public var identity: Principal?
    /// The peer's address, for login rate limiting; nil when unknown (in-process tests).
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies (not canvas imports or CSV uploads, which set their own limits) stay small.
    public var maxUploadSize: Int { 1 << 20 }

    public var requestDecoder: JSONBodyDecoder { JSONBodyDecoder() }

    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension Request {
    /// Decodes a JSON body of up to `limit` bytes: for bodies carrying a canvas document, which
    /// may be larger than the context's limit for other JSON.
    func decode<Body: Decodable>(as type: Body.Type, limit: Int, context: PlumblineRequestContext) async throws -> Body
    {
        try JSONBodyDecoder.requireJSON(headers)
        var request = self
        let buffer = try await request.collectBody(upTo: limit)
        do {
            return try context.requestDecoder.json.decode(type, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw APIError.badRequest("the JSON body does not fit: \(Self.describe(error))")
        }
    }

    /// What a decoding error means, without Swift type names.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context.codingPath)) is invalid"
        @unknown default: return "it is not valid"
        }
    }

    /// Decodes an optional JSON body: an empty body is `empty`.
    func decode<Body: Decodable>(
        as type: Body.Type, orEmpty empty: Body, context: PlumblineRequestContext
    )
        async throws -> Body
    {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return empty }
        return try await request.decode(as: type, context: context)
    }
}

/// Decodes JSON request bodies, and only bodies sent as `application/json`. A form on another
/// site can post `text/plain` that happens to be JSON, with no CORS preflight; refusing it here
/// keeps every route safe from that (signing a visitor into someone else's account among them),
/// whatever else protects it.
public struct JSONBodyDecoder: RequestDecoder {
    /// The decoder for the body itself (ISO 8601 dates).
    let json: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    public func decode<T: Decodable>(
        _ type: T.Type, from request: Request, context: some RequestContext
    ) async throws
        -> T
    {
        try Self.requireJSON(request.headers)
        return try await json.decode(type, from: request, context: context)
    }

    /// Refuses (415) a body that does not say it is JSON.
    static func requireJSON(_ headers: HTTPFields) throws {
        guard headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw APIError(
                .unsupportedMediaType, code: "unsupported-media-type",
                message: "send the body as JSON, with Content-Type: application/json")
        }
    }
}
