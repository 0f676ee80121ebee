/// An RFC 4180 CSV tokenizer fed in chunks, so a file of any size streams through in constant
/// memory. Each row comes out with its line number and the column where each field starts.
public struct CSVRowParser: Sendable {
    public struct Field: Sendable, Hashable {
        public var text: String
        /// 1-based column of the field's first character.
        public var column: Int
    }

    public struct Row: Sendable {
        public var fields: [Field]
        /// 1-based line where the row starts.
        public var line: Int
    }

    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// The field being read, when it is quoted or began in an earlier chunk.
    private var field: [UInt8] = []
    /// Where the unquoted field being read began in the current chunk: such a field is copied
    /// once, straight from the chunk, instead of byte by byte.
    private var unquotedStart: Int?
    private var fields: [Field] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var fieldStarted = false
    /// The line the parser has reached (1-based).
    public private(set) var line = 1
    private var column = 0
    private var rowLine = 1
    private var fieldColumn = 1
    private var pendingCR = false

    public init() {}

    /// Whether the parser stands at the start of a row: nothing of a row has been read.
    public var isBetweenRows: Bool {
        !inQuotes && !fieldStarted && fields.isEmpty && !pendingCR && unquotedStart == nil && field.isEmpty
    }

    /// Whether the parser is inside a quoted field, where a line end belongs to the field.
    public var isInsideQuotes: Bool { inQuotes }

    /// Moves the line count on by rows that were read elsewhere (by a parser of the same file's
    /// later part); only at the start of a row.
    public mutating func skip(lines count: Int) {
        line += count
        rowLine = line
    }

    /// Parses the next chunk; `row` is called for every complete row.
    public mutating func feed(_ chunk: some Sequence<UInt8>, row: (Row) throws -> Void) throws {
        let handled: Bool? = try chunk.withContiguousStorageIfAvailable {
            try feed(buffer: $0, row: row)
            return true
        }
        if handled == nil {
            try Array(chunk).withUnsafeBufferPointer { try feed(buffer: $0, row: row) }
        }
    }

    /// Parses the next chunk held in contiguous memory.
    public mutating func feed(buffer: UnsafeBufferPointer<UInt8>, row: (Row) throws -> Void) throws {
        // An unquoted field carried over from the previous chunk continues at this one's start.
        if fieldStarted, !inQuotes, !quoteJustClosed { unquotedStart = 0 }
        defer {
            if let start = unquotedStart {
                field.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
                unquotedStart = nil
            }
        }
        var i = 0
        while i < buffer.count {
            let b = buffer[i]
            defer { i += 1 }
            if pendingCR {
                pendingCR = false
                if b == 0x0A { continue }  // CRLF: the row already ended at CR
            }
            if b & 0xC0 != 0x80 { column += 1 }
            if inQuotes {
                if b == 0x22 {
                    inQuotes = false
                    quoteJustClosed = true
                } else {
                    field.append(b)
                    if b == 0x0A {
                        line += 1
                        column = 0
                    }
                }
                continue
            }
            switch b {
            case 0x22:  // "
                if quoteJustClosed {
                    field.append(0x22)  // "" inside quotes is one quote
                    inQuotes = true
                    quoteJustClosed = false
                } else if !fieldStarted {
                    inQuotes = true
                    fieldStarted = true
                    fieldColumn = column
                } else {
                    throw Failure(
                        message: "a quote inside an unquoted field; quote the whole field and double the quote",
                        line: line, column: column)
                }
            case 0x2C:  // ,
                endField(buffer, at: i)
            case 0x0A, 0x0D:
                endField(buffer, at: i)
                try row(Row(fields: fields, line: rowLine))
                fields.removeAll(keepingCapacity: true)
                line += 1
                column = 0
                rowLine = line
                pendingCR = b == 0x0D
            default:
                if quoteJustClosed {
                    throw Failure(
                        message: "text after a closing quote; expected a comma or the end of the line", line: line,
                        column: column)
                }
                if !fieldStarted {
                    fieldStarted = true
                    fieldColumn = column
                    unquotedStart = i
                }
            }
        }
    }

    /// Ends the input; emits the last row if the file does not end with a newline.
    public mutating func finish(row: (Row) throws -> Void) throws {
        if inQuotes { throw Failure(message: "the file ends inside a quoted field", line: line, column: column) }
        if fieldStarted || !fields.isEmpty {
            endField(UnsafeBufferPointer(start: nil, count: 0), at: 0)
            try row(Row(fields: fields, line: rowLine))
            fields.removeAll()
        }
    }

    private mutating func endField(_ buffer: UnsafeBufferPointer<UInt8>, at end: Int) {
        let text: String
        if let start = unquotedStart {
            let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if field.isEmpty {
                text = String(decoding: piece, as: UTF8.self)
            } else {
                field.append(contentsOf: piece)
                text = String(decoding: field, as: UTF8.self)
            }
            unquotedStart = nil
        } else {
            text = String(decoding: field, as: UTF8.self)
        }
        fields.append(Field(text: text, column: fieldStarted ? fieldColumn : column))
        field.removeAll(keepingCapacity: true)
        fieldStarted = false
        quoteJustClosed = false
    }
}
