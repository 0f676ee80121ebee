import Hummingbird
import Logging

/// One structured log line per request: method, path and status. The query is left out on
/// purpose: share links and the setup link carry their secret token there.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response = try await next(request, context)
        context.logger.info(
            "request",
            metadata: [
                "http.method": "\(request.method.rawValue)", "http.path": "\(request.uri.path)",
                "http.status": "\(response.status.code)",
            ])
        return response
    }
}
