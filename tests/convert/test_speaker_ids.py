"""Speaker ids made of names: ASCII, and readable for accented and non-Latin names (transliterated,
not dropped). Small synthetic inputs."""

from __future__ import annotations

import pytest

from helpers import converted, xpath
from tei.convert.encoder import speaker_id

HEAD = "March 3, 1956\n\n**Record of a Conversation**\n\n"


@pytest.mark.parametrize("name, ident", [
    ("Gomułka", "person-gomulka"),
    ("Kádár", "person-kadar"),
    ("Хрущёв", "person-khrushchev"),
    ("Ильич", "person-ilich"),  # a soft sign's apostrophe splits no word
    ("毛泽东", "person-mao-ze-dong"),  # one syllable a character
    ("Comrade Ceaușescu", "person-ceausescu"),
    ("Kim Il Sung", "person-kim-il-sung"),
])
def test_a_speaker_id_is_the_name_transliterated(name, ident):
    assert speaker_id(name) == ident


def test_accented_speakers_get_readable_ids_and_two_spellings_two_ids():
    root = converted(HEAD + "Gomułka: We shall see.\n\nKádár: Indeed.\n\nKadar: Yes.\n\nGomułka: Good.")
    assert xpath(root, "//t:sp/@who") == ["#person-gomulka", "#person-kadar", "#person-kadar-2", "#person-gomulka"]
    assert xpath(root, "//t:person/@xml:id") == ["person-gomulka", "person-kadar", "person-kadar-2"]
    assert xpath(root, "//t:person/t:persName/text()") == ["Gomułka", "Kádár", "Kadar"]
