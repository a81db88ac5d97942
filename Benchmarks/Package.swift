// swift-tools-version:6.1
import PackageDescription

// The benchmarks live in their own package so the product's build and tests stay light (see STYLE.md). Build
// them in release mode, e.g. with `ops/bench`, which also runs them and compares the figures with the targets.

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// SwiftPM names a path dependency after its folder (`main`, `advocate`, ...), not after the `name` in its
/// manifest, so the product package is referred to by the name of the folder that holds this one.
let advocate = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "advocate"

let package = Package(
    name: "AdvocateBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // Micro-benchmarks (`swift package --package-path Benchmarks benchmark`); the malloc interposer counts
        // allocations.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // malloc_trim, which Swift's Glibc module does not export.
        .target(name: "CAllocator"),
        // What both benchmarks share: the measurements, the tweet corpus, the figures they print.
        .target(
            name: "BenchmarkKit",
            dependencies: [
                "CAllocator",
                .product(name: "AdvocateCodec", package: advocate),
                .product(name: "AdvocateModel", package: advocate),
                .product(name: "AdvocateSentiment", package: advocate),
                .product(name: "AdvocateSimulation", package: advocate),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sentiment-bench",
            dependencies: ["BenchmarkKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "state-memory-bench",
            dependencies: ["BenchmarkKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // The end-to-end benchmarks: the real stage executables on loopback, driven from outside.
        .target(
            name: "PipelineKit",
            dependencies: [
                "BenchmarkKit",
                .product(name: "AdvocateCodec", package: advocate),
                .product(name: "AdvocateSimulation", package: advocate),
                .product(name: "ZeroMQ", package: advocate),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pipeline-bench",
            dependencies: ["PipelineKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // The ceiling: libzmq PUSH to PULL between two processes, called directly.
        .executableTarget(
            name: "zmq-baseline",
            dependencies: [
                .product(name: "ZeroMQ", package: advocate),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Micro-benchmarks of the codec, the sentiment model and a scoring update: wall clock and allocations.
        .executableTarget(
            name: "AdvocateMicroBenchmarks",
            dependencies: [
                "BenchmarkKit",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AdvocateCodec", package: advocate),
                .product(name: "AdvocateModel", package: advocate),
                .product(name: "AdvocateSentiment", package: advocate),
                .product(name: "AdvocateSimulation", package: advocate),
            ],
            path: "Benchmarks/AdvocateMicroBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .testTarget(name: "BenchmarkKitTests", dependencies: ["BenchmarkKit"], swiftSettings: strict),
    ]
)
