/// The sections every report has, in order. Each starts a new printed page, so a PDF of a report
/// has one page per section unless a section is longer than a page.
public enum ReportSection: String, CaseIterable, Sendable {
    case overview
    case scores
    case canvas
    case network
    case findingsByObjective = "findings-by-objective"
    case findingsByParticipant = "findings-by-participant"
    case redesign
    case charts

    /// The section's heading, the same in HTML and Markdown (tests and the browser check look for it).
    public var heading: String {
        switch self {
        case .overview: "Overview"
        case .scores: "Alignment scores"
        case .canvas: "KPI Misalignment Canvas"
        case .network: "Accountability network"
        case .findingsByObjective: "Findings by objective"
        case .findingsByParticipant: "Findings by participant"
        case .redesign: "Proposed redesign and review"
        case .charts: "KPI charts"
        }
    }

    /// The HTML `id` of the section, also the anchor of the contents list.
    public var anchor: String { rawValue }
}
