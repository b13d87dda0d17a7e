#!/usr/bin/env python3
"""Serves a built site under a sub-path, like a project site on GitHub Pages (https://host/some/sub/path/).

Only URLs below the prefix map to files; everything else is 404. A missing file gets the site's 404.html with
status 404, as GitHub Pages and Netlify do. Prints the port it listens on (first line of stdout), then serves.

usage: serve_subpath.py ROOT PREFIX [PORT]      (PORT 0 or missing: any free port)
"""
import functools
import http.server
import os
import sys
import urllib.parse


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        clean = urllib.parse.urlsplit(path).path
        if clean == self.prefix.rstrip("/"):
            return super().translate_path("/")  # the folder itself: the handler redirects to add the slash
        if not clean.startswith(self.prefix):
            return os.path.join(self.directory, "\0outside-the-prefix")  # never exists
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code == 404 and os.path.isfile(page):
            with open(page, "rb") as file:
                body = file.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("LinkChecker", "allowed")  # lets linkchecker go above 10 requests a second
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    root, prefix = os.path.abspath(sys.argv[1]), sys.argv[2]
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if not prefix.startswith("/") or not prefix.endswith("/"):
        sys.exit("PREFIX must start and end with /")
    SubPathHandler.prefix = prefix
    SubPathHandler.extensions_map = {**SubPathHandler.extensions_map, ".svg": "image/svg+xml",
                                     ".csv": "text/csv; charset=utf-8", ".js": "text/javascript", ".xml": "application/xml"}
    handler = functools.partial(SubPathHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
