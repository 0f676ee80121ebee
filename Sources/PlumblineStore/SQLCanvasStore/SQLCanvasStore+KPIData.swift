import Foundation

// MARK: - KPI uploads

extension SQLCanvasStore {
    static let uploadSummaryColumns = "id, canvas_id, file_name, byte_count, row_count, uploaded_by, uploaded_at"

    public func addKPIUpload(_ upload: NewKPIUpload) async throws -> KPIUploadSummary {
        try Validation.text(upload.fileName, "file name", limit: StoreLimits.fileName)
        try Validation.text(upload.csv, "CSV", limit: StoreLimits.csv)
        try Validation.count(upload.rowCount, "row count")
        let stored = KPIUpload(
            id: UUID(), canvasID: upload.canvasID, fileName: upload.fileName, csv: upload.csv,
            rowCount: upload.rowCount, uploadedBy: upload.uploadedBy, uploadedAt: now())
        return try await write { db in
            try await db.requireRow("canvases", id: upload.canvasID, "canvas")
            try await db.requireRow("users", id: upload.uploadedBy, "user")
            try await db.execute(
                """
                INSERT INTO kpi_uploads (id, canvas_id, file_name, csv, byte_count, row_count, uploaded_by, uploaded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """, .uuid(stored.id), .uuid(stored.canvasID), .text(stored.fileName), .text(stored.csv),
                .integer(Int64(stored.csv.utf8.count)), .integer(Int64(stored.rowCount)), .uuid(stored.uploadedBy),
                .date(stored.uploadedAt))
            return stored.summary
        }
    }

    public func kpiUploads(canvasID: UUID) async throws -> [KPIUploadSummary] {
        try await read { db in
            try await db.query(
                "SELECT \(Self.uploadSummaryColumns) FROM kpi_uploads WHERE canvas_id = $1 ORDER BY uploaded_at, id",
                .uuid(canvasID)
            ).map { row in
                KPIUploadSummary(
                    id: try row.uuid("id"), canvasID: try row.uuid("canvas_id"), fileName: try row.string("file_name"),
                    byteCount: try row.int("byte_count"), rowCount: try row.int("row_count"),
                    uploadedBy: try row.uuid("uploaded_by"), uploadedAt: try row.date("uploaded_at"))
            }
        }
    }

    public func kpiUpload(id: UUID) async throws -> KPIUpload? {
        try await read { db in
            try await db.first(
                """
                SELECT id, canvas_id, file_name, csv, row_count, uploaded_by, uploaded_at FROM kpi_uploads
                WHERE id = $1
                """, .uuid(id)
            ).map { row in
                KPIUpload(
                    id: try row.uuid("id"), canvasID: try row.uuid("canvas_id"), fileName: try row.string("file_name"),
                    csv: try row.string("csv"), rowCount: try row.int("row_count"),
                    uploadedBy: try row.uuid("uploaded_by"), uploadedAt: try row.date("uploaded_at"))
            }
        }
    }

    public func deleteKPIUpload(id: UUID) async throws {
        try await write { db in
            let deleted = try await db.execute("DELETE FROM kpi_uploads WHERE id = $1 RETURNING id", .uuid(id))
            if deleted == 0 { throw StoreError.notFound("KPI upload") }
        }
    }
}

// MARK: - Findings cache

extension SQLCanvasStore {
    public func cachedFindings(canvasID: UUID, version: Int, dataKey: String) async throws -> String? {
        try await read { db in
            try await db.first(
                "SELECT json FROM findings_cache WHERE canvas_id = $1 AND version = $2 AND data_key = $3",
                .uuid(canvasID), .integer(Int64(version)), .text(dataKey)
            ).map { try $0.string("json") }
        }
    }

    public func cacheFindings(canvasID: UUID, version: Int, dataKey: String, json: String) async throws {
        try Validation.text(dataKey, "data key", limit: StoreLimits.dataKey)
        try Validation.text(json, "findings", limit: StoreLimits.findings)
        let now = now()
        try await write { db in
            let exists = try await db.first(
                "SELECT number FROM canvas_versions WHERE canvas_id = $1 AND number = $2", .uuid(canvasID),
                .integer(Int64(version)))
            if exists == nil { throw StoreError.notFound("canvas version") }
            try await db.execute(
                """
                INSERT INTO findings_cache (canvas_id, version, data_key, json, created_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (canvas_id, version, data_key) DO UPDATE SET json = excluded.json,
                    created_at = excluded.created_at
                """, .uuid(canvasID), .integer(Int64(version)), .text(dataKey), .text(json), .date(now))
        }
    }

    public func clearCachedFindings(canvasID: UUID) async throws {
        try await write { db in
            try await db.execute("DELETE FROM findings_cache WHERE canvas_id = $1", .uuid(canvasID))
        }
    }
}
