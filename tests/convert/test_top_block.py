"""The top of a document's body read line by line: a marking and a copy number in one block with
the heading, a letterhead with its columns merged, a dateline and a Subject line after lines no
rule names. Made-up texts in the archive's layouts."""

from __future__ import annotations

from helpers import missing_words, xpath
from lxml import etree
from tei import convert_text


def kinds(root, path: str = "//t:body/t:div/*") -> list[str]:
    return [e.tag.split("}")[1] for e in xpath(root, path)]


def test_a_marking_and_a_copy_number_above_a_heading_in_its_block_are_the_openers():
    doc = ("March 22, 1979\n\nTranscript of a Session\n\nTop Secret\nOnly copy\nWorking transcript\n\n"
           "22 March 1979\n\nThe session discussed the harvest at length and agreed on the plan.\n")
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:opener[1]/t:seg[@type='classification']/text()") == ["Top Secret"]
    assert xpath(root, "//t:opener[1]/t:fw[@type='copyNumber']/text()") == ["Only copy"]
    assert xpath(root, "//t:body//t:head/text()") == ["Working transcript"]
    assert kinds(root)[:3] == ["opener", "head", "opener"]
    assert not missing_words(doc, root)


def test_a_heading_of_three_lines_without_a_marking_stays_one():
    doc = ("March 22, 1979\n\nTranscript of a Session\n\nWorking transcript\nof the session\nof the bureau\n\n"
           "The session discussed the harvest at length and agreed on the plan.\n")
    root = convert_text(doc).getroot()
    assert not xpath(root, "//t:opener")
    assert xpath(root, "count(//t:body//t:head/t:lb)") == 2.0


def test_a_marking_with_an_exclamation_mark_is_a_marking():
    doc = ("October 20, 1983\n\nProtocol of a Meeting\n\nHighly Confidential!\n\nProtocol of the meeting\n\n"
           "The committee discussed the situation at length and agreed on the plan.\n")
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == ["Highly Confidential!"]
    assert not xpath(root, "//t:head[contains(., 'Confidential')]")
    # a sentence with the words stays text
    doc = doc.replace("Highly Confidential!", "Secret talks began!")
    assert not xpath(convert_text(doc).getroot(), "//t:opener/t:seg[@type='classification']")


EMBASSY_REPORT = (
    "January 28, 1963\n\nReport of the Embassy in Ruritania\n\n"
    "The Embassy of the Hungarian People’s Republic TOP SECRET!\n\n"
    "12/ 1963/ top secret Written: in three copies\n\n"
    "Typed by Anna Kertész two to Center\n\n"
    "one to Embassy\n\n\n"
    "Ruritania, 28 January 1963\n\n\n"
    "Subject: The relations between the two countries.\n\n\n"
    "The relations have not changed since the crisis, as we reported in the autumn.\n")


def test_a_letterhead_with_its_columns_run_together_is_the_openers_items():
    root = convert_text(EMBASSY_REPORT).getroot()
    assert [h.xpath("string()") for h in xpath(root, "//t:body//t:head")] == ["The Embassy of the Hungarian People’s Republic"]
    assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == ["TOP SECRET!"]
    assert xpath(root, "//t:opener/t:idno[@type='registry']/text()") == ["12/ 1963/ top secret"]
    assert xpath(root, "//t:opener/t:seg[@type='distribution']/text()") == [
        "Written: in three copies", "two to Center", "one to Embassy"]
    assert xpath(root, "//t:opener/t:seg[@type='transmission']/t:persName[@cert='medium']/text()") == ["Anna Kertész"]
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1963-01-28"]
    assert xpath(root, "//t:opener/t:seg[@type='subject']/text()")[0].startswith("Subject: The relations")
    # one opener, the text after it; the space between two run-together items kept
    assert kinds(root) == ["head", "opener", "p"]
    assert " " in [e.tail for e in xpath(root, "//t:opener/t:idno")]
    assert not missing_words(EMBASSY_REPORT, root)


def test_a_line_run_together_only_where_both_sides_are_office_lines():
    doc = EMBASSY_REPORT.replace("Typed by Anna Kertész two to Center", "Typed by Anna Kertész and her colleague")
    root = convert_text(doc).getroot()
    assert not xpath(root, "//t:opener/t:seg[contains(., 'colleague')]")
    # a sentence sending copies is text
    doc = EMBASSY_REPORT.replace("one to Embassy", "One copy went to the Embassy in the spring of that year.")
    root = convert_text(doc).getroot()
    assert not xpath(root, "//t:opener/t:seg[contains(., 'spring')]")


def test_a_part_of_the_day_or_a_weekday_before_a_date_at_the_top_is_the_dateline():
    doc = ("November 5, 1962\n\nMemorandum of Conversation\n\nMEMORANDUM OF CONVERSATION\n\n"
           "Evening 5 November 1962\n\nAfter the greetings, the minister said that the talks had begun.\n")
    root = convert_text(doc).getroot()
    assert kinds(root) == ["head", "opener", "p"]
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1962-11-05"]
    assert xpath(root, "string(//t:opener/t:dateline)") == "Evening 5 November 1962"
    root = convert_text(doc.replace("Evening 5", "Tuesday, 5")).getroot()
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1962-11-05"]
    # a part of the day with no date after it stays a heading
    root = convert_text(doc.replace("Evening 5 November 1962", "Evening session")).getroot()
    assert not xpath(root, "//t:dateline")


def test_a_date_with_its_day_in_quotation_marks_at_the_top_is_the_dateline():
    doc = ("January 15, 1963\n\nLetter of the Embassy\n\nEmbassy of the USSR\n\n“15” January 1963\n\n"
           "Enclosed is the record of a conversation with the ambassador.\n")
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1963-01-15"]
    assert not missing_words(doc, root)


def test_a_heading_going_on_in_the_next_block_in_lower_case_is_one_heading():
    doc = ("March 9, 1982\n\nTranscript of the Talks\n\nTop Secret\n\nStenographic Transcript\n\n"
           "of the Official Talks between the Chairman of the Council of the Republic, Anna Berger, and the "
           "Chairman of the Committee of the Union, Karl Mayer, in the House of the Council in Ruritania\n\n"
           "Tuesday, 9 March 1982\n\n(Begin: 1535 Hours)\n\nAnna Berger:\n\n"
           "I again want to welcome you as the members of your delegation, in the most cordial way.\n")
    root = convert_text(doc).getroot()
    assert kinds(root) == ["opener", "head", "opener", "p", "sp"]
    assert xpath(root, "count(//t:head/t:lb)") == 1.0
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1982-03-09"]
    # the hour the session began is text, and the name the heading gives opens a turn
    assert xpath(root, "//t:div/t:p/text()") == ["(Begin: 1535 Hours)"]
    assert xpath(root, "string(//t:sp/t:speaker)") == "Anna Berger:"
    assert not missing_words(doc, root)
    # a sentence after a heading, its stop at its end, is the text
    root = convert_text(doc.replace("in Ruritania\n", "in Ruritania were held.\n")).getroot()
    assert xpath(root, "//t:head/text()") == ["Stenographic Transcript"]
    assert not xpath(root, "//t:head/t:lb")


def test_a_heading_repeating_the_title_and_cut_after_an_article_is_one_heading():
    title = "Protocol of the extraordinary meeting of the Committee of Ministers for Defense from the member states"
    doc = (f"October 20, 1983\n{title}\nHighly Confidential!\n"
           "Protocol of the extraordinary meeting of the Committee of Ministers for Defense from the\n"
           "member states\n20 October 1983\n"
           "In the spirit of the declaration, the Committee discussed the situation at length.\n"
           "The Committee of the Ministers of Defense decides to act at once on every point.\n")
    root = convert_text(doc).getroot()
    assert kinds(root) == ["opener", "head", "opener", "p", "p"]
    assert xpath(root, "count(//t:body//t:head/t:lb)") == 1.0
    assert xpath(root, "//t:body//t:head/text()")[-1] == "member states"
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1983-10-20"]
    # a line as long that is not the title's start is a heading where it is the title in other words
    root = convert_text(doc.replace("for Defense from the\n", "for Defense and of the Unified Command from the\n")).getroot()
    assert kinds(root) == ["opener", "head", "opener", "p", "p"]
    # and text where it is not
    other = "The members of the delegations of the socialist countries met in the hall of the Committee from the\n"
    root = convert_text(doc.replace("Protocol of the extraordinary meeting of the Committee of Ministers for Defense from the\n",
                                    other)).getroot()
    assert not xpath(root, "//t:body//t:head")


def test_a_to_line_going_on_over_blocks_and_a_dated_line_with_the_copy_number():
    doc = ("January 15, 1963\n\nLetter of the Embassy\n\nEmbassy of the USSR\n\nTop Secret\n\n"
           "“15” January 1963 Copy No. 1\n\nOutgoing No. 82\n\nTo the Minister of Foreign Affairs of the Union\n\n"
           "of Soviet Socialist Republics\n\nComrade Ivanov\n\n"
           "Enclosed is the record of a conversation with the ambassador.\n")
    root = convert_text(doc).getroot()
    assert kinds(root) == ["head", "opener", "p"]
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1963-01-15"]
    assert xpath(root, "//t:opener/t:fw[@type='copyNumber']/text()") == ["Copy No. 1"]
    assert xpath(root, "count(//t:opener/t:seg[@type='to']/t:lb)") == 2.0
    assert "Ivanov" in xpath(root, "string(//t:opener/t:seg[@type='to'])")
    assert not missing_words(doc, root)
    # a heading after a To line ending with a stop stays a heading
    root = convert_text(doc.replace("of the Union\n", "of the Union.\n")).getroot()
    assert xpath(root, "count(//t:opener/t:seg[@type='to']/t:lb)") == 0.0


def test_two_blocks_of_the_editors_words_at_the_top_stay_on_their_lines():
    """`[SED Central Committee]` / `[Department of International Relations]`: two letterhead lines the
    editors supplied, an lb between them in the opener, not run together."""
    doc = ("March 9, 1982\n\nTranscript of Talks\n\n[SED Central Committee]\n\n[Department of International Relations]\n\n"
           "Transcript\n\nThe talks went well and the delegation agreed on the plan.\n")
    root = convert_text(doc).getroot()
    opener = xpath(root, "//t:opener")[0]
    assert [etree.QName(e).localname for e in opener][1] == "lb"
    assert ["".join(e.itertext()) for e in opener] == ["SED Central Committee", "", "Department of International Relations"]
    assert len(xpath(root, "//t:opener//t:supplied")) == 2
    assert not missing_words(doc, root)


def test_a_marking_after_the_first_line_gives_the_documents_classification():
    """The page gives no classification field: the text's own marking at its top is the likely
    one, wherever at the top it stands, its exclamation mark aside."""
    after_date = "October 6, 1956\n\nNote on the Talks\n\n6 October 1956\n\nTop Secret\n\nI am reporting on the talks we held.\n"
    letterhead = ("January 28, 1963\n\nReport on Relations\n\nThe Embassy of the Republic TOP SECRET!\n\n"
                  "Havana, 28 January 1963\n\nThe relations have not changed since the crisis began.\n")
    for doc in (after_date, letterhead):
        root = convert_text(doc).getroot()
        assert xpath(root, "//t:catRef[@scheme='#classifications']/@target") == ["#classification-top-secret"]
        assert xpath(root, "//t:catRef[@scheme='#classifications']/@cert") == ["medium"]
    highly = convert_text(letterhead.replace("TOP SECRET!", "Highly Confidential!")).getroot()
    assert not xpath(highly, "//t:catRef[@scheme='#classifications']")
