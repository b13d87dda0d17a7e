#!/usr/bin/env python3
"""Label-collision test: no chart text touches another, leaves its chart or leaves the screen.

Opens every page of a built site (home, chapters, gallery, …) in headless Chromium at 1280 and 390 px. For every
figure it shows each scenario variant in turn (as the reader's pill does: the variant's radio input is checked) and
measures the rendered box of every visible SVG <text> of every chart on the page. It fails on

- two texts of one chart whose boxes overlap (by more than OVERLAP_TOLERANCE px in both directions);
- a text reaching outside its chart's <svg> box, or outside the viewport (a chart scrolled sideways on a phone);
- in a diagram, steps or flow chart, a text crossed by one of its arrows or lines (`path.ch-arrow`, the flow chart's
  looping-back `path.ch-back`): each line is sampled every LINE_STEP px along its length, and a sample inside a
  text's box (shrunk by OVERLAP_TOLERANCE) is a line through the words;
- an annotation's label (a marker's, a reference line's: the texts of `g.ch-annotations`) crossed by a series line
  (`path.ch-line`, grey context lines included), sampled the same way, unless the label has a halo wide enough
  to hide the line (an inline `stroke-width` of 6 px or more);
- a label beside a marker (`circle.ch-here`, `circle.ch-mark`) about as near another marker as the nearest one
  (within MARKER_MARGIN px of it), so that a reader cannot tell which point it names (a label joined to its point
  by a leader, a vertical `line.ch-axis` touching it, names that point).

Each problem names the figure id, the variant, the screen width, the page and the text(s).

Charts that still fail and are being fixed are listed in ALLOW_LIST (one "figure-id variant width" per line). A listed
entry is reported as known and does not fail the run; an entry that no longer fails is an error too ("remove it"),
so the list can only shrink. A problem not on the list fails the run.

usage: label_collisions.py BASE_URL SITE_FOLDER ALLOW_LIST       exit status 1 on any new or stale problem
       (BASE_URL may be file:///path/to/site/)
"""
import sys
import time

from chromium import SIZES, make_driver, set_size, site_pages

# Rendered glyph boxes include the font's line gap; lines of one label set 1.15 em apart touch by a fraction of a
# pixel. Anything more than this (in both directions at once) is an overlap a reader can see.
OVERLAP_TOLERANCE = 1.0
# A text may reach this far past its chart's edge (antialiasing, rounding) before it counts as outside.
EDGE_TOLERANCE = 1.0

# Arrows and lines of diagrams are sampled this often (px along the path) for the text-against-line check.
LINE_STEP = 2.0

# A marker's label is as near its own marker as this (px, from the marker's centre to the text's box) at most…
MARKER_REACH = 30.0
# …and every other marker must be at least this much further from the text than the nearest one.
MARKER_MARGIN = 5.0

MEASURE = """
const [overlapTolerance, edgeTolerance, lineStep, markerReach, markerMargin] = arguments;
const viewport = document.documentElement.clientWidth;
const visible = element => element.checkVisibility({opacityProperty: true, visibilityProperty: true});
const figureName = svg => {
  const figure = svg.closest('figure.chart');
  if (figure) return figure.id.replace(/^figure-/, '');
  const frame = svg.closest('.gallery-frame');
  const item = svg.closest('.gallery-item');
  const heading = item && item.querySelector('h2');
  if (frame && heading) return 'gallery-' + heading.id.replace(/^gallery-/, '')
      + (frame.classList.contains('theme-dark') ? '-dark' : '-light');
  return svg.id || 'svg';
};
const short = text => text.length > 60 ? text.slice(0, 57) + '…' : text;

function measure(svg, variant, out) {
  const chart = svg.getBoundingClientRect();
  if (chart.width < 1 || chart.height < 1) return 0;
  const boxes = [];
  for (const text of svg.querySelectorAll('text')) {
    const content = text.textContent.replace(/\\s+/g, ' ').trim();
    if (!content || !visible(text)) continue;
    const box = text.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    boxes.push({content, box});
  }
  const where = {figure: figureName(svg), variant, svg: svg.id};
  for (const {content, box} of boxes) {
    const outside = Math.max(chart.left - box.left, box.right - chart.right, chart.top - box.top, box.bottom - chart.bottom);
    if (outside > edgeTolerance) {
      out.push({...where, kind: 'outside-chart', texts: [short(content)], amount: Math.round(outside)});
    }
    const offscreen = Math.max(-box.left, box.right - viewport);
    if (offscreen > edgeTolerance) {
      out.push({...where, kind: 'outside-viewport', texts: [short(content)], amount: Math.round(offscreen)});
    }
  }
  // Points every `lineStep` along a drawn line, in page coordinates.
  const sample = line => {
    const matrix = line.getScreenCTM();
    const length = line.getTotalLength();
    const points = [];
    for (let d = 0; d <= length; d += lineStep) {
      const p = line.getPointAtLength(d);
      points.push(new DOMPoint(p.x, p.y).matrixTransform(matrix));
    }
    return points;
  };
  // Arrows and looping-back lines of schematic charts must not run through a label.
  for (const line of svg.querySelectorAll('path.ch-arrow, path.ch-back')) {
    if (!visible(line)) continue;
    const points = sample(line);
    for (const {content, box} of boxes) {
      const inside = points.filter(p => p.x > box.left + overlapTolerance && p.x < box.right - overlapTolerance
          && p.y > box.top + overlapTolerance && p.y < box.bottom - overlapTolerance);
      if (inside.length > 0) {
        out.push({...where, kind: 'crossed-by-line', texts: [short(content)], amount: Math.round(inside.length * lineStep)});
      }
    }
  }
  // Annotation labels (markers', reference lines') must not be crossed by a series line, unless on a patch.
  const labels = [];
  for (const text of svg.querySelectorAll('g.ch-annotations text')) {
    const content = text.textContent.replace(/\s+/g, ' ').trim();
    if (!content || !visible(text)) continue;
    const box = text.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const covered = parseFloat(text.style.strokeWidth || '0') >= 6;
    labels.push({content, box, covered});
  }
  const seriesLines = Array.from(svg.querySelectorAll('path.ch-line')).filter(visible);
  if (labels.some(label => !label.covered) && seriesLines.length) {
    for (const line of seriesLines) {
      const points = sample(line);
      for (const {content, box, covered} of labels) {
        if (covered) continue;
        // The glyphs' own height, not the line box: a line grazing the space above the letters is not through them.
        const top = box.top + box.height * 0.2, bottom = box.bottom - box.height * 0.2;
        const inside = points.filter(p => p.x > box.left + overlapTolerance && p.x < box.right - overlapTolerance
            && p.y > top && p.y < bottom);
        if (inside.length > 0) {
          out.push({...where, kind: 'crossed-by-series', texts: [short(content)], amount: Math.round(inside.length * lineStep)});
        }
      }
    }
  }
  // A label beside a marker must name one marker, not sit between two.
  const markers = Array.from(svg.querySelectorAll('g.ch-annotations circle.ch-here, g.ch-annotations circle.ch-mark'))
      .filter(visible).map(circle => {
        const r = circle.getBoundingClientRect();
        return {x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2};
      });
  const centres = markers.filter((m, i) => !markers.slice(0, i).some(n => Math.abs(n.x - m.x) < 0.5 && Math.abs(n.y - m.y) < 0.5));
  // A label a row or two away from its point has a leader (a vertical `line.ch-axis`) from the point to it: it names
  // the point at the leader's other end.
  const leaders = Array.from(svg.querySelectorAll('g.ch-annotations line.ch-axis')).filter(visible)
      .map(line => line.getBoundingClientRect());
  const led = box => leaders.some(l => l.width < 2 && l.left >= box.left && l.right <= box.right
      && (Math.abs(l.bottom - box.bottom) < 3 || Math.abs(l.top - box.top) < 3 || Math.abs(l.top - box.bottom) < 3
          || Math.abs(l.bottom - box.top) < 3));
  if (centres.length > 1) {
    for (const {content, box} of labels) {
      if (led(box)) continue;
      const distances = centres.map(({x, y}) => Math.hypot(Math.max(box.left - x, 0, x - box.right),
                                                          Math.max(box.top - y, 0, y - box.bottom))).sort((a, b) => a - b);
      if (distances[0] <= markerReach && distances[1] - distances[0] < markerMargin) {
        out.push({...where, kind: 'ambiguous-marker-label', texts: [short(content)],
                  amount: Math.round(distances[1] - distances[0])});
      }
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box, b = boxes[j].box;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > overlapTolerance && height > overlapTolerance) {
        out.push({...where, kind: 'overlap', texts: [short(boxes[i].content), short(boxes[j].content)],
                  amount: Math.round(width) + '×' + Math.round(height)});
      }
    }
  }
  return boxes.length;
}

const problems = [];
let texts = 0, charts = 0, variants = 0;
const done = new Set();
for (const figure of document.querySelectorAll('figure.chart')) {
  const inputs = Array.from(figure.querySelectorAll('input.scenario-input'));
  const original = inputs.find(input => input.checked);
  const steps = inputs.length ? inputs : [null];
  for (const input of steps) {
    if (input) input.checked = true;
    variants++;
    for (const svg of figure.querySelectorAll('svg')) {
      done.add(svg);
      if (!visible(svg)) continue;
      const holder = svg.closest('.chart-variant');
      const variant = holder ? holder.dataset.scenario : 'data';
      const count = measure(svg, variant, problems);
      if (count > 0) { texts += count; charts++; }
    }
  }
  if (original) original.checked = true;
}
for (const svg of document.querySelectorAll('svg.ch')) {
  if (done.has(svg) || !visible(svg)) continue;
  const count = measure(svg, 'data', problems);
  if (count > 0) { texts += count; charts++; variants++; }
}
return {problems, texts, charts, variants};
"""


def read_allow_list(path):
    entries = {}
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 3 or not parts[2].isdigit() or int(parts[2]) not in (w for w, _, _ in SIZES.values()):
                sys.exit(f"{path}:{number}: expected 'figure-id variant width' with width "
                         f"{' or '.join(str(w) for w, _, _ in SIZES.values())}, got {line!r}")
            entries[(parts[0], parts[1], int(parts[2]))] = number
    return entries


def describe(problem, width, page):
    place = f"{problem['figure']} [{problem['variant']}] {width}px (/{page})"
    if problem["kind"] == "overlap":
        return f"{place}: \"{problem['texts'][0]}\" overlaps \"{problem['texts'][1]}\" ({problem['amount']} px)"
    if problem["kind"] == "crossed-by-line":
        return f"{place}: an arrow or line runs through \"{problem['texts'][0]}\" (about {problem['amount']} px of it)"
    if problem["kind"] == "crossed-by-series":
        return f"{place}: a series line runs through the label \"{problem['texts'][0]}\" (about {problem['amount']} px of it)"
    if problem["kind"] == "ambiguous-marker-label":
        return (f"{place}: the label \"{problem['texts'][0]}\" is as near another marker as its nearest one "
                f"({problem['amount']} px apart): a reader cannot tell which point it names")
    if problem["kind"] == "outside-chart":
        return f"{place}: \"{problem['texts'][0]}\" reaches {problem['amount']} px outside its chart"
    return f"{place}: \"{problem['texts'][0]}\" reaches {problem['amount']} px outside the {width} px screen"


def main():
    base, site, allow_path = sys.argv[1], sys.argv[2], sys.argv[3]
    allowed = read_allow_list(allow_path)
    started = time.monotonic()
    failing = {}          # (figure, variant, width) -> [messages]
    totals = {"texts": 0, "charts": 0, "variants": 0, "pages": 0}
    driver = make_driver(logging=False)
    try:
        # A figure on a page in another language than the home page's (a translation: same figure ids) is listed
        # as "LANG:figure-id", so an allow-list line for a translation never hides a problem in the original.
        driver.get(base + ("index.html" if base.startswith("file:") else ""))
        default_language = driver.execute_script("return document.documentElement.lang")
        for size, (width, _, _) in SIZES.items():
            set_size(driver, size)
            for page in site_pages(site):
                path = page[: -len("index.html")]
                driver.get(base + (page if base.startswith("file:") else path))
                result = driver.execute_script(MEASURE, OVERLAP_TOLERANCE, EDGE_TOLERANCE, LINE_STEP, MARKER_REACH,
                                               MARKER_MARGIN)
                totals["pages"] += 1
                for key in ("texts", "charts", "variants"):
                    totals[key] += result[key]
                language = driver.execute_script("return document.documentElement.lang")
                for problem in result["problems"]:
                    figure = problem["figure"] if language == default_language else f"{language}:{problem['figure']}"
                    problem["figure"] = figure
                    key = (figure, problem["variant"], width)
                    failing.setdefault(key, []).append(describe(problem, width, path))
    finally:
        driver.quit()

    new = {key: messages for key, messages in failing.items() if key not in allowed}
    known = {key: messages for key, messages in failing.items() if key in allowed}
    stale = sorted(key for key in allowed if key not in failing)
    for key in sorted(known):
        print(f"known ({len(known[key])} problems, allow-list line {allowed[key]}): {' '.join(map(str, key))}")
        for message in known[key]:
            print("    " + message)
    for key in sorted(new):
        for message in new[key]:
            print("LABEL PROBLEM: " + message, file=sys.stderr)
    for key in stale:
        print(f"STALE: {allow_path}:{allowed[key]}: '{' '.join(map(str, key))}' no longer fails; remove it from the list",
              file=sys.stderr)
    print(f"labels: {totals['texts']} texts in {totals['charts']} rendered charts ({totals['variants']} figure variants) "
          f"on {totals['pages']} page loads at {len(SIZES)} widths in {time.monotonic() - started:.0f} s; "
          f"{len(new)} failing figure variants not on the allow-list, {len(known)} known, {len(stale)} stale entries")
    if totals["texts"] == 0:
        print("no chart text measured; the test would prove nothing", file=sys.stderr)
        sys.exit(1)
    sys.exit(1 if new or stale else 0)


if __name__ == "__main__":
    main()
