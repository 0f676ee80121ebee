import Foundation
import Hummingbird

/// `GET /api/openapi.yaml`: the OpenAPI 3.1 description of the API, written by hand and kept
/// honest by a test that compares its paths with the router's routes.
struct OpenAPIRoutes: Sendable {
    /// The document, read once from the target's resources.
    let document: String

    init() throws {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw APIError(.internalServerError, code: "internal", message: "openapi.yaml is missing from the bundle")
        }
        document = try String(contentsOf: url, encoding: .utf8)
    }

    func addRoutes(to router: Router<PlumblineRequestContext>) {
        let document = self.document
        router.get("api/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: document)))
        }
    }
}
