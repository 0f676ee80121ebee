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

    private var field: [UInt8] = []
    private var fields: [Field] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var fieldStarted = false
    private var line = 1
    private var column = 0
    private var rowLine = 1
    private var fieldColumn = 1
    private var pendingCR = false

    public init() {}

    /// Parses the next chunk; `row` is called for every complete row.
    public mutating func feed(_ chunk: some Sequence<UInt8>, row: (Row) throws -> Void) throws {
        for b in chunk {
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
                endField()
            case 0x0A, 0x0D:
                endField()
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
                }
                field.append(b)
            }
        }
    }

    /// Ends the input; emits the last row if the file does not end with a newline.
    public mutating func finish(row: (Row) throws -> Void) throws {
        if inQuotes { throw Failure(message: "the file ends inside a quoted field", line: line, column: column) }
        if fieldStarted || !fields.isEmpty {
            endField()
            try row(Row(fields: fields, line: rowLine))
            fields.removeAll()
        }
    }

    private mutating func endField() {
        fields.append(Field(text: String(decoding: field, as: UTF8.self), column: fieldStarted ? fieldColumn : column))
        field.removeAll(keepingCapacity: true)
        fieldStarted = false
        quoteJustClosed = false
    }
}
