"""The plain-English checker on its own: scores, long sentences, plainer words, passive voice, words we avoid."""

import pytest

from plain_english.checker import LONG_SENTENCE_WORDS, MAX_CHARACTERS, check, phrase_pattern, reading_ease_label, sentences

PLAINER = {"utilise": "use", "commence": "start", "in order to": "to"}
AVOIDED = {"asylum seeker": "Use “person seeking asylum”.", "asylum seekers": "Use “people seeking asylum”."}


def long_sentence(words=LONG_SENTENCE_WORDS + 1):
    return " ".join(["word"] * words) + "."


def test_plain_text_scores_higher_than_hard_text_and_both_stay_between_0_and_100():
    plain = check([("Paragraph", "We meet on Monday. Bring a friend if you like. We pay for your bus. Tea is free.")])
    hard = check(
        [
            (
                "Paragraph",
                "Organisational accountability necessitates comprehensive documentation of remuneration "
                "arrangements, notwithstanding administrative considerations and institutional responsibilities.",
            )
        ]
    )
    assert 0 <= hard.reading_ease < 50 <= 60 <= plain.reading_ease <= 100
    assert str(plain.reading_ease_label) in {"Plain English", "Very easy to read"}
    assert str(hard.reading_ease_label) == "Hard to read"


@pytest.mark.parametrize(
    ("score", "shown"),
    [(79.7, "Very easy to read"), (79.4, "Plain English"), (59.6, "Plain English"), (49.5, "Fairly hard to read"), (49.4, "Hard to read")],
)
def test_the_words_match_the_whole_number_shown_beside_them(score, shown):
    """An editor who sees "80" must not read "Plain English" next to it when 80 is "Very easy to read"."""
    assert str(reading_ease_label(score)) == shown


def test_too_little_text_gets_no_score():
    report = check([("Title", "Hello")])
    assert report.reading_ease is None
    assert str(report.reading_ease_label) == "Not enough text to score yet"


def test_a_sentence_over_25_words_is_shown_with_where_it_is():
    text = f"Short one. {long_sentence()} Another short one."
    report = check([("Quote › What they said", text)])
    assert [(finding.where, finding.text) for finding in report.long_sentences] == [("Quote › What they said", long_sentence())]
    assert "26 words" in str(report.long_sentences[0].advice)


def test_a_sentence_of_exactly_25_words_is_not_flagged():
    assert check([("Paragraph", long_sentence(LONG_SENTENCE_WORDS))]).long_sentences == []


def test_list_items_and_lines_without_full_stops_are_separate_sentences():
    lines = "\n".join(["Book a quiet room with space for everyone"] * 5)
    assert check([("Checklist", lines)]).long_sentences == []


def test_arabic_question_marks_and_full_stops_end_sentences_but_the_arabic_comma_does_not():
    arabic = "هل تحتاج إلى مساعدة؟ نحن هنا. نلتقي كل أسبوع، ونشرب الشاي"
    assert sentences(arabic) == ["هل تحتاج إلى مساعدة؟", "نحن هنا.", "نلتقي كل أسبوع، ونشرب الشاي"]


def test_twenty_short_arabic_sentences_are_not_read_as_one_long_sentence():
    arabic = " ".join(["نحن نلتقي كل يوم اثنين."] * 20) + " " + " ".join(["هل تأتي معنا؟"] * 10)
    report = check([("Paragraph", arabic)])
    assert report.long_sentences == []
    assert report.words == 20 * 5 + 10 * 3


def test_urdu_full_stop_ends_a_sentence():
    assert len(sentences("ہم ہر ہفتے ملتے ہیں۔ آپ بھی آئیں۔")) == 2


def test_abbreviations_and_decimal_numbers_do_not_end_a_sentence():
    assert sentences("Bring something, e.g. a photo. It costs 2.50 pounds. Ask Dr. Khan.") == [
        "Bring something, e.g. a photo.",
        "It costs 2.50 pounds.",
        "Ask Dr. Khan.",
    ]


def test_plainer_words_match_whole_words_whatever_the_case():
    report = check([("Summary", "We Utilise rooms. UTILISE them. We commence now. In order to help.")], plainer_words=PLAINER)
    assert [(finding.text, finding.advice) for finding in report.plainer_words] == [
        ("Utilise", "use"),
        ("UTILISE", "use"),
        ("commence", "start"),
        ("In order to", "to"),
    ]


def test_plainer_words_inside_other_words_are_not_matched():
    report = check([("Summary", "The utilisers recommenced. Commencement. re-commence")], plainer_words=PLAINER)
    assert report.plainer_words == []


def test_a_phrase_split_over_a_line_break_still_matches():
    report = check([("Paragraph", "We did it in order\nto help.")], plainer_words=PLAINER)
    assert [finding.advice for finding in report.plainer_words] == ["to"]


def test_words_we_avoid_are_flagged_with_the_words_we_use():
    report = check([("Paragraph", "Every Asylum Seeker is welcome. Asylum seekers can come.")], avoided_terms=AVOIDED)
    assert [(finding.text, finding.advice) for finding in report.avoided_terms] == [
        ("Asylum Seeker", "Use “person seeking asylum”."),
        ("Asylum seekers", "Use “people seeking asylum”."),
    ]


def test_the_words_we_use_are_not_flagged():
    assert check([("Paragraph", "Every person seeking asylum is welcome.")], avoided_terms=AVOIDED).avoided_terms == []


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("Travel costs are paid by the charity.", ["are paid"]),
        ("The form was completed last week.", ["was completed"]),
        ("Trustees were not chosen fairly.", ["were not chosen"]),
        ("The room is always booked early.", ["is always booked"]),
        ("The guide was written by the group.", ["was written"]),
        ("We pay travel costs.", []),
        ("I am interested in joining.", []),
        ("She is a trustee.", []),
    ],
)
def test_passive_voice_hint(text, passive):
    assert [finding.text for finding in check([("Paragraph", text)]).passive] == passive


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n\n", "....!!!???", "<b>not html</b>", "\x00\x01", "💬" * 50, "a" * 10_000, "؟؟؟ ، ، ۔", "e.g." * 100],
)
def test_odd_text_does_not_crash(text):
    report = check([("Paragraph", text)], plainer_words=PLAINER, avoided_terms=AVOIDED)
    assert report.words >= 0
    assert report.reading_ease is None or 0 <= report.reading_ease <= 100


def test_empty_and_missing_text_give_an_empty_report():
    report = check([("Summary", None), ("Body", "")], plainer_words={}, avoided_terms={})
    assert (report.words, report.reading_ease, report.advice_count, report.truncated) == (0, None, 0, False)


def test_200_kilobytes_of_text_is_cut_short_with_a_message_flag():
    sentence = "We utilise the room in order to commence the meeting. "
    text = sentence * (200_000 // len(sentence))
    report = check([("Paragraph", text), ("Transcript", text)], plainer_words=PLAINER)
    assert report.truncated
    assert report.words <= MAX_CHARACTERS // 4
    whole_sentences = MAX_CHARACTERS // len(sentence)
    assert 3 * whole_sentences <= len(report.plainer_words) <= 3 * (whole_sentences + 1)


def test_text_just_under_the_limit_is_checked_whole():
    assert not check([("Paragraph", "a" * MAX_CHARACTERS)]).truncated


def test_an_empty_list_makes_no_pattern():
    assert phrase_pattern(["", "  "]) is None
