import PlumblineStore

/// What a request wants to do with a workspace or canvas.
public enum Permission: String, Sendable, CaseIterable {
    /// See canvases, versions, findings, comments, members.
    case read
    /// Write and resolve comments.
    case comment
    /// Request reviews and decide the ones addressed to you.
    case review
    /// Create, import, save, trash and restore canvases; upload KPI values.
    case edit
    /// Manage members and share links, purge canvases.
    case administer
}

extension WorkspaceRole {
    /// The permissions of each role: each role has those of the roles below it.
    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .read: true
        case .comment, .review: self != .viewer
        case .edit: self == .owner || self == .editor
        case .administer: self == .owner
        }
    }
}
