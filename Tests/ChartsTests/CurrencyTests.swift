import Testing
@testable import Charts

/// U+202F, the narrow no-break space between a number and its unit.
private let nnbsp = "\u{202F}"

@Suite struct CurrencyTests {
    @Test func everyCurrencyIsNamedByItsCodeInUnitsBillionsAndTrillions() {
        #expect(ValueFormat(rawValue: "gbp") == .money(.gbp, .units))
        #expect(ValueFormat(rawValue: "eur-bn") == .money(.eur, .billions))
        #expect(ValueFormat(rawValue: "jpy-tn") == .money(.jpy, .trillions))
        #expect(ValueFormat(rawValue: "usd-bn") == .usdBillions)
        for format in ValueFormat.allCases { #expect(ValueFormat(rawValue: format.rawValue) == format) }
        #expect(ValueFormat.allCases.count == 8 + 3 * Currency.allCases.count)
    }

    @Test(arguments: ["GBP", "gbp-mn", "-bn", "sek", "usd-", "gbpbn", ""])
    func anUnknownNameIsNoFormat(_ name: String) {
        #expect(ValueFormat(rawValue: name) == nil)
    }

    @Test func otherCurrenciesPrintAsDollarsDoWithTheirOwnSymbol() {
        #expect(ValueFormat(rawValue: "gbp")!.string(for: 2.5) == "£2.50")
        #expect(ValueFormat(rawValue: "eur-bn")!.string(for: 120) == "€120\(nnbsp)B")
        #expect(ValueFormat(rawValue: "eur-bn")!.string(for: 1300) == "€1.3\(nnbsp)T")
        #expect(ValueFormat(rawValue: "gbp-tn")!.string(for: 1.5) == "£1.5\(nnbsp)T")
        #expect(ValueFormat(rawValue: "gbp-bn")!.string(for: -5) == "\u{2212}£5\(nnbsp)B")
        #expect(ValueFormat(rawValue: "inr")!.string(for: 12) == "₹12")
        #expect(ValueFormat(rawValue: "gbp")!.labels(for: [12, 2.5]) == ["£12.00", "£2.50"])
    }

    @Test func dollarsOfOtherCountriesAndTheYuanAreNeverABareSymbol() {
        let shown = ["twd", "hkd", "cad", "aud", "cny", "chf"].map { ValueFormat(rawValue: $0)!.string(for: 2.5) }
        #expect(shown == ["NT$2.50", "HK$2.50", "CA$2.50", "A$2.50", "CN¥2.50", "CHF\(nnbsp)2.50"])
    }

    @Test func yenAndWonAreWhole() {
        let yen = ValueFormat.money(.jpy, .units)
        #expect(yen.string(for: 2.5) == "¥3")
        #expect(yen.labels(for: [1200, 2.4]) == ["¥1,200", "¥2"])
        #expect(yen.columnLabels(for: [1200, 2.4]) == ["¥1,200", "¥2"])
        #expect(ValueFormat.money(.krw, .units).string(for: 1500.4) == "₩1,500")
        let ticks = Ticks.linear(dataMin: 0, dataMax: 3, fixedMin: nil, fixedMax: nil, target: 6, format: yen)
        #expect(ticks.ticks.map(\.label) == ["0", "¥1", "¥2", "¥3"])
        // Billions of yen have decimals like any other amount.
        #expect(ValueFormat.money(.jpy, .billions).string(for: 12.5) == "¥12.5\(nnbsp)B")
    }

    @Test func billionsOfAnyCurrencySwitchToTrillionsOnTheirTicks() {
        let ticks = Ticks.linear(dataMin: 0, dataMax: 3000, fixedMin: nil, fixedMax: nil, target: 3,
                                 format: .money(.eur, .billions))
        #expect(ticks.ticks.map(\.label) == ["0", "€1\(nnbsp)T", "€2\(nnbsp)T", "€3\(nnbsp)T"])
    }

    @Test func chinesePagesWriteTheCurrencysNameAfterTheAmount() {
        let zh = { (name: String, value: Double) in ValueFormat(rawValue: name)!.string(for: value, numbers: .chinese) }
        #expect(zh("gbp-bn", 27.3) == "273億英鎊")
        #expect(zh("jpy-bn", 1300) == "1.3兆日圓")
        #expect(zh("eur-tn", 1.5) == "1.5兆歐元")
        #expect(zh("twd", 2.5) == "2.50新台幣")
        #expect(zh("jpy", 2.5) == "3日圓")
        #expect(ValueFormat.money(.eur, .billions).tickLabels([0, 200, 400], step: 200, numbers: .chinese)
            == ["0", "2000億", "4000億"])
    }

    @Test func dollarsAreUnchanged() {
        #expect(ValueFormat.usd.rawValue == "usd" && ValueFormat.usdBillions.rawValue == "usd-bn")
        #expect(ValueFormat.usd.string(for: 2.5) == "$2.50")
        #expect(ValueFormat.usdBillions.string(for: 1300) == "$1.3\(nnbsp)T")
        #expect(ValueFormat.usdBillions.string(for: 27.3, numbers: .chinese) == "273億美元")
    }
}
