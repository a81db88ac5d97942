import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// The HTTP side every stage has: `GET /healthz` and `GET /metrics`, plus the stage's own routes.
public enum StageHTTPServer {
    /// Builds the stage's HTTP application.
    /// - Parameters:
    ///   - host: address to bind, e.g. `127.0.0.1`, or `0.0.0.0` in containers.
    ///   - port: TCP port.
    ///   - registry: the Prometheus registry to expose at `/metrics`.
    ///   - health: reports whether the stage is healthy and why; `/healthz` answers 503 when it is not.
    ///   - routes: adds the stage's own routes.
    public static func make(
        host: String,
        port: Int,
        registry: PrometheusCollectorRegistry,
        logger: Logger,
        health: @escaping @Sendable () -> HealthReport = { HealthReport(healthy: true, detail: [:]) },
        routes: (Router<BasicRequestContext>) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("/healthz") { _, _ -> Response in
            let report = health()
            var body = "{\"status\":\"\(report.healthy ? "ok" : "unhealthy")\""
            for (key, value) in report.detail.sorted(by: { $0.key < $1.key }) {
                body += ",\"\(key)\":\"\(value)\""
            }
            body += "}"
            return Response(
                status: report.healthy ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: body))
            )
        }
        router.get("/metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer))
            )
        }
        routes(router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            logger: logger
        )
    }
}

/// What `/healthz` says.
public struct HealthReport: Sendable {
    public var healthy: Bool
    public var detail: [String: String]

    public init(healthy: Bool, detail: [String: String]) {
        self.healthy = healthy
        self.detail = detail
    }
}
