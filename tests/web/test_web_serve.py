"""`eventcoder serve`: refuses a missing store with one line, and serves the pages when started for real."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from eventcoder.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"


def test_serve_refuses_a_missing_store(tmp_path):
    path = tmp_path / "none.duckdb"
    result = CliRunner().invoke(main, ["serve", "--db", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"eventcoder: error: no such store: {path}")
    assert not path.exists()


def test_serve_serves_the_store(db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    server = subprocess.Popen([sys.executable, "-m", "eventcoder", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/articles/ties", timeout=2)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {server.stderr.read().decode()}") from None
                time.sleep(0.1)
        assert page.status_code == 200 and "Tehran and Hamas pledge closer ties" in page.text
    finally:
        server.terminate()
        server.wait(timeout=10)
