/// INC-02: payouts with a cliff.
public struct CliffPayoutRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-02", title: "Cliff-edge payout", category: .incentives, severity: .warning,
        summary: "An incentive pays in a step at the target or at the period's end.",
        checks: "Incentives with shape step or deadline.",
        rationale: """
            A payout that jumps at a threshold rewards landing just past it and nothing more; one paid at \
            period end rewards pulling results forward. Both show in the data as bunching and \
            period-end pushes (DATA-01, DATA-02).
            """,
        remedy: "Use a linear or capped payout, and check the KPI's values for bunching (DATA-01).")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        context.canvas.incentives.compactMap { incentive in
            guard let shape = incentive.shape, shape == .step || shape == .deadline else { return nil }
            return finding(
                "\(incentive.id) pays \(shape == .step ? "in a step at the target" : "at the period's end")",
                subjects: [incentive.id.rawValue, incentive.recipient.rawValue] + incentive.tiedTo.map(\.rawValue),
                evidence: Evidence(facts: [
                    PlainField("shape", .string(shape.rawValue)), PlainField("tied to", .strings(incentive.tiedTo)),
                ]),
                fix: Fix(
                    "Make \(incentive.id) linear or capped, and load \(incentive.tiedTo.map(\.rawValue).joined(separator: ", ")) values so DATA-01 can test for bunching."
                ))
        }
    }
}
