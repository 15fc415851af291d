"""The field mapping: which key or column is a record's text, headline, date, outlet, url, id."""

import pytest

from transforms.ingest.fields import Fields, normalise, parse_overrides


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a coder's armed-conflict export
        (
            ["data_id", "event_id_cnty", "event_date", "year", "notes", "source", "location"],
            {
                "text": "notes",
                "id": "event_id_cnty",
                "event_date": "event_date",
                "source": "source",
            },
        ),
        # a terrorism-database export: the summary, the first citation, the split date
        (
            ["eventid", "iyear", "imonth", "iday", "summary", "scite1", "addnotes"],
            {"text": "summary", "id": "eventid", "source": "scite1"},
        ),
        # a spreadsheet of articles, headers as people type them
        (
            ["Headline", "Body", "Outlet", "Link", "Published Date"],
            {
                "text": "Body",
                "title": "Headline",
                "source": "Outlet",
                "url": "Link",
                "published": "Published Date",
            },
        ),
    ],
)
def test_each_header_convention_finds_its_columns(header, expected):
    columns = Fields().columns(header)
    assert {k: v for k, v in columns.items() if k in expected} == expected


def test_precedence_text_before_summary_and_published_before_date():
    columns = Fields().columns(["summary", "date", "TEXT", "published"])
    assert (columns["text"], columns["published"]) == ("TEXT", "published")


def test_a_column_of_no_role_is_never_the_text():
    # counter-example: 'addnotes', 'location', 'title' are no text column
    assert "text" not in Fields().columns(["addnotes", "location", "title"])


def test_override_names_a_column_and_an_empty_override_reads_none():
    fields = Fields(parse_overrides(["text=Comments", "source="]))
    columns = fields.columns(["notes", "comments", "source"])
    assert columns["text"] == "comments" and "source" not in columns


def test_an_override_naming_an_absent_column_does_not_fall_back():
    fields = Fields(parse_overrides(["text=report"]))
    assert "text" not in fields.columns(["notes", "text"])
    assert "report" in fields.text_field()


def test_overrides_comma_separated_and_the_last_wins():
    assert parse_overrides(["text=a,title=b", "text=c"]) == (("text", "c"), ("title", "b"))


@pytest.mark.parametrize("spec", ["body", "texte=notes", "=notes"])
def test_a_bad_override_is_refused(spec):
    with pytest.raises(ValueError, match="ROLE=FIELD"):
        parse_overrides([spec])


def test_publication_date_wins_and_an_event_date_says_so():
    fields = Fields()
    both = {"published": "2026-03-02", "event_date": "2016-06-12", "text": "x"}
    picked = fields.pick(both, fields.columns(both))
    assert (picked.published, picked.date_method) == ("2026-03-02", "metadata")
    coder = {"event_date": "12 June 2016", "notes": "x"}
    picked = fields.pick(coder, fields.columns(coder))
    assert (picked.published, picked.date_method) == ("12 June 2016", "event_date")


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        ("2016", "6", "12", "2016-06-12"),
        ("2016", "6", "0", None),  # 0: unknown day
        ("2016", "0", "0", None),
        ("2016", "", "3", None),
    ],
)
def test_split_year_month_day(year, month, day, expected):
    fields = Fields()
    row = {"iyear": year, "imonth": month, "iday": day, "summary": "x"}
    picked = fields.pick(row, fields.columns(row))
    assert picked.published == expected
    assert picked.date_method == ("event_date" if expected else None)


def test_empty_values_are_none_and_other_types_are_strings():
    fields = Fields()
    obj = {"text": "x", "title": "  ", "id": 42, "source": {"name": "y"}}
    picked = fields.pick(obj, fields.columns(obj))
    assert (picked.title, picked.id, picked.source) == (None, "42", None)


def test_normalise():
    assert normalise("\ufeffEvent Date ") == "event_date"
    assert normalise("full-text") == "full_text"
