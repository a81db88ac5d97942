// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Advocate",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "advocate", targets: ["advocate"]),
        .executable(name: "advocate-ingest", targets: ["advocate-ingest"]),
        .executable(name: "advocate-score", targets: ["advocate-score"]),
        .executable(name: "advocate-reward", targets: ["advocate-reward"]),
        .executable(name: "advocate-report", targets: ["advocate-report"]),
        .library(name: "AdvocateCodec", targets: ["AdvocateCodec"]),
        .library(name: "AdvocateSentiment", targets: ["AdvocateSentiment"]),
        .library(name: "AdvocateModel", targets: ["AdvocateModel"]),
        .library(name: "AdvocateSimulation", targets: ["AdvocateSimulation"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // C binding to libzmq, as GRDB binds SQLite.
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // Swift wrapper over libzmq: context, sockets, messages, poller.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: strict),
        // Public JSON event format and the binary encoding between stages.
        .target(name: "AdvocateCodec", swiftSettings: strict),
        // VADER sentiment and customer-service complaint detection.
        .target(
            name: "AdvocateSentiment",
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // Per-customer state, scores, ladder, alerts, notices, reward candidates.
        .target(
            name: "AdvocateModel",
            dependencies: ["AdvocateCodec", "AdvocateSentiment"],
            exclude: ["SCORING.md"],
            swiftSettings: strict
        ),
        // Storage protocols and the SQLite implementation.
        .target(
            name: "AdvocateStorage",
            dependencies: [
                "AdvocateCodec", "AdvocateModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The PostgreSQL implementations of the storage protocols, and the factory that picks a backend.
        .target(
            name: "AdvocatePostgres",
            dependencies: [
                "AdvocateCodec", "AdvocateStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What every stage shares: configuration, HTTP health and metrics, logging, lifecycle.
        .target(
            name: "AdvocateRuntime",
            dependencies: [
                "ZeroMQ", "AdvocateCodec",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AdvocateIngest",
            dependencies: [
                "AdvocateCodec", "AdvocateStorage", "AdvocatePostgres", "AdvocateRuntime", "ZeroMQ",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AdvocateScore",
            dependencies: [
                "AdvocateCodec", "AdvocateModel", "AdvocateStorage", "AdvocatePostgres", "AdvocateRuntime", "ZeroMQ",
            ],
            swiftSettings: strict
        ),
        // Reward rules (a YAML file the operator edits), fraud checks, the ledger and fulfilment.
        .target(
            name: "AdvocateReward",
            dependencies: [
                "AdvocateCodec", "AdvocateStorage", "AdvocatePostgres", "AdvocateRuntime", "ZeroMQ",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "AdvocateReport",
            dependencies: [
                "AdvocateCodec", "AdvocateModel", "AdvocateStorage", "AdvocatePostgres", "AdvocateRuntime",
            ],
            swiftSettings: strict
        ),
        // Seeded generator of a realistic event stream.
        .target(
            name: "AdvocateSimulation",
            dependencies: ["AdvocateCodec"],
            swiftSettings: strict,
            linkerSettings: [.linkedLibrary("m")]
        ),
        // The CLI's commands: simulate, send, up, sentiment, report.
        .target(
            name: "AdvocateTools",
            dependencies: [
                "AdvocateCodec", "AdvocateSentiment", "AdvocateSimulation", "AdvocateRuntime", "ZeroMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "advocate",
            dependencies: ["AdvocateTools", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "advocate-ingest",
            dependencies: [
                "AdvocateIngest", "AdvocateRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "advocate-score",
            dependencies: [
                "AdvocateScore", "AdvocateRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "advocate-reward",
            dependencies: [
                "AdvocateReward", "AdvocateRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "advocate-report",
            dependencies: [
                "AdvocateReport", "AdvocateRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AdvocateTestSupport", dependencies: ["AdvocateStorage", "AdvocatePostgres"],
            path: "Tests/AdvocateTestSupport", swiftSettings: strict),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"], swiftSettings: strict),
        .testTarget(
            name: "AdvocateCodecTests", dependencies: ["AdvocateCodec"], resources: [.copy("Golden")],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocateSentimentTests", dependencies: ["AdvocateSentiment"], resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocateReportTests",
            dependencies: ["AdvocateReport", "AdvocateStorage", "AdvocateCodec", "AdvocateTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocateIngestTests",
            dependencies: [
                "AdvocateIngest", "AdvocateCodec", "AdvocateStorage", "AdvocateTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AdvocateModelTests", dependencies: ["AdvocateModel", "AdvocateCodec"], swiftSettings: strict),
        .testTarget(name: "AdvocateScoreTests", dependencies: ["AdvocateScore"], swiftSettings: strict),
        .testTarget(
            name: "AdvocateStorageTests",
            dependencies: [
                "AdvocateStorage", "AdvocatePostgres", "AdvocateTestSupport", "AdvocateSimulation",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocateSimulationTests", dependencies: ["AdvocateSimulation", "AdvocateCodec"],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocateRewardTests",
            dependencies: [
                "AdvocateReward", "AdvocateStorage", "AdvocatePostgres", "AdvocateCodec", "AdvocateTestSupport",
                "ZeroMQ",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AdvocateEndToEndTests",
            dependencies: [
                "AdvocateCodec", "AdvocateStorage", "AdvocatePostgres", "AdvocateTools", "AdvocateTestSupport",
                "ZeroMQ", "AdvocateModel", "AdvocateSentiment", "AdvocateSimulation",
            ],
            swiftSettings: strict
        ),
    ]
)
