import ArgumentParser
import Foundation

/// `advocate health URL`: exits 0 when a stage's `/healthz` answers 200, 1 otherwise. Container health
/// checks use it, since slim images have no curl.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Check a stage's /healthz; exits 0 when it answers 200."
    )

    @Argument(help: "The health URL, e.g. http://127.0.0.1:8070/healthz.") var url: String
    @Option(help: "Seconds to wait for an answer.") var timeout: Double = 3

    func run() throws {
        let status: Int
        do {
            status = try HTTPFetch.get(url, timeout: max(0.1, timeout)).status
        } catch {
            print("unhealthy: \(error)")
            throw ExitCode(1)
        }
        guard status == 200 else {
            print("unhealthy: \(url) answered \(status)")
            throw ExitCode(1)
        }
        print("healthy: \(url)")
    }
}
