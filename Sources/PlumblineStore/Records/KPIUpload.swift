import Foundation

/// A CSV file of KPI values uploaded for a canvas, already validated by the server.
public struct KPIUpload: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var canvasID: UUID
    /// The uploaded file's name, as given (the store never uses it as a path).
    public var fileName: String
    /// The CSV text exactly as uploaded.
    public var csv: String
    public var rowCount: Int
    public var uploadedBy: UUID
    public var uploadedAt: Date

    public init(
        id: UUID, canvasID: UUID, fileName: String, csv: String, rowCount: Int, uploadedBy: UUID, uploadedAt: Date
    ) {
        self.id = id
        self.canvasID = canvasID
        self.fileName = fileName
        self.csv = csv
        self.rowCount = rowCount
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    /// The upload without its content, as lists show it.
    public var summary: KPIUploadSummary {
        KPIUploadSummary(
            id: id, canvasID: canvasID, fileName: fileName, byteCount: csv.utf8.count, rowCount: rowCount,
            uploadedBy: uploadedBy, uploadedAt: uploadedAt)
    }
}

/// An upload in a list: everything but the CSV text.
public struct KPIUploadSummary: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var canvasID: UUID
    public var fileName: String
    public var byteCount: Int
    public var rowCount: Int
    public var uploadedBy: UUID
    public var uploadedAt: Date

    public init(
        id: UUID, canvasID: UUID, fileName: String, byteCount: Int, rowCount: Int, uploadedBy: UUID, uploadedAt: Date
    ) {
        self.id = id
        self.canvasID = canvasID
        self.fileName = fileName
        self.byteCount = byteCount
        self.rowCount = rowCount
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// What it takes to store an upload.
public struct NewKPIUpload: Hashable, Sendable {
    public var canvasID: UUID
    public var fileName: String
    public var csv: String
    public var rowCount: Int
    public var uploadedBy: UUID

    public init(canvasID: UUID, fileName: String, csv: String, rowCount: Int, uploadedBy: UUID) {
        self.canvasID = canvasID
        self.fileName = fileName
        self.csv = csv
        self.rowCount = rowCount
        self.uploadedBy = uploadedBy
    }
}
