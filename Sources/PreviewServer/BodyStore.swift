import CSharedMemory
import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The large bodies of one build in an anonymous file in memory (a memfd), written once and then only read.
///
/// The fast path sends a body as a region of this file with `sendfile`, as nginx sends files from the page cache: the
/// kernel hands the pages themselves to the socket, so no byte of the body is copied per request. Sent with `writev`
/// from a buffer, the copy into the socket was a quarter of the server's CPU time on a 154 KB page. Everything else
/// (byte comparisons on rebuild, the router's answers) reads the same pages through a read-only mapping.
///
/// The store stays open while any file of a served site refers to it, or a connection still has a body of it to send
/// (`SiteChannelHandler` keeps it alive until that write is done).
final class BodyStore: @unchecked Sendable {
    /// Bodies at least this long go into a store (shorter ones stay in buffers and go out in the head's `writev`: a
    /// second system call costs more than copying a few kilobytes).
    static let threshold = 16 * 1024

    let size: Int
    private let descriptor: CInt
    private let base: UnsafeMutableRawPointer
    private let lock = NSLock()
    /// One handle of the file per event loop: NIO marks a handle busy while it sends from it, so two loops sending
    /// from one handle at once would fail.
    private var handles: [ObjectIdentifier: NIOFileHandle] = [:]

    /// A store holding `bodies` one after another; nil where the system has no memfd, or it cannot be had (the
    /// bodies then stay in buffers).
    static func make(_ bodies: [Body]) -> (store: BodyStore, offsets: [Int])? {
        var offsets: [Int] = []
        offsets.reserveCapacity(bodies.count)
        var size = 0
        for body in bodies {
            offsets.append(size)
            size += body.count
        }
        guard size > 0 else { return nil }
        let descriptor = explainer_memory_file("explainer-bodies")
        guard descriptor >= 0 else { return nil }
        guard ftruncate(descriptor, off_t(size)) == 0,
              let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED
        else {
            close(descriptor)
            return nil
        }
        for (body, offset) in zip(bodies, offsets) {
            body.withUnsafeBytes { bytes in
                if let source = bytes.baseAddress { (mapped + offset).copyMemory(from: source, byteCount: bytes.count) }
            }
        }
        mprotect(mapped, size, PROT_READ)
        return (BodyStore(descriptor: descriptor, base: mapped, size: size), offsets)
    }

    private init(descriptor: CInt, base: UnsafeMutableRawPointer, size: Int) {
        (self.descriptor, self.base, self.size) = (descriptor, base, size)
    }

    deinit {
        for handle in handles.values { try? handle.close() }
        munmap(base, size)
        close(descriptor)
    }

    func bytes(offset: Int, count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + offset, count: count)
    }

    /// This loop's handle of the file (made on first use); nil if the descriptor cannot be duplicated.
    func handle(for loop: any EventLoop) -> NIOFileHandle? {
        lock.withLock {
            let key = ObjectIdentifier(loop)
            if let handle = handles[key] { return handle }
            let copy = dup(descriptor)
            guard copy >= 0 else { return nil }
            let handle = NIOFileHandle(_deprecatedTakingOwnershipOfDescriptor: copy)
            handles[key] = handle
            return handle
        }
    }
}

/// The bytes of one body: in a buffer, or a region of a `BodyStore`.
public struct Body: Sendable {
    enum Storage: Sendable {
        case buffer(ByteBuffer)
        case stored(BodyStore, offset: Int)
    }

    let storage: Storage
    /// The number of bytes.
    public let count: Int

    init(_ buffer: ByteBuffer) {
        (storage, count) = (.buffer(buffer), buffer.readableBytes)
    }

    init(store: BodyStore, offset: Int, count: Int) {
        (storage, self.count) = (.stored(store, offset: offset), count)
    }

    /// Whether the body is in a `BodyStore` (sent with `sendfile`).
    public var isStored: Bool {
        if case .stored = storage { return true }
        return false
    }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch storage {
        case let .buffer(buffer): return try buffer.withUnsafeReadableBytes(body)
        case let .stored(store, offset): return try body(store.bytes(offset: offset, count: count))
        }
    }

    /// Whether the body is exactly `bytes`.
    func equals(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == count else { return false }
        return withUnsafeBytes { mine in
            bytes.withUnsafeBytes { theirs in count == 0 || memcmp(mine.baseAddress!, theirs.baseAddress!, count) == 0 }
        }
    }

    /// The body as a buffer: the buffer itself, or a copy of a stored body (for the router's answers, which only
    /// HTTP/1.0 and `Connection: close` requests get).
    public var buffer: ByteBuffer {
        switch storage {
        case let .buffer(buffer): return buffer
        case let .stored(store, offset): return ByteBuffer(bytes: store.bytes(offset: offset, count: count))
        }
    }
}
