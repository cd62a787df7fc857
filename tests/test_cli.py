"""The command line as a user meets it: run as a subprocess, exact error lines, exit codes, never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO / "src")}

ENGLISH = ("Delegations from the two governments met in Geneva on Monday to resume talks on a prisoner "
           "exchange, the Swiss foreign ministry said in a statement. Both sides agreed to meet again next "
           "month, officials said.\n")
FRENCH = ("Les délégations des deux gouvernements se sont réunies lundi à Genève pour reprendre les "
          "négociations sur un échange de prisonniers, a indiqué le ministère suisse des affaires étrangères "
          "dans un communiqué.\n")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], input=stdin, capture_output=True,
                          env=ENV, cwd=cwd, timeout=120, check=False)


def assert_error(proc: subprocess.CompletedProcess, line: str, code: int = 2) -> None:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert proc.returncode == code, err
    assert err.splitlines() == [line]


@pytest.fixture
def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "french.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "broken.html").write_text("<html><head><title>x</title></head><body><div><p", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", ["analyze", "code"])
@pytest.mark.parametrize("name, message", [
    ("empty.txt", "empty article: {p}"),
    ("junk.txt", "not text (binary data): {p}"),
    ("broken.html", "malformed HTML (no article text found): {p}"),
])
def test_unreadable_file(bad_inputs, command, name, message):
    path = bad_inputs / name
    assert_error(run(command, str(path)), "eventcoder: error: " + message.format(p=path))


@pytest.mark.parametrize("command", ["analyze", "code"])
def test_missing_file(command):
    assert_error(run(command, "no/such/article.txt"), "eventcoder: error: no such file or directory: "
                                                      "no/such/article.txt")


@pytest.mark.parametrize("command", ["analyze", "code"])
def test_directory_without_articles(tmp_path, command):
    (tmp_path / "notes.md").write_text("nothing", encoding="utf-8")
    assert_error(run(command, str(tmp_path)),
                 f"eventcoder: error: no articles (.txt, .html, .htm, .jsonl, .parquet) in directory: {tmp_path}")


def test_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    assert_error(run("analyze", str(path)), f"eventcoder: error: article too large (50.0 MB, limit 20 MB): {path}")


def test_non_english(bad_inputs):
    path = bad_inputs / "french.txt"
    assert_error(run("analyze", str(path)), f"eventcoder: error: not English text: {path}")


def test_bad_published():
    assert_error(run("analyze", "-", "--published", "2021-02-31", stdin=ENGLISH.encode()),
                 "eventcoder: error: not a valid date (YYYY-MM-DD): 2021-02-31")


def test_analyze_stdin_json():
    proc = run("analyze", "-", "--published", "2023-03-14", stdin=ENGLISH.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert doc["doc"]["published"] == "2023-03-14" and doc["doc"]["language"] == "en"
    assert doc["sentences"][0]["text"].startswith("Delegations from the two governments")


def test_analyze_jsonl_reports_bad_record_and_prints_the_rest(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ENGLISH}) + "\n{oops\n", encoding="utf-8")
    proc = run("analyze", str(path), "--format", "jsonl")
    assert proc.returncode == 2
    assert [json.loads(line)["doc"]["id"] for line in proc.stdout.decode().splitlines()] == ["a"]
    assert proc.stderr.decode().splitlines() == [f"eventcoder: error: not a JSON record: {path}:2"]


def test_code_corpus_with_failures(tmp_path, bad_inputs):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([json.dumps({"id": "good-1", "text": ENGLISH}), "this is not json",
                                 json.dumps({"id": "good-2", "text": ENGLISH.replace("Geneva", "Oslo")}),
                                 json.dumps({"id": "fr", "text": FRENCH})]) + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    proc = run("code", str(corpus), "--out", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 0 and "Traceback" not in err
    assert err.splitlines()[:2] == [f"eventcoder: failed: not a JSON record: {corpus}:2",
                                    f"eventcoder: failed: fr: not English text: {corpus}:4"]
    assert re.match(rf"eventcoder: coded 2 articles, 2 failed, \d+ events -> {re.escape(str(out))} in ",
                    err.splitlines()[2])
    assert out.exists()
    strict = run("code", str(corpus), "--out", str(out), "--strict")
    assert strict.returncode == 1


def test_code_formats(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        proc = run("code", str(tmp_path / "a.txt"), "--out", str(out), "--workers", "2")
        assert proc.returncode == 0, proc.stderr.decode()
        assert out.exists()
    proc = run("code", str(tmp_path / "a.txt"), "--format", "parquet")
    assert proc.returncode == 2 and "--format parquet needs --out FILE" in proc.stderr.decode()


@pytest.mark.parametrize("args, line", [
    (["code", "x.txt", "--workers", "0"],
     ("eventcoder: error: Invalid value for '--workers': 0 is not in the range x>=1. "
      "(see 'python -m eventcoder code --help')")),
    (["analyze"], "eventcoder: error: Missing argument 'PATHS...'. (see 'python -m eventcoder analyze --help')"),
    (["frobnicate"], "eventcoder: error: No such command 'frobnicate'. (see 'python -m eventcoder --help')"),
])
def test_bad_option_is_one_line(args, line):
    assert_error(run(*args), line)


def test_code_to_an_unwritable_out(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "no" / "such" / "events.jsonl"
    assert_error(run("code", str(tmp_path / "a.txt"), "--out", str(out), "--workers", "1"),
                 f"eventcoder: error: cannot write {out}: No such file or directory")


def test_code_with_a_malformed_scheduler_address(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    assert_error(run("code", str(tmp_path / "a.txt"), "--engine", "dask", "--scheduler", "nohost"),
                 "eventcoder: error: cannot reach Dask scheduler nohost (missing port number in address 'nohost')")
