import Dispatch

extension CanvasDecoder {
    /// Lists this long are decoded on every core.
    static let parallelListThreshold = 1_024

    /// Like `list`, but a long list's items are decoded on every core. Sound because the second
    /// pass reads only the id table, which the first pass completed: each part gets a decoder of
    /// its own with a copy of the table, and their issues are gathered afterwards (the reader
    /// sorts all issues by position). Large organisations have tens of thousands of KPIs.
    func parallelList<T>(
        _ node: DocumentNode, path: String, expected: String,
        _ decodeItem: @escaping @Sendable (CanvasDecoder) -> (DocumentNode, String) -> T?
    ) -> [T] {
        guard let items = items(node, path: path, expected: expected) else { return [] }
        guard items.count >= Self.parallelListThreshold else {
            return list(node, path: path, expected: expected, decodeItem(self))
        }
        let parts = 8
        let size = (items.count + parts - 1) / parts
        let results = UnsafeResults<(values: [T?], issues: [CanvasIssue], suggestions: Int)>(count: parts)
        // The parts share this decoder's suggestion budget, so a long list stays as bounded as a
        // short one.
        let budget = suggestionsLeft / parts
        let shared = SharedDecoding(
            items: items, file: file, ids: ids, idsByKind: idsByKind, path: path, suggestionBudget: budget)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * size)..<min(shared.items.count, (part + 1) * size)
            let child = CanvasDecoder(file: shared.file)
            child.ids = shared.ids
            child.idsByKind = shared.idsByKind
            child.suggestionsLeft = shared.suggestionBudget
            let decode = decodeItem(child)
            let values = range.map { decode(shared.items[$0], "\(shared.path)[\($0)]") }
            results.set(part, (values, child.issues, shared.suggestionBudget - child.suggestionsLeft))
        }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for part in 0..<parts {
            let (values, issues, suggestions) = results.get(part)
            suggestionsLeft -= suggestions
            out.append(contentsOf: values.compactMap { $0 })
            for issue in issues { adopt(issue) }
        }
        return out
    }
}

/// What the parts of a parallel list read and never write.
private struct SharedDecoding: @unchecked Sendable {
    let items: [DocumentNode]
    let file: String?
    let ids: [String: CanvasDecoder.IDRecord]
    let idsByKind: [EntityKind: [String]]
    let path: String
    let suggestionBudget: Int
}
