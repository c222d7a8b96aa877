"""The bench report: exact statistics, targets and verdicts, the Markdown table, the charts,
and the README rewritten only between its markers."""
from __future__ import annotations

import json

import pytest

from bench.harness import Result, measure, median, p95, percentile
from bench.report import END, START, document, markdown_table, summarize, update_readme, write_all


def test_median_and_nearest_rank_p95_are_exact():
    samples = [float(n) for n in range(20, 0, -1)]  # 20 .. 1, unordered on purpose

    assert median(samples) == 10.5
    assert p95(samples) == 19.0  # rank ceil(0.95 * 20) = 19
    assert p95([5.0, 1.0, 3.0]) == 5.0  # rank ceil(2.85) = 3
    assert percentile([7.0], 95) == 7.0
    assert median([]) is None and p95([]) is None


def test_measure_warms_up_untimed_then_times_each_call():
    calls = []

    samples = measure(lambda: calls.append(1), repeat=4, warmup=3)

    assert len(calls) == 7
    assert len(samples) == 4 and all(s >= 0 for s in samples)


def test_a_read_page_passes_under_its_target_and_fails_above_it():
    fast = summarize(Result("storefront home, anonymous", "storefront", "1k",
                            [100.0, 120.0, 149.0], bare_sql_ms=[10.0, 12.0, 14.0]))
    slow = summarize(Result("storefront home, logged in", "storefront", "1k",
                            [100.0, 120.0, 151.0]))

    assert (fast["median"], fast["p95"], fast["bare_sql_median"], fast["ratio"]) == (
        120.0, 149.0, 12.0, 10.0)
    assert (fast["target_p95"], fast["passed"]) == (150.0, True)
    assert (slow["p95"], slow["passed"]) == (151.0, False)


def test_products_must_also_stay_within_three_times_their_bare_sql():
    within = summarize(Result("graphql products(first:100)", "graphql", "1k", [60.0, 61.0],
                              bare_sql_ms=[20.0, 21.0]))
    beyond = summarize(Result("graphql products(first:100)", "graphql", "1k", [90.0, 92.0],
                              bare_sql_ms=[20.0, 30.0]))

    assert (within["ratio"], within["passed"]) == (2.95, True)
    assert (beyond["ratio"], beyond["target_ratio"], beyond["passed"]) == (3.64, 3.0, False)


def test_errors_fail_a_benchmark_and_a_suite_may_set_its_own_target():
    with_errors = summarize(Result("checkout complete", "checkout", "1k", [10.0], errors=1))
    own_target = summarize(Result("payout run", "batch", "1k", [59_000.0],
                                  extra={"target_ms": 60_000, "note": "100k orders"}))
    no_target = summarize(Result("catalog import", "batch", "1k", [5_000.0]))
    zero_errors = summarize(Result("checkout complete, 20 concurrent buyers", "checkout", "1k",
                                   [900.0], extra={"target_errors": 0}))

    assert with_errors["passed"] is False
    assert (own_target["target_p95"], own_target["passed"], own_target["note"]) == (
        60_000, True, "100k orders")
    assert no_target["passed"] is None
    assert (zero_errors["target_p95"], zero_errors["passed"]) == (None, True)


def test_the_markdown_table_has_one_exact_line_per_benchmark():
    rows = [summarize(Result("storefront home, anonymous", "storefront", "1k",
                             [10.0, 20.0, 30.0, 200.0], bare_sql_ms=[5.0, 5.0],
                             extra={"note": "page cache warm"})),
            summarize(Result("catalog import", "batch", "10k", [12_345.0, 12_345.0]))]

    lines = markdown_table(rows).splitlines()

    assert lines[0].startswith("| benchmark | scale | n | median | p95 |")
    assert lines[2] == ("| storefront home, anonymous (page cache warm) | 1k | 4 | 25.0 ms "
                        "| 200.0 ms | 0 | 5.0 ms | 5.00× | p95 < 150.0 ms | **FAIL** |")
    assert lines[3] == ("| catalog import | 10k | 2 | 12,345 ms | 12,345 ms | 0 | — | — | — "
                        "| — |")
    assert len(lines) == 4


def test_the_readme_changes_only_between_the_bench_markers():
    before = f"# Title\n\nIntro ü\n\n{START}\nold table\n{END}\n\n## After\ntext  \n"

    after = update_readme(before, "| new | table |\n")

    assert after == f"# Title\n\nIntro ü\n\n{START}\n| new | table |\n{END}\n\n## After\ntext  \n"
    assert update_readme(after, "| new | table |\n") == after


def test_a_readme_without_markers_gets_a_benchmarks_section_at_the_end():
    after = update_readme("# Title\n\nBody.\n", "table")

    assert after == f"# Title\n\nBody.\n\n## Benchmarks\n\n{START}\ntable\n{END}\n"


@pytest.fixture
def results():
    return [Result("graphql products(first:100)", "graphql", "1k", [80.0, 90.0, 260.0],
                   bare_sql_ms=[30.0]),
            Result("storefront search, logged in", "storefront", "1k", [40.0, 50.0]),
            Result("checkout complete", "checkout", "1k", [200.0, 210.0])]


def test_write_all_writes_json_markdown_charts_and_the_readme(tmp_path, results):
    readme = tmp_path / "README.md"
    readme.write_text(f"# CoopStore\n\n{START}\n{END}\nafter\n", encoding="utf-8")
    doc = document(results, meta={"scales": ["1k"], "repeat": 3,
                                  "finished_at": "2026-12-01T15:00:00+00:00"})

    written = write_all(doc, tmp_path / "results", stamp="20261201T150000Z", readme=readme)

    names = sorted(p.name for p in written)
    assert names == ["20261201T150000Z.json", "README.md", "latest.json", "latest.md",
                     "p95.png", "ratio.png"]
    latest = json.loads((tmp_path / "results" / "latest.json").read_text(encoding="utf-8"))
    products = latest["benchmarks"][0]
    assert (products["median"], products["p95"], products["ratio"], products["passed"]) == (
        90.0, 260.0, 3.0, False)
    assert latest["samples"][1]["samples_ms"] == [40.0, 50.0]
    for chart in ("p95.png", "ratio.png"):
        assert (tmp_path / "results" / chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(f"# CoopStore\n\n{START}\nRun 2026-12-01T15:00:00+00:00")
    assert text.endswith(f"| checkout complete | 1k | 2 | 205.0 ms | 210.0 ms | 0 | — | — "
                         f"| p95 < 300.0 ms | pass |\n{END}\nafter\n")
    assert "Targets missed: graphql products(first:100) [1k]." in text


def test_results_survive_the_json_round_trip(results):
    again = [Result.from_dict(json.loads(json.dumps(r.to_dict()))) for r in results]

    assert again == results


def test_a_partial_run_replaces_only_its_suites_results(tmp_path, monkeypatch):
    import bench.run as runner

    old = [Result("storefront home, logged in", "storefront", "1k", [1.0],
                  extra={"suite": "storefront"}),
           Result("graphql product(slug)", "graphql", "1k", [2.0],
                  extra={"suite": "graphql_reads"}),
           Result("storefront home, logged in", "storefront", "10k", [3.0],
                  extra={"suite": "storefront"})]
    (tmp_path / "latest.json").write_text(json.dumps(document(old, meta={})), encoding="utf-8")
    monkeypatch.setattr(runner, "RESULTS_DIR", tmp_path)
    new = [Result("storefront home, logged in", "storefront", "1k", [9.0],
                  extra={"suite": "storefront"})]

    merged = runner.merged_with_previous(new, suites=["storefront"], scales=["1k"])

    # in the order the suites run (reads first: storefront, then graphql_reads)
    assert [(r.name, r.scale, r.samples_ms) for r in merged] == [
        ("storefront home, logged in", "1k", [9.0]),
        ("graphql product(slug)", "1k", [2.0]),
        ("storefront home, logged in", "10k", [3.0])]
