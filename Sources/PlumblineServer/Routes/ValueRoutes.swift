import Foundation
import Hummingbird
import PlumblineCore
import PlumblineStore

/// KPI values uploaded as CSV per canvas: `/api/v1/canvases/{canvasID}/values`.
///
/// The upload streams through Core's `KPIValueImport` chunk by chunk as it arrives, so a bad
/// file is refused with every problem by line and column, and an oversized one is cut off at
/// the limit (413) without ever being held whole beyond it.
struct ValueRoutes: Sendable {
    let store: any CanvasStore
    let access: AccessPolicy
    let maxCSVBytes: Int

    func addRoutes(to group: RouterGroup<PlumblineRequestContext>) {
        group.get("canvases/{canvasID}/values", use: list)
        group.post("canvases/{canvasID}/values", use: upload)
        group.delete("canvases/{canvasID}/values/{uploadID}", use: delete)
    }

    @Sendable func list(_ request: Request, context: PlumblineRequestContext) async throws -> ListBody<UploadBody> {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .read, context)
        return ListBody(items: try await store.kpiUploads(canvasID: found.canvas.id).map(UploadBody.init))
    }

    /// The body is the CSV file; `?name=` is its file name (a plain name).
    @Sendable func upload(
        _ request: Request, context: PlumblineRequestContext
    ) async throws
        -> EditedResponse<UploadBody>
    {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .edit, context)
        let name = try Field.fileName(request.uri.queryParameters["name"].map(String.init) ?? "values.csv")
        let version = try await store.version(canvasID: found.canvas.id, number: found.canvas.currentVersion)
        guard let version, let document = try? CanvasReader().read(text: version.document) else {
            throw APIError.notFound("the canvas's current version")
        }
        var importer = KPIValueImport(file: name, knownKPIs: Set(document.canvas.kpis.map(\.id.rawValue)))
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= maxCSVBytes else {
                throw APIError(
                    .contentTooLarge, code: "payload-too-large",
                    message: "the CSV is larger than \(maxCSVBytes / (1 << 20)) MiB")
            }
            let part = Array(buffer: chunk)
            importer.consume(part)
            bytes += part
        }
        guard importer.finish() != nil else {
            throw APIError(canvasIssues: importer.issues, code: "invalid-csv")
        }
        let summary = try await store.addKPIUpload(
            NewKPIUpload(
                canvasID: found.canvas.id, fileName: name, csv: String(decoding: bytes, as: UTF8.self),
                rowCount: importer.rowCount, uploadedBy: try found.writer().id))
        return EditedResponse(status: .created, response: UploadBody(summary))
    }

    @Sendable func delete(_ request: Request, context: PlumblineRequestContext) async throws -> Response {
        let found = try await access.canvas(try CanvasRoutes.canvasID(context), .edit, context)
        let id = try context.parameters.require("uploadID", as: UUID.self)
        guard try await store.kpiUploads(canvasID: found.canvas.id).contains(where: { $0.id == id }) else {
            throw APIError.notFound("the upload")
        }
        try await store.deleteKPIUpload(id: id)
        return Response(status: .noContent)
    }
}

struct UploadBody: ResponseCodable {
    var id: UUID
    var canvasID: UUID
    var fileName: String
    var byteCount: Int
    var rowCount: Int
    var uploadedBy: UUID
    var uploadedAt: Date

    init(_ upload: KPIUploadSummary) {
        id = upload.id
        canvasID = upload.canvasID
        fileName = upload.fileName
        byteCount = upload.byteCount
        rowCount = upload.rowCount
        uploadedBy = upload.uploadedBy
        uploadedAt = upload.uploadedAt
    }
}
