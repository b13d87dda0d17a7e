import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 connection with `SiteChannelHandler` in front: site files are answered on the event loop,
/// everything else by the router.
struct PreviewChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let state: PreviewState

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            // Head to tail: bytes → requests; the site's own answers (written towards the head, past the encoder);
            // Hummingbird's encoder, codec and connection state for what the router answers.
            let pipeline = channel.pipeline.syncOperations
            // Room for a few large answers before the channel reports itself unwritable (NIO's default is 64 KB, less
            // than one chapter page, so every large answer flipped writability there and back through the pipeline).
            try channel.syncOptions?.setOption(ChannelOptions.writeBufferWaterMark,
                                               value: .init(low: 512 * 1024, high: 1024 * 1024))
            try pipeline.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
            try pipeline.addHandler(SiteChannelHandler(state: state))
            try pipeline.addHandler(HTTPResponseEncoder(configuration: .init()))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel,
                                       configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the site's files answered from prepared bytes on the event loop (see `SiteChannelHandler`).
    public static func preview(state: PreviewState) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in PreviewChannel(responder: responder, state: state) }
    }
}
