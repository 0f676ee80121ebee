import PlumblineCore

/// The colours every picture shares, chosen to stay distinguishable in greyscale print and for
/// the common colour-vision deficiencies (severity is always also shown by a symbol or a label).
public enum Palette {
    public static let ink = "#1f2933"
    public static let mutedInk = "#52606d"
    public static let rule = "#cbd2d9"
    public static let paper = "#ffffff"
    public static let panel = "#f5f7fa"

    /// The fill of a KPI card by its result level.
    public static func fill(for level: ResultLevel?) -> String {
        switch level {
        case .input: "#e4e7eb"
        case .activity: "#fde8c8"
        case .output: "#d9ecff"
        case .outcome: "#d5f5e3"
        case .impact: "#e8dcff"
        case nil: "#f0f0f0"
        }
    }

    /// The stroke and marker colour of a severity.
    public static func colour(for severity: Severity) -> String {
        switch severity {
        case .error: "#c62828"
        case .warning: "#b26a00"
        case .info: "#1c64b0"
        }
    }

    /// A heat shade for a 0–100 score: red when weak, through amber, to green when strong.
    public static func heat(score: Double) -> String {
        let s = min(max(score, 0), 100)
        let stops: [(Double, (Double, Double, Double))] = [
            (0, (0xfd, 0xe0, 0xdd)), (60, (0xff, 0xf1, 0xcc)), (100, (0xe3, 0xf6, 0xe6)),
        ]
        var lower = stops[0]
        var upper = stops[stops.count - 1]
        for (a, b) in zip(stops, stops.dropFirst()) where s >= a.0 && s <= b.0 {
            lower = a
            upper = b
            break
        }
        let t = upper.0 == lower.0 ? 0 : (s - lower.0) / (upper.0 - lower.0)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let rgb = [mix(lower.1.0, upper.1.0), mix(lower.1.1, upper.1.1), mix(lower.1.2, upper.1.2)]
        return "#" + rgb.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
