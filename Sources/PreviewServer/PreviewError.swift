/// Why the preview server could not start.
public enum PreviewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Something already listens on the port; `suggestion` is the next free one, if any.
    case portInUse(host: String, port: Int, suggestion: Int?)
    /// The address cannot be bound (unknown host, no permission, …).
    case cannotListen(host: String, port: Int, reason: String)
    /// The root has no `content/` folder.
    case notASite(root: String)

    public var description: String {
        switch self {
        case let .portInUse(host, port, _): "port \(port) on \(host) is already in use"
        case let .cannotListen(host, port, reason): "cannot listen on \(host):\(port): \(reason)"
        case let .notASite(root): "\(root) has no content/ folder"
        }
    }

    /// What to do about it.
    public var hint: String? {
        switch self {
        case let .portInUse(_, _, suggestion?): "port \(suggestion) is free: run again with --port \(suggestion)"
        case .portInUse: "stop the other server or choose a port with --port"
        case .cannotListen: "check --host (an address of this machine, such as 127.0.0.1) and --port (1024–65535 needs no privileges)"
        case .notASite: "run in the folder that holds content/ and templates/, or pass --root"
        }
    }
}
