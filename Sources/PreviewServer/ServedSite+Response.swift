import Hummingbird

/// What the server answers to a GET or HEAD of the site, decided once for both ways of sending it: as a Hummingbird
/// `Response`, and as prepared bytes on the fast path (`SiteChannelHandler`).
public enum SiteAnswer: Sendable {
    /// A file of the site (or the 404 page, with `status` 404); `withBody` is false for HEAD.
    case file(ServedFile.Representation, status: HTTPResponse.Status, withBody: Bool)
    /// The client's copy is current (304): the validator, no body.
    case notModified(ServedFile.Representation)
    /// A short text answer: redirects, errors, and the 404 of a site without a 404 page.
    case plain(HTTPResponse.Status, text: String, headers: HTTPFields, withBody: Bool)
}

extension ServedSite {
    /// The answer to a request for `target` (raw path and query): a pure function of the site.
    ///
    /// Nothing here touches the disk: files come only from the in-memory build, so no request can read
    /// outside it, whatever its path says.
    /// `acceptEncoding` is the request's header: a file with a brotli or gzip body is sent in the coding the client
    /// prefers of those it accepts (`AcceptedEncodings.preferred`).
    public func answer(to target: String, method: HTTPRequest.Method, ifNoneMatch: String? = nil,
                       acceptEncoding: String? = nil) -> SiteAnswer {
        guard method == .get || method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are supported.\n", extra: [.allow: "GET, HEAD"], method: method)
        }
        let withBody = method != .head
        let resolution = plainTarget(target).map(RequestResolution.file) ?? resolveRequestPath(target, isFile: { files[$0] != nil })
        switch resolution {
        case let .file(path):
            let chosen = files[path]!.representation(for: AcceptedEncodings(acceptEncoding))
            if let ifNoneMatch, etagMatches(ifNoneMatch: ifNoneMatch, tag: chosen.etag) { return .notModified(chosen) }
            return .file(chosen, status: .ok, withBody: withBody)
        case let .redirect(location):
            return plain(.movedPermanently, "Moved to \(location)\n", extra: [.location: location], method: method)
        case .notFound:
            if let page = notFoundPage(for: target) {
                return .file(page.representation(for: AcceptedEncodings(acceptEncoding)), status: .notFound, withBody: withBody)
            }
            return plain(.notFound, "Not found.\n", method: method)
        case let .badRequest(reason):
            return plain(.badRequest, "Bad request: \(reason).\n", method: method)
        }
    }

    /// The 404 page of the deepest folder of `target` that has one (`zh-hant/404.html` for a miss under
    /// `/zh-hant/`, as a host configured by the README answers), else the site's own `404.html`.
    private func notFoundPage(for target: String) -> ServedFile? {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        var folders = path.split(separator: "/").dropLast(path.hasSuffix("/") ? 0 : 1)
        while !folders.isEmpty {
            if let page = files[folders.joined(separator: "/") + "/404.html"] { return page }
            folders.removeLast()
        }
        return files["404.html"]
    }

    /// The whole HTTP answer for a GET or HEAD of `target` as a Hummingbird response (see `answer(to:…)`).
    public func response(to target: String, method: HTTPRequest.Method, ifNoneMatch: String? = nil,
                         acceptEncoding: String? = nil) -> Response {
        switch answer(to: target, method: method, ifNoneMatch: ifNoneMatch, acceptEncoding: acceptEncoding) {
        case let .file(representation, status, withBody):
            return Response(status: status, headers: representation.headers,
                            body: withBody ? ResponseBody(byteBuffer: representation.body) : ResponseBody())
        case let .notModified(representation):
            return Response(status: .notModified, headers: representation.notModifiedHeaders)
        case let .plain(status, text, headers, withBody):
            return Response(status: status, headers: headers,
                            body: withBody ? ResponseBody(byteBuffer: ByteBuffer(string: text)) : ResponseBody())
        }
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:],
                       method: HTTPRequest.Method) -> SiteAnswer {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(text.utf8.count)
        return .plain(status, text: text, headers: headers, withBody: method != .head)
    }
}
