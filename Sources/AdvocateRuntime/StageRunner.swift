import Logging
import ServiceLifecycle

/// Runs a stage's services until SIGTERM or SIGINT, then shuts them down gracefully.
public enum StageRunner {
    /// Runs `services` in one `ServiceGroup`. When any of them ends or fails, the others are shut down
    /// gracefully too; a failure is rethrown so the process exits non-zero.
    public static func run(_ services: [any Service], logger: Logger) async throws {
        let configurations = services.map {
            ServiceGroupConfiguration.ServiceConfiguration(
                service: $0,
                successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup
            )
        }
        let group = ServiceGroup(
            configuration: .init(
                services: configurations,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
