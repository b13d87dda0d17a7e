import Charts
import Markdown
import Simulation

/// Model parameters in plain words for readers: "correlation: 0.6", "chance of renewal each year: 90 %",
/// "first price fall: AI equities −30 %, …". The words never name a symbol or a code name, and they speak of the
/// model's mechanics, not of one topic: per-item lists use the names the block set (`holders`, `assetNames`, `nodes`).
struct ParameterWords {
    /// How a parameter's value is printed.
    indirect enum Display: Sendable {
        case share            // 0.3 → 30 %
        case signedShare      // −0.3 → −30 %
        case perYear          // 0.5 → 50 % a year
        case ratePerYear      // 0.8 → 0.8 a year
        case number
        case count
        case years            // 4 → 4 years
        case year             // 2025
        case dollarsBn        // 27.3 → $27.3 B
        case multiple         // 1.1 → 1.1×
        case words
        case yesNo
        case ranges           // [[0, 0.05], …] → 0–5 %, …
        /// One value per item named by the parameter `names` (its value in the block, else its default).
        case each(names: String, Display)
        /// A table of numbers: said to be set, not printed.
        case table
        /// A group's starting weight, printed as the weight it reaches once it and the rest have gained as the
        /// parameters `gain` and `restGain` say: the weight a chart of what follows uses (Fig 9.3 uses 43 %, not the
        /// 25.1 % it was calibrated from).
        case weightAfterGains(gain: String, restGain: String)
        /// A share that a model moves to from the parameter `start`'s share, printed with where it starts: "44.6 %
        /// (from 40 %)", so that a small step is not read as a large level (reader 17 S3: Fig 11.1's benign case,
        /// "44.6 %" beside the prose's 4.6 % of tasks).
        case shareFrom(start: String)
        /// A table of amounts from each item named by `names` (rows) to each (columns): the non-zero ones printed,
        /// "OpenAI to Oracle $60 B".
        case flows(names: String, Display)
    }

    let model: String
    let parameters: [ParameterSpec]
    let overrides: [Scenario.Override]
    /// The block's `labels:`, applied to item names too ("DC debt senior" → "Senior data-centre debt").
    var labels: [String: String] = [:]
    /// The page's language: its numbers, and its words for each parameter (`param.<model>.<name>` in the translations
    /// file) and for the glue between them (`paramValue`, `paramPerYear` …); the English below where it has none.
    var language = ChartLanguage.english

    /// The page's word for `key`, else `english`, with each `{name}` replaced by its value.
    func word(_ key: String, _ english: String, _ values: [String: String] = [:]) -> String {
        var text = language.words[key] ?? english
        for (name, value) in values { text = text.replacingOccurrences(of: "{" + name + "}", with: value) }
        return text
    }

    /// The English glue words, as in explainer's `templates/i18n/en.yml`.
    static let glue: [String: String] = [
        "paramValue": "{label}: {value}", "paramItems": "{label}: {items}", "paramItem": "{name} {value}",
        "paramTable": "{label}: as set for this chart", "paramFlow": "{from} to {to} {value}", "paramPerYear": "{value} a year", "paramYes": "yes",
        "paramNo": "no", "paramListComma": ", ", "paramSeparator": "; ", "paramWords": "{label}: {value}",
        "paramNone": "none ({value})", "paramNamedValues": "{name} ({values})", "paramFromStart": "{value} (from {start})",
    ]

    private func glue(_ key: String, _ values: [String: String] = [:]) -> String {
        let text = word(key, Self.glue[key] ?? key, values)
        guard language.numbers.isChinese, key == "paramItem" || key == "paramFlow" else { return text }
        // Chinese sets no space between a Chinese name and its amount (甲骨文600億美元); after a Latin name
        // (OpenAI 530億美元) the space stays.
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == " ", let previous = out.unicodeScalars.last, isHanOrKana(previous),
               index + 1 < characters.count, characters[index + 1].isNumber || "−-+".contains(characters[index + 1]) { continue }
            out.append(character)
        }
        return out
    }

    /// Words for every built-in model's parameters.
    static let table: [String: [String: (String, Display)]] = [
        "bubbles": [
            "beta": ("speed of switching between trading rules", .number), "sigma": ("size of random news", .number),
            "x0": ("starting gap from fair value", .number), "steps": ("periods simulated", .count),
            "burnIn": ("warm-up periods at the start", .count), "grossReturn": ("safe return per period", .multiple),
            "seed": ("random seed", .count),
        ],
        "capexGap": [
            "capex": ("capex path", .dollarsBn), "capexIsGPUOnly": ("capex counts chips only", .yesNo),
            "chipShare": ("chips’ share of total cost", .share), "grossMargin": ("gross margin needed", .share),
            "revenue0": ("revenue in the first year", .dollarsBn), "revenueGrowth": ("revenue growth", .perYear),
        ],
        "circularFlows": [
            "nodes": ("firms", .words), "flows": ("payments between the firms, a year", .flows(names: "nodes", .dollarsBn)),
            "externalInflow": ("money from outside, a year", .each(names: "nodes", .dollarsBn)),
            "view": ("measure of money going round", .words),
        ],
        "concentration": [
            "gainAI": ("gain of the AI stocks", .signedShare), "gainRest": ("gain of the other stocks", .signedShare),
            "months": ("months in the window", .count), "targetShareOfGains": ("AI stocks’ share of the gains", .share),
            "w0": ("AI stocks’ weight in the index before the fall", .weightAfterGains(gain: "gainAI", restGain: "gainRest")), "drawdown": ("fall of the AI stocks", .share),
            "spill": ("other stocks’ fall, as a multiple of the AI stocks’ fall", .multiple),
        ],
        "displacement": [
            "alpha0": ("share of tasks automated at the start", .share),
            "alphaMax": ("share of tasks automated in the end", .shareFrom(start: "alpha0")),
            "k": ("speed of adoption", .ratePerYear), "t0": ("years until adoption is half done", .years),
            "rN": ("new tasks for workers", .perYear), "c": ("output gained per unit of automation", .number),
            "g": ("trend growth of output", .perYear), "uStar": ("normal unemployment rate", .share),
            "tau": ("time to find new work", .years), "horizon": ("years simulated", .count),
        ],
        "fireSale": [
            "holders": ("holders", .words), "assetNames": ("assets", .words),
            "assets": ("total assets", .each(names: "holders", .dollarsBn)),
            "equity": ("equity", .each(names: "holders", .dollarsBn)),
            "weights": ("what each holder owns", .table),
            "shock": ("first price fall", .each(names: "assetNames", .signedShare)),
            "illiquidity": ("price impact of $1 B sold", .each(names: "assetNames", .share)),
            "theta": ("speed of selling back to target leverage", .each(names: "holders", .share)),
            "sigma": ("share of a downgraded asset that must be sold", .each(names: "holders", .share)),
            "delta": ("price fall that sets off a downgrade", .each(names: "assetNames", .share)),
            "maxRounds": ("rounds of selling at most", .count),
        ],
        "gpuCollateral": [
            "cost": ("purchase cost", .number), "debt0": ("loan", .number), "debtTerm": ("loan term", .years),
            "bookLives": ("accounting lives", .years), "halfLife": ("time for the value to halve", .years),
            "haircut": ("discount in a forced sale", .share), "horizon": ("years shown", .years),
            "gapLives": ("lives compared", .years),
        ],
        "leaseSPV": [
            "debt0": ("bond", .dollarsBn), "coupon": ("bond interest rate", .perYear), "startYear": ("first year", .year),
            "maturityYear": ("final year", .year), "equity0": ("equity", .dollarsBn),
            "assetValue0": ("value of the property at the start", .dollarsBn),
            "assetDecay": ("fall in the property’s value", .perYear),
            "rentCover": ("rent as a multiple of the bond payment", .multiple),
            "initialTerm": ("fixed first term of the lease", .years), "renewProb": ("chance of renewal each year", .share),
            "rvgYears": ("years the guarantee lasts", .years), "rvgCapFrac": ("guarantee cap, as a share of the bond", .share),
            "saleHaircut": ("discount when the empty property is sold", .share),
            "walkAwayYear": ("year the tenant leaves in the example", .count),
        ],
        "tranching": [
            "p": ("default probability", .share), "lgd": ("loss given default", .share), "rho": ("correlation", .number),
            "tranches": ("tranches", .ranges), "n": ("borrowers in the pool", .count), "paths": ("simulated paths", .count),
            "seed": ("random seed", .count), "weights": ("borrowers’ shares of the pool", .table),
            "pds": ("each borrower’s default probability", .share), "pool": ("pool balance", .number),
            "wac": ("interest on the pool", .perYear), "fee": ("fees", .perYear), "classA": ("class A balance", .number),
            "classB": ("class B balance", .number), "rateA": ("class A interest rate", .perYear),
            "rateB": ("class B interest rate", .perYear), "sched": ("scheduled repayment per period", .number),
            "trigger": ("coverage test level", .multiple), "dflt": ("amount of the pool defaulting each period", .number),
        ],
    ]

    /// "correlation: 0.6"; a parameter without words of its own falls back to its one-line summary.
    func describe(_ override: Scenario.Override) -> String {
        guard let (english, display) = Self.table[model]?[override.name] else {
            let summary = parameters.first { $0.name == override.name }?.summary ?? override.name
            return glue("paramValue", ["label": summary, "value": override.value.description])
        }
        let label = word("param.\(model).\(override.name)", english)
        let comma = glue("paramListComma")
        if case .table = display { return glue("paramTable", ["label": label]) }
        if case .flows(let names, let inner) = display {
            let items = namesList(names)
            let rows = list(override.value).map(list)
            guard rows.count == items.count, rows.allSatisfy({ $0.count == items.count }) else {
                return glue("paramTable", ["label": label])
            }
            let flows = rows.indices.flatMap { from in
                rows[from].indices.compactMap { to -> String? in
                    guard let amount = rows[from][to].numericValue, amount != 0 else { return nil }
                    return glue("paramFlow", ["from": items[from], "to": items[to], "value": format(rows[from][to], inner)])
                }
            }
            guard !flows.isEmpty else { return glue("paramTable", ["label": label]) }
            return glue("paramItems", ["label": label, "items": flows.joined(separator: comma)])
        }
        if case .words = display { return glue("paramWords", ["label": label, "value": format(override.value, display)]) }
        if case .weightAfterGains(let gain, let restGain) = display, let start = override.value.numericValue,
           let grown = number(gain), let restGrown = number(restGain) {
            let weight = start * (1 + grown) / (start * (1 + grown) + (1 - start) * (1 + restGrown))
            return glue("paramValue", ["label": label, "value": ValueFormat.fraction.string(for: weight, numbers: numbers)])
        }
        if case .shareFrom(let start) = display, let end = override.value.numericValue, let from = number(start), from != end {
            return glue("paramValue", ["label": label, "value": glue("paramFromStart", [
                "value": ValueFormat.fraction.string(for: end, numbers: numbers),
                "start": ValueFormat.fraction.string(for: from, numbers: numbers)])])
        }
        if case .each(let names, let inner) = display {
            let items = namesList(names)
            let values = list(override.value)
            guard items.count == values.count else {
                return glue("paramValue", ["label": label, "value": values.map { format($0, inner) }.joined(separator: comma)])
            }
            return glue("paramItems", ["label": label, "items": zip(items, values).map {
                glue("paramItem", ["name": $0, "value": format($1, inner)])
            }.joined(separator: comma)])
        }
        return glue("paramValue", ["label": label, "value": format(override.value, display)])
    }

    /// A number parameter's value as set for this chart, else the model's default.
    private func number(_ name: String) -> Double? {
        if let set = overrides.first(where: { $0.name == name }) { return set.value.numericValue }
        return parameters.first { $0.name == name }.flatMap { Double($0.defaultValue) }
    }

    private func list(_ value: ParameterValue) -> [ParameterValue] {
        if case .list(let items) = value { return items }
        return [value]
    }

    /// The item names of a list parameter: as set for this chart, else the model's default ("[a, b, c]").
    private func namesList(_ name: String) -> [String] {
        if let set = overrides.first(where: { $0.name == name }) {
            return list(set.value).map { item in
                if case .text(let text) = item { return inSentence(text) }
                return item.description
            }
        }
        let written = parameters.first { $0.name == name }?.defaultValue ?? ""
        let inner = written.hasPrefix("[") && written.hasSuffix("]") ? String(written.dropFirst().dropLast()) : written
        return inner.split(separator: ",").map { $0.trimmingCharacters() }.map(inSentence)
    }

    /// An item's name as said in the middle of a settings line: its label, whose capital (the legend's "Hedge funds",
    /// "Senior data-center debt") is dropped when the item's own name was not a proper noun ("hedge funds", "DC debt
    /// senior"). "AI stocks", "OpenAI" and a name the label does not change ("Oracle") keep theirs.
    private func inSentence(_ raw: String) -> String {
        guard let label = labels[raw], label != raw else { return raw }
        func capitalisedWord(_ text: String) -> Substring? {
            let word = text.prefix { $0.isLetter }
            guard word.count > 1, word.first!.isUppercase, word.dropFirst().allSatisfy(\.isLowercase) else { return nil }
            return word
        }
        guard let first = capitalisedWord(label), capitalisedWord(raw) == nil else { return label }
        return first.prefix(1).lowercased() + label.dropFirst()
    }

    /// Words with the numbers in them printed in the parameter's unit: "UBS revised: 423, 571, … 1300" as dollars in
    /// billions reads "UBS revised: $423 B, $571 B, … $1.3 T".
    private func formattingNumbers(in text: String, _ display: Display) -> String {
        var out = "", number = ""
        func flush() {
            if let value = Double(number), !number.isEmpty { out += format(.number(value), display) } else { out += number }
            number = ""
        }
        for character in text {
            if character.isASCII && (character.isNumber || (character == "." && !number.isEmpty)) {
                number.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    private var numbers: ChartLanguage.Numbers { language.numbers }

    private func format(_ value: ParameterValue, _ display: Display) -> String {
        switch value {
        case .list(let items):
            if case .ranges = display {
                return items.map { pair in
                    let bounds = list(pair).compactMap { item -> Double? in
                        item.numericValue
                    }
                    guard bounds.count == 2 else { return pair.description }
                    return ValueFormat.fraction.string(for: bounds[0], numbers: numbers).replacingPercent() + "–"
                        + ValueFormat.fraction.string(for: bounds[1], numbers: numbers)
                }.joined(separator: glue("paramListComma"))
            }
            // A named path written as a list ("UBS revised: 423, 571, … 1300"): the name is in its first item.
            if case .text(let first)? = items.first, let colon = first.firstRange(of: ": ") {
                let written = String(first[..<colon.lowerBound])
                let values = [ParameterValue.text(String(first[colon.upperBound...]))] + items.dropFirst()
                return glue("paramNamedValues", ["name": labels[written] ?? written,
                                                 "values": values.map { format($0, display) }.joined(separator: glue("paramListComma"))])
            }
            return items.map { format($0, display) }.joined(separator: glue("paramListComma"))
        case .bool(let flag):
            return glue(flag ? "paramYes" : "paramNo")
        case .text(let text):
            switch display {
            case .words, .each, .table: return labels[text] ?? text
            default:
                // A named path ("UBS revised: 423, 571, … 1300"): its name, or the block's label for it as items
                // have, with its values after it in brackets, so that the line's own "label: value" reads once:
                // "capex path: UBS revised ($423 B, $571 B, … $1.3 T)".
                if let colon = text.firstRange(of: ": ") {
                    let written = String(text[..<colon.lowerBound])
                    let numbers = formattingNumbers(in: String(text[colon.upperBound...]), display)
                    return glue("paramNamedValues", ["name": labels[written] ?? written,
                                                     "values": numbers.replacing(", ", with: glue("paramListComma"))])
                }
                return formattingNumbers(in: text, display)
            }
        case .integer(let whole) where whole > 9_007_199_254_740_992:
            return String(whole)  // a 64-bit seed beyond Double's exact integers, shown exactly
        case .integer(let whole):
            return format(.number(Double(whole)), display)
        case .number(let number):
            switch display {
            case .share, .signedShare, .shareFrom: return ValueFormat.fraction.string(for: number, numbers: numbers)
            case .perYear: return glue("paramPerYear", ["value": ValueFormat.fraction.string(for: number, numbers: numbers)])
            case .ratePerYear: return glue("paramPerYear", ["value": ValueFormat.number.string(for: number, numbers: numbers)])
            case .years: return ValueFormat.years.string(for: number, numbers: numbers)
            case .year: return ValueFormat.year.string(for: number, numbers: numbers)
            case .dollarsBn: return ValueFormat.usdBillions.string(for: number, numbers: numbers)
            case .multiple:
                // A multiple of zero is none of it ("other stocks’ fall … none (0×)"), which a bare 0× does not say.
                let text = ValueFormat.multiple.string(for: number, numbers: numbers)
                return number == 0 ? glue("paramNone", ["value": text]) : text
            case .count: return ValueFormat.count.string(for: number, numbers: numbers)
            case .yesNo: return glue(number != 0 ? "paramYes" : "paramNo")
            default: return ValueFormat.number.string(for: number, numbers: numbers)
            }
        }
    }
}

private extension String {
    /// "5 %" → "5" (the first number of a range "5–15 %"; Chinese "5%" → "5").
    func replacingPercent() -> String {
        hasSuffix("\u{202F}%") ? String(dropLast(2)) : hasSuffix("%") ? String(dropLast()) : self
    }
}
