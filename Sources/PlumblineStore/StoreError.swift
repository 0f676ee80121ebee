/// Why a store operation did not happen. Every failed write leaves nothing behind.
public enum StoreError: Error, Hashable, Sendable {
    /// The record (`"user"`, `"canvas"`, `"version"`, …) does not exist.
    case notFound(String)
    /// A save named a base version that is no longer the newest; `current` is the newest.
    case staleVersion(current: Int)
    /// A record with the same unique key (an email, a token hash, a membership) exists already.
    case duplicate(String)
    /// The write breaks a rule of the data (removing the last owner, replying across canvases,
    /// deciding a decided review, saving a trashed canvas).
    case conflict(String)
    /// A value is malformed or over its limit; see ``StoreLimits``.
    case invalid(String)
    /// The database failed (unreachable, corrupt, out of space). The message may quote the
    /// database: log it, and show clients something general. Every other case's message is safe
    /// to show.
    case unavailable(String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let what): "\(what) not found"
        case .staleVersion(let current): "stale base version: the current version is \(current)"
        case .duplicate(let what): "\(what) already exists"
        case .conflict(let why): why
        case .invalid(let why): why
        case .unavailable(let why): "database unavailable: \(why)"
        }
    }
}
