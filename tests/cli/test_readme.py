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
