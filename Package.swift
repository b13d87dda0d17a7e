// swift-tools-version:6.1
import PackageDescription

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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own lifecycle library (already in the graph): the preview stops its server gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
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
        .target(name: "Simulation"),
        .target(name: "Charts"),
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
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
