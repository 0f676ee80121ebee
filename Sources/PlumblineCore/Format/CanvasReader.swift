/// A canvas as read from a file: the model, where each entity was written, and which syntax.
public struct CanvasDocument: Sendable {
    public var canvas: Canvas
    public var sourceMap: SourceMap
    /// The file name or path it was read from, as given to the reader.
    public var file: String?
    public var syntax: DocumentSyntax

    public init(canvas: Canvas, sourceMap: SourceMap = SourceMap(), file: String? = nil, syntax: DocumentSyntax = .yaml)
    {
        self.canvas = canvas
        self.sourceMap = sourceMap
        self.file = file
        self.syntax = syntax
    }

    /// The canvas's id: the one written in it, else the file name without extension.
    public var canvasID: String {
        if let id = canvas.id { return id }
        guard let file else { return "canvas" }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

/// Reads canvases in format v1 from YAML or JSON, reporting every problem at once.
public struct CanvasReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) { self.limits = limits }

    /// Reads a canvas from the bytes of a file.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the name used in messages; its extension (`.json`, `.yaml`, `.yml`) picks the
    ///     syntax, otherwise the content decides.
    /// - Throws: `CanvasReadError` with every issue found, in document order.
    public func read(_ bytes: [UInt8], file: String? = nil) throws(CanvasReadError) -> CanvasDocument {
        let syntax = file.flatMap(DocumentSyntax.init(fileName:)) ?? DocumentSyntax.sniff(bytes)
        let root: DocumentNode
        switch DocumentParser(file: file, limits: limits).parse(bytes, syntax: syntax) {
        case .success(let node): root = node
        case .failure(let issue): throw CanvasReadError(issues: [issue])
        }
        let decoder = CanvasDecoder(file: file)
        guard let canvas = decoder.decodeCanvas(root) else {
            let ordered = decoder.issues.enumerated().sorted { a, b in
                let la = a.element.line ?? 0, lb = b.element.line ?? 0
                if la != lb { return la < lb }
                let ca = a.element.column ?? 0, cb = b.element.column ?? 0
                return ca != cb ? ca < cb : a.offset < b.offset
            }.map(\.element)
            throw CanvasReadError(issues: ordered)
        }
        return CanvasDocument(canvas: canvas, sourceMap: decoder.sourceMap, file: file, syntax: syntax)
    }

    /// Reads a canvas from text.
    public func read(text: String, file: String? = nil) throws(CanvasReadError) -> CanvasDocument {
        try read(Array(text.utf8), file: file)
    }
}
