#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a TCP listener could bind `host:port` right now, tried the way the server binds (with SO_REUSEADDR).
///
/// Used to say "port 8080 is busy, try 8081" before starting, rather than after a bind error from deep inside NIO.
public func canListen(host: String, port: Int) -> Bool {
    var hints = addrinfo()
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
    hints.ai_family = AF_UNSPEC
    #if canImport(Darwin)
    hints.ai_socktype = SOCK_STREAM
    #else
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #endif
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
    defer { freeaddrinfo(list) }
    let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var one: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    return bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 && listen(descriptor, 1) == 0
}

/// The first port after `port` (up to 100 further) that `canListen` accepts.
public func nextFreePort(host: String, after port: Int) -> Int? {
    let upper = min(port + 100, 65535)
    guard port < upper else { return nil }
    return (port + 1...upper).first { canListen(host: host, port: $0) }
}
