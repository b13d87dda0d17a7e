import Site

/// A message the preview server pushes to open pages over Server-Sent Events.
public enum LiveEvent: Equatable, Sendable {
    /// Sent first on every connection; a page that sees the generation change after reconnecting reloads.
    case hello(generation: Int)
    /// The site changed: reload the page, keeping the scroll position.
    case reload(generation: Int)
    /// Only these stylesheets (output paths) changed: swap them without reloading.
    case stylesheets([String], generation: Int)
    /// The last rebuild failed: show (or replace) the overlay.
    case errors(ErrorOverlay)
    /// A comment line that keeps the connection alive and reveals closed ones.
    case heartbeat

    /// The SSE `event:` name the page script listens for.
    public var name: String {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .stylesheets: "css"
        case .errors: "errors"
        case .heartbeat: "heartbeat"
        }
    }

    /// The event as it goes on the wire: `event:` and one `data:` line of JSON, then a blank line.
    public var serverSentText: String {
        let data: String
        switch self {
        case let .hello(generation), let .reload(generation):
            data = "{\"generation\":\(generation)}"
        case let .stylesheets(paths, generation):
            data = "{\"generation\":\(generation),\"paths\":[" + paths.map(jsonString).joined(separator: ",") + "]}"
        case let .errors(overlay):
            // `languages`: the overlay in each other language of the site, by the `lang` of the page showing it.
            let languages = overlay.htmlByLanguage.map { jsonString($0.code) + ":" + jsonString($0.html) }.joined(separator: ",")
            data = "{\"html\":" + jsonString(overlay.html) + ",\"languages\":{" + languages + "},\"lines\":["
                + overlay.lines.map(jsonString).joined(separator: ",") + "]}"
        case .heartbeat:
            return ": heartbeat\n\n"
        }
        return "event: \(name)\ndata: \(data)\n\n"
    }
}
