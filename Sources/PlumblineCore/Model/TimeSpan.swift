/// A duration as the format writes it: `<number><h|d|w|m>` — hours, days, weeks or months.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: Character, Sendable, CaseIterable {
        case hours = "h", days = "d", weeks = "w", months = "m"
    }

    public let amount: Double
    public let unit: Unit

    /// Parses `48h`, `2d`, `1.5w`, `3m`; nil for anything else.
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: last) else { return nil }
        let number = text.dropLast()
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let amount = Double(number), amount.isFinite, amount >= 0
        else { return nil }
        self.amount = amount
        self.unit = unit
    }

    public var description: String {
        let n = amount == amount.rounded() && abs(amount) < 1e15 ? String(Int(amount)) : String(amount)
        return n + String(unit.rawValue)
    }

    /// The span in hours, taking a month as 30 days.
    public var hours: Double {
        switch unit {
        case .hours: amount
        case .days: amount * 24
        case .weeks: amount * 24 * 7
        case .months: amount * 24 * 30
        }
    }
}
