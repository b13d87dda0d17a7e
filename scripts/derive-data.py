#!/usr/bin/env python3
"""Derive the compact historical series in content/data/ from the raw files in ../shared/data.

Usage: python3 scripts/derive-data.py [RAW_DATA_DIR] [--out OUTPUT_DIR]

RAW_DATA_DIR defaults to ../shared/data (relative to the project root, the parent of scripts/);
OUTPUT_DIR defaults to content/data/ in the project root. Python 3 standard library only.

Peaks and troughs are found by code (MODELS.md M7b): the peak is the maximum within a search window
(earliest if tied), the trough the minimum after the peak within the same window. The script asserts that
they match the table in MODELS.md M7b and exits non-zero on any mismatch.
"""

import argparse
import csv
import datetime
import os
import sys

DAYS_PER_MONTH = 30.436875  # 365.2425 / 12
WINDOW = (-36, 60)          # months from the peak

SOURCES = {
    "djia": [
        "Dow Jones Industrial Average, daily closes (DJIA), 1921-1939.",
        "Original source: Samuel H. Williamson, 'Daily Closing Value of the Dow Jones Average, 1885 to Present',",
        "MeasuringWorth, 2019 (https://www.measuringworth.com/datasets/DJA/result.php).",
        "Via https://github.com/fja05680/dow-sp500-100-years (MIT), path DJA-orig.csv,",
        "commit 52a1ddd481fc947e511f709896d4f2b3fb49fb0e.",
    ],
    "nasdaq": [
        "Nasdaq Composite, daily closes (FRED series NASDAQCOM, NASDAQ OMX Group), 1994-2025.",
        "Original source: Federal Reserve Bank of St. Louis, https://fred.stlouisfed.org/series/NASDAQCOM.",
        "Via https://github.com/iandonaldson/AIMvNASDAQ (MIT), path data/NASDAQCOM.csv,",
        "commit 6c4b647ae9b9c496f2ca0f888da5bf990ec5527e.",
    ],
    "nikkei": [
        "Nikkei 225, daily closes, 1984-2012. Original source: Nikkei Inc., as redistributed by Yahoo Finance (^N225).",
        "Via https://github.com/tzjtan/historical-stock-data, path data/N225.csv,",
        "commit 9f366893b41b20e759585688d78596a29c0ecccc.",
    ],
    "housing": [
        "S&P CoreLogic Case-Shiller U.S. National Home Price Index, monthly, not seasonally adjusted",
        "(the file's column 'National-US-SA', whose labels are swapped: it matches FRED CSUSHPINSA), Jan 2000 = 100.",
        "Original source: S&P Dow Jones Indices. Via https://github.com/datasets/house-prices-us (ODC-PDDL),",
        "path data/national-month.csv, commit 1da31a648c7da851fcc8d44b42fd768da9199970.",
    ],
    "sp500": [
        "S&P 500, monthly averages of daily closes. Original source: Robert J. Shiller, 'Irrational Exuberance' data",
        "(http://www.econ.yale.edu/~shiller/data.htm); rows from 2023-07 on are FRED SP500.",
        "Via https://github.com/datasets/s-and-p-500 (ODC-PDDL), path data/data.csv,",
        "commit f23898667d8764ea9e8a641b0b41487437e33b39.",
    ],
}


def fail(message):
    print("derive-data: " + message, file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------- readers
# Each reader returns a list of (date, value) sorted by date; values are floats, missing values skipped.

def read_djia(root):
    path = os.path.join(root, "djia-daily-1920s", "DJA-orig-1921-1939.csv")
    rows, started = [], False
    with open(path, newline="", encoding="utf-8") as f:
        for record in csv.reader(f):
            if not started:
                started = record == ["Date", "DJIA"]  # skip the citation lines above the header
                continue
            if len(record) < 2 or not record[1].strip():
                continue
            month, day, year = (int(part) for part in record[0].split("/"))
            rows.append((datetime.date(year, month, day), float(record[1])))
    if not started:
        fail(path + ": header \"Date\",\"DJIA\" not found")
    return sorted(rows)


def read_columns(path, date_column, value_column):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for record in reader:
            raw = (record.get(value_column) or "").strip()
            if not raw:
                continue  # holiday / no quote that day
            rows.append((datetime.date.fromisoformat(record[date_column].strip()), float(raw)))
    return sorted(rows)


def read_nasdaq(root):
    return read_columns(os.path.join(root, "nasdaq-composite-daily", "NASDAQCOM-1994-2025.csv"),
                        "observation_date", "NASDAQCOM")


def read_nikkei(root):
    return read_columns(os.path.join(root, "nikkei225-daily", "N225-1984-2012.csv"), "date", "close")


def read_housing(root):
    # CRLF line endings; csv handles them with newline="".
    return read_columns(os.path.join(root, "case-shiller-us-national", "national-month.csv"), "Date", "National-US-SA")


def read_sp500(root):
    return read_columns(os.path.join(root, "sp500-shiller-monthly", "data.csv"), "Date", "SP500")


# ---------------------------------------------------------------------------------------------- M7b core

def months_from(peak, date, daily):
    if daily:
        return (date - peak).days / DAYS_PER_MONTH
    return float((date.year - peak.year) * 12 + date.month - peak.month)


def peak_and_trough(rows, start, end):
    """Peak = max within [start, end] (earliest if tied); trough = min after the peak within the window."""
    window = [i for i, (d, _) in enumerate(rows) if start <= d <= end]
    if not window:
        fail("no observation between %s and %s" % (start, end))
    peak = window[0]
    for i in window:
        if rows[i][1] > rows[peak][1]:
            peak = i
    trough = peak
    for i in window:
        if i > peak and rows[i][1] < rows[trough][1]:
            trough = i
    return peak, trough


def sample(rows, peak, daily, x):
    """100 × the last observation on or before x months from the peak (None if there is none)."""
    peak_date, peak_value = rows[peak]
    found = None
    for date, value in rows:
        if months_from(peak_date, date, daily) <= x + 1e-12:
            found = (date, value)
        else:
            break
    if found is None:
        return None
    if found[0] == peak_date:
        return 100.0
    return 100.0 * found[1] / peak_value


# ---------------------------------------------------------------------------------------------- formatting

def fmt(value, digits=6):
    """At most `digits` significant digits, plain decimal, no trailing zeros, never -0."""
    if value is None:
        return ""
    text = "%.*g" % (digits, value)
    if "e" in text:
        text = ("%.*f" % (max(0, digits), value)).rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    return text


def write_csv(out_dir, name, comments, header, rows):
    if any("," in h or '"' in h for h in header):
        fail("%s: a column name contains a comma or quote: %r" % (name, header))
    lines = ["# " + c for c in comments]
    lines.append(",".join(header))
    for row in rows:
        lines.append(",".join(row))
    text = "\n".join(lines) + "\n"
    if len(text.encode("utf-8")) >= 40_000:
        fail("%s is %d bytes (limit 40 KB)" % (name, len(text.encode("utf-8"))))
    with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d rows, %d bytes)" % (name, len(rows), len(text.encode("utf-8"))))


# ---------------------------------------------------------------------------------------------- episodes

D = datetime.date

# (id, label, source key, daily?, search window, expected peak (date, value), expected trough (date, value, fall %))
# Expected values: the table in MODELS.md M7b.
EPISODES = [
    ("dow-1929", "Dow 1929", "djia", True, (D(1921, 1, 1), D(1939, 12, 31)),
     ("1929-09-03", 381.17), ("1932-07-08", 41.22, "-89.2")),
    ("nasdaq-2000", "Nasdaq 2000", "nasdaq", True, (D(1994, 1, 1), D(2005, 12, 31)),
     ("2000-03-10", 5048.62), ("2002-10-09", 1114.11, "-77.9")),
    ("nikkei-1989", "Nikkei 1989", "nikkei", True, (D(1984, 1, 1), D(2012, 12, 31)),
     ("1989-12-29", 38915.8711), ("2009-03-10", 7054.98, "-81.9")),
    ("nikkei-1989-to-2003", "Nikkei 1989 (to 2003)", "nikkei", True, (D(1989, 12, 29), D(2003, 12, 31)),
     ("1989-12-29", 38915.8711), ("2003-04-28", 7607.8799, "-80.4")),
    ("us-housing-2006", "US housing 2006", "housing", False, (D(1975, 1, 1), D(2012, 12, 31)),
     ("2006-07", 184.608), ("2012-02", 133.994, "-27.4")),
    ("sp500-1929", "S&P 500 1929 (monthly avg)", "sp500", False, (D(1921, 1, 1), D(1939, 12, 31)),
     ("1929-09", 31.3), ("1932-06", 4.77, None)),
    ("sp500-2000", "S&P 500 2000 (monthly avg)", "sp500", False, (D(1995, 1, 1), D(2005, 12, 31)),
     ("2000-08", 1485.46), ("2003-02", 837.03, None)),
    ("sp500-2007", "S&P 500 2007 (monthly avg)", "sp500", False, (D(2003, 1, 1), D(2012, 12, 31)),
     ("2007-10", 1539.66), ("2009-03", 757.13, None)),
]

ALIGNED = ["dow-1929", "nasdaq-2000", "nikkei-1989", "us-housing-2006"]
SP500_ALIGNED = ["sp500-1929", "sp500-2000", "sp500-2007"]


def date_text(date, daily):
    return date.isoformat() if daily else date.isoformat()[:7]


def analyse(series):
    """Computes every episode's peak and trough, asserting them against MODELS.md."""
    results, errors = {}, []
    for key, label, source, daily, (start, end), expected_peak, expected_trough in EPISODES:
        rows = series[source]
        peak, trough = peak_and_trough(rows, start, end)
        peak_date, peak_value = rows[peak]
        trough_date, trough_value = rows[trough]
        fall = "%.1f" % (100.0 * (trough_value / peak_value - 1.0))
        got = ((date_text(peak_date, daily), peak_value), (date_text(trough_date, daily), trough_value))
        if got[0] != expected_peak:
            errors.append("%s: peak %s %r, MODELS.md says %s %r" % (label, got[0][0], got[0][1], *expected_peak))
        if got[1] != expected_trough[:2]:
            errors.append("%s: trough %s %r, MODELS.md says %s %r" % (label, got[1][0], got[1][1], *expected_trough[:2]))
        if expected_trough[2] is not None and fall != expected_trough[2]:
            # The table writes -80.4504 % (Nikkei to 2003) as -80.4; accept a difference below one unit in the last digit.
            exact = 100.0 * (trough_value / peak_value - 1.0)
            if abs(exact - float(expected_trough[2])) >= 0.1:
                errors.append("%s: fall %s %%, MODELS.md says %s %%" % (label, fall, expected_trough[2]))
            else:
                print("derive-data: note: %s falls %.4f %%, which rounds to %s; MODELS.md writes %s" % (
                    label, exact, fall, expected_trough[2]), file=sys.stderr)
        results[key] = dict(label=label, rows=rows, daily=daily, peak=peak, trough=trough, fall=fall,
                            window=(start, end), months=months_from(peak_date, trough_date, daily))
    if errors:
        fail("peak/trough mismatch with MODELS.md M7b:\n  " + "\n  ".join(errors))
    return results


def aligned_rows(results, keys):
    """Month offsets −36…60, plus each in-window trough's exact offset; values are last-on-or-before samples."""
    xs = [float(m) for m in range(WINDOW[0], WINDOW[1] + 1)]
    for key in keys:
        months = results[key]["months"]
        if WINDOW[0] <= months <= WINDOW[1] and months not in xs:
            xs.append(months)
    xs.sort()
    rows = []
    for x in xs:
        values = [sample(results[k]["rows"], results[k]["peak"], results[k]["daily"], x) for k in keys]
        rows.append([fmt(x)] + [fmt(v) for v in values])
    return rows


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", nargs="?", default=os.path.join(root, "..", "shared", "data"),
                        help="folder with the raw data (default ../shared/data)")
    parser.add_argument("--out", default=os.path.join(root, "content", "data"), help="output folder (default content/data)")
    args = parser.parse_args()
    raw = os.path.normpath(args.raw)
    os.makedirs(args.out, exist_ok=True)

    series = {"djia": read_djia(raw), "nasdaq": read_nasdaq(raw), "nikkei": read_nikkei(raw),
              "housing": read_housing(raw), "sp500": read_sp500(raw)}
    results = analyse(series)
    derivation = "Derived by scripts/derive-data.py (peak = maximum in the search window, trough = minimum after it)."

    # bubbles-aligned.csv: the four episodes aligned at their peaks.
    comments = [c for key in ("djia", "nasdaq", "nikkei", "housing") for c in SOURCES[key]]
    comments += [
        derivation,
        "y = 100 x price / price at the peak; x = months from the peak (daily data: days / 30.436875; monthly data:",
        "whole months). Rows at every whole month from -36 to +60 hold the last close on or before that offset;",
        "extra rows at the troughs inside the window (Dow 1932-07-08, Nasdaq 2002-10-09) hold them exactly.",
        "Peaks: " + "; ".join("%s %s (%s)" % (results[k]["label"], fmt(results[k]["rows"][results[k]["peak"]][1], 9),
                                             date_text(results[k]["rows"][results[k]["peak"]][0], results[k]["daily"]))
                              for k in ALIGNED) + ".",
    ]
    write_csv(args.out, "bubbles-aligned.csv", comments, ["months_from_peak"] + [results[k]["label"] for k in ALIGNED],
              aligned_rows(results, ALIGNED))

    # bubble-episodes.csv: one row per episode, the peak/trough table of MODELS.md M7b.
    comments = [c for key in ("djia", "nasdaq", "nikkei", "housing", "sp500") for c in SOURCES[key]]
    comments += [derivation,
                 "fall_pct = 100 x (trough / peak - 1); months_to_trough as in bubbles-aligned.csv.",
                 "Nikkei: the minimum within 1984-2012 is 2009-03-10; within 1989-12-29..2003-12-31 it is 2003-04-28."]
    rows = []
    for key, *_ in EPISODES:
        r = results[key]
        (pd, pv), (td, tv) = r["rows"][r["peak"]], r["rows"][r["trough"]]
        rows.append([r["label"], key, "daily" if r["daily"] else "monthly",
                     "%s..%s" % (r["window"][0].isoformat(), r["window"][1].isoformat()),
                     date_text(pd, r["daily"]), repr(pv), date_text(td, r["daily"]), repr(tv), r["fall"],
                     "%.1f" % r["months"]])
    write_csv(args.out, "bubble-episodes.csv", comments,
              ["episode", "id", "frequency", "search_window", "peak_date", "peak_value", "trough_date", "trough_value",
               "fall_pct", "months_to_trough"], rows)

    # sp500-aligned.csv: the S&P 500 (monthly averages) at its 1929, 2000 and 2007 peaks.
    comments = SOURCES["sp500"] + [derivation,
                                   "y = 100 x monthly average / the peak month's average; x = whole months from the peak.",
                                   "Monthly averages smooth the daily extremes (1929-09 31.3 -> 1932-06 4.77, -84.8 %)."]
    write_csv(args.out, "sp500-aligned.csv", comments, ["months_from_peak"] + [results[k]["label"] for k in SP500_ALIGNED],
              aligned_rows(results, SP500_ALIGNED))

    # sp500-monthly.csv: 1990-01 to the last row.
    sp = series["sp500"]
    comments = SOURCES["sp500"] + ["Rows 1990-01 to the last row of the source, unchanged except rounded to 2 decimals."]
    write_csv(args.out, "sp500-monthly.csv", comments, ["month", "sp500"],
              [[d.isoformat()[:7], "%.2f" % v] for d, v in sp if d >= D(1990, 1, 1)])

    # ai-boom.csv: the AI boom (no peak yet) with the last month = 0 = 100, against the run-ups to 2000 and 1929.
    last_date, last_value = sp[-1]
    if (last_date.isoformat()[:7], last_value) != ("2026-06", 7450.03):
        fail("S&P 500 last row is %s %r, MODELS.md says 2026-06 7450.03" % (last_date, last_value))
    start = D(2018, 1, 1)
    first = [i for i, (d, _) in enumerate(sp) if d >= start][0]
    lead = len(sp) - 1 - first
    runups = [results["sp500-2000"], results["sp500-1929"]]
    rows = []
    for i in range(first, len(sp)):
        x = i - (len(sp) - 1)
        values = [100.0 * sp[i][1] / last_value]
        for r in runups:
            j = r["peak"] + x
            values.append(100.0 * r["rows"][j][1] / r["rows"][r["peak"]][1] if j >= 0 else None)
        rows.append([str(x), fmt(values[0])] + [fmt(v) for v in values[1:]])
    chatgpt = months_from(last_date, D(2022, 11, 1), False)
    comments = SOURCES["sp500"] + [
        derivation,
        "AI boom: S&P 500 monthly averages from 2018-01 (month %d) to %s (month 0 = 100, no peak yet)." % (-lead, last_date.isoformat()[:7]),
        "ChatGPT's launch (2022-11) is month %d. For comparison, the run-ups to the 2000-08 and 1929-09 peaks" % chatgpt,
        "on the same axis (month 0 = the peak = 100)."]
    write_csv(args.out, "ai-boom.csv", comments,
              ["months_to_latest", "AI boom (S&P 500 to 2026-06)", "Dot-com (S&P 500 to 2000-08)", "1929 (S&P 500 to 1929-09)"],
              rows)

    for key, *_ in EPISODES:
        r = results[key]
        (pd, pv), (td, tv) = r["rows"][r["peak"]], r["rows"][r["trough"]]
        print("  %-28s peak %s %s  trough %s %s  %s %%  %.1f months" % (
            r["label"], date_text(pd, r["daily"]), repr(pv), date_text(td, r["daily"]), repr(tv), r["fall"], r["months"]))


if __name__ == "__main__":
    main()
