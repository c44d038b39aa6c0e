"""Benchmarks: one figure a line as ``name: value unit``; medians of 5 runs.

python bench/run.py [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RUNS = 5


def _time_to_paint(args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    for line in result.stdout.splitlines():
        if line.startswith("painted-at "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint reported by {args}: {result.stderr[-2000:]}")


def bench_startup(work: Path) -> list[str]:
    from kyojushien_desktop.services.sample import create_sample

    db = work / "startup.db"
    if not db.exists():
        create_sample(db).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KYOJUSHIEN_BENCH_EXIT_ON_PAINT="1", KYOJUSHIEN_HOME=str(work))
    app_times, base_times = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        base_times.append(_time_to_paint([sys.executable, str(ROOT / "bench" / "baseline_qt.py")], env))
        app_times.append(_time_to_paint([sys.executable, "-m", "kyojushien_desktop", "--db", str(db)], env))
    app, base = statistics.median(app_times), statistics.median(base_times)
    return [
        f"startup_ms: {app * 1000:.0f} ms",
        f"startup_baseline_ms: {base * 1000:.0f} ms",
        f"startup_ratio: {app / base:.2f} x",
    ]


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_open(work: Path) -> list[str]:
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.sample import create_sample

    db = work / "open.db"
    if not db.exists():
        create_sample(db).close()
    return [f"open_db_ms: {_median_ms(lambda: datafile.open_session(db).close()):.1f} ms"]


def bench_check(work: Path) -> list[str]:
    from kyojushien_desktop.services.check import check_file
    from kyojushien_desktop.services.sample import create_sample

    db = work / "check.db"
    if not db.exists():
        create_sample(db).close()
    return [f"check_sample_ms: {_median_ms(lambda: check_file(db)):.1f} ms"]


BENCHES: dict[str, Callable[[Path], list[str]]] = {
    "startup": bench_startup,
    "open": bench_open,
    "check": bench_check,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(BENCHES), help="run one benchmark")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["KYOJUSHIEN_HOME"] = str(work)
        for name, bench in BENCHES.items():
            if args.only and name != args.only:
                continue
            for line in bench(work):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
