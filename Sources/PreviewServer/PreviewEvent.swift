import Site

/// What the server tells its caller (the command line prints these).
public enum PreviewEvent: Sendable {
    /// The server accepts connections at this URL.
    case listening(url: String)
    /// A build succeeded. `changed` is empty for the first build; `pushed` is what open pages were told.
    case built(changed: [String], pages: Int, duration: Duration, pushed: LiveEvent?)
    /// A build failed; the last good site is still served, with the overlay.
    case failed(changed: [String], failure: BuildFailure, duration: Duration)
}
