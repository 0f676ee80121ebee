import Foundation
import Hummingbird
import PlumblineCore
import PlumblineStore

/// A canvas without its document: lists, trash.
struct CanvasSummaryBody: ResponseCodable {
    var id: UUID
    var workspaceID: UUID
    var title: String
    var currentVersion: Int
    var createdBy: UUID
    var createdAt: Date
    var updatedAt: Date
    var trashedAt: Date?

    init(_ canvas: StoredCanvas) {
        id = canvas.id
        workspaceID = canvas.workspaceID
        title = canvas.title
        currentVersion = canvas.currentVersion
        createdBy = canvas.createdBy
        createdAt = canvas.createdAt
        updatedAt = canvas.updatedAt
        trashedAt = canvas.trashedAt
    }
}

/// One version's record, without its document.
struct VersionSummaryBody: ResponseCodable {
    var number: Int
    var authorID: UUID
    var createdAt: Date
    var message: String
    var syntax: String
    var restoredFrom: Int?

    init(_ version: CanvasVersionSummary) {
        number = version.number
        authorID = version.authorID
        createdAt = version.createdAt
        message = version.message
        syntax = version.syntax.rawValue
        restoredFrom = version.restoredFrom
    }
}

/// One version with its document text, exactly as it was saved.
struct VersionBody: ResponseCodable {
    var canvasID: UUID
    var number: Int
    var authorID: UUID
    var createdAt: Date
    var message: String
    var syntax: String
    var restoredFrom: Int?
    var document: String

    init(_ version: CanvasVersion) {
        canvasID = version.canvasID
        number = version.number
        authorID = version.authorID
        createdAt = version.createdAt
        message = version.message
        syntax = version.syntax.rawValue
        restoredFrom = version.restoredFrom
        document = version.document
    }
}

/// A canvas with its current (or requested) version.
struct CanvasBody: ResponseCodable {
    var canvas: CanvasSummaryBody
    var version: VersionBody
}

/// `POST …/canvases`: a document, or a title and kind for a starter canvas.
struct NewCanvasRequest: Decodable {
    var document: String?
    var syntax: String?
    var title: String?
    var kind: String?
    var message: String?
}

/// `PUT /api/v1/canvases/{id}`: saves a new version if `baseVersion` is still the current one.
struct SaveCanvasRequest: Decodable {
    var baseVersion: Int
    var document: String
    var syntax: String?
    var message: String?
}

/// `POST …/versions/{n}/restore`.
struct RestoreVersionRequest: Decodable {
    var baseVersion: Int?
    var message: String?
}

/// The details of a 409 on save: the version that won, so the client can merge.
struct StaleVersionDetails: Encodable, Sendable {
    var currentVersion: Int
    var current: VersionBody?
}

/// The changes between two versions.
struct DiffBody: ResponseCodable {
    var from: Int
    var to: Int
    var changes: [CanvasChange]
}
