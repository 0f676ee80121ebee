import Synchronization

/// Statistical tests a rule ran without reporting a finding, because the result could never
/// survive the engine's per-test level. They still count towards false-discovery control: the
/// number of tests sets the Benjamini–Hochberg bar for every other one, and p-values up to the
/// false discovery rate can still lift a finding's rank. Recording a p-value costs far less than
/// building a finding's message and evidence, which matters when a canvas has 100,000 pairs.
public final class TestTally: Sendable {
    private let state = Mutex(State())

    struct State {
        var count = 0
        /// The p-values that can matter to false-discovery control (those ≤ its rate).
        var relevant: [Double] = []
    }

    public init() {}

    /// Records one test that produced no finding.
    public func record(p: Double) {
        state.withLock {
            $0.count += 1
            if p <= DiagnosisEngine.falseDiscoveryRate { $0.relevant.append(p) }
        }
    }

    /// Records one test whose p-value is known to be above the false discovery rate, without
    /// computing it.
    public func recordAboveRate() {
        state.withLock { $0.count += 1 }
    }

    var snapshot: State { state.withLock { $0 } }
}
