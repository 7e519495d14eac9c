"""The system packages: the one list in scripts/install-system-packages (installed as root, named
otherwise), the README's list of them, and what a test does when one is missing (it fails naming
the package, the other tests still run; TEI_EDITION_ALLOW_MISSING skips instead). The machine has
the packages, so their absence is faked: commands on PATH, a WeasyPrint that cannot load Pango."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from tei.core.errors import RenderError
from tei.render.pdf import PDF_SYSTEM_PACKAGES, load_weasyprint

SCRIPT = ROOT / "scripts" / "install-system-packages"


def packages() -> list[str]:
    return subprocess.run([str(SCRIPT), "--list"], check=True, capture_output=True, text=True).stdout.split()


def fake_commands(folder: Path, **scripts: str) -> dict[str, str]:
    """An environment whose PATH finds these shell scripts (name -> body) before the real commands."""
    folder.mkdir(exist_ok=True)
    for name, body in scripts.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n")
        (folder / name).chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


NOTHING_INSTALLED = "exit 1"
ALL_INSTALLED = "printf 'install ok installed'"
VNU_INSTALLED = 'if [ "$1 $2" = "root -g" ]; then echo "$VNU_ROOT"; fi'


def test_the_list_holds_what_the_tests_and_the_pdfs_need():
    listed = packages()
    for package in ["python3-venv", *PDF_SYSTEM_PACKAGES.split(), "chromium", "poppler-utils",
                    "default-jre-headless", "npm", "jing", "fonts-noto-cjk"]:
        assert package in listed


def test_the_readme_requirements_name_every_package():
    requirements = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Requirements", 1)[1]
    requirements = requirements.split("\n## ", 1)[0]
    assert [package for package in packages() if f"`{package}`" not in requirements] == []
    assert "`vnu-jar`" in requirements


def test_not_as_root_it_prints_what_to_install_and_installs_nothing(tmp_path):
    env = fake_commands(tmp_path / "bin", id="echo 1000", **{"dpkg-query": NOTHING_INSTALLED},
                        npm="exit 1", **{"apt-get": f"touch {tmp_path}/apt-get-ran"})
    run = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True)
    assert run.returncode == 1 and run.stdout == ""
    # npm and python3-venv count as there when their programs are (Node.js or Python from elsewhere)
    wanted = [name for name in packages() if name not in ("npm", "python3-venv")]
    assert f"apt-get install --no-install-recommends {' '.join(wanted)}\n" in run.stderr
    assert "npm install --global vnu-jar" in run.stderr
    assert not (tmp_path / "apt-get-ran").exists()


def test_not_as_root_it_names_only_what_is_missing(tmp_path):
    env = fake_commands(tmp_path / "bin", id="echo 1000", npm=VNU_INSTALLED,
                        **{"dpkg-query": 'case "$3" in chromium) exit 1 ;; *) printf "install ok installed" ;; esac'})
    (tmp_path / "vnu" / "vnu-jar" / "build" / "dist").mkdir(parents=True)
    (tmp_path / "vnu" / "vnu-jar" / "build" / "dist" / "vnu.jar").touch()
    run = subprocess.run([str(SCRIPT)], env={**env, "VNU_ROOT": str(tmp_path / "vnu")}, capture_output=True, text=True)
    assert run.returncode == 1
    assert "apt-get install --no-install-recommends chromium\n" in run.stderr and "npm install" not in run.stderr


def test_off_debian_it_names_the_packages_to_find(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "id", "printf", "cat"):  # a PATH without dpkg-query (nor npm)
        real = subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
        if real.startswith("/"):
            (bin_dir / tool).symlink_to(real)
    run = subprocess.run([str(SCRIPT)], env={**os.environ, "PATH": str(bin_dir)}, capture_output=True, text=True)
    assert run.returncode == 1 and "not a Debian system" in run.stderr
    assert " ".join(packages()) in run.stderr and "vnu-jar" in run.stderr


def test_with_everything_installed_it_says_nothing_and_succeeds(tmp_path):
    env = fake_commands(tmp_path / "bin", id="echo 1000", npm=VNU_INSTALLED, **{"dpkg-query": ALL_INSTALLED})
    (tmp_path / "vnu" / "vnu-jar" / "build" / "dist").mkdir(parents=True)
    (tmp_path / "vnu" / "vnu-jar" / "build" / "dist" / "vnu.jar").touch()
    run = subprocess.run([str(SCRIPT)], env={**env, "VNU_ROOT": str(tmp_path / "vnu")}, capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_as_root_it_installs_what_is_missing(tmp_path):
    log = tmp_path / "log"
    env = fake_commands(tmp_path / "bin", id="echo 0", npm=f'echo "npm $*" >> {log}',
                        **{"dpkg-query": 'case "$3" in jing|npm) exit 1 ;; *) printf "install ok installed" ;; esac',
                           "apt-get": f'echo "apt-get $*" >> {log}'})
    run = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = log.read_text().splitlines()
    assert "apt-get update -qq" in lines
    # an npm program on PATH stands for Debian's npm, which would conflict with it
    assert "apt-get install -y -qq --no-install-recommends jing" in lines
    assert any(line.startswith("npm install --global") and line.endswith("vnu-jar") for line in lines)


def test_a_weasyprint_without_pango_fails_the_pdf_in_one_line(tmp_path, monkeypatch, capsys):
    fake = tmp_path / "weasyprint"
    fake.mkdir()
    (fake / "__init__.py").write_text("print('WeasyPrint could not import some external libraries')\n"
                                      "raise OSError(\"cannot load library 'libpango-1.0-0': not found\")\n")
    for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RenderError) as caught:
        load_weasyprint()
    message = str(caught.value)
    assert "\n" not in message and "libpango-1.0-0 libpangoft2-1.0-0" in message and "--formats html,txt" in message
    assert "cannot load library" in message and capsys.readouterr().out == ""


@pytest.fixture
def without_pango(tmp_path):
    """An environment whose WeasyPrint cannot load Pango, as on a machine without libpango."""
    fake = tmp_path / "site" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0': not found\")\n")
    env = {key: value for key, value in os.environ.items() if key != "TEI_EDITION_ALLOW_MISSING"}
    return {**env, "PYTHONPATH": f"{tmp_path / 'site'}{os.pathsep}{ROOT}"}


def _run_tests(env: dict[str, str], *tests: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *tests],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_without_pango_the_pdf_tests_fail_naming_it_and_the_others_run(without_pango):
    run = _run_tests(without_pango, "tests/render/test_render_pdf.py::test_letter_paper_is_an_option",
                     "tests/render/test_render.py::test_view_parameter_sets_the_first_view")
    assert run.returncode == 1, run.stdout[-3000:]
    assert "1 passed, 1 error" in run.stdout and "skipped" not in run.stdout  # the fixture fails it
    assert "libpango-1.0-0 libpangoft2-1.0-0" in run.stdout and "TEI_EDITION_ALLOW_MISSING=pango" in run.stdout


def test_without_pango_every_test_that_makes_a_pdf_fails_naming_it(without_pango):
    """Not only tests/test_render_pdf.py: the timing tests of PDFs once raised a TypeError (or
    Pango's OSError) instead of the line that says what to install."""
    run = _run_tests(without_pango, "tests/render/test_linear_time.py::test_the_hostile_column_span_renders_as_a_pdf_of_a_few_columns")
    assert run.returncode == 1 and "1 failed" in run.stdout and "skipped" not in run.stdout, run.stdout[-3000:]
    assert "libpango-1.0-0 libpangoft2-1.0-0" in run.stdout and "TEI_EDITION_ALLOW_MISSING=pango" in run.stdout
    assert "TypeError" not in run.stdout and "Traceback" not in run.stdout


def test_allow_missing_turns_the_failure_into_a_skip(without_pango):
    run = _run_tests({**without_pango, "TEI_EDITION_ALLOW_MISSING": "chromium, pango"},
                     "tests/render/test_render_pdf.py::test_letter_paper_is_an_option")
    assert run.returncode == 0 and "1 skipped" in run.stdout, run.stdout[-3000:]
    assert "allows a missing pango" in run.stdout


def test_without_chromium_the_browser_tests_fail_naming_it(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "TEI_EDITION_ALLOW_MISSING"}
    env.update(CHROMIUM=str(tmp_path / "no-chromium"), PYTHONPATH=str(ROOT))
    run = _run_tests(env, "tests/render/test_render_browser.py::test_view_switch_changes_the_text")
    assert run.returncode == 1 and "1 error" in run.stdout and "skipped" not in run.stdout, run.stdout[-3000:]
    assert "the Debian package chromium" in run.stdout and "scripts/install-system-packages" in run.stdout


def test_without_jing_or_java_their_tests_fail_naming_the_packages(tmp_path):
    """A PATH with neither jing nor java: the jing cross-check and the Nu HTML Checker each fail
    with the Debian package to install, and are never skipped."""
    (tmp_path / "bin").mkdir()
    env = {key: value for key, value in os.environ.items() if key != "TEI_EDITION_ALLOW_MISSING"}
    env.update(PATH=str(tmp_path / "bin"), PYTHONPATH=str(ROOT))
    run = _run_tests(env, "tests/validate/test_validate_tei_all_rewrite.py::test_the_rewrites_are_valid_relax_ng_and_jing_agrees",
                     "tests/render/test_render_browser.py::test_pages_are_valid_html")
    assert run.returncode == 1 and "skipped" not in run.stdout, run.stdout[-3000:]
    assert "2 failed" in run.stdout, run.stdout[-3000:]
    assert "the Debian package jing" in run.stdout and "default-jre-headless" in run.stdout
    assert "scripts/install-system-packages" in run.stdout


def test_a_build_without_pango_fails_the_pdf_alone_and_builds_the_rest(without_pango, tmp_path):
    """Without Pango the PDFs fail, in one line naming the packages and --formats html,txt, with a
    non-zero exit; the HTML and text are built all the same, and the site offers no PDF."""
    command = [sys.executable, "-m", "tei.cli", "build", str(ROOT / "seeds"), "-o", str(tmp_path / "edition"), "-q"]
    run = subprocess.run(command, env=without_pango, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, run.stderr
    assert "libpango-1.0-0 libpangoft2-1.0-0" in errors[0] and "--formats html,txt" in errors[0]
    site = tmp_path / "edition"
    assert (site / "index.html").is_file() and list(site.glob("documents/*.html"))
    assert list(site.glob("documents/*.txt")) and not list(site.rglob("*.pdf"))
    assert ".pdf" not in (site / "index.html").read_text(encoding="utf-8")
    run = subprocess.run(command + ["--formats", "html,txt"], env=without_pango, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "edition" / "index.html").is_file()
