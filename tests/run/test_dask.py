"""``ankestat extract --dask``: a scheduler and two single-threaded workers on 127.0.0.1 read
the samples and give exactly the records of a local run; a worker killed mid-run loses
nothing and doubles nothing; an unreachable scheduler is one clear line, exit 3."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main
from tests.conftest import SAMPLES
from tests.dask_cluster import Cluster, free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_records(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("local") / "out"
    assert main(["extract", str(SAMPLES), "--out", str(out), "--quiet", "--jobs", "2"]) == 0
    return (out / "records.jsonl").read_text("utf-8").splitlines()


def _files(out: Path) -> list[str]:
    report = json.loads((out / "report.json").read_text("utf-8"))
    return [f["source_file"] for f in report["files"]]


def test_a_dask_run_gives_the_records_of_a_local_run(
    cluster: Cluster, local_records: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["extract", str(SAMPLES), "--out", str(out), "--dask", cluster.address, "--quiet"]
    assert main(args) == 0
    assert (out / "records.jsonl").read_text("utf-8").splitlines() == local_records
    assert len(_files(out)) == len(set(_files(out))) == 12


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    cluster: Cluster, local_records: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extract", "extract", str(SAMPLES), "--out", str(out)]
    run = subprocess.Popen(
        [*command, "--dask", cluster.address, "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    client = cluster.client()
    try:
        killed = None
        deadline = time.monotonic() + 120
        while killed is None and time.monotonic() < deadline:  # a worker with a document
            busy = client.processing()  # type: ignore[attr-defined]
            names = {
                address: info["name"]
                for address, info in client.scheduler_info()["workers"].items()  # type: ignore[attr-defined]
            }
            for address, keys in busy.items():
                if keys and names.get(address) == "w2":
                    os.kill(cluster.workers["w2"].pid, signal.SIGKILL)
                    killed = keys
            time.sleep(0.2)
        assert killed, "no task ever ran on w2"
    finally:
        client.close()  # type: ignore[attr-defined]
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 0, stderr.decode()[-2000:]
    assert (out / "records.jsonl").read_text("utf-8").splitlines() == local_records
    assert len(_files(out)) == len(set(_files(out))) == 12


def test_an_unreachable_scheduler_is_one_line_and_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("extract.run.dask_executor.CONNECT_SECONDS", 2)
    address = f"tcp://127.0.0.1:{free_port()}"
    one = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
    args = ["extract", str(one), "--out", str(tmp_path / "out"), "--dask", address, "--quiet"]
    assert main(args) == 3
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"ankestat: cannot run: --dask {address}: cannot reach the scheduler")


def test_a_worker_spools_only_into_the_folder_the_client_marked(tmp_path: Path) -> None:
    """Records are spooled by the worker only where the client's token is found (a shared
    folder); elsewhere they are held in the result and sent back."""
    from extract.interpret.rulebook import load_rulebook
    from extract.readers import ReadOptions
    from extract.run.dask_executor import SHARED_MARK, read_on_worker

    rulebook = load_rulebook(Path(__file__).parents[2] / "rules")
    talportal = str(SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv")
    (tmp_path / SHARED_MARK).write_text("a1b2", encoding="ascii")
    shared = read_on_worker(talportal, rulebook, ReadOptions(), str(tmp_path), "a1b2")
    assert shared.spool is not None and shared.records == () and shared.record_count == 36
    assert Path(shared.spool.path).parent == tmp_path
    elsewhere = read_on_worker(talportal, rulebook, ReadOptions(), str(tmp_path), "other")
    assert elsewhere.spool is None and len(elsewhere.records) == 36
    missing = read_on_worker(talportal, rulebook, ReadOptions(), str(tmp_path / "no"), "a1b2")
    assert missing.spool is None and len(missing.records) == 36
