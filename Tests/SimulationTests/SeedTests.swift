import Testing
@testable import Simulation

@Suite struct SeedTests {
    static let twoTo53: UInt64 = 9_007_199_254_740_992

    @Test func wholeNumbersParseExactlyUpTo2To64Minus1() {
        #expect(ParameterValue.parse("18446744073709551615") == .integer(.max))
        #expect(ParameterValue.parse("9007199254740993") == .integer(Self.twoTo53 + 1))
        #expect(ParameterValue.parse("18446744073709551616") == .number(18_446_744_073_709_551_616))
        #expect(ParameterValue.parse("0.5") == .number(0.5))
        #expect(ParameterValue.parse("-1") == .number(-1))
    }

    @Test func anIntegerCountsAsANumberWhereANumberIsRead() throws {
        let output = try Bubbles.run(overrides: [.init("beta", .integer(90)), .init("steps", .integer(50)), .init("burnIn", .integer(0))])
        let reference = try Bubbles.run(overrides: [.init("beta", .number(90)), .init("steps", .number(50)), .init("burnIn", .number(0))])
        #expect(output == reference)
    }

    @Test func seedsAbove2To53AreDistinctAndDeterministic() throws {
        func path(_ seed: UInt64) throws -> [Double] {
            try Bubbles.run(overrides: [.init("seed", .integer(seed)), .init("steps", .number(200)), .init("burnIn", .number(0))]).series(named: "x")!.y
        }
        #expect(try path(Self.twoTo53) != path(Self.twoTo53 + 1))
        #expect(try path(Self.twoTo53 + 1) == path(Self.twoTo53 + 1))
        #expect(try path(.max) == path(.max))
        #expect(try path(.max) != path(.max - 1))
        #expect(try Bubbles.run(overrides: [.init("seed", ParameterValue.parse("18446744073709551615"))]).scalars.isEmpty == false)
    }

    @Test func theTranchingMonteCarloTakesAFull64BitSeed() throws {
        func el(_ seed: UInt64) throws -> [Double] {
            try Tranching.run(overrides: [.init("seed", .integer(seed)), .init("paths", .number(2000))])
                .series(named: "mc.trancheEL")!.y.map { $0.isNaN ? -1 : $0 }  // a tranche no path reached is missing (NaN)
        }
        #expect(try el(.max) == el(.max))
        #expect(try el(Self.twoTo53) != el(Self.twoTo53 + 1))
    }

    @Test(arguments: [ParameterValue.number(-1), .number(0.5), .number(18_446_744_073_709_551_616), .number(1e19),
                      .number(.nan), .text("abc")])
    func nonSeedsAreRefusedNamingTheRange(value: ParameterValue) {
        let error = #expect(throws: ModelError.self) { try Bubbles.run(overrides: [.init("seed", value)]) }
        if case .text = value { return }
        #expect(error?.description.contains("seeds are 64-bit") == true)
    }
}
