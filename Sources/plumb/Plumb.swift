import ArgumentParser
import PlumblineCore

/// `plumb`: check that your KPIs serve your strategy and that accountability is clear.
@main
struct Plumb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plumb",
        abstract: "Find where KPIs pull against strategy and where accountability is unclear.",
        discussion: """
            A canvas is a YAML or JSON file describing objectives, KPIs, participants, incentives \
            and accountability mechanisms (see docs/format.md). Start one with `plumb init`, \
            check it with `plumb validate`.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ValidateCommand.self, CheckCommand.self, RenderCommand.self, ReportCommand.self,
            GenerateCommand.self, SuggestCommand.self, EditCommand.self, RulesCommand.self, ExplainCommand.self,
            ConvertCommand.self, FormatCommand.self, BenchCommand.self, UserCommand.self, ServeCommand.self,
            MigrateCommand.self,
            LoginCommand.self, PushCommand.self, PullCommand.self,
        ]
    )
}
