/// Reads KPI values from CSV, as FORMAT.md describes: the long layout (`kpi,period,value`
/// and optionally `entity`) or the wide one (`period` then one column per KPI id).
///
/// Fed in chunks, it never holds the file, only the values. Every bad row is an issue with file,
/// line and column; nothing is dropped silently. After `maxIssues` problems it stops listing
/// them but keeps counting.
public struct KPIValueImport: Sendable {
    public enum Layout: Sendable { case long, wide }

    public let file: String
    private var values = KPIValues()
    /// The series rows are currently going to, kept out of `values` while it grows: files are
    /// usually grouped by KPI, and this spares a dictionary lookup and a copy per row.
    private var current: KPISeries?
    /// Period texts already parsed; a file repeats the same few hundred periods for every KPI.
    var periods: [String: Period] = [:]
    private var lastPeriod: (text: String, period: Period)?
    public private(set) var issues: [CanvasIssue] = []
    public private(set) var issueCount = 0
    public internal(set) var rowCount = 0
    /// How many of the rows were plain enough to read straight from the bytes.
    public internal(set) var plainRowCount = 0
    public private(set) var layout: Layout?
    public var maxIssues = 200
    /// How many runs of rows were read on other threads (see `consume(parallel:ways:)`).
    public internal(set) var partsReadInParallel = 0

    let knownKPIs: Set<String>
    var parser = CSVRowParser()
    private(set) var header: [CSVRowParser.Field]? = nil
    private(set) var longColumns: (kpi: Int, period: Int, value: Int, entity: Int?)? = nil
    /// The bytes of the current series's id, for the plain-row path (empty when rows go elsewhere).
    var plainKPI: [UInt8] = []
    /// Period texts already read by the plain-row path, by their bytes.
    var plainPeriods = PeriodTextCache()
    private var wideKPIs: [(index: Int, id: KPIID)] = []
    private var widePeriod = 0
    private var failed = false

    /// `knownKPIs`: the ids of the canvas's KPIs; a value for any other id is an error.
    public init(file: String, knownKPIs: Set<String>) {
        self.file = file
        self.knownKPIs = knownKPIs
    }

    /// Consumes the next chunk of the file.
    public mutating func consume(_ chunk: some Sequence<UInt8>) {
        guard !failed else { return }
        let handled: Void? = chunk.withContiguousStorageIfAvailable { consume(buffer: $0) }
        if handled == nil { Array(chunk).withUnsafeBufferPointer { consume(buffer: $0) } }
    }

    /// Consumes a chunk held in contiguous memory. Plain long-layout rows (no quotes, no spaces
    /// around fields, nothing wrong) are read straight from the bytes; any other line goes
    /// through the full CSV parser, which reports problems with their line and column.
    private mutating func consume(buffer: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < buffer.count, !failed {
            if longColumns != nil, parser.isBetweenRows {
                i = readPlainRows(buffer, from: i)
                guard i < buffer.count else { break }
            }
            // One line for the full parser (or the chunk's unfinished last line).
            let end = buffer[i...].firstIndex(of: 0x0A).map { $0 + 1 } ?? buffer.count
            parse(UnsafeBufferPointer(rebasing: buffer[i..<end]))
            i = end
        }
    }

    /// Runs the full CSV parser over `bytes`, handling each row as it is tokenised.
    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The parser is moved out while it runs so each row is handled as it is tokenised,
        // without collecting the chunk's rows (and copying their fields) first.
        var parser = self.parser
        self.parser = CSVRowParser()
        defer { self.parser = parser }
        do {
            try parser.feed(buffer: bytes) { handle($0) }
        } catch let error as CSVRowParser.Failure {
            report(error.line, error.column, "", error.message)
            failed = true
        } catch {
            failed = true
        }
    }

    /// Ends the file. Returns the values, or nil when there were problems (see `issues`).
    public mutating func finish() -> KPIValues? {
        if !failed {
            var parser = self.parser
            self.parser = CSVRowParser()
            do {
                try parser.finish { handle($0) }
            } catch let error as CSVRowParser.Failure {
                report(error.line, error.column, "", error.message)
            } catch {}
        }
        flushCurrent()
        if header == nil, issueCount == 0 { report(1, 1, "", "the file is empty; expected a header row") }
        if issueCount > issues.count {
            issues.append(
                CanvasIssue(
                    file: file, code: .unreadable, message: "\(issueCount - issues.count) more problems not listed"))
        }
        return issueCount == 0 ? values : nil
    }

    // MARK: - Shards (see KPIValueImport+Parallel)

    /// Whether the parser stands at the start of a row, with a header already read.
    var isBetweenRows: Bool { header != nil && !failed && parser.isBetweenRows }

    /// Whether the next line end ends a row: the header is read and no quoted field is open.
    var canSplit: Bool { header != nil && !failed && !parser.isInsideQuotes }

    /// An importer for a run of whole rows: this one's header and settings, nothing read yet.
    func emptyShard() -> KPIValueImport {
        var shard = self
        shard.values = KPIValues()
        shard.current = nil
        shard.issues = []
        shard.issueCount = 0
        shard.rowCount = 0
        shard.plainRowCount = 0
        shard.parser = CSVRowParser()
        shard.lastPeriod = nil
        shard.plainKPI = []
        return shard
    }

    /// Ends a shard's run of rows.
    mutating func closeShard() { flushCurrent() }

    /// Adds what a shard read after everything read so far, numbering its lines on from here.
    mutating func join(_ shard: KPIValueImport) {
        flushCurrent()
        let offset = parser.line - 1
        for var issue in shard.issues where issues.count < maxIssues {
            issue.line = issue.line.map { $0 + offset }
            issues.append(issue)
        }
        issueCount += shard.issueCount
        rowCount += shard.rowCount
        plainRowCount += shard.plainRowCount
        failed = failed || shard.failed
        parser.skip(lines: shard.parser.line - 1)
        for (kpi, series) in shard.values.series {
            if values.series[kpi] != nil {
                values.series[kpi]!.append(contentsOf: series)
            } else {
                values.series[kpi] = series
            }
        }
    }

    // MARK: - Rows

    private mutating func handle(_ row: CSVRowParser.Row) {
        if row.fields.count == 1, row.fields[0].text.isEmpty { return }  // blank line
        guard let header else {
            readHeader(row)
            return
        }
        rowCount += 1
        guard row.fields.count == header.count else {
            report(
                row.line, row.fields.last?.column ?? 1, "",
                "the row has \(row.fields.count) fields; the header has \(header.count)")
            return
        }
        if let c = longColumns { readLong(row, c) } else { readWide(row) }
    }

    private mutating func readHeader(_ row: CSVRowParser.Row) {
        header = row.fields
        let names = row.fields.map { $0.text.trimmingSpaces.lowercased() }
        if let k = names.firstIndex(of: "kpi"), let p = names.firstIndex(of: "period"),
            let v = names.firstIndex(of: "value")
        {
            layout = .long
            longColumns = (k, p, v, names.firstIndex(of: "entity"))
            for (i, _) in names.enumerated() where ![k, p, v, names.firstIndex(of: "entity")].contains(i) {
                report(
                    row.line, row.fields[i].column, "",
                    "unexpected column '\(row.fields[i].text)' in a long-layout file; expected kpi, period, value and optionally entity"
                )
            }
        } else if let p = names.firstIndex(of: "period") {
            layout = .wide
            widePeriod = p
            for (i, field) in row.fields.enumerated() where i != p {
                let id = field.text.trimmingSpaces
                if knownKPIs.contains(id) {
                    wideKPIs.append((i, KPIID(id)))
                } else {
                    report(
                        row.line, field.column, "", unknownKPIMessage(id), code: .unknownReference,
                        suggestion: Suggestion.closest(to: id, among: knownKPIs))
                }
            }
        } else {
            report(
                row.line, 1, "",
                "the header names neither the long layout (kpi, period, value[, entity]) nor the wide one (period, then one column per KPI id)"
            )
            failed = true
        }
    }

    private mutating func readLong(_ row: CSVRowParser.Row, _ c: (kpi: Int, period: Int, value: Int, entity: Int?)) {
        let kpiField = row.fields[c.kpi], periodField = row.fields[c.period], valueField = row.fields[c.value]
        let id = kpiField.text.trimmingSpaces
        // Rows come grouped by KPI: the series being filled needs no second look-up.
        guard current?.kpi.rawValue == id || knownKPIs.contains(id) else {
            report(
                row.line, kpiField.column, "", unknownKPIMessage(id), code: .unknownReference,
                suggestion: Suggestion.closest(to: id, among: knownKPIs))
            return
        }
        guard let period = period(periodField.text) else {
            report(
                row.line, periodField.column, "", "'\(periodField.text)' is not a period; expected \(Period.syntax)",
                code: .invalidPeriod)
            return
        }
        let entity = c.entity.map { row.fields[$0].text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
        let raw = valueField.text.trimmingSpaces
        if raw.isEmpty {
            withSeries(KPIID(id)) { $0.addMissing(period) }
            return
        }
        guard let v = Self.number(raw) else {
            report(
                row.line, valueField.column, "",
                "'\(valueField.text)' is not a number; write numbers with '.' as the decimal separator",
                code: .invalidNumber)
            return
        }
        withSeries(KPIID(id)) { $0.add(v, period: period, entity: entity) }
    }

    mutating func period(_ text: String) -> Period? {
        // Entity rows repeat one period several times in a row.
        if let last = lastPeriod, last.text == text { return last.period }
        if let known = periods[text] {
            lastPeriod = (text, known)
            return known
        }
        guard let parsed = Period(text.trimmingSpaces) else { return nil }
        if periods.count < 100_000 { periods[text] = parsed }
        lastPeriod = (text, parsed)
        return parsed
    }

    private mutating func withSeries(_ id: KPIID, _ change: (inout KPISeries) -> Void) {
        select(id)
        change(&current!)
    }

    /// Makes `id`'s series the one rows go to.
    mutating func select(_ id: KPIID) {
        if current?.kpi != id {
            plainKPI = []
            // Series in one file tend to be alike in length: size the next one like the last.
            let hint = current?.points.count ?? 0
            flushCurrent()
            current = values.series.removeValue(forKey: id) ?? KPISeries(kpi: id)
            if hint > 0, current!.observationCount == 0 { current!.reserveCapacity(periods: min(hint, 100_000)) }
        }
    }

    /// Adds a value (or, for nil, an empty cell) to the current series.
    mutating func addToCurrent(_ value: Double?, period: Period, entity: String?) {
        if let value {
            current!.add(value, period: period, entity: entity)
        } else {
            current!.addMissing(period)
        }
    }

    private mutating func flushCurrent() {
        if let series = current { values.series[series.kpi] = series }
        current = nil
        plainKPI = []
    }

    private mutating func readWide(_ row: CSVRowParser.Row) {
        let periodField = row.fields[widePeriod]
        guard let period = period(periodField.text) else {
            report(
                row.line, periodField.column, "", "'\(periodField.text)' is not a period; expected \(Period.syntax)",
                code: .invalidPeriod)
            return
        }
        for (i, id) in wideKPIs {
            let field = row.fields[i]
            let raw = field.text.trimmingSpaces
            if raw.isEmpty {
                values.series[id, default: KPISeries(kpi: id)].addMissing(period)
                continue
            }
            guard let v = Self.number(raw) else {
                report(
                    row.line, field.column, "",
                    "'\(field.text)' is not a number; write numbers with '.' as the decimal separator",
                    code: .invalidNumber)
                continue
            }
            values.series[id, default: KPISeries(kpi: id)].add(v, period: period)
        }
    }

    /// Decimal numbers with '.' (no thousands separators, no units), finite.
    static func number(_ text: String) -> Double? {
        guard Self.isDecimal(text), let n = Double(text), n.isFinite else { return nil }
        return n
    }

    /// `[-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, checked on the bytes
    /// so that `Double(_:)` never sees (and accepts) `inf`, `nan` or hexadecimal.
    static func isDecimal(_ text: String) -> Bool {
        var i = text.utf8.makeIterator()
        var b = i.next()
        if b == 0x2B || b == 0x2D { b = i.next() }
        var digits = 0
        while let d = b, d >= 0x30, d <= 0x39 {
            digits += 1
            b = i.next()
        }
        if b == 0x2E {
            b = i.next()
            while let d = b, d >= 0x30, d <= 0x39 {
                digits += 1
                b = i.next()
            }
        }
        guard digits > 0 else { return false }
        if b == 0x65 || b == 0x45 {
            b = i.next()
            if b == 0x2B || b == 0x2D { b = i.next() }
            var exponent = 0
            while let d = b, d >= 0x30, d <= 0x39 {
                exponent += 1
                b = i.next()
            }
            guard exponent > 0 else { return false }
        }
        return b == nil
    }

    private func unknownKPIMessage(_ id: String) -> String { "'\(id)' is not a KPI of this canvas" }

    private mutating func report(
        _ line: Int, _ column: Int, _ path: String, _ message: String, code: CanvasIssue.Code = .syntax,
        suggestion: String? = nil
    ) {
        issueCount += 1
        guard issues.count < maxIssues else { return }
        issues.append(
            CanvasIssue(
                file: file, line: line, column: column, path: path, code: code, message: message, suggestion: suggestion
            ))
    }
}

extension String {
    var trimmingSpaces: String {
        guard let f = utf8.first, let l = utf8.last, f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09 else {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
