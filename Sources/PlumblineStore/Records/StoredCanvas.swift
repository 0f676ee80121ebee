import Foundation
import PlumblineCore

/// A canvas in a workspace: its identity and where its history stands. The document itself lives
/// in its versions.
public struct StoredCanvas: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var workspaceID: UUID
    /// The name shown in lists, taken by the server from the document.
    public var title: String
    /// The number of the newest version; a save must name it as its base.
    public var currentVersion: Int
    public var createdBy: UUID
    public var createdAt: Date
    public var updatedAt: Date
    /// Set while the canvas is in the trash (recoverable until purged).
    public var trashedAt: Date?

    public init(
        id: UUID, workspaceID: UUID, title: String, currentVersion: Int, createdBy: UUID, createdAt: Date,
        updatedAt: Date, trashedAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.title = title
        self.currentVersion = currentVersion
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.trashedAt = trashedAt
    }

    public var isTrashed: Bool { trashedAt != nil }
}

/// One saved state of a canvas. Versions are numbered 1, 2, 3, … and never change.
public struct CanvasVersion: Hashable, Sendable {
    public var canvasID: UUID
    public var number: Int
    public var authorID: UUID
    public var createdAt: Date
    public var message: String
    /// The document text exactly as it was given.
    public var document: String
    public var syntax: DocumentSyntax
    /// For a restore: the version whose document this one copies.
    public var restoredFrom: Int?

    public init(
        canvasID: UUID, number: Int, authorID: UUID, createdAt: Date, message: String, document: String,
        syntax: DocumentSyntax, restoredFrom: Int? = nil
    ) {
        self.canvasID = canvasID
        self.number = number
        self.authorID = authorID
        self.createdAt = createdAt
        self.message = message
        self.document = document
        self.syntax = syntax
        self.restoredFrom = restoredFrom
    }

    /// The version without its document, as history lists show it.
    public var summary: CanvasVersionSummary {
        CanvasVersionSummary(
            canvasID: canvasID, number: number, authorID: authorID, createdAt: createdAt, message: message,
            syntax: syntax, documentLength: document.utf8.count, restoredFrom: restoredFrom)
    }
}

/// A version in a history list: everything but the document.
public struct CanvasVersionSummary: Hashable, Sendable {
    public var canvasID: UUID
    public var number: Int
    public var authorID: UUID
    public var createdAt: Date
    public var message: String
    public var syntax: DocumentSyntax
    /// The document's size in UTF-8 bytes.
    public var documentLength: Int
    public var restoredFrom: Int?

    public init(
        canvasID: UUID, number: Int, authorID: UUID, createdAt: Date, message: String, syntax: DocumentSyntax,
        documentLength: Int, restoredFrom: Int? = nil
    ) {
        self.canvasID = canvasID
        self.number = number
        self.authorID = authorID
        self.createdAt = createdAt
        self.message = message
        self.syntax = syntax
        self.documentLength = documentLength
        self.restoredFrom = restoredFrom
    }
}

/// What a save brings: who, why, and the document. The store gives the number and the time.
public struct CanvasRevision: Hashable, Sendable {
    public var authorID: UUID
    public var message: String
    public var document: String
    public var syntax: DocumentSyntax
    /// A new title for the canvas, or nil to keep it.
    public var title: String?

    public init(authorID: UUID, message: String, document: String, syntax: DocumentSyntax, title: String? = nil) {
        self.authorID = authorID
        self.message = message
        self.document = document
        self.syntax = syntax
        self.title = title
    }
}
