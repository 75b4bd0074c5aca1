"""The `ecsh serve` under test: one server per SDK, each on its own copy of the sandbox world."""

import os
import re
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SANDBOX_WORLD = REPO / "share" / "ecsh" / "sandbox.json"
READY_LINE = re.compile(r"^listening on http://127\.0\.0\.1:(\d+)$")
READY_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def ecsh_binary() -> Path:
    """`$ECSH` if set (run.sh sets it to the binary it just built), else the debug build."""
    path = Path(os.environ.get("ECSH", REPO / ".build" / "debug" / "ecsh"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"no ecsh binary at {path}: run `swift build` first (share/interop/run.sh does)")
    return path


class EcshServer:
    """`ecsh serve --port 0 --world WORLD --log LOG`, started and stopped as a subprocess."""

    def __init__(self, workdir: Path):
        self.world = workdir / "world.json"
        self.log = workdir / "mutations.jsonl"
        self.stderr_path = workdir / "stderr.txt"
        shutil.copyfile(SANDBOX_WORLD, self.world)
        self._stderr = open(self.stderr_path, "wb")
        self.process = subprocess.Popen(
            [str(ecsh_binary()), "serve", "--port", "0", "--world", str(self.world), "--log", str(self.log)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        try:
            self.port = self._read_port()
        except BaseException:
            self.process.kill()
            self.process.wait()
            self._stderr.close()
            raise
        self.endpoint = f"127.0.0.1:{self.port}"

    def _read_port(self) -> int:
        """The port from the first stdout line, which the server prints once it listens."""
        deadline = time.monotonic() + READY_TIMEOUT
        received = b""
        fd = self.process.stdout.fileno()
        while b"\n" not in received:
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(
                    f"ecsh serve printed no 'listening on' line within {READY_TIMEOUT:.0f} s "
                    f"(stdout so far {received!r}); stderr: {self.stderr()}"
                )
            readable, _, _ = select.select([fd], [], [], left)
            if not readable:
                continue
            chunk = os.read(fd, 4096)
            if not chunk:
                pytest.fail(
                    f"ecsh serve exited ({self.process.wait()}) before listening "
                    f"(stdout {received!r}); stderr: {self.stderr()}"
                )
            received += chunk
        first_line = received.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
        match = READY_LINE.match(first_line)
        if not match:
            pytest.fail(f"ecsh serve's first line is {first_line!r}, not 'listening on http://127.0.0.1:PORT'")
        return int(match.group(1))

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace").strip() or "(empty)"

    def stop(self) -> int:
        """SIGTERM, then the exit status; kills the server if it does not stop in time."""
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"ecsh serve did not stop within {STOP_TIMEOUT:.0f} s of SIGTERM")
        self.process.stdout.close()
        self._stderr.close()
        return status


def pytest_collection_modifyitems(items):
    """Moves tests marked `last_in_class` behind the other tests of their class (pytest collects a class's
    inherited tests before its own), keeping every other order as collected."""
    classes = {}
    for item in items:
        classes.setdefault(item.cls, len(classes))
    items.sort(key=lambda item: (classes[item.cls], item.get_closest_marker("last_in_class") is not None))


@pytest.fixture(scope="class")
def server(tmp_path_factory, request):
    """A fresh `ecsh serve` for one test class: ReInitDisk's state changes stay in that class."""
    server = EcshServer(tmp_path_factory.mktemp(request.cls.__name__))
    yield server
    status = server.stop()
    assert status == 0, f"ecsh serve exited with {status} on SIGTERM; stderr: {server.stderr()}"
