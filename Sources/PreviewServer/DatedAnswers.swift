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

/// Whole answers to GETs of large bodies (the 200 head, this second's `Date` line and the body, one after another)
/// copied into an in-memory file of one event loop, so that a single `sendfile` sends the lot, as nginx's corked head
/// and body leave together.
///
/// Sent as a `writev` of the head and a `sendfile` of the body, each large answer left as two sends: the head went out
/// as a packet of its own (the connections are `TCP_NODELAY`), so the client woke and read twice, and the server paid a
/// second send and transmit. `TCP_CORK` around the two cost more than it saved here (see BENCHMARKS.md).
///
/// The `Date` line changes every second, and the kernel sends the file's pages themselves (a page still queued in a
/// socket must never change), so the copies are never written over: each second that a representation is asked for,
/// it is copied once into that second's file (a `Generation`; one copy of each requested body per loop and second,
/// about 150 KB for the largest chapter), and a generation is closed once the loop has moved on and no connection
/// has a write from it outstanding (`SiteChannelHandler` keeps the one it last sent from).
///
/// Used only on its event loop's thread.
final class DatedAnswers: @unchecked Sendable {
    /// The copies of one second: an anonymous in-memory file, only appended to. Like `DatedAnswers`, used only on its
    /// event loop's thread (a connection's write promise, which keeps one open, completes there too).
    final class Generation: @unchecked Sendable {
        let handle: NIOFileHandle
        private let descriptor: CInt
        private(set) var size = 0

        init?() {
            let descriptor = explainer_memory_file("explainer-answers")
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            handle = NIOFileHandle(_deprecatedTakingOwnershipOfDescriptor: descriptor)
        }

        deinit {
            try? handle.close()
        }

        /// Appends `parts` one after another; the offset they start at, or nil if the file could not take them.
        func append(_ parts: [UnsafeRawBufferPointer]) -> Int? {
            let start = size
            var offset = size
            for part in parts {
                var done = 0
                while done < part.count {
                    let written = pwrite(descriptor, part.baseAddress! + done, part.count - done, off_t(offset + done))
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return nil }
                    done += written
                }
                offset += part.count
            }
            size = offset
            return start
        }
    }

    private var second: time_t = -1
    private var dateLine = ByteBuffer()
    private var generation: Generation?
    /// This second's copies by representation (held, so that no other representation takes its identifier).
    private var copies: [ObjectIdentifier: (representation: ServedFile.Representation, offset: Int, count: Int)] = [:]

    /// The whole answer to a GET of `representation` with status 200 in this second's file: the generation, and where
    /// in it; nil if no in-memory file can be had (the caller sends head and body the other way).
    func answer(_ representation: ServedFile.Representation) -> (generation: Generation, offset: Int, count: Int)? {
        let now = time(nil)
        if now != second || generation == nil {
            second = now
            dateLine = ByteBuffer(string: "Date: " + httpDate(now) + "\r\n\r\n")
            copies.removeAll(keepingCapacity: true)
            generation = Generation()
        }
        guard let generation else { return nil }
        let key = ObjectIdentifier(representation)
        if let copy = copies[key] { return (generation, copy.offset, copy.count) }
        let head = representation.okHead
        let offset = head.withUnsafeReadableBytes { head in
            dateLine.withUnsafeReadableBytes { date in
                representation.content.withUnsafeBytes { body in generation.append([head, date, body]) }
            }
        }
        guard let offset else { return nil }
        let count = head.readableBytes + dateLine.readableBytes + representation.content.count
        copies[key] = (representation, offset, count)
        return (generation, offset, count)
    }
}

extension DatedAnswers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var byLoop: [ObjectIdentifier: DatedAnswers] = [:]

    /// The answers of `loop` (made on first use).
    static func of(_ loop: any EventLoop) -> DatedAnswers {
        lock.withLock {
            let key = ObjectIdentifier(loop)
            if let answers = byLoop[key] { return answers }
            let answers = DatedAnswers()
            byLoop[key] = answers
            return answers
        }
    }
}
