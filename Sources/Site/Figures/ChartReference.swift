import Charts
import Simulation

/// One chart kind as a writer needs to know it: what it shows, the CSV it expects, and a sample (a chart block and
/// its CSV) that the gallery draws through the same code as a chapter's charts and `explainer charts KIND` prints.
public struct ChartKindReference: Sendable {
    public var kind: ChartKind
    /// What the kind shows, in a line.
    public var summary: String
    /// What the first column of the CSV means, and its type.
    public var firstColumn: String
    /// What the other columns mean, and their type.
    public var otherColumns: String
    /// The sample's CSV file name (in `content/data/`) and text; both empty for kinds drawn from the block itself
    /// (`diagram`, `steps`), where `firstColumn` and `otherColumns` describe the block's lists instead.
    public var csvName: String
    public var csv: String
    /// The sample chart block: the YAML between the ```chart fences.
    public var block: String
}

/// The reference for every chart kind and every key of a chart block. Tests build every sample and check that every
/// kind and every key the chart-block parser knows is described here, so the reference cannot fall behind the code.
public enum ChartReference {
    /// Every chart kind, in `ChartKind.allCases` order.
    public static var kinds: [ChartKindReference] {
        ChartKind.allCases.compactMap { kind in samples.first { $0.kind == kind } }
    }

    /// The reference of `name` (`line`, `hbar`, …), nil for an unknown kind.
    public static func kind(named name: String) -> ChartKindReference? {
        ChartKind(rawValue: name).flatMap { kind in samples.first { $0.kind == kind } }
    }

    /// The hint for a chart kind explainer does not draw: what to draw instead for a kind other tools have (a pie
    /// chart's shares as bars), else the closest name; then every kind.
    public static func unknownKindHint(_ name: String) -> String {
        let known = ChartKind.allCases.map(\.rawValue)
        let instead: String? = switch name.lowercased().filter({ $0.isLetter }) {
        case "pie", "piechart", "donut", "doughnut", "ring", "sunburst", "treemap", "waffle":
            "explainer draws shares of a whole as bars, which are easier to compare: hbar (one bar per share) or "
                + "stacked-bar (each bar a whole split into its shares)"
        case "column", "columns":
            "columns are bar (one per category), grouped-bar or stacked-bar"
        case "sankey", "alluvial":
            "a Sankey diagram is flow"
        case "stacked", "stackedcolumn", "stackedcolumns":
            "stacked bars are stacked-bar, stacked areas stacked-area"
        case "timeline", "process", "sequence":
            "events in order are steps; boxes joined by arrows are diagram"
        default:
            nil
        }
        if instead == nil, let english = Self.otherLanguageKinds[latinLetters(name).filter(\.isLetter)] {
            return "kinds are named in English: did you mean '\(english)'? Known kinds: " + known.joined(separator: ", ")
        }
        guard let instead else { return suggestionHint(for: name, among: known, noun: "kinds") }
        return instead + ". Known kinds: " + known.joined(separator: ", ")
    }

    /// Spanish, French and German names of chart kinds (without accents, spaces or hyphens), by the kind meant.
    static let otherLanguageKinds: [String: String] = [
        "barra": "bar", "barras": "bar", "barre": "bar", "barres": "bar", "balken": "hbar", "saulen": "bar",
        "linea": "line", "lineas": "line", "ligne": "line", "lignes": "line", "linie": "line", "linien": "line",
        "area": "area", "areas": "area", "aire": "area", "flache": "area",
        "cascada": "waterfall", "cascade": "waterfall", "wasserfall": "waterfall",
        "histograma": "histogram", "histogramme": "histogram", "histogramm": "histogram",
        "flujo": "flow", "flux": "flow", "fluss": "flow",
        "diagrama": "diagram", "diagramme": "diagram", "pasos": "steps", "etapes": "steps", "schritte": "steps",
        "mapadecalor": "heatmap", "cartedechaleur": "heatmap",
    ]

    /// Every key of a chart block, in the order the parser lists them: what it is, and what happens without it.
    public static var keys: [(key: String, meaning: String, absent: String)] {
        ChartBlockParser.keys.map { key in (key, keyMeanings[key]?.0 ?? "", keyMeanings[key]?.1 ?? "") }
    }

    /// The keys of `x:` and `y:`, with their defaults taken from `AxisOptions()`.
    public static var axisKeys: [(key: String, meaning: String, absent: String)] {
        let defaults = AxisOptions()
        return [
            ("label", "the axis title", "a model's unit; nothing for a CSV"),
            ("format", "how numbers are printed: " + ValueFormat.summary,
             defaults.format.rawValue),
            ("scale", "how values map to positions: " + ScaleType.allCases.map(\.rawValue).joined(separator: ", "),
             defaults.scale.rawValue),
            ("min", "the axis's lowest value", "from the data, rounded to a tick"),
            ("max", "the axis's highest value", "from the data, rounded to a tick"),
            ("clip", "y of a line chart only, with max: true lets lines run off the top, each marked where it leaves with its highest value",
             "false: max may not leave data off the axis"),
            ("origin", "x only: count x from this value, e.g. origin: 2025 draws 2029 as 4 (with format: years, "
             + "\"years after 2025\"); annotations, min and max are then written counted from it too", "x as in the data"),
        ].filter { ChartBlockParser.axisKeys.contains($0.0) }
    }

    /// What each key means and what happens without it; `keysAreAllDescribed` checks every parser key is here.
    static let keyMeanings: [String: (String, String)] = [
        "id": ("unique across the site: names the CSV readers download (data/ID.csv) and the anchor #figure-ID; "
               + "lowercase letters, digits and hyphens", "required"),
        "title": ("the chart's title, shown above it", "required"),
        "caption": ("shown under the chart: what it shows and where the numbers come from", "required"),
        "model": ("a built-in model (`explainer models` lists them); give model or data", "—"),
        "data": ("a CSV file in content/data/, named without the folder; give model or data", "—"),
        "kind": ("the chart kind: " + ChartKind.allCases.map(\.rawValue).joined(separator: ", "), ChartKind.line.rawValue),
        "series": ("which columns (or model series) to draw, in order, e.g. [Northtown, Southport]",
                   "every column after the first (a model: every series on the first one's grid)"),
        "labels": ("names to show instead of column, series, scenario or category names, e.g. {visitors: Visitors (thousands)}",
                   "the names as written"),
        "x": ("the horizontal axis (for hbar: the values): label, format, scale, min, max (below)", "see below"),
        "y": ("the vertical axis (for hbar: the categories, which take only a label): label, format, scale, min, max (below)",
              "see below"),
        "params": ("a model's parameters, e.g. {p: 0.05}, checked against the ranges `explainer models` prints",
                   "the model's defaults"),
        "scenarios": ("variants the reader switches between without JavaScript: a list of the model's scenario names, "
                      + "or name: {parameter: value}", "one chart"),
        "default": ("the scenario shown first", "the first scenario"),
        "overlay": ("true draws every scenario in each variant, the chosen one highlighted and the others faint "
                    + "(their `here` points too, as faint dots with muted labels)", "false"),
        "shared-axes": ("whether every scenario variant uses the same axes, so they compare", "true"),
        "captions": ("a caption per scenario, e.g. {together: …}, shown with that variant", "the one caption"),
        "totals": ("waterfall rows drawn as totals (full bars from zero, the sum of the steps before; leave the cell "
                   + "empty to have it computed; a row paying out all that is left, −2.15 after steps adding up to 2.15, "
                   + "is shown as what is left)", "none: every row is a step"),
        "claims": ("categories that are disputed claims, drawn hatched and tagged \"claim\"", "none"),
        "points": ("line charts: series drawn as points, not joined by a line, e.g. points: [reported price] for values "
                   + "reported by different sources, which a line would show as one continuous series", "none: every series a line"),
        "value-labels": ("bar and hbar charts of one series: the words printed for a category's value, on the bar and in "
                         + "the data table, e.g. {IEA 2030: \"just under 3 %\"} where the source gives no exact number "
                         + "(the bar is drawn at the value in the data; the CSV keeps the number)", "the value, formatted"),
        "groups": ("hbar charts: bars gathered under headings, with a gap between groups: heading: [categories], e.g. "
                   + "{World: [IEA 2024, IEA 2030], US: [LBNL 2023, LBNL 2028]}; together every category once, in the "
                   + "data's order (names as in the data or as renamed by `labels:`)", "none: one list of bars"),
        "digits": ("significant digits of the values printed on bars, at line ends and in the data table: 2, 3 or 4 "
                   + "(a model's exact teaching arithmetic may keep 3; digits: 4 shows data such as 12.5 beside 180.5 as "
                   + "written)", "3 for a CSV, 2 for a model's stylised outputs (their tables by x: 3)"),
        "first-column": ("the heading of the data table's and CSV's first column (the categories or x values), e.g. "
                         + "first-column: Type of holder", "the x axis title, else the CSV's first column or the model's unit"),
        "annotations": ("context drawn on x/y charts: " + AnnotationParser.types.map { "type: \($0)" }.joined(separator: ", ")
                        + " (below)", "none"),
        "nodes": ("diagram: the boxes, one per line: {id: …, label: …, note: …, color: 1…8}, or just a label (the id is "
                  + "then the label); at most \(Diagram.maxNodes), labels up to \(Diagram.maxLabel) characters, notes up to "
                  + "\(Diagram.maxNote); labels and notes are plain text (no Markdown or citations)", "required for a diagram; no note, colour 1"),
        "arrows": ("diagram: one per line, {from: ID, to: ID, label: …}, dashed: true for a promise rather than money "
                   + "paid (say so in the caption); an arrow back to an earlier box closes a loop and is drawn pointing back up; labels up to \(Diagram.maxArrowLabel) characters", "no arrows"),
        "steps": ("steps: the steps in order, one per line: {label: …, note: …, color: 1…8}, or just a label; at most "
                  + "\(Diagram.maxSteps)", "required for steps"),
    ]

    /// The annotation types with the keys each takes.
    public static let annotationUsage = [
        "{type: line, axis: y, value: 100, label: …}   a dashed line across the chart at a value (axis x or y)",
        "{type: band, from: 2008, to: 2010, label: …}  a shaded band between two x values",
        "{type: event, x: 2015, label: …}              a marker at one x value",
        "{type: here, x: 2020, y: 29, label: …}        a point with a label",
    ]

    /// What positions and labels of annotations may hold.
    public static let annotationNote = "A position may name a category, or a value a model reports (x: lhp.quantile999). "
        + "In a label, {x}, {y} and {value} print the position as its axis prints it, and {scenario} the scenario's name."


    /// The whole reference of one kind as `explainer charts KIND` prints it.
    public static func text(for reference: ChartKindReference) -> String {
        var out = "\(reference.kind.rawValue) — \(reference.summary)\n\n"
        if reference.csvName.isEmpty {
            out += "Data: written in the chart block itself (no CSV file, no model)\n"
            out += "  \(reference.firstColumn)\n"
            out += "  \(reference.otherColumns)\n\n"
        } else {
            out += "Data: a CSV file in content/data/ (a header row, then one row per line; '# ' lines name the source)\n"
            out += "  first column   \(reference.firstColumn)\n"
            out += "  other columns  \(reference.otherColumns)\n\n"
            out += "Example: content/data/\(reference.csvName)\n"
            out += reference.csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "  " + $0 }
                .joined(separator: "\n") + "\n\n"
        }
        out += "Chart block (copy it into a chapter):\n\n```chart\n" + reference.block + "```\n\n"
        out += keysText()
        return out
    }

    /// The keys of every chart block, their defaults, the axis keys and the annotations.
    public static func keysText() -> String {
        func table(_ rows: [(key: String, meaning: String, absent: String)], indent: String) -> String {
            let width = rows.map(\.key.count).max() ?? 0
            return rows.map { row in
                indent + row.key + String(repeating: " ", count: width - row.key.count) + "  " + row.meaning
                    + (row.absent.isEmpty || row.absent == "—" ? "" : " (default: \(row.absent))")
            }.joined(separator: "\n") + "\n"
        }
        return "Keys of a chart block:\n" + table(keys, indent: "  ")
            + "\nKeys of x: and y:, e.g. x: {label: Year, format: year}\n" + table(axisKeys, indent: "  ")
            + "\nAnnotations, one per line under annotations:\n" + annotationUsage.map { "  - " + $0 }.joined(separator: "\n") + "\n"
            + "  " + annotationNote + "\n"
    }

    /// Every kind in a line each, for `explainer charts`.
    public static func overview() -> String {
        let width = ChartKind.allCases.map(\.rawValue.count).max() ?? 0
        return "Chart kinds:\n" + kinds.map { "  " + $0.kind.rawValue + String(repeating: " ", count: width - $0.kind.rawValue.count)
            + "  " + $0.summary }.joined(separator: "\n") + "\n\n" + keysText()
            + "\n`explainer charts KIND` prints what a kind's CSV holds and a chart block to copy.\n"
    }

    private static let samples: [ChartKindReference] = [
        ChartKindReference(
            kind: .line, summary: "lines over a numeric x axis: how values change over time",
            firstColumn: "the x axis: numbers, years (2024) or months (2024-03)",
            otherColumns: "one line each, named by the header; numbers (an empty cell is a gap)",
            csvName: "towns.csv",
            csv: "# Population of two imaginary towns, in thousands. Made-up numbers.\nyear,Northtown,Southport\n2010,12,20\n2012,14,21\n2014,17,21\n2016,22,22\n2018,26,22\n2020,29,23\n",
            block: """
                id: sample-line
                title: "Northtown overtakes Southport"
                caption: "Population of two imaginary towns, in thousands. Made-up numbers."
                data: towns.csv
                kind: line
                x: {label: Year, format: year}
                y: {label: Population (thousands), min: 0}
                annotations:
                  - {type: event, x: 2015, label: New railway station}

                """),
        ChartKindReference(
            kind: .area, summary: "one or more filled areas over a numeric x axis: an amount over time",
            firstColumn: "the x axis: numbers, years (2024) or months (2024-03)",
            otherColumns: "one area each (drawn over one another, not stacked); numbers",
            csvName: "reservoir.csv",
            csv: "# Water in an imaginary reservoir, million cubic metres. Made-up numbers.\nmonth,stored\n1,82\n2,85\n3,88\n4,86\n5,78\n6,66\n7,52\n8,45\n9,50\n10,61\n11,72\n12,79\n",
            block: """
                id: sample-area
                title: "The reservoir runs low in late summer"
                caption: "Water stored at the start of each month, million cubic metres. Made-up numbers."
                data: reservoir.csv
                kind: area
                labels: {stored: Water stored}
                x: {label: Month of the year}
                y: {label: Million cubic metres, min: 0}
                annotations:
                  - {type: band, from: 6, to: 9, label: Dry season}

                """),
        ChartKindReference(
            kind: .stackedArea, summary: "areas stacked on one another: how a total splits into parts over time",
            firstColumn: "the x axis: numbers, years (2024) or months (2024-03)",
            otherColumns: "one layer each, bottom first; numbers that add up to the total",
            csvName: "electricity.csv",
            csv: "# Electricity made in an imaginary country, terawatt-hours. Made-up numbers.\nyear,Hydro,Wind,Solar\n2018,30,10,2\n2019,31,13,3\n2020,30,16,5\n2021,32,20,8\n2022,31,24,12\n",
            block: """
                id: sample-stacked-area
                title: "Wind and sun add to the same hydro"
                caption: "Electricity made in an imaginary country, terawatt-hours a year. Made-up numbers."
                data: electricity.csv
                kind: stacked-area
                x: {label: Year, format: year}
                y: {label: Terawatt-hours}

                """),
        ChartKindReference(
            kind: .bar, summary: "one bar per category: compare a few amounts",
            firstColumn: "the categories, left to right: text (years and numbers are shown as written)",
            otherColumns: "the value of each category; numbers (a second column draws a second bar colour)",
            csvName: "fruit.csv",
            csv: "# Votes for a favourite fruit in an imaginary class. Made-up numbers.\nfruit,votes\nApple,12\nBanana,9\nCherry,5\nDate,2\n",
            block: """
                id: sample-bar
                title: "Apples win the class vote"
                caption: "Votes for a favourite fruit in an imaginary class of 28. Made-up numbers."
                data: fruit.csv
                kind: bar
                labels: {votes: Votes}
                x: {label: Fruit}
                y: {label: Votes}
                annotations:
                  - {type: line, axis: y, value: 7, label: Average}

                """),
        ChartKindReference(
            kind: .horizontalBar, summary: "one horizontal bar per category: compare amounts with long names",
            firstColumn: "the categories, top to bottom: text",
            otherColumns: "the value of each category; numbers (the x: axis, horizontal, describes them)",
            csvName: "bridges.csv",
            csv: "# Lengths of imaginary bridges, kilometres. Made-up numbers.\nbridge,length\nThe Long Causeway,5.2\nRiver Crossing,1.4\nOld Stone Bridge,0.3\nHarbour Bridge,2.1\n",
            block: """
                id: sample-hbar
                title: "The causeway is longer than the rest together"
                caption: "Lengths of four imaginary bridges, kilometres. Made-up numbers."
                data: bridges.csv
                kind: hbar
                labels: {length: Length}
                x: {label: Length (km)}
                y: {label: Bridge}

                """),
        ChartKindReference(
            kind: .groupedBar, summary: "bars side by side in each category: compare two or more series per category",
            firstColumn: "the categories: text",
            otherColumns: "one bar in each group per column, named by the header; numbers",
            csvName: "seasons.csv",
            csv: "# Visitors to an imaginary park, thousands. Made-up numbers.\nseason,2023,2024\nSpring,14,16\nSummer,30,27\nAutumn,12,15\nWinter,4,6\n",
            block: """
                id: sample-grouped-bar
                title: "A wet summer, a busier spring"
                caption: "Visitors to an imaginary park by season, thousands. Made-up numbers."
                data: seasons.csv
                kind: grouped-bar
                x: {label: Season}
                y: {label: Visitors (thousands)}

                """),
        ChartKindReference(
            kind: .stackedBar, summary: "bars split into parts: how each category's total divides",
            firstColumn: "the categories: text",
            otherColumns: "one part each, bottom first; numbers",
            csvName: "day.csv",
            csv: "# How three imaginary people spend a day, hours. Made-up numbers.\nperson,Sleep,Work,Other\nAna,8,8,8\nBen,6,11,7\nCleo,9,4,11\n",
            block: """
                id: sample-stacked-bar
                title: "Three ways to spend 24 hours"
                caption: "Hours a day spent sleeping, working and on everything else, by three imaginary people. Made-up numbers."
                data: day.csv
                kind: stacked-bar
                x: {label: Person}
                y: {label: Hours}

                """),
        ChartKindReference(
            kind: .waterfall, summary: "steps up and down from a start: how a total is reached",
            firstColumn: "the steps, in order: text",
            otherColumns: "one column: each step's change, positive or negative; rows named in totals: are totals "
                + "(an empty cell is computed)",
            csvName: "month.csv",
            csv: "# One month of an imaginary household's money. Made-up numbers.\nstep,change\nPay,3000\nRent,-1200\nFood,-600\nTravel,-250\nOther,-450\nLeft at the end,\n",
            block: """
                id: sample-waterfall
                title: "Where a month's pay goes"
                caption: "One month of an imaginary household's money: pay, then what goes out. Made-up numbers."
                data: month.csv
                kind: waterfall
                labels: {change: Change}
                totals: [Left at the end]
                x: {label: Step}
                y: {label: Amount}

                """),
        ChartKindReference(
            kind: .flow, summary: "flows between named nodes, as bands as wide as their amounts (a Sankey diagram)",
            firstColumn: "source: where a flow starts (text)",
            otherColumns: "exactly two more: target (text), value (a number); one row per flow",
            csvName: "water.csv",
            csv: "# Where the rain on an imaginary valley goes, per cent. Made-up numbers.\nsource,target,value\nRain,River,60\nRain,Ground,40\nGround,Wells,25\nGround,River,15\nRiver,Sea,60\nRiver,Towns,15\n",
            block: """
                id: sample-flow
                title: "Most of the rain reaches the sea"
                caption: "Where the rain falling on an imaginary valley goes, out of every 100 litres. Made-up numbers."
                data: water.csv
                kind: flow

                """),
        ChartKindReference(
            kind: .histogram, summary: "how often each range of values occurs",
            firstColumn: "the centre of each bin: numbers, equally spaced",
            otherColumns: "one column: how many (or what share) fall in each bin",
            csvName: "sunflowers.csv",
            csv: "# Heights of 100 imaginary sunflowers, by 10 cm bins. Made-up numbers.\nheight,count\n150,4\n160,11\n170,25\n180,31\n190,19\n200,8\n210,2\n",
            block: """
                id: sample-histogram
                title: "Most sunflowers grow to 1.7–1.9 m"
                caption: "Heights of 100 imaginary sunflowers, in 10 cm bins. Made-up numbers."
                data: sunflowers.csv
                kind: histogram
                labels: {count: Sunflowers}
                x: {label: Height (cm)}
                y: {label: Sunflowers}
                annotations:
                  - {type: line, axis: x, value: 178, label: Average}

                """),
        ChartKindReference(
            kind: .heatmap, summary: "a grid of shaded cells: one value for each pair of row and column",
            firstColumn: "the heat map's columns, left to right: numbers or text",
            otherColumns: "one row of the heat map each, named by the header; numbers",
            csvName: "library.csv",
            csv: "# Visitors per hour to an imaginary library. Made-up numbers.\nhour,Monday,Wednesday,Saturday\n9,12,10,30\n11,25,22,48\n13,18,20,41\n15,30,28,35\n17,40,37,12\n",
            block: """
                id: sample-heatmap
                title: "Saturday mornings are the busiest"
                caption: "Visitors per hour to an imaginary library, by day and hour. Made-up numbers."
                data: library.csv
                kind: heatmap
                x: {label: Hour of the day}
                y: {label: Visitors per hour}

                """),
        ChartKindReference(
            kind: .smallMultiples, summary: "one small line chart per series, on shared scales: compare shapes",
            firstColumn: "the x axis: numbers, years (2024) or months (2024-03)",
            otherColumns: "one panel each, named by the header; numbers",
            csvName: "rain.csv",
            csv: "# Rain in four imaginary regions, millimetres a month. Made-up numbers.\nmonth,North,South,East,West\n1,90,40,60,120\n3,70,35,55,100\n5,50,20,45,70\n7,40,5,40,50\n9,65,15,50,85\n11,95,45,65,130\n",
            block: """
                id: sample-small-multiples
                title: "The west is wettest all year"
                caption: "Rain in four imaginary regions, millimetres a month. Made-up numbers."
                data: rain.csv
                kind: small-multiples
                x: {label: Month}
                y: {label: Millimetres}

                """),
        ChartKindReference(
            kind: .diagram, summary: "boxes joined by labelled arrows, loops included: who pays whom, what leads to what "
                + "(a schematic: nothing to scale, no values)",
            firstColumn: "nodes: the boxes, each {id, label, note, color}; a box's row follows the arrows, top to bottom, "
                + "and a phone gets the same diagram in a narrower column",
            otherColumns: "arrows: {from, to, label} between node ids; an arrow back up to an earlier box closes a loop",
            csvName: "", csv: "",
            block: """
                id: sample-diagram
                title: "Rain goes round"
                caption: "The water cycle of an imaginary valley, as a schematic: arrows show where water goes, not how much."
                kind: diagram
                nodes:
                  - {id: sea, label: Sea, note: where the river ends}
                  - {id: clouds, label: Clouds}
                  - {id: hills, label: Rain on the hills}
                  - {id: river, label: River}
                  - {id: wells, label: Wells, note: water for the towns}
                arrows:
                  - {from: sea, to: clouds, label: evaporates}
                  - {from: clouds, to: hills, label: rains}
                  - {from: hills, to: river, label: runs off}
                  - {from: hills, to: wells, label: soaks in}
                  - {from: river, to: sea, label: flows back}

                """),
        ChartKindReference(
            kind: .steps, summary: "numbered steps in order, joined by arrows: a sequence, a chain of events",
            firstColumn: "steps: each {label, note, color}, or just a label, in the order they happen",
            otherColumns: "nothing else: the steps are numbered and joined in the order written",
            csvName: "", csv: "",
            block: """
                id: sample-steps
                title: "From seed to loaf"
                caption: "How an imaginary bakery's bread is made, in four steps."
                kind: steps
                steps:
                  - {label: Wheat is grown, note: "sown in autumn, harvested in summer"}
                  - {label: Grain is milled, note: into flour}
                  - {label: Dough is mixed and left to rise}
                  - {label: Loaves are baked, note: and sold the same morning}

                """),
    ]
}
