"""A local ``dask.distributed`` cluster for the ``--dask`` tests: a scheduler and named
workers on 127.0.0.1, each a process of its own (``dask scheduler``, ``dask worker --nthreads
1 --no-nanny``: killing a worker's process kills the worker), running this checkout's code."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

DASK = Path(sys.executable).with_name("dask")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Cluster:
    """A scheduler and named workers; their output in ``folder``/<name>.log."""

    def __init__(self, folder: Path) -> None:
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.folder = folder
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        self.scheduler = self.start_scheduler()

    def _start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("ab")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's extract, not another
        return subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder, env=env
        )

    def start_scheduler(self) -> subprocess.Popen[bytes]:
        """Start the scheduler at ``address`` (again, after ``stop``)."""
        port = self.address.rsplit(":", 1)[1]
        command = [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port]
        self.scheduler = self._start("scheduler", [*command, "--no-dashboard"])
        return self.scheduler

    def add_worker(self, name: str) -> None:
        """Start a single-threaded worker called ``name``."""
        command = [str(DASK), "worker", self.address, "--nthreads", "1", "--no-nanny"]
        command += ["--name", name, "--no-dashboard", "--memory-limit", "0"]
        self.workers[name] = self._start(name, command)

    def client(self) -> Any:
        """A client of the scheduler (close it)."""
        from distributed import Client

        return Client(self.address, timeout=30, set_as_default=False)  # type: ignore[no-untyped-call]

    def wait_for_workers(self, count: int) -> None:
        """Wait until ``count`` workers have joined the scheduler."""
        client = self.client()
        try:
            client.wait_for_workers(count, timeout=60)
        finally:
            client.close()

    def stop(self) -> None:
        """Kill the workers and the scheduler."""
        for process in [*self.workers.values(), self.scheduler]:
            process.kill()
            process.wait(timeout=30)
        self.workers.clear()
