"""The build's time limit per document: a document that runs past it (in Python or stuck in C
code) is stopped, reported as that document's error, and the batch goes on; so is one whose
worker dies. `tei.site.workers` is tested on its own first."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from tei.cli import cli
from tei.site.workers import run_tasks


def square_or_stall(n: int) -> int:
    if n == 3:
        time.sleep(3600)  # a C call that no Python signal handler would interrupt in time
    if n == 4:
        os.kill(os.getpid(), signal.SIGKILL)  # a crash
    if n == 5:
        raise ValueError("five")
    return n * n


def test_a_task_past_the_limit_is_stopped_and_the_others_finish():
    started = time.monotonic()
    outcomes = {o.task[0]: o for o in run_tasks(square_or_stall, [(n,) for n in range(8)], workers=2, time_limit=2)}
    assert time.monotonic() - started < 30
    assert {n: o.value for n, o in outcomes.items() if n not in (3, 4, 5)} == {0: 0, 1: 1, 2: 4, 6: 36, 7: 49}
    assert outcomes[3].timed_out and outcomes[3].value is None
    assert outcomes[4].exit_code == -signal.SIGKILL and not outcomes[4].timed_out
    assert isinstance(outcomes[5].error, ValueError) and str(outcomes[5].error) == "five"


def test_no_worker_outlives_the_tasks():
    outcomes = run_tasks(square_or_stall, [(1,), (3,), (2,)], workers=2, time_limit=None)
    first = next(outcomes)
    assert first.value in (1, 4)
    import multiprocessing
    assert multiprocessing.active_children()
    outcomes.close()  # the one stuck on 3 is killed, the other stopped
    assert not multiprocessing.active_children()


# -- the build ------------------------------------------------------------------------------------

STALLING_RECORD = "wilson-119377"  # SEEDS[4]


def stall_one_render(monkeypatch, how: str) -> None:
    """Rendering SEEDS[4] stalls (or kills its process): in the workers, which are forked."""
    import tei.render.renderer

    real = tei.render.renderer.render

    def render(path, to, **kwargs):
        if kwargs.get("params", {}).get("source-name", "").startswith(STALLING_RECORD):
            if how == "stall":
                time.sleep(3600)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, to, **kwargs)

    monkeypatch.setattr(tei.render.renderer, "render", render)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_past_the_time_limit_fails_alone_and_the_build_goes_on(tmp_path, monkeypatch, jobs):
    """The limit leaves the other documents room on a loaded machine (a new worker compiles the
    stylesheets and schemas first)."""
    stall_one_render(monkeypatch, "stall")
    src = tmp_path / "src"
    src.mkdir()
    for seed in SEEDS[2:]:
        shutil.copy(seed, src / seed.name)
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "site"), "--formats", "html,txt",
                                      "-j", jobs, "-q", "--time-limit", "20"])
    assert time.monotonic() - started < 200
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [f"{src / SEEDS[4].name}: error: took longer than 20 s, the time limit per document "
                      "(--time-limit): stopped, not published"], result.output
    assert "2 published (0 not valid), 1 failed" in result.output
    documents = tmp_path / "site" / "documents"
    assert len(list(documents.glob("*.html"))) == 2 and not (documents / f"{STALLING_RECORD}.html").exists()
    cache = tmp_path / ".site.cache"
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # no staging folder of the killed worker


def test_a_document_whose_worker_dies_fails_alone(tmp_path, monkeypatch):
    stall_one_render(monkeypatch, "kill")
    src = tmp_path / "src"
    src.mkdir()
    for seed in (SEEDS[3], SEEDS[4]):
        shutil.copy(seed, src / seed.name)
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "site"), "--formats", "html",
                                      "-j", "1", "-q"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{src / SEEDS[4].name}: error: its worker process was killed (SIGKILL): not published" in result.output
    assert "1 published" in result.output


def test_no_time_limit_with_one_job_runs_in_this_process(tmp_path, monkeypatch):
    """--time-limit 0 and -j 1: the documents are built here (no worker to stop), as a debugger wants."""
    import tei.site.build

    pids = []
    real = tei.site.build.build_document
    monkeypatch.setattr(tei.site.build, "build_document", lambda *a: (pids.append(os.getpid()), real(*a))[1])
    result = CliRunner().invoke(cli, ["build", str(SEEDS[4]), "-o", str(tmp_path / "site"), "--formats", "html",
                                      "-j", "1", "-q", "--time-limit", "0"])
    assert result.exit_code == 0, result.output
    assert pids == [os.getpid()]


def test_the_time_limit_is_documented_and_checked():
    result = CliRunner().invoke(cli, ["build", "--help"])
    assert "--time-limit SECONDS" in result.output and "300" in result.output
    assert CliRunner().invoke(cli, ["build", "--time-limit", "-1"]).exit_code == 2
