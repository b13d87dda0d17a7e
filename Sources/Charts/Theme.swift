/// Sizes and the embedded stylesheet shared by every chart.
///
/// Colours come only from CSS custom properties (with light-theme fallbacks), so the site's light and dark
/// themes restyle every SVG. Rules are scoped to `svg.ch`, and identical in every SVG, so several charts can
/// share one page.
enum Theme {
    static let width = 720.0
    static let height = 420.0
    static let tickFont = 14.0
    static let labelFont = 14.0
    static let annotationFont = 13.0
    /// Minimum distance of any text from the viewBox edge.
    static let edge = 2.0
    static let seriesColors = 8

    /// Light-theme fallbacks for --chart-1 … --chart-8 (Okabe–Ito hues darkened to ≥ 4.5:1 on white).
    static let palette = ["#0072B2", "#C35400", "#007A5A", "#A64D86", "#8F6A00", "#8C564B", "#6B6B00", "#555555"]
    /// Dash patterns per series, so lines differ by more than colour.
    static let dashes = ["none", "8 4", "2 3", "10 3 2 3", "4 4", "1.5 2.5", "14 4", "6 2 2 2"]

    /// Colour index 1…8 for series `index` (0-based).
    static func color(_ index: Int) -> Int { index % seriesColors + 1 }

    static let css: String = {
        var rules: [String] = [
            // Groups and text take the SVG's fonts (its `style`: the page's, or the chart language's `fonts`), not the fonts a
            // page sets on every element of its language (`:lang(zh-Hant){font-family:…}`).
            "svg.ch{max-width:100%;height:auto}",
            "svg.ch *{font-family:inherit}",
            "svg.ch text{fill:var(--chart-text,#1a1a1a);stroke:none}",
            "svg.ch .ch-muted{fill:var(--chart-axis,#595959)}",
            "svg.ch .ch-strong{font-weight:600}",
            "svg.ch .ch-halo{paint-order:stroke;stroke:var(--chart-bg,#ffffff);stroke-width:3px;stroke-linejoin:round}",
            "svg.ch .ch-grid{stroke:var(--chart-grid,#d9d9d9);stroke-width:1;fill:none}",
            "svg.ch .ch-axis{stroke:var(--chart-axis,#595959);stroke-width:1;fill:none}",
            "svg.ch .ch-line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}",
            "svg.ch .ch-area{stroke:none;fill-opacity:0.22}",
            "svg.ch .ch-layer{stroke:var(--chart-bg,#ffffff);stroke-width:0.75;fill-opacity:0.85}",
            "svg.ch .ch-bar{stroke:var(--chart-bg,#ffffff);stroke-width:0.75}",
            "svg.ch .ch-dot{stroke:var(--chart-bg,#ffffff);stroke-width:1.5}",
            "svg.ch .ch-ref{stroke:var(--chart-annotation,#6d3fa0);stroke-width:1.5;stroke-dasharray:6 4;fill:none}",
            "svg.ch .ch-event{stroke:var(--chart-annotation,#6d3fa0);stroke-width:1.25;stroke-dasharray:2 3;fill:none}",
            "svg.ch .ch-band{fill:var(--chart-annotation,#6d3fa0);fill-opacity:0.1;stroke:none}",
            "svg.ch .ch-here{fill:var(--chart-annotation,#6d3fa0);stroke:var(--chart-bg,#ffffff);stroke-width:2}",
            "svg.ch .ch-here-ring{fill:none;stroke:var(--chart-annotation,#6d3fa0);stroke-width:1.5}",
            "svg.ch .ch-mark{fill:var(--chart-axis,#595959);fill-opacity:0.85;stroke:var(--chart-bg,#ffffff);stroke-width:1.5}",
            "svg.ch .ch-link{stroke:none;fill-opacity:0.35}",
            "svg.ch .ch-back{fill:none;stroke-opacity:0.55;stroke-dasharray:6 4}",
            "svg.ch .ch-node{stroke:none}",
            "svg.ch .ch-missing{fill:var(--chart-grid,#d9d9d9);fill-opacity:0.5}",
            "svg.ch text.ch-on-dark{fill:var(--chart-bg,#ffffff)}",
            "svg.ch .ch-ghost{fill:none;stroke:var(--chart-grid,#d9d9d9);stroke-width:1.5}",
            "svg.ch .ch-ghost-line{stroke:var(--chart-axis,#595959);stroke-opacity:0.7;stroke-width:2}",
            "svg.ch .ch-claim{fill:var(--chart-bg,#ffffff);fill-opacity:0.6;stroke-width:1.75;stroke-dasharray:5 3}",
            "svg.ch .ch-thin{stroke:none}",
            "svg.ch .ch-up{fill:var(--chart-3,#007A5A)}",
            "svg.ch .ch-down{fill:var(--chart-2,#C35400)}",
            "svg.ch .ch-total{fill:var(--chart-1,#0072B2)}",
        ] + DiagramStyle.rules
        for index in 0..<seriesColors {
            let name = "var(--chart-\(index + 1),\(palette[index]))"
            rules.append("svg.ch .ch-k\(index + 1){stroke:\(name)}")
            rules.append("svg.ch .ch-f\(index + 1){fill:\(name)}")
            rules.append("svg.ch .ch-d\(index + 1){stroke-dasharray:\(dashes[index])}")
        }
        for step in 0..<heatSteps {
            rules.append("svg.ch .ch-q\(step){fill:var(--chart-1,#0072B2);fill-opacity:\(svgNumber(heatOpacity(step)))}")
        }
        return rules.joined()
    }()

    /// Number of colour steps of the heatmap's sequential scale.
    static let heatSteps = 7
    static func heatOpacity(_ step: Int) -> Double { [0.08, 0.2, 0.34, 0.5, 0.66, 0.83, 1.0][step] }
}
