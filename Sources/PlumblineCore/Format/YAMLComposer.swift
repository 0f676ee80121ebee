import CYaml

/// Builds a `DocumentNode` tree straight from libyaml's event stream.
///
/// Yams composes its own `Node` tree first (and hashes every mapping's keys to find duplicates),
/// which made reading a large canvas three times slower than the events themselves. Composing our
/// nodes directly keeps one tree, checks duplicates with plain string comparison, and enforces the
/// depth and node budgets while the tree grows, aliases included.
final class YAMLComposer {
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var hasEvent = false
    private let limits: ReadLimits
    private var budget: Int
    /// Anchored nodes with their node count and height, so an alias is charged what it expands to.
    private var anchors: [String: (node: DocumentNode, count: Int, height: Int)] = [:]

    /// Why composition stopped, with a mark when one is known.
    struct Failure: Error {
        var code: CanvasIssue.Code
        var message: String
        var mark: SourceMark?
    }

    init(limits: ReadLimits) {
        self.limits = limits
        self.budget = limits.maxNodes
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    }

    deinit {
        if hasEvent { yaml_event_delete(&event) }
        yaml_parser_delete(&parser)
    }

    /// The single document in `bytes` (UTF-8, no byte-order mark), or nil when it holds none.
    func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> DocumentNode? {
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        try next()  // stream start
        try next()
        if event.type == YAML_STREAM_END_EVENT { return nil }
        try next()  // document start → first node event
        var height = 0
        let root = try node(depth: 1, height: &height)
        try next()  // document end
        try next()
        if event.type != YAML_STREAM_END_EVENT {
            throw Failure(
                code: .syntax,
                message:
                    "invalid YAML: but found another document (expected a single document in the stream at line 1)",
                mark: mark(event.start_mark))
        }
        return root
    }

    // MARK: - Events

    private func next() throws(Failure) {
        if hasEvent {
            yaml_event_delete(&event)
            hasEvent = false
        }
        guard yaml_parser_parse(&parser, &event) == 1 else { throw parserFailure() }
        hasEvent = true
    }

    private func mark(_ m: yaml_mark_t) -> SourceMark {
        SourceMark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    // MARK: - Nodes

    /// The node whose first event is the current one; leaves its last event current.
    private func node(depth: Int, height: inout Int) throws(Failure) -> DocumentNode {
        let start = mark(event.start_mark)
        budget -= 1
        guard budget >= 0 else {
            throw Failure(
                code: .tooManyNodes,
                message: "the document expands to more than \(limits.maxNodes) nodes (YAML aliases?)", mark: start)
        }
        guard depth <= limits.maxDepth else {
            throw Failure(code: .tooDeep, message: "nesting deeper than \(limits.maxDepth) levels", mark: start)
        }
        let countBefore = budget
        let result: DocumentNode
        var anchor: String?
        height = 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            anchor = Self.cString(s.anchor)
            let quoted = s.style != YAML_PLAIN_SCALAR_STYLE && s.style != YAML_ANY_SCALAR_STYLE
            result = DocumentNode(
                .scalar(Scalar(text: Self.text(s.value, length: s.length), isQuoted: quoted)), mark: start)
        case YAML_SEQUENCE_START_EVENT:
            anchor = Self.cString(event.data.sequence_start.anchor)
            var items: [DocumentNode] = []
            try next()
            while event.type != YAML_SEQUENCE_END_EVENT {
                var h = 0
                items.append(try node(depth: depth + 1, height: &h))
                height = max(height, h + 1)
                try next()
            }
            result = DocumentNode(.sequence(items), mark: start)
        case YAML_MAPPING_START_EVENT:
            anchor = Self.cString(event.data.mapping_start.anchor)
            result = DocumentNode(.mapping(try entries(depth: depth, height: &height)), mark: start)
        case YAML_ALIAS_EVENT:
            let name = Self.cString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw Failure(code: .syntax, message: "invalid YAML: found undefined alias", mark: start)
            }
            budget -= target.count - 1
            guard budget >= 0 else {
                throw Failure(
                    code: .tooManyNodes,
                    message: "the document expands to more than \(limits.maxNodes) nodes (YAML aliases?)",
                    mark: start)
            }
            guard depth + target.height - 1 <= limits.maxDepth else {
                throw Failure(code: .tooDeep, message: "nesting deeper than \(limits.maxDepth) levels", mark: start)
            }
            height = target.height
            return target.node
        default:
            throw Failure(code: .syntax, message: "invalid YAML: unexpected event", mark: start)
        }
        if let anchor { anchors[anchor] = (result, countBefore - budget + 1, height) }
        return result
    }

    /// The entries of the mapping whose start event is current; leaves its end event current.
    private func entries(depth: Int, height: inout Int) throws(Failure) -> [DocumentEntry] {
        var entries: [DocumentEntry] = []
        var seen: Set<String> = []
        try next()
        while event.type != YAML_MAPPING_END_EVENT {
            let keyMark = mark(event.start_mark)
            var h = 0
            let keyNode = try node(depth: depth + 1, height: &h)
            guard case .scalar(let key) = keyNode.content else {
                throw Failure(
                    code: .wrongType, message: "a mapping key must be plain text, not a list or mapping", mark: keyMark)
            }
            // Small mappings (nearly all of them) are cheaper to scan than to hash.
            if entries.count >= 12, seen.isEmpty { seen = Set(entries.map(\.key)) }
            if seen.isEmpty || seen.contains(key.text), let first = entries.first(where: { $0.key == key.text }) {
                throw Failure(
                    code: .duplicateKey,
                    message:
                        "the key '\(key.text)' is given twice in one mapping (first at line \(first.keyMark?.line ?? 0))",
                    mark: keyMark)
            }
            if !seen.isEmpty { seen.insert(key.text) }
            try next()
            let value = try node(depth: depth + 1, height: &h)
            height = max(height, h + 1)
            entries.append(DocumentEntry(key: key.text, keyMark: keyMark, value: value))
            try next()
        }
        return entries
    }

    // MARK: - Errors

    private func parserFailure() -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return Failure(code: .notText, message: "unreadable input: \(problem)", mark: nil)
        case YAML_MEMORY_ERROR:
            return Failure(code: .syntax, message: "invalid YAML: out of memory", mark: nil)
        default:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context {
                message += " (\(String(cString: context)) at line \(Int(parser.context_mark.line) + 1))"
            }
            return Failure(code: .syntax, message: message, mark: mark(parser.problem_mark))
        }
    }
}
