"""The README's two commands, exactly as printed: the build command is run in a copy of the
repository with a fresh `.venv` (a real `pip install`, about a minute); the test command is the one
CI runs (the last line of .ci/run), and is not run here, where it would run this suite inside itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS

README = ROOT / "README.md"


def readme_commands() -> list[str]:
    """The shell blocks above the README's first section: the build command, then the test command."""
    top = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```$", top, flags=re.M | re.S)
    assert len(blocks) == 2, f"the README should open with two commands, not {len(blocks)}"
    commands = [block.strip() for block in blocks]
    assert all("\n" not in command for command in commands), "each command is one line to paste"
    return commands


def test_ci_runs_the_readme_test_command_as_printed():
    lines = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert lines[-1] == readme_commands()[1]
    # The Debian package list lives in the script alone, which CI runs first.
    assert lines.index("scripts/install-system-packages") < len(lines) - 1
    assert not [line for line in lines if "apt-get" in line or "npm install" in line]


def test_the_readme_test_command_sets_up_the_system_then_runs_the_tests():
    command = readme_commands()[1]
    script = ROOT / "scripts" / "install-system-packages"
    assert command.startswith("scripts/install-system-packages; ") and os.access(script, os.X_OK)
    assert command.endswith(".venv/bin/pytest -q") and "pip install -e '.[test]'" in command


def _repository_copy(target: Path) -> None:
    """The files a fresh clone has (tracked ones, plus new ones not ignored), nothing built."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
            (target / name).chmod(source.stat().st_mode & 0o777)


def test_the_readme_build_command_builds_the_edition_from_a_fresh_copy(tmp_path):
    checkout = tmp_path / "tei-edition"
    checkout.mkdir()
    _repository_copy(checkout)
    # As a new user's shell: no virtual environment active, nothing of this checkout importable.
    venv_bin = str(Path(sys.prefix) / "bin")
    path = os.pathsep.join(part for part in os.environ.get("PATH", "").split(os.pathsep) if part != venv_bin)
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "SOURCE_DATE_EPOCH")}
    run = subprocess.run(["sh", "-c", readme_commands()[0]], cwd=checkout, env={**env, "PATH": path},
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    site = checkout / "edition"
    assert (site / "index.html").is_file() and (site / "search.html").is_file()
    published = sorted(site.glob("documents/*.xml"))
    assert len(published) == len(SEEDS) > 0
    for suffix in (".html", ".pdf", ".txt"):
        assert all(path.with_suffix(suffix).is_file() for path in published), suffix
    assert f"{len(SEEDS)} published" in run.stdout + run.stderr
    installed = subprocess.run([str(checkout / ".venv" / "bin" / "python"), "-I", "-c", "import tei; print(tei.__file__)"],
                               cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    assert Path(installed.strip()).is_relative_to(checkout), "the copy's own code was installed and run"


# -- every other command of the README, as printed ------------------------------------------------

#: The README's command lines that this test does not run (by how they begin), each with why; every
#: other line of every ```sh block is run as printed, in the README's order.
NOT_RUN = {
    "python3 -m venv .venv && .venv/bin/pip install -e .": "the build command: run in a fresh copy above",
    "scripts/install-system-packages;": "the test command: CI runs it as printed (test_ci_runs_the_readme_test_command_as_printed)",
    "tei-edition serve": "serves until it is stopped: tests/test_serve.py runs it",
    "pip install 'tei-edition[dask]'": "installs from the network",
    "dask scheduler": "a cluster's long-running processes: tests/test_executors.py builds on a Dask cluster",
    "dask worker": "a cluster's long-running processes",
    "tei-edition build exports/ -o public/ --executor dask://HOST:8786": "needs the cluster above",
}


def readme_command_lines() -> list[str]:
    """Every command line of the README's shell blocks (a line ending in a backslash goes on)."""
    text = README.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```$", text, flags=re.M | re.S):
        lines += [line for line in block.replace("\\\n", "").splitlines() if line.strip()]
    return lines


def _inputs_the_readme_names(checkout: Path) -> None:
    """What the README's examples read that a checkout does not have: a folder of exports, a few
    exports by name, another archive's TEI and a Schematron file of one's own."""
    seeds = sorted((checkout / "seeds").glob("*.txt"))
    for folder in ("exports", "new-exports"):
        (checkout / folder).mkdir()
        for seed in seeds[:2]:
            (checkout / folder / seed.name).write_bytes(seed.read_bytes())
    for name, seed in (("a.txt", seeds[0]), ("b.txt", seeds[1]), ("document.txt", seeds[2])):
        (checkout / name).write_bytes(seed.read_bytes())
    golden = sorted((checkout / "tests" / "golden").glob("*.xml"))
    (checkout / "other-archive").mkdir()
    (checkout / "other-archive" / golden[0].name).write_bytes(golden[0].read_bytes())
    (checkout / "doc.xml").write_bytes(golden[1].read_bytes())
    (checkout / "my-rules.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="tei:TEI"><assert test="tei:teiHeader">a header</assert></rule></pattern></schema>',
        encoding="utf-8")


def test_every_readme_command_runs_as_printed(tmp_path):
    """Each command line of the README, run by the shell as printed in a copy of the repository
    (with the inputs its examples name), succeeds, and what the README says it makes is there."""
    lines = readme_command_lines()
    skipped = [line for line in lines if any(line.startswith(start) for start in NOT_RUN)]
    assert len(skipped) == len(NOT_RUN), "a command of NOT_RUN is no longer in the README: take it out"
    checkout = tmp_path / "tei-edition"
    checkout.mkdir()
    _repository_copy(checkout)
    _inputs_the_readme_names(checkout)
    (checkout / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    # tei-edition and pybabel from this environment, importing the copy's code
    env = {key: value for key, value in os.environ.items() if key not in ("SOURCE_DATE_EPOCH", "VIRTUAL_ENV")}
    env.update(PATH=os.pathsep.join([str(Path(sys.prefix) / "bin"), env.get("PATH", "")]), PYTHONPATH=str(checkout))
    ran = []
    for line in lines:
        if line in skipped:
            continue
        run = subprocess.run(["sh", "-c", line], cwd=checkout, env=env, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0 and "Traceback" not in run.stderr, f"{line}\n{(run.stdout + run.stderr)[-2000:]}"
        ran.append(line)
    assert len(ran) >= 25
    seeds = len(list((checkout / "seeds").glob("*.txt")))
    assert len(list((checkout / "edition" / "documents").glob("*.xml"))) == seeds
    assert len(list((checkout / "out" / "tei").glob("*.xml"))) == seeds
    assert (checkout / "public" / "index.html").is_file() and (checkout / "edition" / "sitemap.xml").is_file()
    assert (checkout / "edition.toml").is_file() and (checkout / "review.csv").is_file()
    french = (checkout / "tei" / "core" / "locale" / "fr" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    # the new catalogue has the templates' messages and the reading editions' (xslt/) alike
    assert 'msgid "Search the documents"' in french and 'msgid "Skip to the text"' in french
    assert len(list((checkout / "edition" / "html").glob("*.html"))) == len(list((checkout / "tests" / "golden").glob("*.xml")))
    assert (checkout / "edition-bag" / "bagit.txt").is_file() and (checkout / "cmif.xml").is_file()
    assert (checkout / "report.json").is_file() and (checkout / "candidates.json").is_file()
