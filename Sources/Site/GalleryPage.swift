import Charts

/// One chart kind drawn twice for the gallery page: with the light and the dark theme's colours.
struct GalleryItem {
    var kind: String
    var title: String
    var light: String
    var dark: String
}

/// Draws every sample of `Gallery.samples`; ids are suffixed so both copies can share a page.
func galleryItems() throws(BuildFailure) -> [GalleryItem] {
    var items: [GalleryItem] = []
    var problems: [Diagnostic] = []
    for sample in Gallery.samples {
        do throws(ChartError) {
            items.append(GalleryItem(kind: sample.spec.kind.rawValue, title: sample.spec.title,
                                     light: try renderSVG(sample.spec, id: sample.name + "-light"),
                                     dark: try renderSVG(sample.spec, id: sample.name + "-dark")))
        } catch {
            problems.append(Diagnostic(file: "templates/gallery.mustache", line: 1, column: 1,
                                       message: "gallery sample '\(sample.name)' cannot be drawn: \(error)"))
        }
    }
    if !problems.isEmpty { throw BuildFailure(problems) }
    return items
}
