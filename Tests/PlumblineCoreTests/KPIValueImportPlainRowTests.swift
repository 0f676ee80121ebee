import PlumblineCore
import Testing

@testable import PlumblineCore

/// Plain rows are read straight from the bytes; every other line goes through the full CSV
/// parser. Fed one byte at a time, no chunk ever holds a whole line, so everything takes the full
/// parser's path: the two must agree on values, issues and line numbers.
@Suite struct KPIValueImportPlainRowTests {
    /// Plain rows mixed with every kind of line the shortcut must leave alone.
    static func csv(lineEnd: String) -> String {
        var lines = ["kpi,period,value,entity"]
        let awkward = [
            "\"signups\",2024-W03,5,",  // quoted
            " churn,2024-W03,5,",  // padded id
            "churn,2024-W03, 5 ,",  // padded number
            "churn, 2024-W04,6,",  // padded period
            "nps,2024-W05,1e3,",  // exponent
            "nps,2024-W06,123456789012345678901.5,",  // more digits than the shortcut takes
            "nps,2024-W07,0000000000000000000001,",  // leading zeros
            "nps,2024-W08,12,5",  // the entity is a number: fine
            "aht,2024-W09,12;5,",  // bad number
            "aht,2024-W99,12,",  // bad period
            "ahtt,2024-W09,12,",  // unknown KPI
            "aht,2024-W09,12",  // a field short
            "aht,2024-W09,12,,",  // a field too many
            "",  // blank
            "aht,2024-W10,,team-1",  // empty value with an entity
            "aht,2024-W11,-.5,team-1",
            "aht,2024-W11,+3.,team-2",
            "aht,2024-W12,.,",  // not a number
            "aht,2024-W12,-,",  // not a number
            "aht,2024-W12,inf,",  // not a number
            "\"aht\",\"2024-W13\",\"7.25\",\"team, north\"",
        ]
        let ids = ["signups", "churn", "nps", "aht"]
        for r in 0..<400 {
            let week = 1 + r % 50
            let value = r % 11 == 0 ? "" : String(Double(r % 97) * 0.37 - 9)
            let entity = r % 5 == 0 ? "team-\(r % 3)" : ""
            lines.append("\(ids[(r / 100) % 4]),2023-W\(week < 10 ? "0" : "")\(week),\(value),\(entity)")
            if r % 19 == 0 { lines.append(awkward[(r / 19) % awkward.count]) }
        }
        return lines.joined(separator: lineEnd) + lineEnd
    }

    static func read(_ text: String, chunk: Int) -> (KPIValues?, KPIValueImport) {
        var importer = KPIValueImport(file: "values.csv", knownKPIs: KPIValueImportParallelTests.kpis)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            importer.consume(bytes[i..<min(bytes.count, i + chunk)])
            i += chunk
        }
        return (importer.finish(), importer)
    }

    @Test(arguments: ["\n", "\r\n"], [7, 64, 1_048_576])
    func plainRowsAgreeWithTheFullParser(lineEnd: String, chunk: Int) {
        let text = Self.csv(lineEnd: lineEnd)
        let (reference, full) = Self.read(text, chunk: 1)
        let (values, plain) = Self.read(text, chunk: chunk)
        #expect(full.issueCount > 5)  // the awkward lines are there
        #expect(full.plainRowCount == 0)
        #expect(plain.plainRowCount > (chunk < 64 ? -1 : chunk < 1000 ? 100 : 350))
        #expect(plain.issues.map(\.description) == full.issues.map(\.description))
        #expect(plain.rowCount == full.rowCount)
        #expect(KPIValueImportParallelTests.summary(values) == KPIValueImportParallelTests.summary(reference))
    }

    @Test func aValidFileReadsTheSameEitherWay() {
        let text = KPIValueImportParallelTests.csv(rows: 5_000)
        let (reference, full) = Self.read(text, chunk: 1)
        let (values, plain) = Self.read(text, chunk: 1 << 20)
        #expect(reference != nil)
        #expect(plain.plainRowCount > 4_000)
        #expect(plain.rowCount == full.rowCount)
        #expect(KPIValueImportParallelTests.summary(values) == KPIValueImportParallelTests.summary(reference))
    }

    /// The digits-only reading gives the very Double that `Double(_:)` gives, or declines.
    @Test func plainDecimalsAreCorrectlyRounded() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "0.1", "0.3", ".5", "5.", "-.25", "+7", "9007199254740992", "9007199254740993"]
        texts += ["123456789012345678", "0.000000000000000000001", "1.7976931348623157", "4.35", "2.675"]
        for _ in 0..<20_000 {
            let integer = UInt64.random(in: 0..<1_000_000_000, using: &generator)
            let decimals = Int.random(in: 0...9, using: &generator)
            let scaled = Double(integer) / 1e9 * Double(Int.random(in: 1...1000, using: &generator))
            texts.append(String(integer))
            texts.append(Self.decimalText(scaled, decimals: decimals))
        }
        var declined = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let plain = bytes.withUnsafeBufferPointer { KPIValueImport.plainDecimal($0) }
            guard let plain else {
                declined += 1
                continue
            }
            #expect(plain.bitPattern == Double(text)!.bitPattern, "\(text)")
        }
        #expect(declined < texts.count / 100)
    }

    /// `value` with exactly `decimals` digits after the point (truncated), without Foundation.
    static func decimalText(_ value: Double, decimals: Int) -> String {
        let whole = value.rounded(.towardZero)
        var text = String(Int(whole))
        guard decimals > 0 else { return text }
        var fraction = value - whole
        text += "."
        for _ in 0..<decimals {
            fraction *= 10
            let digit = min(9, max(0, Int(fraction.rounded(.towardZero))))
            text += String(digit)
            fraction -= Double(digit)
        }
        return text
    }
}
