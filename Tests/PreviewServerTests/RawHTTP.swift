import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reply read off the wire.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
}

struct SocketError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking TCP connection to 127.0.0.1; used only on threads of its own, never on the server's.
private func connectLoopback(port: Int, timeoutSeconds: Int) throws -> Int32 {
    #if canImport(Glibc)
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw SocketError(description: "socket failed") }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
        close(descriptor)
        throw SocketError(description: "connect to port \(port) failed")
    }
    return descriptor
}

/// Everything the server sends until it closes the connection.
private func receiveToEnd(_ descriptor: Int32) -> [UInt8] {
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return data }
        data += buffer[0..<count]
    }
}

private func sendAll(_ descriptor: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return }
        sent += count
    }
}

/// Runs blocking work on a new thread and waits for it without holding a concurrency thread.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// `GET` (or another method) with `Connection: close`, read to the end.
func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPReply {
    try await onThread {
        let descriptor = try connectLoopback(port: port, timeoutSeconds: 60)
        defer { close(descriptor) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        sendAll(descriptor, head + "\r\n")
        let data = receiveToEnd(descriptor)
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw SocketError(description: "no response head in \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return HTTPReply(status: status, headers: fields, body: String(text[split.upperBound...]))
    }
}

/// `count` connections, each sending a keep-alive `GET target` and left open, all before any reply is read: the
/// connections a server has accepted, and perhaps answered, but may not yet have handed to its accept loop.
func openConnections(port: Int, count: Int, requesting target: String) async throws -> [Int32] {
    try await onThread {
        var descriptors: [Int32] = []
        for _ in 0..<count {
            let descriptor = try connectLoopback(port: port, timeoutSeconds: 30)
            sendAll(descriptor, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            descriptors.append(descriptor)
        }
        return descriptors
    }
}

/// Reads each connection until it ends and closes it; whether the server closed every one (an end of stream or a
/// reset) rather than leaving it open until the read timed out.
func allClosedByTheServer(_ descriptors: [Int32]) async throws -> Bool {
    try await onThread {
        var closed = true
        var buffer = [UInt8](repeating: 0, count: 65536)
        for descriptor in descriptors {
            defer { close(descriptor) }
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0 { continue }
                if count < 0 && errno != ECONNRESET { closed = false }
                break
            }
        }
        return closed
    }
}

/// One Server-Sent Event as received.
struct ReceivedEvent: Sendable, Equatable {
    var name: String
    var data: String
}

/// Reads an event stream on its own thread and keeps every event, so a test can wait for the next one.
final class EventStreamClient: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ReceivedEvent] = []
    private var consumed = 0
    private var ended = false
    private let descriptor: Int32
    let responseHead: String

    init(port: Int, path: String) async throws {
        let (descriptor, head, rest) = try await onThread { () -> (Int32, String, String) in
            let descriptor = try connectLoopback(port: port, timeoutSeconds: 30)
            sendAll(descriptor, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            var text = ""
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !text.contains("\r\n\r\n") {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 { closeDescriptor(descriptor); throw SocketError(description: "event stream closed before its head") }
                text += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            let split = text.range(of: "\r\n\r\n")!
            return (descriptor, String(text[..<split.lowerBound]), String(text[split.upperBound...]))
        }
        self.descriptor = descriptor
        self.responseHead = head
        Thread { [self] in self.readLoop(initial: rest) }.start()
    }

    private func readLoop(initial: String) {
        let chunked = responseHead.lowercased().contains("transfer-encoding: chunked")
        var raw = Array(initial.utf8)
        var pending = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if chunked {
                // Move every complete chunk's payload from `raw` to `pending`.
                while let lineEnd = raw.firstRange(of: [13, 10]),
                      let size = Int(String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self), radix: 16),
                      raw.count >= lineEnd.upperBound + size + 2 {
                    pending += String(decoding: raw[lineEnd.upperBound..<lineEnd.upperBound + size], as: UTF8.self)
                    raw.removeFirst(lineEnd.upperBound + size + 2)
                }
            } else {
                pending += String(decoding: raw, as: UTF8.self)
                raw.removeAll()
            }
            parse(&pending)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            raw += buffer[0..<count]
        }
        lock.withLock { ended = true }
    }

    /// Takes complete events out of chunked-or-not text; only `event:`/`data:` lines matter here.
    private func parse(_ pending: inout String) {
        while let end = pending.range(of: "\n\n") {
            let block = pending[..<end.lowerBound]
            pending = String(pending[end.upperBound...])
            var name = "message", data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if block.contains("event: ") { lock.withLock { events.append(ReceivedEvent(name: name, data: data)) } }
        }
    }

    /// The next event not yet returned, waiting up to `timeout`; nil on timeout or end of stream.
    func next(timeout: Duration = .seconds(15)) async -> ReceivedEvent? {
        await poll(timeout: timeout) { () -> ReceivedEvent?? in
            lock.withLock {
                if consumed < events.count {
                    consumed += 1
                    return .some(events[consumed - 1])
                }
                return ended ? .some(nil) : nil
            }
        } ?? nil
    }

    /// Whether the server closed the stream, waiting up to `timeout`.
    func waitForEnd(timeout: Duration = .seconds(10)) async -> Bool {
        await poll(timeout: timeout) { lock.withLock { ended } ? true : nil } ?? false
    }

    func close() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    close(descriptor)
}

/// One request on a kept-alive connection: `method target`, with extra header lines.
struct KeptAliveRequest: Sendable {
    var method = "GET"
    var target: String
    var headers: [String: String] = [:]
}

/// Sends every request at once on one HTTP/1.1 connection (pipelined, kept alive, the last one closing it) and reads
/// the answers in order, each framed by its `Content-Length` (no body for HEAD and 304).
func keptAliveExchange(port: Int, _ requests: [KeptAliveRequest]) async throws -> [HTTPReply] {
    try await onThread {
        let descriptor = try connectLoopback(port: port, timeoutSeconds: 30)
        defer { close(descriptor) }
        var text = ""
        for (index, request) in requests.enumerated() {
            text += "\(request.method) \(request.target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
            if index == requests.count - 1 { text += "Connection: close\r\n" }
            text += "\r\n"
        }
        sendAll(descriptor, text)
        let data = receiveToEnd(descriptor)
        var replies: [HTTPReply] = []
        var rest = data[...]
        for request in requests {
            let separator = Array("\r\n\r\n".utf8)
            guard let end = rest.indices.first(where: { rest[$0...].starts(with: separator) }) else {
                throw SocketError(description: "answer \(replies.count + 1) of \(requests.count) is missing")
            }
            let lines = String(decoding: rest[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(lines[0].split(separator: " ")[1]) ?? 0
            var fields: [String: String] = [:]
            for line in lines.dropFirst() {
                if let colon = line.firstIndex(of: ":") {
                    fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            let length = request.method == "HEAD" || status == 304 ? 0 : Int(fields["content-length"] ?? "0") ?? 0
            let bodyStart = end + separator.count
            guard rest.endIndex - bodyStart >= length else { throw SocketError(description: "a body is cut short") }
            replies.append(HTTPReply(status: status, headers: fields,
                                     body: String(decoding: rest[bodyStart..<(bodyStart + length)], as: UTF8.self)))
            rest = rest[(bodyStart + length)...]
        }
        return replies
    }
}
