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
    /// The last good build's warnings: show (or replace) the warning panel; none removes it.
    case warnings(WarningPanel)
    /// A comment line that keeps the connection alive and reveals closed ones.
    case heartbeat

    /// The SSE `event:` name the page script listens for.
    public var name: String {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .stylesheets: "css"
        case .errors: "errors"
        case .warnings: "warnings"
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
            data = overlay.eventData()
        case let .warnings(panel):
            // `key`: a page that hid this set of warnings leaves the panel out (empty: no warnings).
            data = panel.eventData(extra: "\"key\":" + jsonString(panel.key) + ",")
        case .heartbeat:
            return ": heartbeat\n\n"
        }
        return "event: \(name)\ndata: \(data)\n\n"
    }
}
