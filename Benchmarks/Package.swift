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
        .testTarget(name: "BenchmarkKitTests", dependencies: ["BenchmarkKit"], swiftSettings: strict),
    ]
)
