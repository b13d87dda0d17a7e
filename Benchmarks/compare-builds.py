#!/usr/bin/env python3
"""Compares explainer binaries (say, before and after a change) building the same site, taking turns.

    Benchmarks/compare-builds.py SITE RUNS BINARY [BINARY ...]

SITE is a site folder (e.g. a corpus from Benchmarks/corpus/generate.py: CORPUS/explainer); each BINARY is an
explainer executable, or the word `hugo` to build SITE/../hugo with Hugo. After one warm-up build each, the binaries
build in turn, RUNS rounds, each into its own output folder (so each reuses its own previous output, as a real
rebuild does). For each binary the script prints the median wall time, the median CPU time (user + system, all
threads) and the medians of the per-round ratios to the first binary.

This machine's speed drifts by tens of percent within minutes, and hyperfine times one command's runs before the
other's, so a drift between the two blocks shows up as a difference. Taking turns and comparing within each round
cancels most of it; the per-round ratios are what to read.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall * 1000, cpu * 1000


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    site, runs, binaries = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    work = os.environ.get("WORK", "/tmp")

    def command(binary, index):
        output = os.path.join(work, f"compare-builds-{index}")
        if binary == "hugo":
            return ["hugo", "--quiet", "--source", os.path.join(os.path.dirname(site), "hugo"), "--destination", output]
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
        print(f"{binary}: wall {wall:,.1f} ms, cpu {cpu:,.1f} ms; per-round ratio to the first: "
              f"wall {wall_ratio:.3f}, cpu {cpu_ratio:.3f}")


if __name__ == "__main__":
    main()
