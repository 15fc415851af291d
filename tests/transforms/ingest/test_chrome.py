import pytest

from transforms.ingest.chrome import chrome_kind, clean_text_lines

BODY = (
    "Gunmen attacked an army checkpoint near Palmyra on Tuesday, killing two soldiers, "
    "the defence ministry said in a statement."
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Menu", "ui"),
        ("Search", "ui"),
        ("Share on Facebook", "ui"),
        ("• Play/Pause English", "ui"),
        ("Close", "ui"),
        ("Bookmark", "ui"),
        ("|   Politics", "breadcrumb"),
        ("Sign up now: Get ST's newsletters delivered to your inbox", "signup"),
        ("Subscribe to our daily newsletter", "signup"),
        ("Welcome to EconoTimes", "welcome"),
        ("Welcome to the Daily Planet!", "welcome"),
        ("+ ↺ − 16 px", "font_widget"),
        ("A A A 18px", "font_widget"),
        ("• Market Data", "ui"),
        ("BRENT 82.10 +1.2% WTI 78.30 -0.4% GOLD 2,310 +0.1%", "ticker"),
        ("© 2026 Example Media. All rights reserved.", "legal"),
        ("Updated: February 22, 2026, 6:02 AM", "dateline"),
    ],
)
def test_chrome_lines(line, kind):
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Islamic State said it had attacked the city of Raqqa.",
        "Search operations continued in the desert near Sukhnah on Sunday.",
        "Welcome to the new era, the minister told reporters in Damascus on Monday.",
    ],
)
def test_body_lines_are_not_chrome(line):
    assert chrome_kind(line) is None


def test_repeated_caption_kept_once_as_caption():
    cap = "A fighter in the desert. Getty Images"
    text = "\n".join([cap, cap, cap, "", "Headline Of The Story Here", "", BODY, BODY[:40] + "."])
    out = clean_text_lines(text)
    assert out.caption == cap
    assert cap not in out.body
    assert out.title == "Headline Of The Story Here"
    assert out.body.startswith(BODY)


def test_body_kept_whole_and_in_order():
    paragraphs = [
        f"Paragraph {i} tells what happened in Raqqa on day {i}, officials said." for i in range(8)
    ]
    text = "Menu\nSearch\n\n" + "\n\n".join(paragraphs) + "\n\nClose\nWelcome to Example News"
    out = clean_text_lines(text)
    assert out.body == "\n\n".join(paragraphs)
    assert [k for k, _ in out.removed] == ["ui", "ui", "ui", "welcome"]


def test_wrapped_signup_prompt_removed():
    text = BODY + "\n\nSign up for daily updates for the most important\nstories unfolding today."
    assert clean_text_lines(text).body == BODY


def test_title_only_before_the_body():
    text = BODY + "\n\nA Short Subheading In Title Case\n\n" + BODY
    out = clean_text_lines(text)
    assert out.title is None
    assert "A Short Subheading In Title Case" in out.body


def test_a_sentence_with_percentages_is_not_a_ticker():
    line = "Turnout was 45% in Raqqa and 30% in Hasakah, officials said."
    assert chrome_kind(line) is None


def test_a_note_ending_on_its_source_line_is_body_a_short_credited_caption_is_not():
    # a coder's note with its sources on the same line: the sentence before them is a body
    # paragraph, so the line is body (it was dropped whole as a caption)
    note = (
        "On 4 May 2019, unknown gunmen shot dead two farmers on the outskirts of a village in "
        "the eastern countryside. Sources: Step News Agency; local monitors."
    )
    assert clean_text_lines(note).body == note
    caption = "Smoke over the old city. Source: Reuters"  # a short line before its credit
    out = clean_text_lines(caption + "\n\n" + BODY)
    assert out.caption == caption and out.body == BODY


def test_a_caption_repeating_the_headline_before_its_credit_is_a_caption():
    # a long caption in headline case ends in a full stop like a sentence: still a caption
    caption = (
        "Armed Group Says It Carried Out Two Raids on Army Posts as Fighting Spreads Across "
        "the Eastern Desert. Source: Agency photo, CC BY 4.0, via Wikimedia Commons"
    )
    out = clean_text_lines(caption + "\n\n" + BODY)
    assert out.caption == caption and out.body == BODY
    # the same words in sentence case are a body paragraph with its source
    note = (
        "The armed group says it carried out two raids on army posts as fighting spreads "
        "across the eastern desert. Source: local monitors."
    )
    assert clean_text_lines(note).body == note
