import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import Yams

@testable import PlumblineServer

/// The hand-written OpenAPI document and the router agree: every route is described, every
/// described operation is served, and every path parameter is declared.
@Suite struct OpenAPIDocumentTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    func document() throws -> [String: Any] {
        let text = try OpenAPIRoutes().document
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func describesExactlyTheServedRoutes() async throws {
        let router = try await withStore(.sqlite) { store in
            try buildRouter(testConfiguration, store: store, schemaVersion: 1)
        }
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })

        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        var described: Set<String> = []
        for (path, item) in paths {
            for key in item.keys where Self.methods.contains(key) { described.insert("\(key.uppercased()) \(path)") }
        }
        #expect(served.subtracting(described).sorted() == [], "served but not described")
        #expect(described.subtracting(served).sorted() == [], "described but not served")
    }

    @Test func declaresEveryPathParameter() throws {
        let document = try document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let components = try #require((document["components"] as? [String: Any])?["parameters"] as? [String: Any])
        for (path, item) in paths {
            let wanted = Set(
                path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            let declared = Set(
                (item["parameters"] as? [[String: Any]] ?? []).compactMap { parameter -> String? in
                    if let reference = parameter["$ref"] as? String {
                        let name = String(reference.split(separator: "/").last ?? "")
                        let resolved = components[name] as? [String: Any]
                        return resolved?["in"] as? String == "path" ? resolved?["name"] as? String : nil
                    }
                    return parameter["in"] as? String == "path" ? parameter["name"] as? String : nil
                })
            #expect(wanted == declared, "\(path)")
        }
    }

    @Test func servedAtItsAddress() async throws {
        try await withServer(.sqlite) { _, client in
            let response = try await client.send(.get, "/api/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.text.hasPrefix("openapi: 3.1.0"))
        }
    }
}
