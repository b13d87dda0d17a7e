// swift-tools-version:6.1
import PackageDescription

/// `-O` for a target in debug builds too (a release build optimises every target anyway): for the models and the
/// charts. `swift test` builds the real site many times, and unoptimised, its Monte Carlo runs and the diagrams' label
/// layout took half the tests' CPU time (generic arithmetic and the random generator through the runtime): the tests
/// take half as long, for about 50 s more compiling from clean. (The site's build optimised too took 90 s off the
/// tests but added 120 s of compiling, and slows every rebuild while working on it.) Floating point is not
/// reassociated at -O, so the output is the same bytes. Unsafe flags keep these two products from being a versioned
/// dependency of another package; explainer is used as a program, and a local (path) dependency such as Benchmarks/
/// may still use them.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "explainer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "explainer", targets: ["explainer"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Without the ConfigurationSupport trait (on by default): explainer reads no swift-configuration, and the trait
        // adds that package's 47 files to every build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own lifecycle library (already in the graph): the preview stops its server gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // Already in the graph through Hummingbird; named for the preview tests' EmbeddedChannel (NIOEmbedded).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Brotli bodies of the preview server (libbrotlienc; the release build links it statically, see the Makefile).
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // The decoder, for the tests only: they check that what the server sends decodes to the page.
        .systemLibrary(
            name: "CBrotliDecoder",
            pkgConfig: "libbrotlidec",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // memfd_create, which Swift's Glibc module leaves out: the preview server's large bodies live in one.
        .target(name: "CSharedMemory"),
        // jemalloc, the allocator on Linux, and its settings. Debug builds and `swift test` link libjemalloc.so; the
        // release binary links it in (see the Makefile's JEMALLOC comment). macOS keeps the system's allocator.
        .target(
            name: "CAllocatorSettings",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "Simulation", swiftSettings: optimisedInDebug),
        .target(name: "Charts", swiftSettings: optimisedInDebug),
        .target(
            name: "Site",
            dependencies: [
                "Markdown", "Simulation", "Charts",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PreviewServer",
            dependencies: [
                "Site", "Markdown", "CBrotli", "CSharedMemory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .executableTarget(
            name: "explainer",
            dependencies: [
                "Site", "Simulation", "PreviewServer", "CAllocatorSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // Records the git commit the binary is built from, for `explainer --version` and the workflow `new` writes.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], exclude: ["Fixtures"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], exclude: ["Golden"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Charts"]),
        // What the test targets share: waiting for something another process or task does.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["explainer", "TestSupport"]),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: [
                "PreviewServer", "Site", "CBrotliDecoder", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
