// swift-tools-version:6.1
// libFuzzer target over the author-facing parsers: front matter, Markdown (cmark wrapper), chart blocks, citations,
// links. Kept out of the main package because a fuzzer binary gets its `main` from libFuzzer. See docs/DEVELOPING.md, "Robustness".
import Foundation
import PackageDescription

/// A path dependency is named after its folder, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "explainer-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzSite",
            dependencies: [.product(name: "Site", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
