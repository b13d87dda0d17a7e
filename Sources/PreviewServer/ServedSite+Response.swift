import Hummingbird

extension ServedSite {
    /// The whole HTTP answer for a GET or HEAD of `target` (raw path and query): a pure function of the site.
    ///
    /// Nothing here touches the disk: files come only from the in-memory build, so no request can read
    /// outside it, whatever its path says.
    /// `acceptEncoding` is the request's header: a file with a gzip body is sent gzipped to a client that accepts it.
    public func response(to target: String, method: HTTPRequest.Method, ifNoneMatch: String? = nil,
                         acceptEncoding: String? = nil) -> Response {
        guard method == .get || method == .head else {
            return plainResponse(.methodNotAllowed, "Only GET and HEAD are supported.\n", extra: [.allow: "GET, HEAD"],
                                 method: method)
        }
        switch resolveRequestPath(target, isFile: { files[$0] != nil }) {
        case let .file(path):
            return fileResponse(files[path]!, status: .ok, method: method, ifNoneMatch: ifNoneMatch,
                                gzip: acceptsGzip(acceptEncoding))
        case let .redirect(location):
            return plainResponse(.movedPermanently, "Moved to \(location)\n", extra: [.location: location], method: method)
        case .notFound:
            if let page = files["404.html"] {
                return fileResponse(page, status: .notFound, method: method, ifNoneMatch: nil, gzip: acceptsGzip(acceptEncoding))
            }
            return plainResponse(.notFound, "Not found.\n", method: method)
        case let .badRequest(reason):
            return plainResponse(.badRequest, "Bad request: \(reason).\n", method: method)
        }
    }

    private func fileResponse(_ file: ServedFile, status: HTTPResponse.Status, method: HTTPRequest.Method,
                              ifNoneMatch: String?, gzip: Bool) -> Response {
        let chosen = gzip ? file.gzip ?? file.identity : file.identity
        if status == .ok, let ifNoneMatch, etagMatches(ifNoneMatch: ifNoneMatch, tag: chosen.etag) {
            return Response(status: .notModified, headers: chosen.notModifiedHeaders)
        }
        return Response(status: status, headers: chosen.headers,
                        body: method == .head ? ResponseBody() : ResponseBody(byteBuffer: chosen.body))
    }

    private func plainResponse(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:],
                               method: HTTPRequest.Method) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(text.utf8.count)
        let body = method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text))
        return Response(status: status, headers: headers, body: body)
    }
}
