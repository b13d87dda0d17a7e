// explainer: the only script on the site, and optional. Opened from disk (file://), a folder link such as
// ../map/ shows a directory listing; point such links at the folder's index.html instead. Web hosts do that
// themselves, so nothing changes there.
if (location.protocol === "file:") {
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.protocol === "file:" && url.pathname.endsWith("/")) {
      url.pathname += "index.html";
      link.href = url.href;
    }
  }
}
