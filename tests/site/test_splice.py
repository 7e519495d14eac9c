"""A file spliced from ranges of another (the teiCorpus from the last one kept, documents.json from
the last listings') is the bytes it says, whether its ranges are copied one by one or as one."""

from tei.site.pages import _Splice


def spliced(source_bytes: bytes, steps, tmp_path) -> bytes:
    source_path, target = tmp_path / "source", tmp_path / "target"
    source_path.write_bytes(source_bytes)
    with open(source_path, "rb") as source, open(target, "wb") as out:
        splice = _Splice(out)
        for step in steps:
            if isinstance(step, bytes):
                splice.write(step)
            else:
                splice.copy(source, *step[1:])
        splice.finish()
        assert splice.position == splice.written
    return target.read_bytes()


def test_adjacent_ranges_and_what_is_written_between_them_come_out_as_the_source_has_them(tmp_path):
    source = b"<a/>\n  <b/>\n  <c/>\n  <d/>"
    # <b/> and <c/> follow each other with the same separator: one copy; then a changed part.
    steps = [b"head\n  ", (source, 7, 4), b"\n  ", (source, 14, 4), b"\n  ", b"<new/>", b"\n  ", (source, 21, 4), b"end"]
    expected = b"head\n  <b/>\n  <c/>\n  <new/>\n  <d/>end"
    assert spliced(source, steps, tmp_path) == expected


def test_a_separator_the_source_does_not_have_between_two_ranges_is_written_as_given(tmp_path):
    source = b"<a/>,<b/>"
    steps = [(None, 0, 4), b";", (None, 5, 4)]
    assert spliced(source, steps, tmp_path) == b"<a/>;<b/>"


def test_a_long_text_after_a_range_ends_the_run(tmp_path):
    source = b"<a/><b/>"
    steps = [(None, 0, 4), b"x" * 100, (None, 4, 4)]
    assert spliced(source, steps, tmp_path) == b"<a/>" + b"x" * 100 + b"<b/>"


def test_ranges_that_follow_each_other_in_the_source_are_copied_at_once(tmp_path, monkeypatch):
    import os

    calls = []
    real = os.copy_file_range
    monkeypatch.setattr(os, "copy_file_range", lambda *args: calls.append(args[2]) or real(*args))
    source = b"".join(b"<p%d/>\n  " % i for i in range(100))
    parts = [(i * 8, 5) if i < 10 else (80 + (i - 10) * 9, 6) for i in range(100)]
    steps = []
    for index, (offset, length) in enumerate(parts):
        steps += [b"\n  "] if index else []
        steps += [b"<changed/>"] if index == 50 else [(None, offset, length)]
    expected = b"\n  ".join(b"<changed/>" if i == 50 else b"<p%d/>" % i for i in range(100))
    assert spliced(source, steps, tmp_path) == expected
    assert len(calls) == 2
