#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What happened when a listener tried `host:port`.
public enum ListenProbe: Equatable, Sendable {
    case free
    /// Something already listens there.
    case inUse
    /// The address cannot be used at all (unknown host, not an address of this machine, no permission).
    case unavailable(String)
}

/// Tries to listen on `host:port` the way the server will (with SO_REUSEADDR), and lets go at once.
///
/// Used to say "port 8080 is busy, try 8081" before starting, rather than after a bind error from deep inside NIO.
public func probeListen(host: String, port: Int) -> ListenProbe {
    var hints = addrinfo()
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
    hints.ai_family = AF_UNSPEC
    #if canImport(Darwin)
    hints.ai_socktype = SOCK_STREAM
    #else
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #endif
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &list)
    guard status == 0, let first = list else { return .unavailable(String(cString: gai_strerror(status))) }
    defer { freeaddrinfo(list) }
    let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
    guard descriptor >= 0 else { return .unavailable(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var one: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    if bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 || listen(descriptor, 1) != 0 {
        return errno == EADDRINUSE ? .inUse : .unavailable(String(cString: strerror(errno)))
    }
    return .free
}

/// The first port after `port` (up to 100 further) where `probeListen` finds nothing listening.
public func nextFreePort(host: String, after port: Int) -> Int? {
    let upper = min(port + 100, 65535)
    guard port < upper else { return nil }
    return (port + 1...upper).first { probeListen(host: host, port: $0) == .free }
}
