import Foundation

/// A value bound into a statement or read from a result, in the few types the schema uses. Each
/// database turns these into its own representation (SQLite keeps UUIDs as text and times as
/// integer milliseconds; PostgreSQL has `uuid` and `timestamptz`).
enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case uuid(UUID)
    case date(Date)
    case null
}

extension SQLValue {
    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ integer: Int?) { self = integer.map { .integer(Int64($0)) } ?? .null }
    init(_ uuid: UUID?) { self = uuid.map(SQLValue.uuid) ?? .null }
    init(_ date: Date?) { self = date.map(SQLValue.date) ?? .null }
}

/// One result row, by column name.
struct SQLRow: Sendable {
    var values: [String: SQLValue]

    private func value(_ column: String) throws -> SQLValue {
        guard let value = values[column] else {
            throw StoreError.unavailable("the result has no column \(column)")
        }
        return value
    }

    private func mismatch(_ column: String, _ type: String) -> StoreError {
        .unavailable("column \(column) does not hold \(type)")
    }

    // MARK: Optional values

    func optionalString(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        default: throw mismatch(column, "text")
        }
    }

    func optionalInt(_ column: String) throws -> Int? {
        switch try value(column) {
        case .null: return nil
        case .integer(let integer): return Int(integer)
        default: throw mismatch(column, "an integer")
        }
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        switch try value(column) {
        case .null: return nil
        case .uuid(let uuid): return uuid
        case .text(let text):
            guard let uuid = UUID(uuidString: text) else { throw mismatch(column, "a UUID") }
            return uuid
        default: throw mismatch(column, "a UUID")
        }
    }

    func optionalDate(_ column: String) throws -> Date? {
        switch try value(column) {
        case .null: return nil
        case .date(let date): return Date(milliseconds: date.milliseconds)
        case .integer(let milliseconds): return Date(milliseconds: milliseconds)
        default: throw mismatch(column, "a time")
        }
    }

    // MARK: Required values

    func string(_ column: String) throws -> String {
        guard let value = try optionalString(column) else { throw mismatch(column, "text") }
        return value
    }

    func int(_ column: String) throws -> Int {
        guard let value = try optionalInt(column) else { throw mismatch(column, "an integer") }
        return value
    }

    func uuid(_ column: String) throws -> UUID {
        guard let value = try optionalUUID(column) else { throw mismatch(column, "a UUID") }
        return value
    }

    func date(_ column: String) throws -> Date {
        guard let value = try optionalDate(column) else { throw mismatch(column, "a time") }
        return value
    }
}

extension Date {
    /// Whole milliseconds since 1970. Times are stored to the millisecond so that a record read
    /// back equals the one written, on both databases.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
