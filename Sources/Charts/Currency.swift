/// A currency an axis's amounts are in, by its lowercase ISO 4217 code (`format: gbp`, `format: eur-bn`).
public enum Currency: String, Sendable, CaseIterable {
    case usd, eur, gbp, jpy, cny, twd, hkd, chf, cad, aud, inr, krw

    /// What an English page writes before an amount, as CLDR's English does: $, €, £, ¥ (the yen; the yuan is CN¥),
    /// NT$, HK$, CHF, CA$, A$, ₹, ₩. Only the US dollar is a bare $, so no other dollar reads as one.
    public var symbol: String {
        switch self {
        case .usd: "$"
        case .eur: "€"
        case .gbp: "£"
        case .jpy: "¥"
        case .cny: "CN¥"
        case .twd: "NT$"
        case .hkd: "HK$"
        case .chf: "CHF"
        case .cad: "CA$"
        case .aud: "A$"
        case .inr: "₹"
        case .krw: "₩"
        }
    }

    /// A symbol that ends in a letter is set apart from the number, which would otherwise run into it: CHF 12.50.
    var prefix: String {
        symbol.last?.isLetter == true ? symbol + unitSpace : symbol
    }

    /// An amount with its currency where the page's language puts it (`moneyFormat`): €276, or 276 € in French.
    func written(_ amount: String, numbers: ChartLanguage.Numbers) -> String {
        numbers.moneyFormat == "{symbol}{number}" ? prefix + amount
            : numbers.moneyFormat.replacing("{symbol}", with: symbol).replacing("{number}", with: amount)
    }

    /// What a Chinese page writes after an amount, in the words of Taiwan's banks and press: 273億美元, 12億日圓, 5億新台幣.
    var chineseName: String {
        switch self {
        case .usd: "美元"
        case .eur: "歐元"
        case .gbp: "英鎊"
        case .jpy: "日圓"
        case .cny: "人民幣"
        case .twd: "新台幣"
        case .hkd: "港幣"
        case .chf: "瑞士法郎"
        case .cad: "加幣"
        case .aud: "澳幣"
        case .inr: "印度盧比"
        case .krw: "韓元"
        }
    }

    /// The currency as a unit in a number style: the symbol in English (€), the name in Chinese (歐元).
    public func unitName(_ numbers: ChartLanguage.Numbers) -> String {
        numbers.isChinese ? chineseName : symbol
    }

    /// Decimals of the currency's smallest coin: 2 (cents, pence), none for the yen and the won, whose amounts are
    /// whole (¥250, never ¥249.50).
    var minorDigits: Int {
        switch self {
        case .jpy, .krw: 0
        default: 2
        }
    }
}
