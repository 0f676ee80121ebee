import PlumblineCore

/// The words a chart writes: its trend subtitle, target label and per-period names.
enum ChartText {
    // MARK: Trend

    /// "Rising +4.2 accounts per month, its good direction (Mann–Kendall p = 0.003, n = 24)";
    /// `compact` drops the unit and the test's name so the gist fits a small panel's one line:
    /// "Rising +4.2 per month, good direction · p = 0.003".
    /// The trend counts as rising or falling at the 5 % level, the level the text report uses.
    static func trend(_ data: KPIChartData, compact: Bool = false) -> String {
        guard let mk = data.mannKendall, mk.n >= 3 else {
            return "Too few values for a trend test" + direction(data.kpi.direction, prefix: " · ")
        }
        let p = mk.p < 0.0001 ? "p < 0.0001" : "p = " + ChartNumber.readable(mk.p)
        let test = compact ? "· \(p)" : "(Mann–Kendall \(p), n = \(mk.n))"
        guard mk.p < 0.05, mk.s != 0 else {
            return "No significant trend \(test)" + direction(data.kpi.direction, prefix: " · ")
        }
        let rising = mk.s > 0
        var text = rising ? "Rising" : "Falling"
        if let slope = data.sensSlope, slope.isFinite {
            let unit = compact ? "" : data.kpi.unit.map { " " + $0 } ?? ""
            text +=
                " \(slope > 0 ? "+" : "")\(ChartNumber.readable(slope))\(unit) per \(name(of: data.series.granularity))"
        }
        let its = compact ? "" : "its "
        switch data.kpi.direction {
        case .increase?: text += rising ? ", \(its)good direction" : ", \(its)bad direction"
        case .decrease?: text += rising ? ", \(its)bad direction" : ", \(its)good direction"
        case .range?, nil: break
        }
        return text + " " + test
    }

    private static func direction(_ direction: Direction?, prefix: String) -> String {
        switch direction {
        case .increase?: prefix + "higher is better"
        case .decrease?: prefix + "lower is better"
        case .range?: prefix + "inside the band is better"
        case nil: ""
        }
    }

    static func name(of granularity: Period.Granularity) -> String {
        switch granularity {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .quarter: "quarter"
        case .year: "year"
        }
    }

    // MARK: Target and values

    /// "target 400", "target 95–105", "target ≥ 95".
    static func target(_ target: Target) -> String {
        switch target {
        case .value(let v): "target " + ChartNumber.readable(v)
        case .band(let lo?, let hi?): "target " + ChartNumber.readable(lo) + "–" + ChartNumber.readable(hi)
        case .band(let lo?, nil): "target ≥ " + ChartNumber.readable(lo)
        case .band(nil, let hi?): "target ≤ " + ChartNumber.readable(hi)
        case .band(nil, nil): "target"
        }
    }

    /// "2024-03: 297 accounts", the tooltip of a point.
    static func point(_ period: Period, _ value: Double, unit: String?) -> String {
        "\(period): \(ChartNumber.readable(value))" + (unit.map { " " + $0 } ?? "")
    }

    /// The finding's full text for its tooltip: rule, severity, message and suggested fix.
    static func finding(_ f: Finding) -> String {
        "\(f.rule) (\(f.severity.rawValue)): \(f.message)" + (f.fix.text.isEmpty ? "" : " — Fix: \(f.fix.text)")
    }
}
