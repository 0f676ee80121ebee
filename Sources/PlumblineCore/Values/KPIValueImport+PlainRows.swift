#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension KPIValueImport {
    /// Reads long-layout rows straight from the bytes, from `start` (a row's start), until a line
    /// it leaves to the full parser; returns where that line starts (or the buffer's end).
    ///
    /// Almost every row of a real file is plain: no quotes, no spaces around fields, a known KPI,
    /// a valid period and number. Such rows need no `String` per field: the KPI and period are
    /// compared with the previous row's bytes (files run KPI by KPI and repeat periods), and the
    /// number is read from its digits. A line that is anything else — quoted, blank, short,
    /// wrong — is left to the full parser, so problems are reported exactly as before.
    mutating func readPlainRows(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let columns = longColumns, let width = header?.count, width <= 8 else { return start }
        // Field k of a line is bounds[k]..<bounds[k + 1] - 1 (a pointer: no exclusivity checks).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 9) { bounds in
            readPlainRows(buffer, from: start, columns: columns, width: width, bounds: bounds.baseAddress!)
        }
    }

    private mutating func readPlainRows(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int,
        columns: (kpi: Int, period: Int, value: Int, entity: Int?),
        width: Int, bounds: UnsafeMutablePointer<Int>
    ) -> Int {
        var lineStart = start
        var rows = 0
        defer {
            if rows > 0 {
                parser.skip(lines: rows)
                plainRowCount += rows
            }
        }
        while lineStart < buffer.count {
            // Split the line at commas; give up on quotes, stray carriage returns or a wrong width.
            var fields = 0
            bounds[0] = lineStart
            var i = lineStart
            var lineEnd = -1
            while i < buffer.count {
                let b = buffer[i]
                if b == 0x2C {
                    fields += 1
                    guard fields < width else { return lineStart }
                    bounds[fields] = i + 1
                } else if b == 0x0A {
                    lineEnd = i
                    break
                } else if b == 0x22 || (b == 0x0D && (i + 1 >= buffer.count || buffer[i + 1] != 0x0A)) {
                    return lineStart
                }
                i += 1
            }
            guard lineEnd >= 0, fields + 1 == width else { return lineStart }
            let contentEnd = lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            bounds[width] = contentEnd + 1
            func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: buffer[bounds[k]..<(bounds[k + 1] - 1)])
            }
            let kpi = field(columns.kpi), periodText = field(columns.period), valueText = field(columns.value)
            let entityText = columns.entity.map(field)
            guard !kpi.isEmpty, Self.isUnpadded(kpi), Self.isUnpadded(valueText),
                entityText.map(Self.isUnpadded) ?? true
            else { return lineStart }

            // Check everything before changing anything, so a line left to the parser is whole.
            let sameKPI = Self.same(kpi, plainKPI)
            var id: String? = nil
            if !sameKPI {
                let text = String(decoding: kpi, as: UTF8.self)
                guard knownKPIs.contains(text) else { return lineStart }
                id = text
            }
            let period: Period
            if let known = plainPeriods.period(periodText) {
                period = known
            } else {
                guard let parsed = self.period(String(decoding: periodText, as: UTF8.self)) else { return lineStart }
                plainPeriods.store(periodText, parsed)
                period = parsed
            }
            let value: Double?
            if valueText.isEmpty {
                value = nil
            } else if let v = Self.plainDecimal(valueText) ?? Self.number(String(decoding: valueText, as: UTF8.self)) {
                value = v
            } else {
                return lineStart
            }

            if let id {
                select(KPIID(id))
                plainKPI = Array(kpi)
            }
            let entity = entityText.flatMap { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
            addToCurrent(value, period: period, entity: value == nil ? nil : entity)
            rowCount += 1
            rows += 1
            lineStart = lineEnd + 1
        }
        return lineStart
    }

    /// Whether the bytes of a field equal `known`.
    static func same(_ field: UnsafeBufferPointer<UInt8>, _ known: [UInt8]) -> Bool {
        guard field.count == known.count else { return false }
        return known.withUnsafeBufferPointer { k in
            field.count == 0 || memcmp(field.baseAddress!, k.baseAddress!, field.count) == 0
        }
    }

    /// Whether a field neither starts nor ends with a space or tab (those are trimmed by the full
    /// parser's path, which keeps its column numbers right).
    static func isUnpadded(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first, let last = field.last else { return true }
        return first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09
    }

    /// Exact powers of ten: every one up to 10²² is a Double without rounding.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// A plain decimal (`-12.5`, `.5`, `3.`) read from its digits, or nil to leave it to
    /// `Double(_:)`. With at most 2⁵³ as the digits' integer and at most 22 decimals, one IEEE
    /// division of two exact values gives the correctly rounded result, the same Double that
    /// `Double(_:)` returns (Clinger's fast path).
    static func plainDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if let sign = text.first, sign == 0x2D || sign == 0x2B {
            negative = sign == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        while i < text.count {
            let b = text[i]
            if b >= 0x30, b <= 0x39 {
                guard digits < 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(b - 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
            } else if b == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, mantissa <= 1 << 53, decimals < exactPowersOfTen.count else { return nil }
        let magnitude = Double(mantissa) / exactPowersOfTen[decimals]
        return negative ? -magnitude : magnitude
    }
}
