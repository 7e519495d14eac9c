"""Rendering and validating stay linear in the size of the TEI: each test times a stage at n and 4n
(each of these was once quadratic or worse on untrusted input)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tei.render.renderer import render

HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Scaling</title>'
          '</titleStmt><publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc>'
          '</fileDesc></teiHeader><text><body>')
FOOTER = '</body></text></TEI>'


def _seconds(function, *args) -> float:
    best = float("inf")
    for _ in range(2):  # the faster of two runs: one slow run on a loaded machine is noise
        started = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - started)
    return best


def assert_linear(stage, make_body, n: int, folder: Path) -> None:
    """Four times the input takes well under sixteen times as long (a quadratic stage would)."""
    times = []
    for size in (n, 4 * n):
        path = folder / f"scaling-{size}.xml"
        path.write_text(HEADER + make_body(size) + FOOTER, encoding="utf-8")
        times.append(_seconds(stage, path))
    small, large = times
    assert large < 8 * small + 0.05, f"{n}: {small:.3f} s, {4 * n}: {large:.3f} s"


def as_html(path: Path) -> bytes:
    return render(path, "html")


def as_text(path: Path) -> bytes:
    return render(path, "txt")


@pytest.mark.parametrize("stage", [as_html, as_text], ids=["html", "txt"])
def test_footnote_numbers_are_linear_in_the_number_of_notes(stage, tmp_path):
    # each note counted the footnotes before it: 1,000 notes took 148 s as HTML
    assert_linear(stage, lambda n: "<p>" + "".join(f"word {i}<note>Note {i}.</note> " for i in range(n)) + "</p>",
                  300, tmp_path)


def test_references_to_notes_are_linear_in_their_number(tmp_path):
    # a reference to a note shows the note's number, found once for the whole file
    def body(n: int) -> str:
        notes = "".join(f'word<note xml:id="n{i}">Note.</note><note place="inline" xml:id="r{i}">remark</note> '
                        for i in range(n))
        return "<p>" + notes + "".join(f'<ptr target="#n{i}"/><ptr target="#r{i}"/>' for i in range(n)) + "</p>"
    assert_linear(as_html, body, 200, tmp_path)


@pytest.mark.parametrize("body", [
    lambda n: "<p>" + "".join(f"line {i}<lb/>" for i in range(n)) + "</p>",
    lambda n: "<p>" + "<lb/>" * n + "text</p>",
    lambda n: "<p><lb/>first<lb/>second</p>" * n,
], ids=["one-paragraph", "leading-breaks", "many-paragraphs"])
def test_line_breaks_are_linear_in_the_number_of_lines(body, tmp_path):
    # each lb looked back over its paragraph: a 20,000-line paragraph took 109 s as HTML
    assert_linear(as_html, body, 1500, tmp_path)
