import Foundation
import Hummingbird
import PlumblineCore
import PlumblineRender
import PlumblineStore

/// Findings and scores of a canvas version: the same JSON report as `plumb check --format json`,
/// computed once per version and data set and cached in the store.
struct FindingsRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy
    let engine: DiagnosisEngine

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("canvases/{canvasID}/findings", use: findings)
    }

    /// `?version=N` (default: current), `?data=uploads|none` (default: uploads): with the uploaded
    /// KPI values or with the canvas alone (its inline series still count).
    @Sendable func findings(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context, shareable: true)
        let query = request.uri.queryParameters
        let number = try query["version"].map { try VersionRoutes.number(String($0), name: "version") }
        let withData: Bool
        switch query["data"].map(String.init) ?? "uploads" {
        case "uploads": withData = true
        case "none": withData = false
        case let other:
            throw APIError.badRequest("data must be uploads or none, not '\(other.prefix(20))'", code: "invalid-field")
        }
        let versionNumber = number ?? found.canvas.currentVersion
        guard let version = try await store.version(canvasID: found.canvas.id, number: versionNumber) else {
            throw APIError.notFound("version \(versionNumber) of the canvas")
        }
        let uploads = withData ? try await store.kpiUploads(canvasID: found.canvas.id) : []
        // The uploads' ids name the data set: a new or deleted upload is a new key, so a stale
        // report is never served and nothing needs invalidating.
        let dataKey = withData ? Self.dataKey(uploads) : "none"
        let json: String
        if let cached = try await store.cachedFindings(
            canvasID: found.canvas.id, version: versionNumber, dataKey: dataKey)
        {
            json = cached
        } else {
            json = try await report(version, uploads: uploads)
            // The cache only saves work: failing to fill it must not fail the answer.
            do {
                try await store.cacheFindings(
                    canvasID: found.canvas.id, version: versionNumber, dataKey: dataKey, json: json)
            } catch {
                context.logger.warning("findings not cached", metadata: ["error": "\(error)"])
            }
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// A short key naming the set of uploads (SHA-256 of their sorted ids).
    static func dataKey(_ uploads: [KPIUploadSummary]) -> String {
        "uploads:" + SecretToken.hash(uploads.map(\.id.uuidString).sorted().joined(separator: ","))
    }

    func report(_ version: CanvasVersion, uploads: [KPIUploadSummary]) async throws -> String {
        let document = try CanvasReader().read(text: version.document, file: "canvas.\(version.syntax.rawValue)")
        var values: KPIValues? = nil
        if !uploads.isEmpty {
            var merged = KPIValues()
            let known = Set(document.canvas.kpis.map(\.id.rawValue))
            for summary in uploads {
                guard let upload = try await store.kpiUpload(id: summary.id) else { continue }
                var importer = KPIValueImport(file: upload.fileName, knownKPIs: known)
                importer.consume(Array(upload.csv.utf8))
                // An upload that was valid when it came may name a KPI that a later version
                // removed; it is left out of this version's report rather than failing it.
                if let read = importer.finish() { merged.merge(read) }
            }
            values = merged
        }
        let diagnosis = engine.diagnose(document, values: values)
        return CheckReport.json([CheckReport(document: document, diagnosis: diagnosis)])
    }
}
