"""Benchmark of today's route: 20 stops, nearest neighbour + 2-opt (not a timed test).

Run: ``.venv/bin/python bench/route_planning.py [--runs 200] [--stops 20]``. Prints the median
and worst time and how much 2-opt shortened the nearest-neighbour tour; exits non-zero if a
route is ever longer than nearest neighbour or slower than a second (the issue's bar).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fulfillment.route_planning import Point, nearest_neighbour, plan_route, tour_km  # noqa: E402

LIMIT_SECONDS = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--stops", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    timings, gains = [], []
    for _run in range(args.runs):
        # A regional day: stops within about 150 km of Agadir.
        start = Point(30.4278, -9.5981, "hub")
        stops = [Point(30.4278 + rng.uniform(-1, 1), -9.5981 + rng.uniform(-1, 1), str(i))
                 for i in range(args.stops)]
        began = time.perf_counter()
        plan = plan_route(start, stops)
        timings.append(time.perf_counter() - began)
        greedy = tour_km(start, nearest_neighbour(start, stops))
        if plan.km > greedy + 1e-9:
            print(f"FAIL: route {plan.km:.1f} km longer than nearest neighbour {greedy:.1f} km")
            return 1
        gains.append(1 - plan.km / greedy if greedy else 0.0)
    median, worst = statistics.median(timings), max(timings)
    print(f"{args.runs} routes of {args.stops} stops: median {median * 1000:.2f} ms, "
          f"worst {worst * 1000:.2f} ms; 2-opt saves {statistics.mean(gains):.1%} on average "
          f"over nearest neighbour")
    return 0 if worst < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
