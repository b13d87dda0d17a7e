// swift-tools-version:6.1
import PackageDescription

// The benchmarks of explainer, a package of their own so that the root package does not depend on ordo-one/benchmark.
// Run them with `make bench` from the repository root, or here with `swift package benchmark`.
let package = Package(
    name: "explainer-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "explainer", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SimulationBenchmarks",
            dependencies: [
                .product(name: "Simulation", package: "explainer"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SimulationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ChartsBenchmarks",
            dependencies: [
                .product(name: "Charts", package: "explainer"),
                .product(name: "Site", package: "explainer"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ChartsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SiteBenchmarks",
            dependencies: [
                .product(name: "Site", package: "explainer"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SiteBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
