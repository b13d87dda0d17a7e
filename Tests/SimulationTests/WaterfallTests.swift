import Testing
@testable import Simulation

@Suite struct WaterfallTests {
    static let terms = Waterfall.Terms(wac: 0.08, fee: 0.005, rateA: 0.05, rateB: 0.07, sched: 5, lgd: 0.6, trigger: 1.25)
    static let opening = Waterfall.Balances(pool: 100, classA: 70, classB: 15)

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func defaultsOfTenPassTheOCTest() {
        let period = Waterfall.step(Self.opening, defaults: 10, terms: Self.terms)
        #expect(close(period.interest, 7.2))
        #expect(close(period.excessSpread, 2.15))
        #expect(close(period.excessToEquity, 2.15))
        #expect(period.turbo == 0)
        #expect(close(period.closing.classA, 61))
        #expect(close(period.closing.classB, 15))
        #expect(close(period.closing.equity, 9))
        #expect(abs(period.ocA - 1.3934) < 5e-5)
        #expect(!period.triggerBreached)
    }

    @Test func defaultsOfThirtyBreachTheTriggerAndTurboPayClassA() {
        let period = Waterfall.step(Self.opening, defaults: 30, terms: Self.terms)
        #expect(close(period.interest, 5.6))
        #expect(close(period.excessSpread, 0.55))
        #expect(close(period.writeDownEquity + period.writeDownB, 18))
        #expect(close(period.writeDownB, 3))
        #expect(period.writeDownA == 0)
        #expect(close(period.closing.classB, 12))
        #expect(abs(period.ocA - 1.2264) < 5e-5)
        #expect(period.triggerBreached)
        #expect(close(period.turbo, 0.55))
        #expect(close(period.closing.classA, 52.45))
        #expect(close(period.closing.equity, 0.55))
    }

    static let paths: [[Double]] = [[10], [30], [0, 0, 0], [20, 25, 15, 10, 5], [100], [60, 20], [5, 5, 5, 5, 5, 5, 5, 5]]

    @Test(arguments: paths)
    func cashInEqualsCashOutAndLossesEqualWriteDowns(_ defaults: [Double]) {
        for period in Waterfall.run(Self.opening, defaults: defaults, terms: Self.terms) {
            #expect(abs(period.cashIn - period.cashOut) < 1e-9)
            let writeDowns = period.writeDownA + period.writeDownB + period.writeDownEquity
            #expect(abs(period.defaults * 0.6 - writeDowns) < 1e-9)
            #expect(period.writeDownA >= 0 && period.writeDownB >= 0 && period.writeDownEquity >= -1e-12)
        }
    }

    @Test(arguments: paths)
    func classAIsWrittenDownOnlyAfterJuniorClassesAreGone(_ defaults: [Double]) {
        // Equity before the turbo is closing equity minus the turbo payment (the turbo shrinks A, not the pool).
        for period in Waterfall.run(Self.opening, defaults: defaults, terms: Self.terms) where period.writeDownA > 0 {
            #expect(period.closing.classB == 0)
            #expect(abs(period.closing.equity - period.turbo) < 1e-9)
        }
        for period in Waterfall.run(Self.opening, defaults: defaults, terms: Self.terms) where period.writeDownB > 0 {
            #expect(abs(period.closing.equity - period.turbo) < 1e-9)
        }
    }

    @Test func wipedOutPoolWritesDownClassA() {
        let period = Waterfall.step(Self.opening, defaults: 100, terms: Self.terms)
        #expect(period.interest == 0)
        #expect(close(period.shortfallA, 3.5))
        #expect(close(period.shortfallB, 1.05))
        #expect(period.closing.pool == 0)
        #expect(period.closing.classA == 0 && period.closing.classB == 0)
        #expect(close(period.principalA, 40))
        #expect(close(period.writeDownA, 30))
    }

    @Test func retiredClassAPassesTheOCTest() {
        let terms = Waterfall.Terms(wac: 0.08, fee: 0.005, rateA: 0.05, rateB: 0.07, sched: 5, lgd: 0.6, trigger: 3)
        let period = Waterfall.step(Waterfall.Balances(pool: 50, classA: 0, classB: 10), defaults: 5, terms: terms)
        #expect(period.ocA == .infinity)
        #expect(!period.triggerBreached)
    }

    @Test func iteratedPathChainsClosingToOpeningBalances() {
        let periods = Waterfall.run(Self.opening, defaults: [10, 30], terms: Self.terms)
        #expect(periods[1].opening == periods[0].closing)
        #expect(close(periods[1].closing.pool, 85 - 30 - 5))
    }

    @Test func scheduledPrincipalIsCappedAtThePerformingPool() {
        let period = Waterfall.step(Waterfall.Balances(pool: 8, classA: 4, classB: 2), defaults: 6, terms: Self.terms)
        #expect(period.scheduled == 2)
        #expect(period.closing.pool == 0)
    }
}
