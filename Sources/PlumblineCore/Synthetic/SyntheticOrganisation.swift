/// A large, deterministic, plausible canvas for benchmarks: thousands of participants in a
/// reporting tree, KPIs with owners, objectives, incentives, mechanisms and loops, with a known
/// share of planted structural problems so a run exercises every rule.
public struct SyntheticOrganisation: Sendable {
    public var kpiCount: Int
    public var participantCount: Int
    public var seed: UInt64
    /// KPI names to draw from (e.g. the knowledge base's), so name matching is exercised too.
    public var kpiNames: [String]

    public init(kpiCount: Int = 10_000, participantCount: Int = 2_000, seed: UInt64 = 42, kpiNames: [String] = []) {
        self.kpiCount = kpiCount
        self.participantCount = participantCount
        self.seed = seed
        self.kpiNames =
            kpiNames.isEmpty ? ["Revenue", "Customer churn rate", "Net promoter score", "Cycle time"] : kpiNames
    }

    public func canvas() -> Canvas {
        var rng = SeededGenerator(seed: seed)
        let objectiveCount = max(3, kpiCount / 50)
        var canvas = Canvas(
            kind: .kpiMisalignment, id: "synthetic", title: "Synthetic organisation of \(kpiCount) KPIs")
        canvas.context = ["industry": "synthetic", "size": String(participantCount)]

        canvas.objectives = (0..<objectiveCount).map { i in
            Objective(
                id: ObjectiveID("objective-\(i)"), statement: "Objective \(i): grow retention in segment \(i)",
                horizon: Horizon.allCases[i % 3], priority: 1 + i % 5)
        }

        // A reporting tree: a board on top, then layers of ten.
        var participants: [Participant] = [
            Participant(id: "board", name: "Board", type: .oversight, decides: ["strategy"])
        ]
        for i in 1..<max(2, participantCount) {
            let parent: ParticipantID = i <= 10 ? "board" : ParticipantID("p-\((i - 1) / 10)")
            let type: ParticipantType = i % 97 == 0 ? .aiSystem : (i % 13 == 0 ? .partner : .team)
            participants.append(
                Participant(
                    id: ParticipantID("p-\(i)"), name: "Unit \(i)", type: type, reportsTo: parent,
                    escalatesTo: i % 50 == 0 ? nil : parent, decides: i % 17 == 0 ? [] : ["budget", "staffing"]))
        }
        canvas.participants = participants
        let owners = participants.dropFirst().map(\.id)

        var kpis: [KPI] = []
        kpis.reserveCapacity(kpiCount)
        for i in 0..<kpiCount {
            let level = ResultLevel.allCases[Int(rng.next() % 5)]
            var kpi = KPI(
                id: KPIID("kpi-\(i)"), name: "\(kpiNames[i % kpiNames.count]) \(i)", formula: "sum(x)/count(y)",
                unit: "percent", direction: i % 2 == 0 ? .increase : .decrease, target: .value(Double(50 + i % 40)),
                level: level, perspective: Perspective.allCases[i % 4], horizon: Horizon.allCases[i % 3],
                frequency: Frequency.allCases[1 + i % 3], scope: .team,
                blocks: [BusinessModelBlock.allCases[i % 9]],
                serves: i % 23 == 0 ? [] : [ObjectiveID("objective-\(Int(rng.next() % UInt64(objectiveCount)))")],
                accountable: i % 211 == 0 ? [] : [owners[Int(rng.next() % UInt64(owners.count))]],
                source: i % 7 == 0 ? nil : "warehouse")
            if i > 0, i % 5 == 0 { kpi.drives = [KPIID("kpi-\(i - 1)")] }
            if i % 9 == 0, i > 0 { kpi.pairsWith = [KPIID("kpi-\(i - 1)")] }
            kpis.append(kpi)
        }
        canvas.kpis = kpis

        canvas.incentives = (0..<kpiCount / 10).map { i in
            Incentive(
                id: IncentiveID("incentive-\(i)"), recipient: owners[(i * 7) % owners.count], kind: .reward,
                tiedTo: [KPIID("kpi-\(i * 10)"), KPIID("kpi-\(i * 10 + 3)")], weight: Double(i % 6) / 10,
                shape: PayoutShape.allCases[i % 4])
        }
        canvas.mechanisms = (0..<kpiCount / 20).map { i in
            Mechanism(
                id: MechanismID("mechanism-\(i)"), kind: MechanismKind.allCases[i % 7],
                owner: owners[(i * 3) % owners.count],
                covers: [.kpi(KPIID("kpi-\(i * 20)")), .participant(owners[(i * 11) % owners.count])],
                cadence: .monthly, escalatesTo: "board")
        }
        canvas.feedbackLoops = (0..<kpiCount / 10).map { i in
            FeedbackLoop(
                id: FeedbackLoopID("loop-\(i)"), kpis: (0..<8).map { KPIID("kpi-\(i * 10 + $0)") },
                collectedBy: owners[i % owners.count], reportedTo: ["board"],
                actedOnBy: i % 4 == 0 ? [] : [owners[(i * 5) % owners.count]], cadence: Cadence.allCases[i % 5])
        }
        canvas.risks = (0..<max(1, kpiCount / 100)).map { i in
            Risk(
                id: RiskID("risk-\(i)"), category: RiskCategory.allCases[i % 7], description: "Risk \(i)",
                impact: Rating.allCases[i % 3], owner: i % 3 == 0 ? nil : owners[i % owners.count],
                mitigatedBy: i % 2 == 0 ? [] : [MechanismID("mechanism-\(i % max(1, kpiCount / 20))")])
        }
        return canvas
    }
}

/// SplitMix64: small, fast and reproducible across platforms (the standard library's generator
/// is neither seeded nor stable between releases).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
