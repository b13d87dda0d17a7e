import Hummingbird
import Logging
import NIOEmbedded
import PreviewServer
import ServiceLifecycle

// The two ways these tests reach the preview's server, in place of HummingbirdTesting: its `.router` and `.live`
// modes need nothing more than this, while its HTTP client (AsyncHTTPClient, and through it SwiftNIO SSL with
// BoringSSL, HTTP/2 and swift-configuration) added about 800 files to every build of the tests.

/// A response as the router gave it: status, headers and the whole body.
struct RoutedResponse {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer
}

/// Hands requests straight to the preview router's responder, with no socket: what the router answers, and only that.
struct RouterClient {
    private let responder: RouterResponder<BasicRequestContext>
    private let logger = Logger(label: "explainer.test")

    init(_ router: Router<BasicRequestContext>) {
        responder = router.buildResponder()
    }

    /// Sends one request without a body and collects the response.
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:]) async throws -> RoutedResponse {
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer()))
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let collected = CollectedBody()
        try await response.body.write(BodyWriter(into: collected))
        return RoutedResponse(status: response.status, headers: response.headers, body: collected.buffer)
    }

    /// Sends one request and gives its response to `check`.
    @discardableResult
    func execute<Value>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:],
                        _ check: (RoutedResponse) throws -> Value) async throws -> Value {
        try check(try await execute(uri: uri, method: method, headers: headers))
    }
}

/// The body a response wrote, gathered into one buffer.
private final class CollectedBody {
    var buffer = ByteBuffer()
}

/// Writes a response's body into a `CollectedBody` (the body consumes its writer, so the bytes live outside it).
private struct BodyWriter: ResponseBodyWriter {
    let into: CollectedBody

    mutating func write(_ part: ByteBuffer) async throws {
        var part = part
        into.buffer.writeBuffer(&part)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// Runs the preview's server for `state` on a free loopback port for `test`, giving it the port the system chose,
/// then stops the server gracefully, as `explainer serve` does.
func withLivePreviewServer<Value: Sendable>(state: PreviewState, _ test: (Int) async throws -> Value) async throws -> Value {
    let (ports, reporter) = AsyncStream.makeStream(of: Int.self)
    let app = Application(router: makeRouter(state: state), server: .preview(state: state),
                          configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in reporter.yield(channel.localAddress?.port ?? 0) })
    let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: Logger(label: "explainer.test")))
    let serving = Task {
        defer { reporter.finish() }
        try await group.run()
    }
    var listening = ports.makeAsyncIterator()
    guard let port = await listening.next() else {
        try await serving.value  // the server ended without listening: its error, if it gave one
        throw CancellationError()
    }
    let value: Value
    do {
        value = try await test(port)
    } catch {
        await group.triggerGracefulShutdown()
        _ = try? await serving.value
        throw error
    }
    await group.triggerGracefulShutdown()
    try await serving.value
    return value
}
