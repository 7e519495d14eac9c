"""The document's own heading at the top of its text saying the page title in other words: longer
than a heading's shape allows, hard-wrapped, or the quoted part of the title. Made-up texts."""

from __future__ import annotations

from helpers import missing_words, xpath
from tei import convert_text

PROSE = ("The delegation arrived in the capital in the morning and was met at the station by the comrades. "
         "The talks began at noon and went on until late in the evening.\n")


def heads(root) -> list[str]:
    return ["".join(e.itertext()) for e in xpath(root, "//t:body//t:head")]


def test_a_long_first_line_in_the_title_s_words_is_the_heading():
    doc = ("September 7, 1961\n\nAccount on the Reception of the Delegation of Our Party by Comrade Enver Hoxha "
           "and the Talks that Took Place in this Meeting between Him and Comrade Manush\n\n"
           "On the reception of the delegation of our party by Comrade Enver Hoxha and the talks that took place "
           "in this meeting between him and Comrade Manush\n\n" + PROSE)
    root = convert_text(doc).getroot()
    assert heads(root) == ["On the reception of the delegation of our party by Comrade Enver Hoxha and the talks "
                           "that took place in this meeting between him and Comrade Manush"]
    assert not missing_words(doc, root)


def test_a_hard_wrapped_heading_saying_more_than_the_title_is_one_heading():
    doc = ("October 27, 1981\n\nReport on the Results of the Visit to the USSR by the Ruritanian Liberation "
           "Organization Delegation\n\n"
           "Report on the results of the 19-21 October visit\nto the USSR by the Ruritanian Liberation Organization (RLO)\n"
           "delegation, headed by Y. Petrov, and on its reception by\nL. I. Ivanov\n\n" + PROSE)
    root = convert_text(doc).getroot()
    assert len(heads(root)) == 1 and heads(root)[0].startswith("Report on the results")
    assert xpath(root, "count(//t:body//t:head/t:lb)") == 3.0


def test_the_quoted_part_of_the_title_below_lines_no_rule_names_is_the_heading():
    doc = ("May 19, 1965\n\nCable from the Embassy in Ruritania, 'Reaction to the Second Harvest Report'\n\n"
           "Level: Urgent\n\nReceived from the Ruritanian Desk\n\n"
           "Reaction to the Second Harvest Report\n\nTo the Foreign Ministry:\n\n" + PROSE)
    root = convert_text(doc).getroot()
    assert heads(root) == ["Reaction to the Second Harvest Report"]
    assert xpath(root, "//t:opener/t:seg[@type='handling']/text()") == ["Level: Urgent"]


def test_a_sentence_a_request_or_a_block_after_the_text_has_begun_is_no_heading():
    title = "Report on the Results of the Visit to the USSR by the Ruritanian Delegation"
    # a sentence in the title's words, with its stop
    sentence = ("The report on the results of the visit to the USSR by the Ruritanian delegation was "
                "read by the ministers at length.\n\n")
    root = convert_text(f"October 27, 1981\n\n{title}\n\n{sentence}{PROSE}").getroot()
    assert not heads(root)
    # a request, though it lost its stop
    root = convert_text(f"October 27, 1981\n\n{title}\n\nPlease report on the results of the visit to the USSR "
                        f"by the Ruritanian delegation\n\n{PROSE}").getroot()
    assert not heads(root)
    # the title's words after the first paragraph of prose
    root = convert_text(f"October 27, 1981\n\n{title}\n\n{PROSE}\nResults of the visit to the USSR by the Ruritanian "
                        f"delegation and of the reception by the ministers\n\n{PROSE}").getroot()
    assert all("Results of the visit" not in head for head in heads(root))
    # a block of other words
    root = convert_text(f"October 27, 1981\n\n{title}\n\nOn the results of the harvest in the northern "
                        f"provinces of the republic and the plans for the next year\n\n{PROSE}").getroot()
    assert not heads(root)


def test_the_title_s_words_going_on_a_heading_below_a_note_join_it():
    doc = ("February 3, 1960\n\nJournal of Soviet Ambassador in Ruritania A. M. Petrov for 3 February 1960\n\n"
           "\"to Cdes. Ivanov and Sidorov of the department for their information, 25 February 1960\"\n\nJOURNAL\n\nof Soviet Ambassador in Ruritania A. M. Petrov for the period\n\n"
           + PROSE)
    root = convert_text(doc).getroot()
    assert heads(root) == ["JOURNALof Soviet Ambassador in Ruritania A. M. Petrov for the period"]
    assert xpath(root, "count(//t:body//t:head/t:lb)") == 1.0


def test_a_short_first_block_naming_the_document_s_kind_as_the_title_does_is_the_heading():
    title = "Record of Conversation between the Ruritanian Delegation and Minister Ivanov, Moscow"
    head = "Notes from Conversation between the Delegations of the RCP and the CPSU."
    root = convert_text(f"November 29, 1960\n\n{title}\n\n{head}\n\n{PROSE}").getroot()
    assert heads(root) == [head]
    # another kind of thing recorded, or a sentence, is text
    root = convert_text(f"November 29, 1960\n\n{title}\n\n{head.replace('Conversation', 'Meeting')}\n\n{PROSE}").getroot()
    assert not heads(root)
    root = convert_text(f"November 29, 1960\n\n{title}\n\nNotes from conversation were taken by the delegation.\n\n"
                        f"{PROSE}").getroot()
    assert not heads(root)


def test_a_short_sentence_with_its_stop_is_a_paragraph_and_a_heading_above_it_is_a_heading():
    # `The conversation began at 1140.` is as short as a heading, but its verb and stop make it a sentence
    for sentence in ("The conversation began at 1140.", "The meeting started at 10.30 a.m."):
        doc = (f"March 3, 1956\n\nMemorandum of Conversation with Ambassador Smith\n\nRecord of the Conversation\n\n"
               f"{sentence}\n\n{PROSE}\n{sentence}\n\n{PROSE}")
        root = convert_text(doc).getroot()
        assert heads(root) == ["Record of the Conversation"]
        assert ["".join(p.itertext()) for p in xpath(root, "//t:body//t:p")].count(sentence) == 2
        assert not missing_words(doc, root)
