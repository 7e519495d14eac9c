"""Dates in running text: the reader records them in the model (`model.Text`), the encoder writes
what the model holds and reads no text itself (docs/architecture.md)."""

from __future__ import annotations

import pickle

from tei.core.dates import DateValue
from tei.core.tei import T
from tei.convert.encoder import encode_tei
from tei.convert.model import Block, DateSpan, Document, EditorialMark, Metadata, Text, dates_in
from tei.convert.readers.body import BodyReader
from tei.convert.readers.dates import read_dates

MAY_7 = DateValue("May 7th, 1978", when="1978-05-07")
MARCH_5 = DateValue("5 March 1950", when="1950-03-05")


def _paragraph(text: str) -> Block:
    (block,) = BodyReader().read(text.split("\n"))
    return block


def test_the_reader_records_the_dates_of_running_text_as_spans_line_by_line():
    block = _paragraph("We met on 5 March 1950 and on\nMay 7th, 1978 again, in May\n1979.")
    (text,) = block.content
    assert isinstance(text, Text) and text == "We met on 5 March 1950 and on\nMay 7th, 1978 again, in May\n1979."
    assert dates_in(text) == (DateSpan(10, 22, MARCH_5), DateSpan(30, 43, MAY_7))  # "May\n1979" spans a line break
    assert [text[s:e] for s, e, _ in text.dates] == ["5 March 1950", "May 7th, 1978"]


def test_the_reader_reads_no_dates_in_a_word_marked_sic_but_in_the_marks_around_and_inside_it():
    block = _paragraph("Sent [sic] 7 May 1978 [on 6 March 1950 they left].")
    sic, after, supplied, _ = block.content
    assert sic.kind == "sic" and dates_in(after) == (DateSpan(1, 11, DateValue("7 May 1978", when="1978-05-07")),)
    assert supplied.kind == "supplied" and [d.date.when for d in dates_in(supplied.content[0])] == ["1950-03-06"]

    inner = EditorialMark("supplied", "[6 May 1950]", content=["6 May 1950"])
    items = [EditorialMark("sic", "[sic]", content=["5 May 1950", inner])]
    read_dates(items)
    assert dates_in(items[0].content[0]) == () and [d.date.when for d in dates_in(inner.content[0])] == ["1950-05-06"]


def test_text_without_dates_stays_a_plain_string():
    assert type(_paragraph("No date here, only 1950.").content[0]) is str


def test_a_part_of_a_text_keeps_the_dates_inside_it_and_pickling_keeps_them():
    text = Text("On 5 March 1950.", [DateSpan(3, 15, MARCH_5)])
    assert text.part(3).dates == (DateSpan(0, 12, MARCH_5),) and text.part(0, 10).dates == ()
    copy = pickle.loads(pickle.dumps(text))
    assert isinstance(copy, Text) and copy == text and copy.dates == text.dates


def _encoded(*blocks: Block):
    """The TEI `body` of a document made of these blocks."""
    return encode_tei(Document(Metadata(title="A note"), body=list(blocks))).getroot().find(f".//{T}body")


def test_the_encoder_writes_the_dates_the_model_holds_and_finds_none_itself():
    given = DateValue("the fifth", when="1950-03-05", cert="low")
    body = _encoded(Block("p", [Text("Seen on the fifth.\nAnd on 7 May 1978.", [DateSpan(8, 17, given)])]))
    (p,) = body.iter(T + "p")
    (date,) = p.iter(T + "date")  # "7 May 1978" is plain text: the model gives no date there
    assert date.text == "the fifth" and dict(date.attrib) == {"when": "1950-03-05", "cert": "low"}
    assert [child.tag for child in p] == [T + "date", T + "lb"]
    assert "".join(p.itertext()) == "Seen on the fifth.And on 7 May 1978."


def test_a_name_wins_over_a_date_it_overlaps_and_a_dated_dateline_holds_no_second_date():
    signed = Block("signed", [Text("May 1978 Committee", [DateSpan(0, 8, DateValue("May 1978", not_before="1978-05-01",
                                                                                    not_after="1978-05-31"))])],
                   org="May 1978 Committee")
    dateline = Block("dateline", [Text("Date: 5 March 1950", [DateSpan(6, 18, MARCH_5)])], date=MARCH_5)
    body = _encoded(dateline, Block("p", ["Text."]), signed)
    (signed_el,) = body.iter(T + "signed")
    assert [(c.tag, c.text) for c in signed_el] == [(T + "orgName", "May 1978 Committee")]
    (dateline_el,) = body.iter(T + "dateline")
    assert dateline_el.text == "Date: " and [d.text for d in dateline_el.iter(T + "date")] == ["5 March 1950"]


def test_an_address_split_into_lines_keeps_its_dates():
    address = Block("address", [Text("Moscow\n5 March 1950", [DateSpan(7, 19, MARCH_5)])])
    body = _encoded(address, Block("p", ["Text."]))
    lines = list(body.iter(T + "addrLine"))
    assert [line.text for line in lines] == ["Moscow", None] and lines[1][0].get("when") == "1950-03-05"


def test_full_dates_read_directly_are_what_dateutil_reads():
    """`_parse_twice` reads "May 4, 1988" and "4 May 1988" itself: the same two datetimes, or the
    same refusal, as dateutil with each default, for every day number of every month."""
    from dateutil import parser as dateparser

    from tei.convert.readers.dates import _DEFAULT_A, _DEFAULT_B, _parse_twice

    def by_dateutil(text):
        try:
            return dateparser.parse(text, default=_DEFAULT_A), dateparser.parse(text, default=_DEFAULT_B)
        except (ValueError, OverflowError):
            return None

    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    texts = [form.format(month=month, day=day, year=year)
             for month in months for day in (*range(0, 33), 99, "01", "09") for year in (1900, 1948, 1988, 2000)
             for form in ("{month} {day}, {year}", "{day} {month} {year}")]
    texts += ["Mai 4, 1988", "Sept 4, 1988", "May 4, 1988 x", "4 May, 1988"]
    for text in texts:
        _parse_twice.cache_clear()
        assert _parse_twice(text) == by_dateutil(text), text


def test_an_original_language_date_is_read_with_its_month_from_the_cldr():
    from tei.convert.readers.dates import parse_date
    cases = {"18. März 1991": "1991-03-18", "den 3. Mai 1945": "1945-05-03", "le 5 mars 1953": "1953-03-05",
             "5 de marzo de 1953": "1953-03-05", "5 марта 1953 г.": "1953-03-05", "12 sierpnia 1945": "1945-08-12",
             "1991. március 18.": "1991-03-18", "1991年3月18日": "1991-03-18", "1991년 3월 18일": "1991-03-18"}
    assert {text: parse_date(text).when for text in cases} == cases
    # a month two languages disagree on (Polish and Czech November, Croatian October) stays unread,
    # as do an impossible day and a word that is no month
    assert [parse_date(t) for t in ("18 listopad 1991", "30. Februar 1991", "1953年2月30日", "5 Marsupial 1953")] == [None] * 4


def test_an_original_dateline_and_running_text_get_their_dates():
    from lxml import etree
    from tei.convert.pipeline import convert_bytes
    text = ("March 18, 1991\n\nThe Chancellor's Meeting with Foreign Minister Levy\n\nBonn, den 18. März 1991\n\n"
            "V e r m e r k\n\nDas Gespräch am 14. März 1991 in Bonn, nicht am 12 Divisionen 1950.\n")
    tei, _ = convert_bytes(text.encode(), "levy.txt")
    root = etree.fromstring(tei)
    (dateline,) = root.iter(T + "dateline")
    assert "".join(dateline.itertext()) == "Bonn, den 18. März 1991"
    assert [(d.text, d.get("when")) for d in root.find(f".//{T}body").iter(T + "date")] == \
        [("18. März 1991", "1991-03-18"), ("14. März 1991", "1991-03-14")]


def test_a_dateline_place_may_be_in_any_script():
    from tei.convert.readers.body import _is_place_date
    assert [_is_place_date(t) for t in ("Москва, 5 марта 1953 г.", "Łódź, 3 May 1950", "Nizhny Novgorod, 5 May 1950")] == [True] * 3
    assert [_is_place_date(t) for t in ("MOSCOW, 5 March 1950", "the end, 5 May 1950", "Moscow, the 5th")] == [False] * 3


def test_a_numeric_date_with_the_year_first_is_read_in_a_date_line_and_in_running_text():
    from tei.convert.readers.dates import find_dates, parse_date
    assert [parse_date(t).when for t in ("1961.3.29", "1961/03/29", "1961.03.29.")] == ["1961-03-29"] * 3
    assert [parse_date(t) for t in ("1961.13.2", "1961.2.30", "1961.3/29")] == [None] * 3
    text = "Time: 1961.3.29, 7:40 p.m.; not 1961.13.2, 1.1961.3.4, 1961.3.4.5 or No. 1961.3.4/2."
    assert [(text[s:e], d.when) for s, e, d in find_dates(text)] == [("1961.3.29", "1961-03-29")]


def _found(text: str, page: str = "") -> list[tuple[str, str]]:
    from tei.convert.readers.dates import find_dates
    page_date = DateValue("", when=page) if page else None
    return [(text[s:e], d.when) for s, e, d in find_dates(text, page_date)]


def test_a_roman_numeral_month_is_read_in_running_text_with_a_four_digit_year():
    assert _found("Date: 31.X 1962") == [("31.X 1962", "1962-10-31")]
    assert _found("We talked on 19 X 1956, then left.") == [("19 X 1956", "1956-10-19")]
    assert _found("the order of 17.XII.1947 said") == [("17.XII.1947", "1947-12-17")]
    assert _found("on 31.IV.1962 and on 32.X.1962") == []  # no such day


def test_a_roman_numeral_month_with_a_two_digit_year_is_read_only_in_the_page_dates_year():
    assert _found("Meeting with them on 19 X 56.", "1956-10-19") == [("19 X 56", "1956-10-19")]
    assert _found("Received: 5.XI 62. at 18.45", "1962-10-31") == [("5.XI 62", "1962-11-05")]
    assert _found("Completed: 5.XI.62 at 18.55", "1962-10-31") == [("5.XI.62", "1962-11-05")]
    assert _found("Meeting with them on 19 X 56.", "1962-10-31") == []
    assert _found("Meeting with them on 19 X 56.") == []


def test_a_roman_numeral_that_numbers_things_is_no_month():
    assert _found("Chapter X 56 pages", "1956-10-19") == []
    assert _found("Chapter 5 X 56 pages long", "1956-10-19") == []
    assert _found("see Chapter 5 X 1956.", "1956-10-19") == []
    assert _found("we have 5 X 1956 pages left", "1956-10-19") == []  # spaced, nothing around it makes it a date
    assert _found("Volume 12 IV 56, he", "1956-04-12") == []


def test_a_day_in_quotation_marks_is_the_dates_day_and_its_marks_stay_in_the_date():
    assert _found("“15” January 1963 Copy No. 1") == [("“15” January 1963", "1963-01-15")]
    assert _found('dated "3" May 1963, he') == [('"3" May 1963', "1963-05-03")]
    assert _found("Москва, «15» января 1963 г. Копия") == [("«15» января 1963 г.", "1963-01-15")]
    assert _found("“35” January 1963") == [("January 1963", "")]  # no such day: the month alone, as before


def test_a_quoted_day_keeps_the_text_of_a_paragraph_whole():
    block = _paragraph("Moscow, “15” January 1963.")
    (text,) = block.content
    assert text == "Moscow, “15” January 1963."
    assert [(text[s:e], d.when) for s, e, d in text.dates] == [("“15” January 1963", "1963-01-15")]


def test_a_numeric_date_with_a_two_digit_year_is_read_where_its_order_is_sure():
    page = "1963-05-29"
    assert _found("dispatched on 29.5.63 at 6:50 hours", page) == [("29.5.63", "1963-05-29")]
    assert _found("Sent by wire on 10/14/63 at 03:15", page) == [("10/14/63", "1963-10-14")]
    assert _found("received 5.29.63.", page) == [("5.29.63", "1963-05-29")]
    assert _found("received 29.5.63.", "1950-10-14") == []  # another year: the century is unknown
    assert _found("received 29.5.63.") == []


def test_a_numeric_date_of_two_numbers_up_to_12_is_read_only_where_the_page_date_fixes_it():
    assert _found("sent on 5.6.63.", "1963-06-05") == [("5.6.63", "1963-06-05")]
    assert _found("sent on 5.6.63.", "1963-05-06") == [("5.6.63", "1963-05-06")]
    assert _found("sent on 5.6.63.", "1963-05-29") == []
    assert _found("No. 29.5.63 and item 12.5.63.", "1963-05-29") == []  # numbers, not days
    assert _found("version 1.2.63.4 and 29.5.631", "1963-05-29") == []


def test_a_numeric_date_with_a_four_digit_year_is_read_in_running_text_where_its_order_is_sure():
    text = "Talks on 11.29.1960 and 29.11.1960 and 29/11/1960 and 03.04.1960 and 31.02.1960 and 13.13.1960."
    assert _found(text) == [("11.29.1960", "1960-11-29"), ("29.11.1960", "1960-11-29"), ("29/11/1960", "1960-11-29")]
    # no page date needed for the century; the page's date tells day from month as for a two-digit year
    assert _found("sent on 03.04.1960", "1960-04-03") == [("03.04.1960", "1960-04-03")]
    assert _found("sent on 03.04.1960", "1960-03-04") == [("03.04.1960", "1960-03-04")]
    assert _found("sent on 03.04.1960", "1961-04-03") == []
    assert _found("v. 29.11.1960.4, 1.29.11.1960 and 29.11.19601 and 29.11/1960") == []


def test_the_reader_gives_running_text_the_page_dates_century():
    (block,) = BodyReader(page_date=DateValue("October 19, 1956", when="1956-10-19")).read(["Talks on 19 X 56."])
    (text,) = block.content
    assert [(text[s:e], d.when) for s, e, d in text.dates] == [("19 X 56", "1956-10-19")]
    (block,) = BodyReader().read(["Talks on 19 X 56."])
    assert block.content == ["Talks on 19 X 56."]
