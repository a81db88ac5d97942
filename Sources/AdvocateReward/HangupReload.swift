import Dispatch
import Foundation
import ServiceLifecycle

/// Reloads the rules on SIGHUP, for as long as the stage runs.
struct HangupReload: Service {
    let holder: RulesHolder

    func run() async throws {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(
            signal: SIGHUP, queue: DispatchQueue(label: "advocate.reward.sighup"))
        let holder = self.holder
        source.setEventHandler { holder.reload() }
        source.resume()
        defer { source.cancel() }
        try? await gracefulShutdown()
    }
}
