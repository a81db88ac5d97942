import Metrics
import Prometheus

/// The process-wide Prometheus registry behind swift-metrics, served at `/metrics`.
public enum StageMetrics {
    /// Bootstraps swift-metrics with a Prometheus registry once per process and returns the registry.
    public static func bootstrap() -> PrometheusCollectorRegistry {
        Bootstrap.registry
    }

    private enum Bootstrap {
        static let registry: PrometheusCollectorRegistry = {
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            return registry
        }()
    }
}
