import Markdown

/// The `<figure>` for a rendered figure: scenario toggle (radio inputs, no JS needed), SVGs, caption,
/// parameters, a data table in `<details>` and the CSV link.
func figureHTML(_ figure: RenderedFigure, number: String, root: String) -> String {
    let id = figure.request.id
    var html = "<figure class=\"chart\" id=\"figure-\(id)\">\n"
    html += "<p class=\"chart-title\"><span class=\"figure-number\">Figure \(number).</span> \(escapeHTML(figure.request.title))</p>\n"
    let variants = figure.variants
    if variants.count > 1 {
        for (index, variant) in variants.enumerated() {
            html += "<input type=\"radio\" class=\"scenario-input s\(index + 1)\" name=\"\(id)-scenario\" id=\"\(id)-s\(index + 1)\""
                + (index == 0 ? " checked" : "") + " aria-label=\"\(escapeHTML(variant.label))\">\n"
        }
        html += "<div class=\"scenario-labels\" aria-hidden=\"true\"><span class=\"scenario-caption\">Scenario:</span>"
        for (index, variant) in variants.enumerated() {
            html += "<label for=\"\(id)-s\(index + 1)\">\(escapeHTML(variant.label))</label>"
        }
        html += "</div>\n"
    }
    html += "<div class=\"chart-variants\">\n"
    for (index, variant) in variants.enumerated() {
        html += "<div class=\"chart-variant v\(index + 1)\" data-scenario=\"\(escapeHTML(variant.scenario))\">\n"
        html += variant.svg
        if !html.hasSuffix("\n") { html += "\n" }
        if !variant.parameters.isEmpty {
            html += "<p class=\"chart-parameters\">" + (variants.count > 1 ? "<b>\(escapeHTML(variant.label)):</b> " : "")
                + escapeHTML(variant.parameters) + "</p>\n"
        }
        html += "<details class=\"chart-data\"><summary>Data table"
            + (variants.count > 1 ? " (\(escapeHTML(variant.label)))" : "") + "</summary>\n"
        html += variant.table
        html += "<p><a href=\"\(root)\(variant.csvPath)\" download>Download the data (CSV)</a></p>\n</details>\n"
        html += "</div>\n"
    }
    html += "</div>\n"
    html += "<figcaption>\(escapeHTML(figure.request.caption))</figcaption>\n"
    html += "</figure>"
    return html
}

/// Rows a figure's data table shows at most.
let tableRowLimit = 80

/// An HTML table of CSV text (comment lines skipped); long tables show evenly spaced rows.
func dataTableHTML(csv: String, limit: Int) -> String {
    let lines = csv.split(separator: "\n").filter { !$0.hasPrefix("#") }
    guard let header = lines.first else { return "" }
    let rows = Array(lines.dropFirst())
    var shown = rows.indices.map { $0 }
    var note = ""
    if rows.count > limit {
        let step = Int((Double(rows.count) / Double(limit)).rounded(.up))
        shown = Array(stride(from: 0, to: rows.count, by: step))
        if shown.last != rows.count - 1 { shown.append(rows.count - 1) }
        note = "<p class=\"table-note\">Every \(step)th of \(rows.count) rows; the CSV has them all.</p>\n"
    }
    var html = "<div class=\"table-scroll\"><table>\n<thead><tr>"
    for cell in splitCSVLine(header) { html += "<th scope=\"col\">\(escapeHTML(cell))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for index in shown {
        html += "<tr>"
        for (column, cell) in splitCSVLine(rows[index]).enumerated() {
            html += column == 0 ? "<th scope=\"row\">\(escapeHTML(cell))</th>" : "<td>\(escapeHTML(cell))</td>"
        }
        html += "</tr>\n"
    }
    return html + "</tbody>\n</table></div>\n" + note
}
