"""The build's progress events and display, and documents made by another executor: a thread pool,
and a Dask distributed cluster whose site must be the very bytes of a local build's."""

from __future__ import annotations

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from tei.site import build as build_module
from tei.site.build import STAGES, Progress, ProgressBar, build
from tei.cli import cli

FAST = ("html", "txt")


def site_files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_build_reports_its_stages_in_order_and_every_document(tmp_path):
    events: list[Progress] = []
    report = build([ROOT / "seeds"], tmp_path / "edition", jobs=2, formats=FAST, progress=events.append)
    stages = [e.stage for i, e in enumerate(events) if i == 0 or events[i - 1].stage != e.stage]
    assert stages == list(STAGES)
    reading = [e for e in events if e.stage == "reading sources"]
    assert [e.done for e in reading] == list(range(len(SEEDS) + 1)) and {e.total for e in reading} == {len(SEEDS)}
    made = [e for e in events if e.stage == "converting and rendering" and e.document is not None]
    assert [e.done for e in made] == list(range(1, len(SEEDS) + 1))
    assert sorted(e.document.source for e in made) == sorted(d.source for d in report.documents)

    events.clear()  # nothing changed: no document to make, the stages still in order
    again = build([ROOT / "seeds"], tmp_path / "edition", jobs=2, formats=FAST, progress=events.append)
    assert again.reused == len(SEEDS)
    assert [e for e in events if e.document is not None] == []
    assert [e.stage for e in events if e.stage != "reading sources"] == list(STAGES[1:])


def test_the_bar_shows_each_stage_and_documents_per_second():
    terminal = io.StringIO()
    bar = ProgressBar(file=terminal, every=0)
    bar(Progress("reading sources", 0, 2))
    bar(Progress("reading sources", 2, 2))
    bar(Progress("converting and rendering", 0, 2))
    bar(Progress("converting and rendering", 1, 2))
    bar(Progress("writing site"))
    bar(Progress("indexing"))
    bar.close()
    drawn = terminal.getvalue()
    positions = [drawn.index(stage) for stage in STAGES]
    assert positions == sorted(positions)
    assert "1/2" in drawn and "documents/s" in drawn


def test_off_a_terminal_the_build_prints_one_summary_line(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "edition"), "--formats",
                                      "html,txt", "-j", "2", "--base-url", "https://edition.example.org/"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Documents the schemas reject are each named on a line of their own; besides them, one line.
    summary = [line for line in lines if ": invalid: " not in line]
    assert len(summary) == 1
    assert summary[0].startswith(f"{len(SEEDS)} published") and "documents/s" in summary[0]
    assert "\r" not in result.output


def test_a_document_past_the_time_limit_on_an_executor_fails_alone(tmp_path, monkeypatch):
    """An executor's task cannot be killed: the build reports it and goes on without waiting (the
    limit leaves the other documents, whose threads compile the stylesheets first, room on a busy
    machine)."""
    released = threading.Event()
    make = build_module.make_document
    stalled = SEEDS[2].name

    def stall_one(source, *args, **kwargs):
        if source.endswith(stalled):
            released.wait(60)
        return make(source, *args, **kwargs)

    monkeypatch.setattr(build_module, "make_document", stall_one)
    try:
        with ThreadPoolExecutor(2) as executor:
            report = build([ROOT / "seeds"], tmp_path / "edition", formats=FAST, executor=executor, time_limit=20)
            released.set()
    finally:
        released.set()
    failed = {d.source.rsplit("/", 1)[-1]: d.failed for d in report.failed}
    assert list(failed) == [stalled]
    assert "longer than 20 s" in failed[stalled] and "cannot be stopped" in failed[stalled]
    assert len(list((tmp_path / "edition" / "documents").glob("*.html"))) == len(SEEDS) - 1
    # Nothing of the stalled document was cached: the next build makes it.
    again = build([ROOT / "seeds"], tmp_path / "edition", formats=FAST, jobs=1, time_limit=None)
    assert (again.rebuilt, again.failed) == (1, [])


def test_a_thread_pool_in_a_fresh_process_renders_every_document(tmp_path):
    """The stylesheets are compiled in the calling thread and shared by the pool's threads: one
    compiled in a pool thread once made libxslt report "xsl:element: The attribute 'name' is
    missing" for some documents."""
    import subprocess
    import sys

    script = ("import sys\nfrom concurrent.futures import ThreadPoolExecutor\nfrom tei.site.build import build\n"
              "with ThreadPoolExecutor(2) as pool:\n"
              "    report = build([sys.argv[1]], sys.argv[2], formats=('html', 'txt'), executor=pool, time_limit=None)\n"
              "print([d.failed for d in report.failed])\n")
    done = subprocess.run([sys.executable, "-c", script, str(ROOT / "seeds"), str(tmp_path / "edition")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert len(list((tmp_path / "edition" / "documents").glob("*.html"))) == len(SEEDS)


def test_an_executor_running_other_code_is_refused(tmp_path, monkeypatch):
    from tei.core.errors import OutputError

    class OtherCode(ThreadPoolExecutor):
        def submit(self, function, *args, **kwargs):
            if function is build_module.build_salt:
                return super().submit(lambda *a: "another version")
            return super().submit(function, *args, **kwargs)

    with OtherCode(1) as executor, pytest.raises(OutputError, match="another version of tei-edition"):
        build([ROOT / "seeds"], tmp_path / "edition", formats=FAST, executor=executor)
    assert list(tmp_path.iterdir()) == []  # refused before anything was written, the cache included


def test_an_executor_address_other_than_dask_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "edition"),
                                      "--executor", "spark://host:7077"])
    assert result.exit_code != 0
    assert "dask://HOST:PORT" in result.output and list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def dask_cluster():
    try:
        from distributed import LocalCluster
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.fail("the Dask tests need dask[distributed]: pip install -e '.[test]'", pytrace=False)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster
    finally:
        cluster.close()


def test_a_dask_cluster_builds_the_same_site_byte_for_byte(tmp_path, monkeypatch, dask_cluster):
    """Its workers share no disk with the build (they get each source's bytes and send back files)
    and are separate processes with their own hash seeds; nothing in the site may vary."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    formats = ("html", "pdf", "txt")
    local = build([ROOT / "seeds"], tmp_path / "local" / "edition", jobs=2, formats=formats)
    address = dask_cluster.scheduler_address.replace("tcp://", "dask://")
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "dask" / "edition"),
                                      "--formats", ",".join(formats), "--executor", address])
    assert result.exit_code == 0, result.output
    assert f"{len(SEEDS)} rebuilt" in result.output
    assert local.rebuilt == len(SEEDS) and not local.failed
    here, there = site_files(tmp_path / "local" / "edition"), site_files(tmp_path / "dask" / "edition")
    assert sorted(here) == sorted(there)
    assert any(name.endswith(".pdf") for name in here)
    assert [name for name in here if here[name] != there[name]] == []
    # The documents' cache, written by this process from what the workers sent back, is the same too.
    assert _same_except_timings(tmp_path)


def _same_except_timings(tmp_path) -> bool:
    """build.json records seconds per stage, which differ from run to run, the site's manifest the inode
    and mtime of each site file, which differ from folder to folder, and so do the source list
    (each source's file state, each document's seconds), the code's keys (each file's state), a
    kept corpus's index and the listings' fragments (the mtime of the file they index); all else
    is the same."""
    import json
    import pickle

    here, there = site_files(tmp_path / "local" / ".edition.cache"), site_files(tmp_path / "dask" / ".edition.cache")
    if sorted(here) != sorted(there):
        return False
    for name in here:
        if name.endswith("build.json"):
            one, two = json.loads(here[name]), json.loads(there[name])
            one.pop("seconds"), two.pop("seconds")
            if one != two:
                return False
        elif name.endswith("site-manifest.pickle"):
            (key, files), (other_key, other_files) = (data.split(b"\n", 1) for data in (here[name], there[name]))
            if key != other_key or sorted(pickle.loads(files)) != sorted(pickle.loads(other_files)):
                return False
        elif name.endswith("sources.pickle"):
            one, two = pickle.loads(here[name]), pickle.loads(there[name])
            if ({path: state[-1] for path, state in one["states"].items()}
                    != {path: state[-1] for path, state in two["states"].items()}
                    or {key: (b.id, b.record, b.files) for key, b in one["builds"].items()}
                    != {key: (b.id, b.record, b.files) for key, b in two["builds"].items()}):
                return False
        elif name.endswith("code.pickle"):
            one, two = pickle.loads(here[name]), pickle.loads(there[name])
            if (one["asked"], one["salt"], one["code"]) != (two["asked"], two["salt"], two["code"]):
                return False
        elif name.endswith("parts.pickle"):
            one, two = pickle.loads(here[name]), pickle.loads(there[name])
            if (one["size"], one["parts"]) != (two["size"], two["parts"]):
                return False
        elif name.endswith("site-fragments.pickle"):
            one, two = pickle.loads(here[name]), pickle.loads(there[name])
            if ({**one, "catalogue": one["catalogue"][:2]} != {**two, "catalogue": two["catalogue"][:2]}):
                return False
        elif name.endswith(".pickle"):
            if pickle.loads(here[name]) != pickle.loads(there[name]):
                return False
        elif here[name] != there[name]:
            return False
    return True
