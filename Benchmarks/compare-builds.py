#!/usr/bin/env python3
"""Compares explainer binaries (say, before and after a change) building the same site, taking turns.

    Benchmarks/compare-builds.py SITE RUNS BINARY [BINARY ...]

SITE is a site folder (e.g. a corpus from Benchmarks/corpus/generate.py: CORPUS/explainer); each BINARY is an
explainer executable, or the word `hugo` to build SITE/../hugo with Hugo; a BINARY written `1core:PATH` runs PATH
held to one core (`taskset -c 0`). After one warm-up build each, the binaries build in turn, RUNS rounds, each into
its own output folder (so each reuses its own previous output, as a real rebuild does). For each binary the script
prints the median wall time, the median CPU time (user + system, all threads), the median peak resident memory
(wait4's maximum RSS) and the medians of the per-round ratios to the first binary; and for each binary also given
as `1core:`, the median per-round speed-up of two cores over one.

This machine's speed drifts by tens of percent within minutes, and hyperfine times one command's runs before the
other's, so a drift between the two blocks shows up as a difference. Taking turns and comparing within each round
cancels most of it; the per-round ratios are what to read.
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    cpu = usage.ru_utime + usage.ru_stime
    return wall * 1000, cpu * 1000, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    site, runs, binaries = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    # Paths as given, from here (the builds run in SITE).
    binaries = [b if b == "hugo" else ("1core:" + os.path.abspath(b[6:]) if b.startswith("1core:") else os.path.abspath(b))
                for b in binaries]
    work = os.environ.get("WORK", "/tmp")

    def command(binary, index):
        output = os.path.join(work, f"compare-builds-{index}")
        if binary == "hugo":
            return ["hugo", "--quiet", "--source", os.path.join(os.path.dirname(site), "hugo"), "--destination", output]
        if binary.startswith("1core:"):
            return ["taskset", "-c", "0", os.path.abspath(binary[len("1core:"):]), "build", "--output", output]
        return [os.path.abspath(binary), "build", "--output", output]

    os.chdir(site)
    for index, binary in enumerate(binaries):
        run(command(binary, index))
    results = {index: [] for index in range(len(binaries))}
    for _ in range(runs):
        for index, binary in enumerate(binaries):
            results[index].append(run(command(binary, index)))
    first = results[0]
    for index, binary in enumerate(binaries):
        rounds = results[index]
        wall = statistics.median(r[0] for r in rounds)
        cpu = statistics.median(r[1] for r in rounds)
        wall_ratio = statistics.median(r[0] / f[0] for r, f in zip(rounds, first))
        cpu_ratio = statistics.median(r[1] / f[1] for r, f in zip(rounds, first))
        rss = statistics.median(r[2] for r in rounds)
        rss_ratio = statistics.median(r[2] / f[2] for r, f in zip(rounds, first))
        print(f"{binary}: wall {wall:,.1f} ms, cpu {cpu:,.1f} ms, peak RSS {rss:,.1f} MB; per-round ratio to the first: "
              f"wall {wall_ratio:.3f}, cpu {cpu_ratio:.3f}, memory {rss_ratio:.3f}")
    for index, binary in enumerate(binaries):
        if binary.startswith("1core:") and binary[len("1core:"):] in binaries:
            both = results[binaries.index(binary[len("1core:"):])]
            speedup = statistics.median(one[0] / two[0] for one, two in zip(results[index], both))
            print(f"{binary[len('1core:'):]}: two cores vs one (per-round one-core / two-core wall time): {speedup:.2f}x")


if __name__ == "__main__":
    main()
