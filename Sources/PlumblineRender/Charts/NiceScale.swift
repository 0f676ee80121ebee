/// Axis ticks at "nice" steps (1, 2 or 5 times a power of ten) and their labels, so a reader can
/// interpolate between gridlines in their head.
public enum NiceScale {
    // MARK: Ticks

    /// Ticks covering `lower…upper` at the smallest 1-2-5 step that needs at most `maxCount` ticks.
    /// The first tick is at or below `lower`, the last at or above `upper`. An empty or
    /// non-finite range is widened first, so the result always has at least two distinct ticks.
    public static func ticks(lower: Double, upper: Double, maxCount: Int = 6) -> [Double] {
        let (lo, hi) = widened(lower, upper)
        let count = max(2, maxCount)
        var step = niceStep(atLeast: (hi - lo) / Double(count - 1))
        while true {
            let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
            if last - first + 1 <= Double(count) || !step.isFinite {
                // Ticks are rebuilt from integer multiples so they carry no accumulated error.
                return stride(from: first, through: last, by: 1).map { clean($0 * step, step: step) }
            }
            step = niceStep(atLeast: step * 1.000_001)
        }
    }

    /// The smallest 1-2-5 step at or above `raw`.
    public static func niceStep(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * 0.999_999_999 {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// A range that is finite and not empty: a constant series still gets an axis around it.
    static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
        var lo = lower.isFinite ? lower : 0, hi = upper.isFinite ? upper : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo <= max(abs(hi), abs(lo)) * 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - pad, hi + pad)
        }
        return (lo, hi)
    }

    /// `value` rounded to the step's precision, and never `-0`.
    private static func clean(_ value: Double, step: Double) -> Double {
        let decimals = decimals(for: step)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }

    // MARK: Labels

    /// Labels for `ticks`, all in one unit: thousands (`k`) or millions (`M`) when the values are
    /// large, with just enough decimals to tell neighbouring ticks apart.
    public static func labels(for ticks: [Double]) -> [String] {
        guard ticks.count >= 2 else { return ticks.map { ChartNumber.format($0, decimals: 2) } }
        let step = abs(ticks[1] - ticks[0])
        let largest = ticks.map(abs).max() ?? 0
        let (divisor, suffix): (Double, String) =
            largest >= 10_000_000 ? (1_000_000, "M") : largest >= 10_000 ? (1_000, "k") : (1, "")
        let decimals = Self.decimals(for: step / divisor)
        return ticks.map { ChartNumber.format($0 / divisor, decimals: decimals) + ($0 == 0 ? "" : suffix) }
    }

    /// Decimals needed to write multiples of `step` exactly (for 1-2-5 steps).
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var d = 0
        var s = step
        while d < 12, abs(s - s.rounded()) > 1e-9 * max(1, s) {
            s *= 10
            d += 1
        }
        return d
    }
}

/// Numbers written for people: a fixed number of decimals, a real minus sign, no `-0`.
public enum ChartNumber {
    /// `value` with exactly `decimals` decimals (trailing zeros kept, so tick labels line up).
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let fraction = units % Int64(scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && units != 0 ? "−" : "") + text
    }

    /// `value` with up to three significant decimals and no trailing zeros, for tooltips and
    /// labels of single values (`400`, `1.18`, `0.466`, `17.2`).
    public static func readable(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3
        var text = format(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "−0" ? "0" : text
    }
}
