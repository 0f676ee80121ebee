import Dispatch

extension KPIValueImport {
    /// Consumes the next chunk of the file, reading its complete rows on `ways` threads at once.
    ///
    /// Rows are independent once the header is known, so a large chunk is cut at line ends into
    /// parts that separate importers read in parallel; their values and issues are then joined
    /// in file order, with line numbers as if read in one pass. The row straddling the previous
    /// chunk and the one running into the next go through the sequential path. A chunk holding
    /// any quote character is read sequentially too: only then can a line end never fall inside
    /// a quoted field.
    public mutating func consume(parallel chunk: UnsafeBufferPointer<UInt8>, ways: Int) {
        guard ways > 1, chunk.count >= 1 << 16, canSplit, !chunk.contains(0x22),
            let firstLF = chunk.firstIndex(of: 0x0A), let lastLF = chunk.lastIndex(of: 0x0A), lastLF > firstLF
        else {
            consume(chunk)
            return
        }
        consume(UnsafeBufferPointer(rebasing: chunk[...firstLF]))
        guard isBetweenRows else {
            consume(UnsafeBufferPointer(rebasing: chunk[(firstLF + 1)...]))
            return
        }
        let middle = ReadOnlyBytes(buffer: UnsafeBufferPointer(rebasing: chunk[(firstLF + 1)...lastLF]))
        let parts = Self.split(middle.buffer, ways: ways)
        let shards = UnsafeResults<KPIValueImport>(count: parts.count)
        let template = emptyShard()
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            var shard = template
            shard.consume(UnsafeBufferPointer(rebasing: middle.buffer[parts[i]]))
            shard.closeShard()
            shards.set(i, shard)
        }
        for i in parts.indices { join(shards.get(i)) }
        partsReadInParallel += parts.count
        consume(UnsafeBufferPointer(rebasing: chunk[(lastLF + 1)...]))
    }

    /// `buffer`, which ends with a line feed, cut into about `ways` ranges that each end with one.
    static func split(_ buffer: UnsafeBufferPointer<UInt8>, ways: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        for k in 1..<ways {
            let target = max(start, buffer.count * k / ways)
            guard let end = buffer[target...].firstIndex(of: 0x0A), end + 1 < buffer.count else { break }
            parts.append(start..<(end + 1))
            start = end + 1
        }
        parts.append(start..<buffer.count)
        return parts
    }
}

/// Bytes that concurrent readers share. Sound because nobody writes them while the readers run,
/// and `concurrentPerform` returns before the caller's buffer goes away.
private struct ReadOnlyBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}
