import Foundation
import PlumblineCore
import PlumblineStore

/// Every canvas document entering the server passes here: read with Core's `CanvasReader`, so
/// an invalid one is refused with the format's own issues (422) and never stored.
struct CanvasIntake: Sendable {
    let limits: ReadLimits

    init(maxBytes: Int) { limits = ReadLimits(maxBytes: maxBytes) }

    /// Reads `bytes`; `name` appears in issues and, by its extension, picks the syntax, as
    /// `syntax` does when given.
    func read(_ bytes: [UInt8], name: String, syntax: DocumentSyntax?) throws -> (CanvasDocument, String) {
        var file = name
        if let syntax, DocumentSyntax(fileName: name) != syntax { file = name + "." + syntax.rawValue }
        let document = try CanvasReader(limits: limits).read(bytes, file: file)
        return (document, String(decoding: bytes, as: UTF8.self))
    }

    /// A revision of `text`, once it reads as a valid canvas.
    func revision(
        _ text: String, name: String, syntax: String?, author: UUID, message: String?
    ) throws
        -> (CanvasDocument, CanvasRevision)
    {
        let (document, text) = try read(Array(text.utf8), name: name, syntax: try Self.syntax(syntax))
        let revision = CanvasRevision(
            authorID: author, message: try Self.message(message), document: text, syntax: document.syntax,
            title: document.canvas.title)
        return (document, revision)
    }

    static func syntax(_ text: String?) throws -> DocumentSyntax? {
        guard let text else { return nil }
        guard let syntax = DocumentSyntax(rawValue: text.lowercased()) else {
            throw APIError.badRequest("syntax must be yaml or json, not '\(text.prefix(40))'", code: "invalid-field")
        }
        return syntax
    }

    static func message(_ text: String?) throws -> String {
        let message = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard message.count <= StoreLimits.message else {
            throw APIError.badRequest(
                "the version message is longer than \(StoreLimits.message) characters", code: "invalid-field")
        }
        return message
    }
}
