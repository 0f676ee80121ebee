/// A reporting period of a KPI value: a day, an ISO week, a month, a quarter or a year.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Granularity: Int, Sendable, Comparable, CaseIterable {
        case day, week, month, quarter, year
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

        /// The KPI frequency that measures at this granularity.
        public var frequency: Frequency {
            switch self {
            case .day: .daily
            case .week: .weekly
            case .month: .monthly
            case .quarter: .quarterly
            case .year: .yearly
            }
        }
    }

    public let granularity: Granularity
    /// The first day of the period.
    public let start: CalendarDate
    let label: String

    public var description: String { label }

    // The label follows from granularity and start, so identity needs only those two: hashing
    // the label too made every dictionary of periods (millions of values) pay for a string.
    public static func == (a: Self, b: Self) -> Bool { a.granularity == b.granularity && a.start == b.start }

    public func hash(into hasher: inout Hasher) {
        hasher.combine((start.year << 12) | (start.month << 8) | (start.day << 3) | granularity.rawValue)
    }

    public static func < (a: Self, b: Self) -> Bool {
        a.start == b.start ? a.granularity < b.granularity : a.start < b.start
    }

    /// Parses `2026-03-14`, `2026-W11`, `2026-03`, `2026-Q1` or `2026`; nil otherwise.
    public init?(_ text: String) {
        let t = text
        guard t.allSatisfy(\.isASCII) else { return nil }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first),
            first.allSatisfy(\.isNumber)
        else { return nil }
        switch parts.count {
        case 1:
            guard let d = CalendarDate(year: year, month: 1, day: 1) else { return nil }
            self.init(.year, d, t)
        case 2:
            let p = parts[1]
            if p.hasPrefix("W"), p.count == 3, let w = Int(p.dropFirst()),
                p.dropFirst().allSatisfy(\.isNumber)
            {
                guard let start = Self.isoWeekStart(year: year, week: w) else { return nil }
                self.init(.week, start, t)
            } else if p.hasPrefix("Q"), p.count == 2, let q = Int(p.dropFirst()), (1...4).contains(q) {
                guard let d = CalendarDate(year: year, month: (q - 1) * 3 + 1, day: 1) else { return nil }
                self.init(.quarter, d, t)
            } else if p.count == 2, p.allSatisfy(\.isNumber), let m = Int(p),
                let d = CalendarDate(year: year, month: m, day: 1)
            {
                self.init(.month, d, t)
            } else {
                return nil
            }
        case 3:
            guard let d = CalendarDate(t) else { return nil }
            self.init(.day, d, t)
        default:
            return nil
        }
    }

    init(_ g: Granularity, _ start: CalendarDate, _ label: String) {
        self.granularity = g
        self.start = start
        self.label = label
    }

    /// Monday of ISO week `week` of `year`, or nil when the year has no such week.
    static func isoWeekStart(year: Int, week: Int) -> CalendarDate? {
        guard week >= 1, let jan4 = CalendarDate(year: year, month: 1, day: 4) else { return nil }
        let week1Monday = jan4.dayNumber - (jan4.isoWeekday - 1)
        // A year has 53 weeks when it starts on a Thursday, or is a leap year starting on Wednesday.
        let jan1 = CalendarDate(year: year, month: 1, day: 1)!
        let weeks = jan1.isoWeekday == 4 || (CalendarDate.isLeap(year) && jan1.isoWeekday == 3) ? 53 : 52
        guard week <= weeks else { return nil }
        return CalendarDate(dayNumber: week1Monday + (week - 1) * 7)
    }

    /// The syntax of a period, for messages.
    public static let syntax = "a period such as 2026-03-14, 2026-W11, 2026-03, 2026-Q1 or 2026"
}

extension Period {
    /// The period's position on its granularity's timeline: consecutive periods differ by one.
    public var ordinal: Int {
        switch granularity {
        case .day: start.dayNumber
        case .week: (start.dayNumber + 3) / 7  // 1970-01-01 was a Thursday; weeks start on Monday
        case .month: start.year * 12 + start.month - 1
        case .quarter: start.year * 4 + (start.month - 1) / 3
        case .year: start.year
        }
    }

    /// The period of `granularity` at `ordinal` (inverse of `ordinal`).
    public init(granularity: Granularity, ordinal: Int) {
        switch granularity {
        case .day:
            let d = CalendarDate(dayNumber: ordinal)
            self.init(.day, d, d.description)
        case .week:
            let monday = CalendarDate(dayNumber: ordinal * 7 - 3)
            // The ISO year of a week is the year of its Thursday.
            let thursday = CalendarDate(dayNumber: ordinal * 7)
            let week1 = Period.isoWeekStart(year: thursday.year, week: 1)!
            let number = (monday.dayNumber - week1.dayNumber) / 7 + 1
            self.init(.week, monday, "\(thursday.year)-W\(number < 10 ? "0" : "")\(number)")
        case .month:
            let y = Int((Double(ordinal) / 12).rounded(.down)), m = ordinal - y * 12 + 1
            self.init(.month, CalendarDate(year: y, month: m, day: 1)!, "\(y)-\(m < 10 ? "0" : "")\(m)")
        case .quarter:
            let y = Int((Double(ordinal) / 4).rounded(.down)), q = ordinal - y * 4 + 1
            self.init(.quarter, CalendarDate(year: y, month: (q - 1) * 3 + 1, day: 1)!, "\(y)-Q\(q)")
        case .year:
            self.init(.year, CalendarDate(year: ordinal, month: 1, day: 1)!, "\(ordinal)")
        }
    }

    /// The period of a coarser `granularity` that contains this one (a week belongs to the
    /// month, quarter and year of its Thursday).
    public func containing(_ granularity: Granularity) -> Period {
        guard granularity > self.granularity else { return self }
        return Period(granularity: granularity, ordinal: ordinal(in: granularity))
    }

    /// The ordinal of `containing(granularity)`, without building its label: aligning millions
    /// of values needs only the position.
    public func ordinal(in granularity: Granularity) -> Int {
        guard granularity > self.granularity else { return ordinal }
        let anchor = self.granularity == .week ? CalendarDate(dayNumber: start.dayNumber + 3) : start
        switch granularity {
        case .day: return ordinal
        case .week: return (anchor.dayNumber + 3) / 7
        case .month: return anchor.year * 12 + anchor.month - 1
        case .quarter: return anchor.year * 4 + (anchor.month - 1) / 3
        case .year: return anchor.year
        }
    }
}
