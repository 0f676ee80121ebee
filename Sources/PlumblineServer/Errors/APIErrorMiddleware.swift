import Hummingbird
import Logging
import NIOCore
import PlumblineCore

/// Turns every error thrown below it into an ``APIError``: the only place domain errors become
/// HTTP. Unknown errors become a 500 whose message reveals nothing; the error itself is logged.
public struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError(error)
            if apiError.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try apiError.response(from: request, context: context)
        }
    }
}

extension APIError {
    /// The API's view of any error.
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as CanvasReadError:
            self = APIError(canvasIssues: error.issues)
        case let error as HTTPError:
            self = APIError(
                error.status, code: Self.code(for: error.status),
                message: error.body ?? error.status.reasonPhrase.lowercased(), headers: error.headers)
        case is NIOTooManyBytesError:
            self = APIError(
                .contentTooLarge, code: "payload-too-large",
                message: "the request body is larger than this route accepts")
        case let error as any HTTPResponseError:
            self = APIError(
                error.status, code: Self.code(for: error.status), message: error.status.reasonPhrase.lowercased())
        default:
            if let mapped = APIError(domain: error) {
                self = mapped
            } else {
                self = APIError(.internalServerError, code: "internal", message: "the server failed; see its log")
            }
        }
    }

    /// The format's problems, each with file, line, column, path and message: 422.
    init(canvasIssues issues: [CanvasIssue], code: String = "invalid-canvas") {
        let count = issues.count
        self.init(
            .unprocessableContent, code: code,
            message: count == 1 ? issues[0].description : "\(count) problems; see details",
            details: issues)
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "bad-request"
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .conflict: "conflict"
        case .contentTooLarge: "payload-too-large"
        case .unsupportedMediaType: "unsupported-media-type"
        case .unprocessableContent: "unprocessable"
        case .tooManyRequests: "rate-limited"
        default: status.code >= 500 ? "internal" : "http-\(status.code)"
        }
    }
}
