// explainer: the site's script, and optional: without it every page reads and works the same, only the search box stays hidden.
//
// Opened from disk (file://), a folder link such as ../map/ shows a directory listing; point such links at the
// folder's index.html instead. Web hosts do that themselves, so nothing changes there.
if (location.protocol === "file:") {
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.protocol === "file:" && url.pathname.endsWith("/")) {
      url.pathname += "index.html";
      link.href = url.href;
    }
  }
}

// Search: show the box; load the search script (assets/search.js, which loads the index) only when the reader opens
// search, by focusing the box or pressing "/".
{
  const search = document.querySelector(".site-search");
  if (search) {
    const input = search.querySelector("input");
    const open = () => {
      if (search.dataset.loading) return;
      search.dataset.loading = 1;
      // The index's files (search/<language>/NAME.js) each call explainerSearch(NAME, data), so that a <script> can
      // load them from file://; over HTTP they are fetched (at the browser's high priority, not an async script's low
      // one) and their data, JSON, parsed. Its meta file is requested together with the search script, in one round trip.
      const files = {}, arrived = {}, base = new URL(search.dataset.index, document.baseURI);
      window.explainerSearch = (name, data) => arrived[name]?.(data);
      const load = window.explainerSearchLoad = name => files[name] || (files[name] = new Promise((resolve, reject) => {
        const url = new URL(name + ".js", base), failed = () => { delete files[name]; reject(); };
        if (url.protocol != "file:") {
          fetch(url).then(r => r.ok ? r.text() : Promise.reject())
            .then(text => resolve(JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(")")))), failed);
          return;
        }
        arrived[name] = resolve;
        const script = document.createElement("script");
        script.onerror = failed;
        script.src = url;
        document.head.append(script);
      }));
      load.files = files;
      load("meta").catch(() => {});
      const script = document.createElement("script");
      script.src = search.dataset.script;
      document.head.append(script);
    };
    search.hidden = false;
    input.addEventListener("focus", open);
    document.addEventListener("keydown", event => {
      const target = event.target;
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable
          || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      input.focus();
    });
  }
}

// The chapter menu closes on Escape (focus back on its button), when focus moves on to something outside it, so
// nothing the reader tabs to next is hidden under it, and on a click or tap outside it, as any drop-down does. (Not
// when focus only leaves a link for no other element, as a click on the menu's own text does: closing it under a
// pressed mouse button crashed Chromium; a click comes once the button is up.)
for (const menu of document.querySelectorAll(".chapter-menu")) {
  menu.addEventListener("focusout", event => event.relatedTarget && !menu.contains(event.relatedTarget) && (menu.open = false));
  document.addEventListener("click", event => menu.open && !menu.contains(event.target) && (menu.open = false));
  // On the document: a click on the open menu's own text leaves focus on the page's body, outside the menu.
  document.addEventListener("keydown", event => {
    if (event.key == "Escape" && menu.open) {
      menu.open = false;
      menu.firstElementChild.focus();
    }
  });
}

// A ¶ link at the end of each heading of the text, to copy a section's address with the mouse; site.css shows it on
// hover. Screen readers and the keyboard skip it: "In this chapter" links every heading already, and a link named
// as its heading made them read every heading twice.
for (const heading of document.querySelectorAll(".prose :is(h2, h3, h4, h5, h6)[id]")) {
  const link = document.createElement("a");
  link.className = "heading-anchor";
  link.href = "#" + heading.id;
  link.tabIndex = -1;
  link.setAttribute("aria-hidden", "true");
  link.textContent = "¶";
  heading.append(" ", link);
}

// A note's ↩ goes back to the citation the reader came from: a note cited three times names only the first in its
// link, so from a later one it goes back in the history instead, to where the reader was.
{
  let cited;
  document.addEventListener("click", event => {
    const link = event.target.closest?.("sup.cite a, a.backref");
    if (link?.matches("sup.cite a")) cited = link;
    else if (link && cited && location.hash == cited.hash && cited.hash == "#note-" + link.hash.slice(6)) {
      event.preventDefault();
      // Focus too, where the scroll went: the next Tab goes on from the citation, not from the notes.
      addEventListener("popstate", () => cited.focus({preventScroll: true}), {once: true});
      history.back();
    }
  });
}

// A glossary term's definition in place (a title shows only on hover): a first tap, click or Enter shows it under the
// term with a link to its entry; a second follows the link; Escape or a click elsewhere closes it.
{
  let term, box;
  const close = refocus => {
    const shown = box;
    if (!shown) return;
    box = null;   // first: removing the focused box fires its focusout, which closes it again
    shown.remove();
    term.title = shown.firstChild.data;   // taken away while the box shows it, so a hover adds no second copy
    term.removeAttribute("aria-expanded");
    if (refocus) term.focus();
  };
  document.addEventListener("click", event => {
    if (box?.contains(event.target)) return;
    const clicked = event.target.closest?.("a.term[title]"), again = clicked && clicked === term && box;
    close();
    if (!clicked || again || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    term = clicked;
    box = document.createElement("span");
    box.className = "term-box";
    box.tabIndex = -1;
    box.append(term.title);
    term.title = "";
    const more = document.getElementById("main")?.dataset.glossary;
    if (more) {
      const link = document.createElement("a");
      link.href = term.href;
      link.textContent = more + " →";
      box.append(" ", link);
    }
    term.after(box);
    term.setAttribute("aria-expanded", "true");
    // Closed when focus moves on past it to another element, so that one is not under it; back to its own term, the
    // click on the term closes it.
    box.addEventListener("focusout", event => {
      const next = event.relatedTarget;
      if (next && next != term && !box.contains(next)) close();
    });
    // Under the term's last line, inside the screen.
    const rects = term.getClientRects(), at = rects[rects.length - 1];
    const parent = box.offsetParent && getComputedStyle(box.offsetParent).position != "static"
      ? box.offsetParent.getBoundingClientRect() : {left: -scrollX, top: -scrollY};
    box.style.left = Math.max(8, Math.min(at.left, document.documentElement.clientWidth - box.offsetWidth - 8)) - parent.left + "px";
    box.style.top = at.bottom + 4 - parent.top + "px";
    if (!event.detail) box.focus();   // opened from the keyboard: read it next
  });
  // Escape closes it; focus goes back to the term only from the box or the term itself.
  document.addEventListener("keydown", event => event.key == "Escape" && close(box?.contains(event.target) || event.target == term));
}
