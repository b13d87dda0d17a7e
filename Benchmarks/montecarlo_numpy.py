#!/usr/bin/env python3
"""Baseline for the Swift Monte Carlo benchmark: MODELS.md M3(c) vectorised with numpy.

The same computation as `FinitePoolMonteCarlo.simulate` with the `tranching` defaults: a homogeneous pool of
N = 100 names, PD 2 %, LGD 60 %, correlation 0.3, tranches [0,5 %), [5,15 %), [15,30 %), [30,100 %), 100,000 paths
in chunks of 10,000. Per path: one standard normal Z; the conditional default probability
q = Φ((Φ⁻¹(p) − √ρ Z)/√(1−ρ)); one uniform per name, a default when u < q; pool loss L = LGD·defaults/N; each tranche's
loss fraction min(max(L − a, 0), d − a)/(d − a); estimate = mean, SE = sample sd (n − 1)/√paths. Chunks keep memory
bounded (10,000 × 100 uniforms = 8 MB at a time).

Only the random numbers differ (numpy's PCG64 instead of xoshiro256**), so the estimates agree with Swift's
within their standard errors, not digit for digit. The script prints the wall time of each repetition (best and
median) and the estimates next to the exact finite-pool values of MODELS.md M3(b).

Usage: python3 Benchmarks/montecarlo_numpy.py [--repeat 5] [--processes 1] [--paths 100000] [--names 100]
       (--processes 0 uses every core, one chunk range per process, like the Swift benchmark's "all cores").
"""
import argparse
import math
import os
import statistics
import sys
import time

try:
    import numpy as np
except ImportError:  # pragma: no cover
    sys.exit("numpy is missing: install it with `python3 -m pip install numpy` (make bench does this)")

try:  # scipy's ndtr is Φ in C; numpy alone has no erfc, so fall back to math.erfc per element.
    from scipy.special import ndtr as normal_cdf
    CDF = "scipy.special.ndtr"
except ImportError:  # pragma: no cover
    _erfc = np.frompyfunc(math.erfc, 1, 1)

    def normal_cdf(x):
        return 0.5 * _erfc(-x / math.sqrt(2)).astype(np.float64)
    CDF = "math.erfc (scipy not installed)"

PD, LGD, RHO = 0.02, 0.60, 0.30
TRANCHES = [(0.0, 0.05), (0.05, 0.15), (0.15, 0.30), (0.30, 1.0)]
SEED = 20251021
CHUNK = 10_000
# MODELS.md M3(b): exact finite-pool tranche ELs for N = 100 and the defaults.
EXACT_EL = [0.200129, 0.0182874, 0.00106963, 6.24079e-6]


def chunk_sums(first_chunk, last_chunk, paths, names):
    """Σ TL and Σ TL² per tranche over chunks [first_chunk, last_chunk); chunk c uses its own seeded stream."""
    threshold = statistics.NormalDist().inv_cdf(PD)
    sqrt_rho, sqrt_one_minus_rho = math.sqrt(RHO), math.sqrt(1 - RHO)
    attach = np.array([a for a, _ in TRANCHES])
    width = np.array([d - a for a, d in TRANCHES])
    sums = np.zeros(len(TRANCHES))
    squares = np.zeros(len(TRANCHES))
    uniforms = np.empty((CHUNK, names))
    for chunk in range(first_chunk, last_chunk):
        rng = np.random.Generator(np.random.PCG64([SEED, chunk]))
        count = min(CHUNK, paths - chunk * CHUNK)
        z = rng.standard_normal(count)
        q = normal_cdf((threshold - sqrt_rho * z) / sqrt_one_minus_rho)
        u = uniforms[:count]
        rng.random(out=u)
        defaults = np.count_nonzero(u < q[:, None], axis=1)
        loss = LGD * defaults / names
        fraction = np.clip(loss[:, None] - attach, 0.0, width) / width
        sums += fraction.sum(axis=0)
        squares += np.square(fraction).sum(axis=0)
    return sums, squares


def _worker(arguments):
    return chunk_sums(*arguments)


def simulate(paths, names, processes, pool):
    chunks = (paths + CHUNK - 1) // CHUNK
    if processes == 1:
        sums, squares = chunk_sums(0, chunks, paths, names)
    else:
        bounds = [(chunks * i // processes, chunks * (i + 1) // processes, paths, names) for i in range(processes)]
        parts = pool.map(_worker, bounds)
        sums = sum(part[0] for part in parts)
        squares = sum(part[1] for part in parts)
    mean = sums / paths
    variance = np.maximum(0.0, (squares - paths * mean * mean) / (paths - 1))
    return mean, np.sqrt(variance / paths)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=1, help="worker processes; 0 = every core")
    parser.add_argument("--paths", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=100)
    args = parser.parse_args()
    processes = args.processes or os.cpu_count()

    pool = None
    if processes > 1:
        import multiprocessing
        pool = multiprocessing.get_context("fork").Pool(processes)
        pool.map(_worker, [(0, 0, args.paths, args.names)] * processes)  # start the workers before timing

    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        mean, se = simulate(args.paths, args.names, processes, pool)
        times.append(time.perf_counter() - start)
    if pool is not None:
        pool.close()
        pool.join()

    print(f"numpy {np.__version__} Monte Carlo: N = {args.names} names, {args.paths:,} paths, "
          f"{processes} process{'es' if processes > 1 else ''}, Φ by {CDF}")
    print(f"wall time: best {min(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms "
          f"over {args.repeat} runs ({', '.join(f'{t * 1000:.1f}' for t in times)} ms)")
    for (a, d), m, s, exact in zip(TRANCHES, mean, se, EXACT_EL):
        line = f"  tranche {a * 100:g}-{d * 100:g} %: EL = {m:.7g} ± {s:.3g} (SE)"
        if args.names == 100:
            line += f"; exact {exact:.6g}, (MC − exact)/SE = {(m - exact) / s:+.2f}"
        print(line)


if __name__ == "__main__":
    main()
