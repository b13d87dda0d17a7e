/// The preview-only paths and the script that every preview page loads.
public enum LiveReload {
    /// Server-Sent Events endpoint; never part of a built site.
    public static let eventsPath = "/__explainer/events"
    /// What the preview build injects before `</body>` of every page (`BuildOptions.injectedScript`).
    ///
    /// Inline rather than `src="/…"`: the build's link checker rightly refuses root-absolute links, and the
    /// script then needs no request of its own.
    public static let scriptTag = "<script>\n" + script + "</script>\n"

    /// Connects to the event stream while the page is visible: reloads on `reload` (restoring the scroll position
    /// from sessionStorage), swaps stylesheets on `css`, shows the error overlay on `errors` and the warning panel on
    /// `warnings` (unless this tab hid that set of warnings with the panel's button).
    public static let script = """
        // explainer preview: live reload (served by `explainer serve` only)
        (() => {
          "use strict";
          const overlayID = "\(ErrorOverlay.elementID)";
          const warningsID = "\(WarningPanel.elementID)";
          const hiddenKey = "explainer-hidden-warnings";
          const key = "explainer-scroll:" + location.pathname;
          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            const [x, y] = saved.split(",").map(Number);
            const restore = () => window.scrollTo(x, y);
            if (document.readyState === "complete") restore(); else addEventListener("load", restore, { once: true });
          }
          const reload = () => {
            sessionStorage.setItem(key, Math.round(scrollX) + "," + Math.round(scrollY));
            location.reload();
          };
          let generation = null;
          let source = null;
          const listen = (name, handler) => source.addEventListener(name, handler);
          const connect = () => {
            if (source !== null) return;
            source = new EventSource("\(eventsPath)");
            listen("hello", (event) => {
              const data = JSON.parse(event.data);
              // A different generation after a reconnect means a rebuild happened while we were away.
              if (generation !== null && data.generation !== generation) { reload(); return; }
              generation = data.generation;
            });
            listen("reload", reload);
            listen("css", (event) => {
              const data = JSON.parse(event.data);
              generation = data.generation;
              const links = [...document.querySelectorAll('link[rel~="stylesheet"]')];
              const matching = links.filter((link) => {
                const path = new URL(link.href, location.href).pathname;
                return data.paths.some((changed) => path.endsWith("/" + changed));
              });
              for (const link of matching.length ? matching : links) {
                const url = new URL(link.href, location.href);
                url.searchParams.set("explainer-v", String(Date.now()));
                const fresh = link.cloneNode();
                fresh.href = url.href;
                // Keep the old sheet until the new one has loaded, so the page never flashes unstyled.
                fresh.addEventListener("load", () => link.remove(), { once: true });
                fresh.addEventListener("error", () => link.remove(), { once: true });
                link.after(fresh);
              }
            });
            // A box in the page's own language when the site has it, else in the default language.
            const insert = (data) => {
              const lang = document.documentElement.lang.toLowerCase();
              const own = Object.keys(data.languages || {}).find((code) => code.toLowerCase() === lang);
              document.body.insertAdjacentHTML("beforeend", own ? data.languages[own] : data.html);
            };
            listen("errors", (event) => {
              document.getElementById(overlayID)?.remove();
              document.getElementById(warningsID)?.remove();  // the warnings were the last good build's
              insert(JSON.parse(event.data));
            });
            listen("warnings", (event) => {
              const data = JSON.parse(event.data);
              document.getElementById(warningsID)?.remove();
              if (data.key && sessionStorage.getItem(hiddenKey) !== data.key) insert(data);
            });
          };
          // The warning panel's button hides it, and every panel of the same warnings in this tab, until they change.
          document.addEventListener("click", (event) => {
            const panel = event.target.closest?.("[data-explainer-dismiss]")?.closest("#" + warningsID);
            if (!panel) return;
            sessionStorage.setItem(hiddenKey, panel.dataset.key);
            panel.remove();
          });
          // Browsers allow about six connections per host: hidden tabs let go of theirs, so many open
          // preview tabs never starve page loads, and catch up through `hello` when shown again.
          document.addEventListener("visibilitychange", () => {
            if (document.hidden) { source?.close(); source = null; } else { connect(); }
          });
          if (!document.hidden) connect();
        })();

        """
}
