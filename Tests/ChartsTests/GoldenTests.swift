import Testing
@testable import Charts

@Suite struct GoldenTests {
    @Test(arguments: Gallery.samples.map(\.name))
    func galleryChartMatchesGoldenSVG(_ name: String) throws {
        let spec = try #require(Gallery.samples.first { $0.name == name }).spec
        try expectGolden(try renderSVG(spec, id: name), "\(name).svg")
    }

    @Test func gallerySamplesCoverEveryKindInOrder() {
        #expect(Gallery.samples.map(\.spec.kind) == ChartKind.allCases)
    }
}
