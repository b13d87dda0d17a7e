/// The script of a 404 page: hosts serve one page at any missing address, which it cannot know when it is built.
///
/// **The site's root** (`findsRoot`, without a base URL): the page's links are root-relative (`/sources/`), right
/// for a site at the root of its host. Under a sub-path (`https://host/my-explainer/`) the script finds the site's
/// root, the deepest folder of the address below which the page's own file (`404.html`, `zh-hant/404.html`)
/// answers 200 (a missing one answers 404), and puts it in front of every root-relative link, the search box's
/// addresses and the site's script (loaded again from there: search works). Without JavaScript the links stay
/// root-relative.
///
/// **The reader's language** (`languageFolders`, on the root's page of a site in several languages): most hosts
/// serve the root's `404.html` for every missing address, also in another language's folder. For an address in one
/// (`…/zh-hant/…`: below `sitePath` when the base URL gives it, else the first such folder of the address) the script
/// fetches that language's own 404 page from the same host and shows it in place of this one, hidden meanwhile (for
/// at most 3 s). Without JavaScript, or when that page cannot be had, the root's page stays, which speaks every
/// language.
func notFoundScript(prefix: String, languageFolders: [String], sitePath: String?, findsRoot: Bool) -> String? {
    guard findsRoot || !languageFolders.isEmpty else { return nil }
    var script = """
        <script>
        (function () {
          var folders = location.pathname.split("/");
          folders.pop();
          function ready(run) {
            if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
          }

        """
    if findsRoot {
        script += """
              function fix(root) {
                function rooted(value) { return value && value.charAt(0) === "/" && value.charAt(1) !== "/"; }
                ready(function () {
                  if (root !== "/") {
                    document.querySelectorAll("a[href], link[href], [data-index], [data-script]").forEach(function (element) {
                      ["href", "data-index", "data-script"].forEach(function (name) {
                        var value = element.getAttribute(name);
                        if (rooted(value)) element.setAttribute(name, root + value.slice(1));
                      });
                    });
                    // A script that failed to load from the host's root is loaded again from the site's.
                    document.querySelectorAll("script[src^='/']").forEach(function (old) {
                      var src = old.getAttribute("src");
                      if (!rooted(src)) return;
                      var script = document.createElement("script");
                      script.src = root + src.slice(1);
                      old.parentNode.replaceChild(script, old);
                    });
                  }
                  // The site's script and icon wait for the root (`deferringRootedAssets`): none is asked of the host's root in vain.
                  document.querySelectorAll("[data-root-src], [data-root-href]").forEach(function (element) {
                    var src = element.getAttribute("data-root-src");
                    if (src === null) return element.setAttribute("href", root + element.getAttribute("data-root-href").slice(1));
                    var script = document.createElement("script");
                    script.src = root + src.slice(1);
                    element.parentNode.replaceChild(script, element);
                  });
                });
              }
              function findRoot(depth) {
                if (depth < 1 || !window.fetch) return fix("/");
                var root = folders.slice(0, depth).join("/") + "/";
                fetch(root + \(prefix.isEmpty ? "" : scriptString(prefix) + " + ")"404.html", { method: "HEAD", cache: "no-store" }).then(function (response) {
                  if (response.ok) fix(root); else findRoot(depth - 1);
                }, function () { fix("/"); });
              }

            """
    } else {
        script += "  function findRoot() {}\n"
    }
    if !languageFolders.isEmpty {
        script += """
              function show(url) {
                var style = document.documentElement.style, settled = false;
                function giveUp() {
                  if (settled) return;
                  settled = true;
                  style.visibility = "";
                  findRoot(folders.length);
                }
                style.visibility = "hidden";
                setTimeout(giveUp, 3000);
                fetch(url, { cache: "no-cache" }).then(function (response) {
                  return response.ok ? response.text() : Promise.reject();
                }).then(function (html) {
                  ready(function () {
                    if (settled) return;
                    settled = true;
                    document.open();
                    document.write(html);
                    document.close();
                  });
                }, giveUp);
              }
              var path = location.pathname, site = \(sitePath.map(scriptString) ?? "null");
              var languages = [\(languageFolders.map(scriptString).joined(separator: ", "))];
              for (var i = 0; i < languages.length && window.fetch; i++) {
                var folder = languages[i], at = -1;
                if (site !== null && path.indexOf(site) === 0) {
                  if (path.slice(site.length, site.length + folder.length) === folder) at = site.length;
                } else if (path.indexOf("/" + folder) >= 0) {
                  at = path.indexOf("/" + folder) + 1;
                }
                if (at >= 0) return show(path.slice(0, at) + folder + "404.html");
              }

            """
    }
    script += "  findRoot(folders.length);\n})();\n</script>\n"
    // Served as it is, counted in the pages' script budget: without the indentation and comments.
    return script.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { !$0.hasPrefix("//") }
        .joined(separator: "\n") + "\n"
}

/// `html` with `notFoundScript` (if it has one) at the end of its `<head>`: it starts at once, and changes the page
/// once it has been read.
func addingNotFoundScript(_ html: String, prefix: String, languageFolders: [String], sitePath: String?, findsRoot: Bool) -> String {
    guard let script = notFoundScript(prefix: prefix, languageFolders: languageFolders, sitePath: sitePath, findsRoot: findsRoot),
          let range = html.firstRange(of: "</head>") else { return html }
    var html = html
    html.replaceSubrange(range, with: script + "</head>")
    return findsRoot ? deferringRootedAssets(html) : html
}

/// The page's root-relative `<script src="/…">` and `<link rel="icon" href="/…">` as `data-root-src` and
/// `data-root-href`, which the script makes `src` and `href` once it knows the site's root: under a sub-path, the host's
/// root has no such files, and asking it for them only fills the console with 404s. The icon keeps an `href` until
/// then, an empty `data:` address (HTML requires one, and the browser asks for no /favicon.ico meanwhile).
func deferringRootedAssets(_ html: String) -> String {
    guard let headEnd = html.firstRange(of: "</head>") else { return html }
    var head = String(html[..<headEnd.lowerBound])
    for (tag, attribute) in [("<script src=\"/", "<script data-root-src=\"/"), ("<link rel=\"icon\" href=\"/", "<link rel=\"icon\" href=\"data:,\" data-root-href=\"/")] {
        var rewritten = ""
        var rest = head[...]
        while let found = rest.firstRange(of: tag) {
            rewritten += rest[..<found.lowerBound]
            // A protocol-relative address (`//host/…`) is another host's: left as it is.
            let protocolRelative = rest[found.upperBound...].hasPrefix("/")
            rewritten += protocolRelative ? String(rest[found]) : attribute
            rest = rest[found.upperBound...]
            // `defer` and `async` are for a script with a `src` (the one the script makes is run when it is added).
            if !protocolRelative, tag.hasPrefix("<script"), let end = rest.firstIndex(of: ">") {
                rewritten += rest[..<end].replacingOccurrences(of: " defer", with: "").replacingOccurrences(of: " async", with: "")
                rest = rest[end...]
            }
        }
        head = rewritten + rest
    }
    return head + html[headEnd.lowerBound...]
}

/// A JavaScript string literal that cannot end the `<script>` element it is in.
private func scriptString(_ text: String) -> String {
    jsonString(text).replacingOccurrences(of: "<", with: "\\u003c")
}
