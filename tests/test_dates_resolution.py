"""Date expressions resolved against the article date (Tuesday 12 March 2024)."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.nlp.dates import find_dates

TUESDAY = dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Fighting began on Tuesday morning.", "on Tuesday morning", "2024-03-12", "day"),
        ("Attacks went on since Sunday.", "since Sunday", "2024-03-10", "day"),
        (
            "Drones flew in on the night before Tuesday.",
            "on the night before Tuesday",
            "2024-03-11/2024-03-12",
            "range",
        ),
        ("Earlier on Tuesday the alert sounded.", "Earlier on Tuesday", "2024-03-12", "day"),
        ("They met in February.", "in February", "2024-02", "month"),
        ("They met in May 2023.", "in May 2023", "2023-05", "month"),
        ("The strike came yesterday.", "yesterday", "2024-03-11", "day"),
        ("Shelling went on last week.", "last week", "2024-03-04/2024-03-10", "week"),
        ("It happened on 3 March 2024.", "on 3 March 2024", "2024-03-03", "day"),
        ("It happened on March 3, 2024.", "on March 3, 2024", "2024-03-03", "day"),
        ("It happened on 2024-03-01.", "2024-03-01", "2024-03-01", "day"),
        ("It happened on 01.03.2024.", "01.03.2024", "2024-03-01", "day"),
        ("The talks are next Monday.", "next Monday", "2024-03-18", "day"),
        ("It was quiet in December.", "in December", "2023-12", "month"),
        ("Two days ago a drone fell.", "Two days ago", "2024-03-10", "day"),
    ],
)
def test_dates_resolved(text: str, expression: str, value: str, precision: str) -> None:
    found = [d for d in find_dates(text, TUESDAY) if text[d.start : d.end] == expression]
    assert found, [text[d.start : d.end] for d in find_dates(text, TUESDAY)]
    assert found[0].value == value
    assert found[0].precision == precision


def test_dates_modal_may_is_not_a_month() -> None:
    assert find_dates("The dam may collapse soon.", TUESDAY) == []


def test_dates_without_article_date_keep_explicit_dates_only() -> None:
    found = find_dates("On Tuesday, after 3 March 2024, it began.", None)
    values = {d.value for d in found}
    assert "2024-03-03" in values
    assert None in values  # the weekday cannot be resolved without an anchor


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The attack came on ſunday.", "2024-03-10"),
        ("It happened on frıday night.", "2024-03-08"),
        ("It was laſt week.", "2024-03-04/2024-03-10"),
    ],
)
def test_dates_letters_matched_as_ascii_are_read_as_ascii(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, TUESDAY)] == [value]
