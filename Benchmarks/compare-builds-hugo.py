#!/usr/bin/env python3
"""Builds one corpus with explainer on two cores, Hugo, and explainer held to one core, taking turns; reports
wall time and peak resident memory of each (medians), the per-round ratios, and whether the one- and two-core
builds wrote the same bytes.

    Benchmarks/compare-builds-hugo.py CORPUS ROUNDS EXPLAINER [--no-one-core]

CORPUS is a folder written by Benchmarks/corpus/generate.py (CORPUS/explainer, CORPUS/hugo). Each round runs
    explainer build   (both cores: the process may use every core of the machine)
    hugo              (Hugo uses every core too)
    explainer build   under `taskset -c 0` (one core)
in that order, each into its own output folder (so each reuses its own previous output, as a rebuild does), after
one warm-up build each. Wall time is measured around the process; peak memory is the process's maximum resident set
size as the kernel reports it to wait4 (what GNU time prints as %M). The machine's speed drifts within minutes, so
read the per-round ratios (each round's explainer time over the same round's Hugo time), not the medians of each.

Prints one JSON object on standard output (for compare-hugo.sh to put in its table).
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run(command, cwd):
    """Wall seconds and peak RSS (KiB) of one run of command; fails loudly when it does."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{error}")
    return wall, usage.ru_maxrss


def same_tree(first, second):
    """Whether two folders hold the same files with the same bytes (diff -r)."""
    result = subprocess.run(["diff", "-r", "-q", first, second], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode == 0, result.stdout.decode(errors="replace").strip()


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) != 3:
        sys.exit(__doc__)
    corpus, rounds, explainer = os.path.abspath(arguments[0]), int(arguments[1]), os.path.abspath(arguments[2])
    one_core = "--no-one-core" not in sys.argv
    work = os.environ.get("WORK", corpus)
    site, hugo_site = os.path.join(corpus, "explainer"), os.path.join(corpus, "hugo")
    out = {name: os.path.join(work, f"out-{name}") for name in ("explainer", "hugo", "explainer-1core")}
    commands = {
        "explainer": ([explainer, "build", "--output", out["explainer"]], site),
        "hugo": (["hugo", "--quiet", "--source", hugo_site, "--destination", out["hugo"]], hugo_site),
    }
    if one_core:
        commands["explainer-1core"] = (["taskset", "-c", "0", explainer, "build", "--output", out["explainer-1core"]], site)
    for command, cwd in commands.values():
        run(command, cwd)  # warm-up: each tool's output folder exists and the files are in the page cache
    results = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (command, cwd) in commands.items():
            results[name].append(run(command, cwd))

    def ratios(name, other, index):
        return statistics.median(r[index] / o[index] for r, o in zip(results[name], results[other]))

    report = {"rounds": rounds, "load": open("/proc/loadavg").read().split()[:3]}
    for name, runs in results.items():
        report[name] = {"wall": statistics.median(r[0] for r in runs), "rss_kb": statistics.median(r[1] for r in runs),
                        "walls": [r[0] for r in runs]}
    report["time_ratio_to_hugo"] = ratios("explainer", "hugo", 0)
    report["memory_ratio_to_hugo"] = ratios("explainer", "hugo", 1)
    if one_core:
        report["speedup_two_cores"] = ratios("explainer-1core", "explainer", 0)
        report["identical"], report["differences"] = same_tree(out["explainer"], out["explainer-1core"])
    print(json.dumps(report))


if __name__ == "__main__":
    main()
