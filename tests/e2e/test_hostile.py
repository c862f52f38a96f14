"""Every hostile input of ``tests/hostile`` ends in a one-line reason or the right result,
each in its own process under 30 s and 1 GiB (the peak measured), without a traceback; and
a batch of all of them with the good samples writes the good samples' records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main
from tests.conftest import ROOT, SAMPLES
from tests.hostile import Fails, Reads, build_all

pytestmark = pytest.mark.slow  # every hostile input in a process of its own; a minute

SECONDS = 30
GIB_KB = 1 << 20
_CHILD = """
import json, resource, sys, time
from pathlib import Path
from extract.pipeline import process_file
from extract.interpret.rulebook import load_rulebook
rulebook = load_rulebook(Path("rules"))
out = []
for name in sys.argv[2:]:
    started = time.perf_counter()
    r = process_file(Path(sys.argv[1]) / name, rulebook)
    out.append({"name": name, "status": str(r.status), "error": r.error,
                "records": len(r.records), "seconds": time.perf_counter() - started,
                "findings": [f.code for f in r.findings]})
print(json.dumps({"files": out, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Fails | Reads]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, build_all(folder)


def test_there_are_sixty_hostile_inputs_or_more(
    hostile: tuple[Path, dict[str, Fails | Reads]],
) -> None:
    assert len(hostile[1]) >= 60


def test_each_hostile_input_ends_in_a_reason_or_the_right_result(
    hostile: tuple[Path, dict[str, Fails | Reads]],
) -> None:
    folder, expected = hostile
    wrong = []
    for name, expectation in sorted(expected.items()):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder), name],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=SECONDS + 30,
        )
        if done.returncode != 0 or done.stderr.strip():
            wrong.append(f"{name}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
            continue
        found = json.loads(done.stdout)
        [result] = found["files"]
        if found["peak_kb"] >= GIB_KB or result["seconds"] >= SECONDS:
            wrong.append(f"{name}: {found['peak_kb']} KB, {result['seconds']:.1f} s")
        if isinstance(expectation, Fails):
            error = result["error"] or ""
            if result["status"] != "failed" or expectation.reason not in error or "\n" in error:
                wrong.append(f"{name}: {result['status']}, {error!r}: expected {expectation}")
        elif (
            result["status"] == "failed"
            or result["records"] < expectation.records
            or (expectation.finding and expectation.finding not in result["findings"])
        ):
            wrong.append(
                f"{name}: {result['status']}, {result['records']} records, {result['error']!r}, "
                f"findings {result['findings']}: expected {expectation}"
            )
    assert wrong == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_of_them_all_with_good_samples_writes_the_good_records(
    hostile: tuple[Path, dict[str, Fails | Reads]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
) -> None:
    folder, expected = hostile
    good = [
        SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
        SAMPLES / "talportal-ishoej-serviceloven-2019-2021.xlsx",
    ]
    inputs = [str(folder / name) for name in sorted(expected)] + [str(p) for p in good]
    out = tmp_path / "out"
    assert main(["extract", *inputs, "--out", str(out), "--jobs", jobs, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert by_name[good[0].name]["records"] == 42
    # the hostile folder holds the same workbook named "workbook-named.pdf": read once, there
    assert by_name["workbook-named.pdf"]["records"] == 36
    talportal = by_name[good[1].name]
    assert talportal["records"] == 0
    assert [f["code"] for f in talportal["findings"]] == ["duplicate_input"]
    failing = {n for n, e in expected.items() if isinstance(e, Fails)}
    assert {n for n, f in by_name.items() if f["status"] == "failed"} == failing
