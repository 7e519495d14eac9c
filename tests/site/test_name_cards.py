"""The name cards' data: what each register entry's card says, and which cards a page carries."""

from __future__ import annotations

import json
import re

from lxml import etree

from tei.core.registers import Registers
from tei.site.namecards import page_cards, register_cards

REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
  <person xml:id="stalin"><persName type="main"><forename>Joseph</forename> <surname>Stalin</surname></persName>
    <birth when="1878-12-18"/><death when="1953-03-05"/><note>Leader &lt;/script&gt; of the Soviet Union.</note>
    <idno type="wikidata">Q855</idno></person>
  <person xml:id="kim"><persName type="main"><surname>Kim</surname> <forename>Il Sung</forename></persName>
    <birth when="1912" cert="low"/></person>
  <person xml:id="anon"><persName type="main">A clerk</persName></person>
</listPerson><listPlace><place xml:id="pyongyang" type="city"><placeName type="main">Pyongyang</placeName>
  <note>Capital.</note><idno type="geonames">1871859</idno></place></listPlace></body></text></TEI>"""


def cards(tmp_path):
    path = tmp_path / "register.xml"
    path.write_text(REGISTER, encoding="utf-8")
    return register_cards(Registers.load(path))


def test_a_card_gives_the_register_role_dates_note_and_authority(tmp_path):
    found = cards(tmp_path)
    stalin = found["person-stalin"]
    assert (stalin.name, stalin.role, stalin.dates) == ("Joseph Stalin", "Person", "1878–1953")
    assert stalin.note == "Leader </script> of the Soviet Union."
    assert stalin.authority == "http://www.wikidata.org/entity/Q855"
    assert found["person-kim"].dates == "born c. 1912", "an uncertain date says so"
    assert found["person-anon"].dates == "" and found["person-anon"].authority == ""
    assert found["place-pyongyang"].role == "Place (city)" and found["place-pyongyang"].authority.startswith("http://www.geonames.org/")


def test_the_index_sorts_people_by_surname(tmp_path):
    found = cards(tmp_path)
    assert sorted(["person-stalin", "person-kim", "person-anon"], key=lambda a: found[a].sort_key) == \
        ["person-anon", "person-kim", "person-stalin"]
    assert found["person-stalin"].sort_key.startswith("stalin")


def test_a_page_carries_only_the_cards_of_the_names_it_links(tmp_path):
    found = cards(tmp_path)
    page = ('<p><a class="name" href="../browse/person.html#person-stalin">Stalin</a> and '
            '<a class="name" href="../browse/person.html#person-nobody">Nobody</a></p>')
    script = page_cards(page, found)
    data = json.loads(re.fullmatch(r'<script type="application/json" id="name-cards">(.*)</script>', script).group(1))
    assert list(data) == ["person-stalin"] and data["person-stalin"]["dates"] == "1878–1953"
    assert "</script>" not in script[:-len("</script>")], "a note cannot end the script early"
    assert etree.HTML(f"<html><body>{script}</body></html>").find(".//script").text.endswith("}")
    assert page_cards("<p>No names.</p>", found) == ""
