import Charts
import Simulation

/// One chart kind on the gallery page: its sample drawn with the light and the dark theme's colours, beside the
/// chart block and the CSV that draw it.
struct GalleryItem {
    var kind: String
    /// The kind in words, for the heading: "Horizontal bar chart".
    var name: String
    var title: String
    var summary: String
    var firstColumn: String
    var otherColumns: String
    var block: String
    var csvName: String
    var csv: String
    var light: String
    var dark: String
}

/// Draws every sample of `ChartReference` the way a chapter's chart is drawn: its block parsed by the chart-block
/// parser, its CSV read as a data file, the figure built by `FigureBuilder`. A sample the code no longer accepts is
/// an error, so the gallery can only show blocks that work.
/// Drawn in the page's language (`words`: its numbers, chart words and fonts), as the writer's own charts would be.
func galleryItems(registry: ModelRegistry = .standard, words: Translations = .english) throws(BuildFailure) -> [GalleryItem] {
    var items: [GalleryItem] = []
    var problems: [Diagnostic] = []
    let separator = "\u{0}"
    for sample in ChartReference.kinds {
        let file = "chart reference: \(sample.kind.rawValue)"
        do throws(BuildFailure) {
            var data: [String: DataTable] = [:]
            if !sample.csvName.isEmpty {
                data[sample.csvName] = try DataTable.parse(sample.csv, file: sample.csvName)
            }
            let request = try ChartBlockParser(registry: registry, file: file, fenceLine: 1, fenceColumn: 1).parse(sample.block)
            var builder = FigureBuilder(registry: registry, data: data)
            builder.words = words
            builder.draw = { spec, id throws(ChartError) in
                // The gallery shows no figure caption: each SVG carries its own description.
                var spec = spec
                spec.describedBy = nil
                return try renderSVG(spec, id: id + "-light") + separator + renderSVG(spec, id: id + "-dark")
            }
            let figure = try builder.build(request)
            let pair = figure.variants[0].svg.components(separatedBy: separator)
            items.append(GalleryItem(kind: sample.kind.rawValue, name: sample.kind.name, title: request.title, summary: sample.summary,
                                     firstColumn: sample.firstColumn, otherColumns: sample.otherColumns, block: sample.block,
                                     csvName: sample.csvName, csv: sample.csv, light: pair[0], dark: pair[1]))
        } catch {
            problems += error.diagnostics
        }
    }
    if !problems.isEmpty { throw BuildFailure(problems) }
    return items
}
