import Hummingbird
import NIOCore
import NIOHTTP1

/// Answers GET and HEAD requests for the site on the connection's event loop, from prepared bytes: the head made once
/// per build and the `Date` line go out in one vectored write, with a small body in the same write, from the buffer
/// the site holds. A 200 with a large body (`BodyStore.threshold`) goes out whole, head and all, with one `sendfile`
/// from this loop's `DatedAnswers` (copied there once a second); anything else with a large body (a 404 page) as the
/// head's write and a `sendfile` from the build's `BodyStore`. No copy of the body, no header building and no task
/// switch per request.
///
/// It sits between the HTTP decoder and Hummingbird's encoder, so what it writes goes straight to the socket.
/// Anything else (the live-reload event stream under `/__explainer/`, other methods, HTTP/1.0, `Connection: close`)
/// goes on to Hummingbird, and so does everything after it on that connection: answers never overtake one another.
final class SiteChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = IOData

    private let state: PreviewState
    /// Set once a request went on to Hummingbird: the rest of the connection is its.
    private var handedOver = false
    /// The request being answered, until its end arrives.
    private var request: HTTPRequestHead?
    private var date = DateLine()
    /// This loop's whole answers for large bodies (see `DatedAnswers`).
    private var answers: DatedAnswers?

    init(state: PreviewState) {
        self.state = state
    }

    func handlerAdded(context: ChannelHandlerContext) {
        answers = DatedAnswers.of(context.eventLoop)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if handedOver {
            context.fireChannelRead(data)
            return
        }
        switch unwrapInboundIn(data) {
        case let .head(head):
            if Self.answers(head) {
                request = head
            } else {
                handedOver = true
                context.fireChannelRead(data)
            }
        case .body:
            break  // a GET or HEAD body means nothing (RFC 9110 §9.3.1)
        case .end:
            if let head = request {
                request = nil
                answer(head, context: context)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        context.fireChannelReadComplete()
    }

    /// Whether this handler answers the request: a GET or HEAD of the site over a kept-alive HTTP/1.1 connection.
    static func answers(_ head: HTTPRequestHead) -> Bool {
        (head.method == .GET || head.method == .HEAD) && head.version == .http1_1 && head.isKeepAlive
            && !head.uri.hasPrefix("/__explainer/")
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let answer = state.site.answer(to: head.uri, method: head.method == .HEAD ? .head : .get,
                                       ifNoneMatch: Self.field("If-None-Match", of: head),
                                       acceptEncoding: Self.field("Accept-Encoding", of: head))
        switch answer {
        case let .file(representation, status, withBody):
            if status == .ok, withBody, representation.content.isStored, let answers,
               let copy = answers.answer(representation) {
                let region = FileRegion(fileHandle: copy.generation.handle, readerIndex: copy.offset,
                                        endIndex: copy.offset + copy.count)
                context.write(wrapOutboundOut(.fileRegion(region)), promise: keeping(copy.generation, on: context.eventLoop))
                return
            }
            write(representation.head(status), body: withBody ? representation.content : nil, context: context)
        case let .notModified(representation):
            write(representation.notModifiedHead, body: nil, context: context)
        case let .plain(status, text, headers, withBody):
            write(responseHead(status, headers), body: withBody ? Body(ByteBuffer(string: text)) : nil, context: context)
        }
    }

    private func write(_ head: ByteBuffer, body: Body?, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.byteBuffer(head)), promise: nil)
        context.write(wrapOutboundOut(.byteBuffer(date.current())), promise: nil)
        guard let body, body.count > 0 else { return }
        switch body.storage {
        case let .buffer(buffer):
            context.write(wrapOutboundOut(.byteBuffer(buffer)), promise: nil)
        case let .stored(store, offset):
            guard let file = sending(store, on: context.eventLoop) else {
                context.write(wrapOutboundOut(.byteBuffer(body.buffer)), promise: nil)
                return
            }
            let region = FileRegion(fileHandle: file.handle, readerIndex: offset, endIndex: offset + body.count)
            context.write(wrapOutboundOut(.fileRegion(region)), promise: file.promise)
        }
    }

    /// The store the last stored body of this connection came from, and this event loop's handle of its file.
    private var store: (store: BodyStore, handle: NIOFileHandle)?

    /// The handle to send from `store` on this loop. The store must stay open until the kernel has taken every
    /// region of it this connection asked to send: the handler keeps the last store it sent from, and when it moves
    /// on to another store (a rebuild), the first write from the new one carries a promise that keeps the old one
    /// until that write is done. Writes finish in order, so every write from the old store is done by then.
    private func sending(_ next: BodyStore, on loop: any EventLoop) -> (handle: NIOFileHandle, promise: EventLoopPromise<Void>?)? {
        if let store, store.store === next { return (store.handle, nil) }
        guard let handle = next.handle(for: loop) else { return nil }
        let previous = store?.store
        store = (next, handle)
        guard let previous else { return (handle, nil) }
        let promise = loop.makePromise(of: Void.self)
        promise.futureResult.whenComplete { _ in withExtendedLifetime(previous) {} }
        return (handle, promise)
    }

    /// The generation of `DatedAnswers` this connection last sent from. Like `store`: when the connection moves on to
    /// another, the first write from the new one carries a promise that keeps the old one open until that write is
    /// done (writes finish in order, so every write from the old one is done by then).
    private var generation: DatedAnswers.Generation?

    private func keeping(_ next: DatedAnswers.Generation, on loop: any EventLoop) -> EventLoopPromise<Void>? {
        if generation === next { return nil }
        let previous = generation
        generation = next
        guard let previous else { return nil }
        let promise = loop.makePromise(of: Void.self)
        promise.futureResult.whenComplete { _ in withExtendedLifetime(previous) {} }
        return promise
    }

    /// A request header's value, repeated fields joined as one list (RFC 9110 §5.3).
    private static func field(_ name: String, of head: HTTPRequestHead) -> String? {
        let values = head.headers[name]
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}
