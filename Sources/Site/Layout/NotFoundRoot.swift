/// The script a 404 page without a base URL carries, so its links work wherever the site is served.
///
/// Hosts serve `404.html` at any missing address, and without `baseURL` the page cannot know the site's address: its
/// links are root-relative (`/sources/`), right for a site at the root of its host. Under a sub-path
/// (`https://host/my-explainer/`) the script finds the site's root, the deepest folder of the address whose
/// `404.html` answers 200 (a missing one answers 404), and puts it in front of every root-relative link, the search
/// box's addresses and the site's script (loaded again from there: search works). Without JavaScript the links stay
/// root-relative.
let notFoundRootScript = """
<script>
(function () {
  var folders = location.pathname.split("/");
  folders.pop();
  function fix(root) {
    if (root === "/") return;
    function rooted(value) { return value && value.charAt(0) === "/" && value.charAt(1) !== "/"; }
    function rewrite() {
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
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", rewrite); else rewrite();
  }
  (function probe(depth) {
    if (depth < 1 || !window.fetch) return;
    var root = folders.slice(0, depth).join("/") + "/";
    fetch(root + "404.html", { method: "HEAD", cache: "no-store" }).then(function (response) {
      if (response.ok) fix(root); else probe(depth - 1);
    }, function () {});
  })(folders.length);
})();
</script>
"""

/// `html` with `notFoundRootScript` at the end of its `<head>` (the probe starts at once; links are corrected when
/// the page has been read).
func addingNotFoundRootScript(_ html: String) -> String {
    guard let range = html.firstRange(of: "</head>") else { return html }
    var html = html
    html.replaceSubrange(range, with: notFoundRootScript + "</head>")
    return html
}
