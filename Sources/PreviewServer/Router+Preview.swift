import Hummingbird

/// The preview server's routes: the live-reload event stream under `/__explainer/`, and the
/// in-memory site for everything else.
public func makeRouter(state: PreviewState) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SiteMiddleware(state: state))
    router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
        let events = await state.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Ask EventSource to reconnect quickly when the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.serverSentText))
            }
            try await writer.finish(nil)
        })
    }
    return router
}

/// Answers every request outside `/__explainer/` from the current site, without calling the router.
struct SiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.head.path ?? "/"
        if target.hasPrefix("/__explainer/") { return try await next(request, context) }
        let site = state.site
        return site.response(to: target, method: request.method, ifNoneMatch: request.headers[.ifNoneMatch],
                             acceptEncoding: request.headers[.acceptEncoding])
    }
}
