// explainer search, loaded by site.js; loads the index (SearchIndexFiles.swift) as queries need it. Terms as the
// index makes them (SearchTokenizer.swift, EnglishStemmer.swift).
(() => {
  const form = document.querySelector(".site-search");
  if (!form || form.dataset.ready) return;
  form.dataset.ready = 1;
  const input = form.querySelector("input"), list = form.querySelector("[role=listbox]");
  const status = form.querySelector("[role=status]"), say = form.dataset;
  const base = new URL(say.index, document.baseURI), root = new URL("../../", base);
  const MAX = 8, PER_PAGE = 2;

  const load = window.explainerSearchLoad, files = load.files;

  // Numbers (SearchCode.swift).
  const digit = new Int8Array(128);
  [..."0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"].forEach((c, i) => digit[c.charCodeAt(0)] = i);
  const starts = code => {
    const out = [];
    let value = 0, sum = 0;
    for (let i = 0; i < code.length; i++) {
      const d = digit[code.charCodeAt(i)];
      if (d < 32) { out.push(sum += value * 32 + d); value = 0; } else value = value * 32 + d - 32;
    }
    return out;
  };
  // The last i with list[i] <= x (list ascending).
  const bisect = (list, x) => {
    let low = 0, high = list.length;
    while (high - low > 1) { const mid = (low + high) >> 1; if (list[mid] <= x) low = mid; else high = mid; }
    return low;
  };

  let meta;
  const ready = load("meta").then(data => {
    meta = data;
    // English stopwords (EnglishStemmer.swift) come with the index, so there is one list.
    meta.stop = new Set(data.stopwords?.split(" "));
    meta.pageStarts = starts(data.pages);
    meta.blockStarts = starts(data.blocks);
    // Groups (what postings name): runs of a page's documents.
    meta.groupStarts = [...meta.pageStarts, ...starts(data.splits)].sort((a, b) => a - b);
    meta.pageOf = meta.groupStarts.map(s => bisect(meta.pageStarts, s));
  });
  const shard = n => load("s" + n).then(data => {
    if (typeof data == "string") {
      // Terms (shared-prefix length, the rest), an empty line, postings.
      const [head, tail] = data.split("\n\n"), terms = [], codes = tail.split("\n");
      let term = "";
      for (const line of head.split("\n")) terms.push(term = term.slice(0, digit[line.charCodeAt(0)]) + line.slice(1));
      files["s" + n] = Promise.resolve(data = { terms, codes });
    }
    return data;
  });

  // Terms (SearchTokenizer.swift).
  const HAN = "\\u3005-\\u3007\\u3041-\\u3096\\u309d-\\u309f\\u30a1-\\u30fa\\u30fc-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  const RUN = new RegExp(`([${HAN}]+)|((?:(?![${HAN}])[\\p{L}\\p{N}\\p{M}]|(?<=\\p{N})\\.(?=\\p{N})|(?<=[a-zA-Z])&(?=[a-zA-Z]))+)`, "gu"), NUMBER = /\p{N}/u;
  const folded = new Map();
  const fold = text => folded.get(text) ?? folded.set(text, text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")).get(text);
  // Porter's measure (vowel–consonant turns; y is a vowel after a consonant), and steps 2 to 4 (EnglishStemmer.swift).
  const SHORT = /^[^aeiou][aeiouy][^aeiouwxy]$/, cv = w => [...w].reduce((f, c) => f + (/[aeiou]/.test(c) || c == "y" && /c$/.test(f) ? "v" : "c"), "");
  const measure = w => cv(w).split("vc").length - 1;
  const STEPS = ["ational:ate tional:tion enci:ence anci:ance izer:ize bli:ble alli:al entli:ent eli:e ousli:ous ization:ize ation:ate ator:ate alism:al iveness:ive fulness:ful ousness:ous aliti:al iviti:ive biliti:ble logi:log",
    "icate:ic ative: alize:al iciti:ic ical:ic ful: ness:", "al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize"].map((list, k) => {
    const to = Object.fromEntries(list.split(" ").map(p => p.split(":"))), re = RegExp(`^(.+?)(${Object.keys(to).join("|")})$`);
    return w => { const [, s, x] = re.exec(w) || []; return s && measure(s) > k >> 1 && (x != "ion" || /[st]$/.test(s)) ? s + (to[x] || "") : w; };
  });
  const stem = w => {
    if (w.length < 4 || NUMBER.test(w)) return w;
    if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/[^sui]s$/.test(w)) w = w.slice(0, -1);
    const [, s] = /^(.{3,}?)(ing|(?<!e)ed)$/.exec(w) || [, ""];
    if (w.endsWith("ied") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/[aeiouy]/.test(s)) w = /(at|bl|iz)$/.test(s) ? s + "e" : /([bcdfghjkmnpqrtvwx])\1$/.test(s) ? s.slice(0, -1) : SHORT.test(s) ? s + "e" : s;
    if (/y$/.test(w) && /v/.test(cv(w.slice(0, -1)))) w = w.slice(0, -1) + "i";
    for (const step of STEPS) w = step(w);
    w = w.endsWith("e") && w.length > 3 && !SHORT.test(w.slice(0, -1)) ? w.slice(0, -1) : w;
    return /ll$/.test(w) && measure(w) > 1 ? w.slice(0, -1) : w;
  };
  // Query terms: {term, word (folded, for completion), han}.
  const terms = (text, english) => {
    const out = [];
    for (const [, han, word] of fold(text).matchAll(RUN)) {
      if (han) {
        const chars = [...han];
        if (chars.length == 1) out.push({ term: han, han });
        for (let i = 1; i < chars.length; i++) out.push({ term: chars[i - 1] + chars[i], han });
      } else if ([...word].length <= 40 && (word.length > 1 || NUMBER.test(word)) && !(english && meta.stop.has(word))) {
        out.push({ term: english ? stem(word) : word, word });
      }
    }
    return out;
  };

  // Damerau–Levenshtein distance (adjacent swaps count one), for misspellings.
  const distance = (a, b) => {
    let before = [], previous = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) {
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]));
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
      }
      before = previous; previous = row;
    }
    return previous[b.length];
  };

  // Index terms a query term may mean, weighted: itself; words it begins (3+ letters, or typed), below all of its own
  // matches if it is found; else 1–2 typos away.
  const candidates = async (query, last) => {
    const { term, word } = query, found = new Map(), shards = meta.shards;
    const add = (t, w, code) => w > (found.get(t)?.[0] || 0) && found.set(t, [w, code, t]);
    const wanted = new Set([bisect(shards, term)]);
    const complete = word && (last || word.length > 2);
    if (complete) {
      const first = bisect(shards, word), end = bisect(shards, word + "\uffff");
      // A prefix spread over up to 4 shards loads them all; a wider one only its first.
      if (end - first < 4) for (let n = first; n <= end; n++) wanted.add(n);
      else wanted.add(first);
    }
    const loaded = await Promise.all([...wanted].map(shard));
    for (const { terms: words, codes } of loaded) {
      let i = bisect(words, term);
      if (words[i] == term) add(term, 1, codes[i]);
      if (complete) {
        const scale = found.has(term) ? 0.01 : 1;
        for (i = bisect(words, word); i < words.length && words[i] < word + "\uffff"; i++) {
          if (words[i].startsWith(word)) add(words[i], scale * (0.4 + 0.5 * word.length / words[i].length), codes[i]);
        }
      }
    }
    if (!found.size && word && word.length > 3) {
      // The nearest words may start the next shard.
      const next = bisect(shards, term) + 1;
      if (next < shards.length) loaded.push(await shard(next));
      const edits = word.length > 7 ? 2 : 1;
      for (const { terms: words, codes } of loaded) words.forEach((t, i) => {
        // A word typed past its stem ("securitiza", "depreciaton") is one away from it.
        const d = Math.min(distance(term, t), distance(word, t), last ? distance(word, t.slice(0, word.length)) : 9, word.startsWith(t) && 2 * t.length > word.length || 9);
        if (d <= edits) add(t, 0.5 / d, codes[i]);
      });
    }
    // The term itself, then the 30 commonest (longest postings) others.
    return [...found.values()].sort((a, b) => (b[0] == 1) - (a[0] == 1) || b[1].length - a[1].length).slice(0, 31);
  };

  // The query's units, each a list of [query term, its candidates] a group must have all of: a word, or a run of
  // Chinese characters as a phrase (its pairs). A pair no page has, of a run of two characters, finds nothing when
  // the site has both characters (中國 is not 中 and 國 apart); when it never has one (証 for 證, a typo), the other, weakly.
  const known = async c => { const { terms: t } = await shard(bisect(meta.shards, c)); return t[bisect(t, c)] == c; };
  const units = async (queries, text) => {
    const lists = await Promise.all(queries.map((q, i) => candidates(q, i == queries.length - 1 && !/\s$/.test(text)))), out = [];
    queries.forEach((q, i) => q.han && out.at(-1)?.[0][0].han == q.han ? out.at(-1).push([q, lists[i]]) : out.push([[q, lists[i]]]));
    return (await Promise.all(out.map(async unit => {
      const [q, list] = unit[0], chars = [...q.han || ""], ok = list.length || chars.length != 2 ? 0 : await Promise.all(chars.map(known));
      return !ok ? [unit] : Promise.all(chars.filter((c, i) => ok[i] && !ok.every(Boolean)).map(async c =>
        [[{ term: c, han: c }, (await candidates({ term: c })).map(x => [x[0] * 0.4, x[1], x[2]])]]));
    }))).flat();
  };

  // Scores groups: per unit, its terms' best candidate impacts summed when the group has each term (a cut list, "!",
  // counts only for), summed, scaled by the share of the query's units the group has. A phrase of three or more
  // characters counts in the best 32 groups with its pairs whose text has it (as the blocks show it; with a section
  // the block cuts short, as its page has it); in none, its pairs count one by one (輝達股價: 輝達, 股價). Returns each
  // page's best group, best page first.
  const rank = async text => {
    await ready;
    const queries = terms(text, meta.english).slice(0, 12), n = meta.groupStarts.length, all = await units(queries, text);
    const score = new Float64Array(n), hits = new Uint8Array(n), best = score.slice(), part = score.slice(), have = hits.slice(), seen = [];
    let used = 0;
    for (let k = 0; k < all.length; k++) {
      const unit = all[k], need = unit.filter(u => u[1].some(c => c[1][0] != "!")).length, touched = [];
      for (const [, group] of unit) {
        const mine = [], whole = group.some(c => c[1][0] != "!");
        for (const [weight, code] of group) {
          for (let i = code[0] == "!" ? 1 : 0, doc = 0, value = 0; i < code.length;) {
            const d = digit[code.charCodeAt(i++)];
            if (d >= 32) { value = value * 32 + d - 32; continue; }
            doc += value * 32 + d; value = 0;
            const impact = digit[code.charCodeAt(i++)] * weight;
            if (impact > best[doc]) { if (!best[doc]) mine.push(doc); best[doc] = impact; }
          }
        }
        for (const doc of mine) { if (!part[doc]) touched.push(doc); part[doc] += best[doc]; have[doc] += whole; best[doc] = 0; }
      }
      let ok = unit.some(u => !u[1].length) ? [] : touched.filter(doc => have[doc] >= need);
      if (unit.length > 1) {
        const phrase = unit.map((u, i) => i ? [...u[0].term][1] : u[0].term).join("");
        ok = ok.sort((a, b) => part[b] - part[a]).slice(0, 4 * MAX);
        const has = text => fold(text).includes(phrase), shown = await Promise.all(ok.map(async g => {
          const docs = await group(g);
          return docs.some(d => has(d[1] + "\n" + d[2] + "\n" + d[4])) || docs.some(d => d[4].endsWith(" …"))
            && fetch(href(docs[0][0])).then(r => r.text()).then(t => has(t.replace(/<[^>]*>/g, "")), () => 1);
        }));
        ok = ok.filter((g, i) => shown[i]);
        if (!ok.length) all.push(...unit.map(u => [u]));
      }
      for (const doc of ok) { if (!score[doc]) seen.push(doc); hits[doc] += need > 0; score[doc] += part[doc]; }
      for (const doc of touched) part[doc] = have[doc] = 0;
      used += ok.length && need > 0;
    }
    // Each page's best group and sum; the MAX best pages in order (no sort of all).
    const P = meta.pageStarts.length, top = new Float64Array(P), sum = top.slice(), at = new Int32Array(P).fill(-1), pages = [], ordered = [];
    for (const doc of seen) {
      const s = score[doc] * (used ? hits[doc] / used : 1) ** 2, p = meta.pageOf[doc];
      if (at[p] < 0) pages.push(p), top[p] = -1;
      if (s > top[p] || s == top[p] && doc < at[p]) top[p] = s, at[p] = doc;
      sum[p] += s;
    }
    for (const p of pages) {
      const v = top[p] + 0.1 * (sum[p] - top[p]);
      let i = ordered.length;
      while (i && (ordered[i - 1][0] < v || ordered[i - 1][0] == v && ordered[i - 1][1] > at[p])) i--;
      ordered.splice(i, 0, [v, at[p]]);
      ordered.length = Math.min(ordered.length, MAX);
    }
    // Each term found: 1, or 0.01 for a completion below a term found.
    const found = new Map(all.flat().flatMap(u => u[1]).sort((a, b) => a[0] - b[0]).map(c => [c[2], c[0] < 0.01 ? 0.01 : 1]));
    return { count: pages.length, terms: found, queries: all.flat().map(u => u[0]), docs: ordered.map(p => p[1]) };
  };

  // A group's documents: [page, page title, heading, anchor, text].
  const group = async g => {
    const first = meta.groupStarts[g], b = bisect(meta.blockStarts, first), at = meta.blockStarts[b];
    return (await load("b" + b)).slice(first - at, (meta.groupStarts[g + 1] || meta.documents) - at);
  };

  // Text with the query's words marked, cut to about `length` characters around most of them.
  const esc = s => s.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);
  const spans = (text, found) => {
    const ranges = [], han = found.han;
    for (const m of text.matchAll(RUN)) {
      if (m[2]) {
        const weight = found.word(m[2]);
        if (weight) ranges.push([m.index, m.index + m[2].length, fold(m[2]), weight]);
        continue;
      }
      const chars = [...m[1]].map(fold);
      let at = m.index;
      chars.forEach((c, i) => {
        const next = at + m[1].codePointAt(at - m.index) > 0xffff ? 2 : 1;
        if (han.has(c) || han.has(c + chars[i + 1]) || han.has(chars[i - 1] + c)) ranges.push([at, at + next, c, 1]);
        at += next;
      });
    }
    return ranges;
  };
  // How many of the query's words or characters a text has (as `terms` counts them).
  const distinct = ranges => [...new Map(ranges.map(r => [r[2], r[3]])).values()].reduce((sum, w) => sum + w, 0);
  // Characters two columns wide (Chinese, kana, Hangul, full-width forms; beyond U+FFFF, two halves): a snippet is
  // `width` columns, as many lines in Chinese as in English.
  const cols = t => t.replace(/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/g, "..").length;
  const mark = (text, found, width) => {
    const ranges = spans(text, found), length = Math.round(width * text.length / cols(text));
    let start = 0, end = text.length;
    if (length && text.length > length) {
      let most = -1;
      for (const [s] of ranges) {
        const count = distinct(ranges.filter(r => r[0] >= s && r[1] <= s + length - 20));
        if (count > most) { most = count; start = s; }
      }
      // Cut at a space when one is near (Chinese has none).
      start = Math.max(0, Math.min(start - 20, text.length - length));
      const space = text.indexOf(" ", start);
      if (start && space >= 0 && space - start < 15) start = space + 1;
      end = start;
      for (let w = 0; end < text.length && (w += cols(text[end])) <= width;) end++;
      const last = text.lastIndexOf(" ", end);
      if (end < text.length && end - last < 15) end = last;
    }
    let html = start ? "… " : "", at = start, open = -1;
    for (const [s, e] of ranges) {
      if (s < at || e > end) continue;
      if (s == open) { html = html.slice(0, -7) + esc(text.slice(s, e)) + "</mark>"; }
      else html += esc(text.slice(at, s)) + "<mark>" + esc(text.slice(s, e)) + "</mark>";
      at = open = e;
    }
    return html + esc(text.slice(at, end)) + (end < text.length ? " …" : "");
  };

  // The interface: a combobox with a listbox of links (ARIA 1.2 pattern).
  let active = -1, serial = 0, options = [];
  const open = yes => {
    form.classList.toggle("open", yes);
    list.hidden = !(yes && options.length);
    input.setAttribute("aria-expanded", !list.hidden);
  };
  const activate = i => {
    options.forEach((o, j) => o.setAttribute("aria-selected", i == j));
    active = i;
    if (i < 0) input.removeAttribute("aria-activedescendant");
    else { input.setAttribute("aria-activedescendant", options[i].id); options[i].scrollIntoView({ block: "nearest" }); }
  };
  const announce = text => { if (status.textContent != text) status.textContent = text; };
  // Shown as well as announced while the reader is in the search box (the status is in the panel, not displayed
  // while closed); a failure after they left it is not opened over the page.
  const failed = () => { open(form.contains(document.activeElement)), announce(say.error); };
  const href = (page, anchor) => {
    const url = new URL(page, root);
    if (url.protocol == "file:" && url.pathname.endsWith("/")) url.pathname += "index.html";
    return url.href + (anchor ? "#" + anchor : "");
  };

  const search = async () => {
    const text = input.value, mine = ++serial;
    if (!text.trim()) { list.innerHTML = ""; options = []; activate(-1); open(false); announce(""); form.dataset.shown = text; return; }
    let found, matches, docs;
    const q = fold(text.trim()), named = d => { const h = fold(d[2]) + " "; return h.startsWith(q) && !/[\p{L}\p{N}]/u.test(h[q.length]); };
    try {
      found = await rank(text);
      matches = {
        han: new Set(found.queries.filter(q => q.han).map(q => q.term)),
        word: w => found.terms.get(meta.english ? stem(fold(w)) : fold(w)),
      };
      // Per group (as its block arrives), its PER_PAGE sections: one whose heading starts with the whole query, as a
      // name ("Figure 5.1", "圖5.1", "Tranche"), first; then those with most query words (heading ×3); or its first.
      // Pages with such a name come first: a name's words are often on many pages.
      docs = (await Promise.all(found.docs.map(async g => (await group(g))
        .map((d, i) => [3 * distinct(spans(d[2], matches)) + distinct(spans(d[4], matches)) + 99 * named(d), i, d])
        .sort((a, b) => b[0] - a[0] || a[1] - b[1]).filter((x, i) => i < PER_PAGE && (!i || x[0] >= 1)).map(x => x[2]))))
        .sort((a, b) => named(b[0]) - named(a[0])).flat().slice(0, MAX);
    } catch {
      if (mine == serial) failed();
      return;
    }
    if (mine != serial) return;
    list.innerHTML = docs.map(([page, title, heading, anchor, body], i) =>
      `<a role="option" id="search-option-${i}" tabindex="-1" aria-selected="false" href="${esc(href(page, anchor))}">` +
      `<span class="search-where">${mark(title, matches)}${heading ? " › " + mark(heading, matches) : ""}</span>` +
      (body ? `<span class="search-snippet">${mark(body, matches, 150)}</span>` : "") + "</a>").join("");
    options = [...list.children];
    activate(-1);
    open(true);
    const n = docs.length, shown = new Set(docs.map(d => d[0])).size, pages = found.count;
    announce((shown < pages && say.fromPages || n > shown && shown > 1 && say.onPages || [say.none, say.one][n] || say.many)
      .replace(/{(\w+)}/g, (m, k) => ({ n, pages, shown })[k]));
    form.dataset.shown = text;
  };

  let timer;
  input.addEventListener("input", e => { if (!e.isComposing) { clearTimeout(timer); timer = setTimeout(search, 40); } });
  input.addEventListener("compositionend", search);
  input.addEventListener("focus", () => open(!!input.value.trim()));
  input.addEventListener("keydown", e => {
    const k = e.key;
    if (k == "ArrowDown" || k == "ArrowUp") {
      if (!options.length) return;
      e.preventDefault();
      open(true);
      activate((active + (k == "ArrowDown" ? 1 : options.length - (active < 0 ? 0 : 1))) % options.length);
    } else if (k == "Enter") {
      e.preventDefault();
      const target = options[Math.max(active, 0)];
      if (target && !list.hidden) location.href = target.href;
    } else if (k == "Escape") {
      e.preventDefault();
      if (!list.hidden) { open(false); activate(-1); } else { input.value = ""; search(); }
    }
  });
  form.addEventListener("submit", e => e.preventDefault());
  form.addEventListener("focusout", e => form.contains(e.relatedTarget) || open(false));
  ready.then(() => {
    // For the browser test, with the index's stopwords.
    window.explainerSearchTerms = terms;
    if (input.value.trim()) search();
  }, failed);
})();
