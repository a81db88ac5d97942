import ArgumentParser

/// `advocate`: run the stack, simulate and send events, score texts, read reports.
public struct AdvocateCLI: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "advocate",
        abstract: "Advocate: turn what customers do and say into advocacy.",
        subcommands: [
            UpCommand.self, SimulateCommand.self, SendCommand.self, SentimentCommand.self, ReportCommand.self,
            RewardsCommand.self,
            KeysCommand.self, HealthCommand.self,
        ]
    )

    public init() {}
}
