"""Periods of days or months written out with both ends, one `date` with @from/@to: those that
cross a year write the start's year too, and a night's two days are joined by a slash."""

from __future__ import annotations

from helpers import TEI, missing_words
from tei import convert_text
from tei.convert.readers.dates import find_dates, parse_date


def _spans(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(text[start:end], date.attributes()) for start, end, date in find_dates(text)]


def test_a_period_across_a_year_is_one_date_from_its_start_to_its_end():
    assert _spans("We stayed from 28 December 1960 to 3 January 1961 there.") == [
        ("28 December 1960 to 3 January 1961", {"from": "1960-12-28", "to": "1961-01-03"})]
    assert _spans("Talks, December 28, 1960 – January 3, 1961, in Hanoi.") == [
        ("December 28, 1960 – January 3, 1961", {"from": "1960-12-28", "to": "1961-01-03"})]
    assert parse_date("30 November 1960 through 2 February 1961").attributes() == {
        "from": "1960-11-30", "to": "1961-02-02"}


def test_a_period_of_months_across_a_year_gives_the_months():
    assert _spans("In December 1960 – January 1961 the harvest failed.") == [
        ("December 1960 – January 1961", {"from": "1960-12", "to": "1961-01"})]
    assert parse_date("November 1960 to March 1961").attributes() == {"from": "1960-11", "to": "1961-03"}
    # backwards: no period, each month stays a month
    assert [value["notBefore"] for _, value in _spans("In January 1961 – December 1960 it rained.")] == [
        "1961-01-01", "1960-12-01"]


def test_two_dated_days_without_the_words_of_a_period_stay_two_dates():
    # `postponed 28 December 1960 to 3 January 1961` moves a day: `to` needs `from` or `period` before it
    assert [value for _, value in _spans("The visit was postponed 28 December 1960 to 3 January 1961.")] == [
        {"when": "1960-12-28"}, {"when": "1961-01-03"}]
    assert [value for _, value in _spans("We met on 5 March 1960 and 7 May 1961.")] == [
        {"when": "1960-03-05"}, {"when": "1961-05-07"}]
    # a start after its end, a year on the start without the end's month: no period
    assert [value for _, value in _spans("From 3 January 1961 to 28 December 1960 it rained.")] == [
        {"when": "1961-01-03"}, {"when": "1960-12-28"}]
    assert parse_date("May 3, 1958 - 17, 1958") is None


def test_a_slash_joins_two_days_of_a_night_but_not_a_number_and_a_day():
    assert parse_date("16/17 August 1957").attributes() == {"from": "1957-08-16", "to": "1957-08-17"}
    assert parse_date("August 16/17, 1957").attributes() == {"from": "1957-08-16", "to": "1957-08-17"}
    assert _spans("On the night of 16/17 August 1957 the train left.") == [
        ("16/17 August 1957", {"from": "1957-08-16", "to": "1957-08-17"})]
    assert _spans("See letter No. 12/16 February 1960.") == [("16 February 1960", {"when": "1960-02-16"})]
    assert parse_date("16 / 17 August 1957") is None


def test_a_period_across_a_year_in_a_converted_page():
    text = ("January 4, 1961\n\nReport of the Delegation\n\nThe delegation stayed in Hanoi from 28 December 1960 "
            "to 3 January 1961.\n\nThe crisis of December 1960 – January 1961 was discussed.\n")
    root = convert_text(text).getroot()
    dates = root.xpath("//t:body//t:p/t:date", namespaces=TEI)
    assert [(d.text, d.get("from"), d.get("to"), d.get("when")) for d in dates] == [
        ("28 December 1960 to 3 January 1961", "1960-12-28", "1961-01-03", None),
        ("December 1960 – January 1961", "1960-12", "1961-01", None)]
    assert not missing_words(text, root)


def test_a_date_line_of_a_period_keeps_its_leading_word():
    # a period on a line of its own, as running text writes it: `from` and `between` are its own words
    assert parse_date("from 28 December 1960 to 3 January 1961").attributes() == {
        "from": "1960-12-28", "to": "1961-01-03"}
    assert parse_date("Between 1 and 5 June 1961").attributes() == {"from": "1961-06-01", "to": "1961-06-05"}
    # `and` without `between` is two days, not a period, on a line as in running text
    assert parse_date("1 and 5 June 1961") is None


def test_a_start_without_its_year_takes_the_ends_year_or_the_year_before_across_a_new_year():
    assert _spans("He came from 28 December to 3 January 1961.") == [
        ("28 December to 3 January 1961", {"from": "1960-12-28", "to": "1961-01-03"})]
    assert _spans("Talks, 28 December – 3 January 1961, in Hanoi.") == [
        ("28 December – 3 January 1961", {"from": "1960-12-28", "to": "1961-01-03"})]
    assert _spans("Talks from December 28 to January 3, 1961 in Hanoi.") == [
        ("December 28 to January 3, 1961", {"from": "1960-12-28", "to": "1961-01-03"})]
    assert _spans("It was held between 30 November and 2 December 1958.") == [
        ("30 November and 2 December 1958", {"from": "1958-11-30", "to": "1958-12-02"})]
    assert parse_date("between 30 December and 2 January 1959").attributes() == {
        "from": "1958-12-30", "to": "1959-01-02"}
    # days of one month the wrong way round are no period, not one ending a year later
    assert _spans("from 17 to 3 May 1958") == [("3 May 1958", {"when": "1958-05-03"})]
    # a start that writes its own year keeps it
    assert [value for _, value in _spans("From 3 January 1961 to 28 December 1960 it rained.")] == [
        {"when": "1961-01-03"}, {"when": "1960-12-28"}]


def test_a_period_across_a_new_year_without_the_starts_year_in_a_converted_page():
    text = "Some title\n\nHe came from 28 December to 3 January 1961 and left.\n"
    root = convert_text(text).getroot()
    dates = root.xpath("//t:body//t:p/t:date", namespaces=TEI)
    assert [(d.text, d.get("from"), d.get("to"), d.get("when")) for d in dates] == [
        ("28 December to 3 January 1961", "1960-12-28", "1961-01-03", None)]
    assert not missing_words(text, root)


def test_a_start_without_its_year_is_in_the_year_before_only_for_a_period_of_less_than_half_a_year():
    assert parse_date("from 15 November to 10 January 1961").attributes() == {
        "from": "1960-11-15", "to": "1961-01-10"}
    # eleven months the wrong way round are a slip, not a period across a New Year
    assert _spans("from 24 March to 16 February 1960") == [("16 February 1960", {"when": "1960-02-16"})]
    assert parse_date("from 3 May to 1 April 1961") is None
