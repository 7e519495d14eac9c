"""The archive's apparatus at the top of a document, rendered: a copy number and a provenance line
on lines of their own, a stamp with the editors' words for it in their brackets only once."""

from __future__ import annotations

from tei import convert_bytes
from tei.render import render

TEXT = ("March 2, 1948\n\nRecord of a Conversation\n\nCopy Nº 3\n\nFrom the journal of V. M. Molotov\n\n"
        "[CPSU CC stamp: 12 May 1950]\n\n[Stamp: TOP SECRET]\n\n"
        "The meeting began at noon and lasted two hours, as had been agreed.\n\nV. Molotov\n")


def _rendered(tmp_path, to):
    data, _ = convert_bytes(TEXT, "apparatus.txt")
    path = tmp_path / "apparatus.xml"
    path.write_bytes(data)
    return render(path, to).decode("utf-8")


def test_the_plain_text_gives_the_apparatus_as_written(tmp_path):
    lines = [line.strip() for line in _rendered(tmp_path, "txt").splitlines()]
    assert "Copy Nº 3" in lines and "From the journal of V. M. Molotov" in lines
    assert "[CPSU CC stamp: 12 May 1950]" in lines
    assert "[stamp: TOP SECRET]" in lines


def test_the_page_shows_the_copy_number_as_forme_work(tmp_path):
    html = _rendered(tmp_path, "html")
    assert 'class="tei-fw type-copyNumber">Copy Nº 3<' in html
    assert "[stamp: </span><span class=\"ed ed-supplied" not in html
