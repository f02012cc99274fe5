"""The CSV export in ACLED's column layout, on the example ledger and on records made by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd

from corroborate.events.taxonomy import EVENT_TYPES
from corroborate.export import export, export_ledger
from corroborate.export.acled import event_date
from corroborate.geo import Gazetteer
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Entity,
    Event,
    PlaceMention,
    PlacePrecision,
    Polarity,
    Quantity,
    SourceRef,
    Span,
)

ACLED_COLUMNS = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]


def _tyotkino(admin1: str | None = "Kursk Oblast") -> PlaceMention:
    return PlaceMention(
        Span(0, 8, "Tyotkino"), "Tëtkino", 51.28128, 34.29382, admin1, "RU", "settlement", 483166
    )


def _analysis(
    article_id: str,
    text: str,
    *,
    outlet: str | None = "Meduza",
    place: PlaceMention | None = None,
    killed: tuple[float, ...] = (),
    polarity: Polarity = "positive",
    date: str = "2024-03-12",
) -> ArticleAnalysis:
    """One article, one claim (the whole text) by the Legion, one event resting on it."""
    claim = Claim(
        id=f"{article_id}-c1",
        article_id=article_id,
        content=Span(0, len(text), text),
        sentence=Span(0, len(text), text),
        sources=[SourceRef("the Legion", Span(0, 3, text[:3]), f"{article_id}-e1")],
        polarity=polarity,
    )
    legion = Entity(
        f"{article_id}-e1",
        "Freedom of Russia Legion",
        "organisation",
        actor_id="freedom_of_russia_legion",
        side="ukraine",
        affiliation="pro_ukrainian",
    )
    event = Event(
        id=f"{article_id}-v1",
        article_id=article_id,
        type="Battles",
        sub_type="Armed clash",
        date=date,
        place=place.name if place is not None else None,
        claim_ids=[claim.id],
        place_mention=place,
        date_precision="day",
        acted_by=["Freedom of Russia Legion"],
        targets=["Russian Armed Forces"],
    )
    figures = [
        Quantity(claim.id, "people killed", Span(0, 1, text[0]), n, n, kind="killed")
        for n in killed
    ]
    article = Article(
        article_id,
        text,
        f"{article_id}.txt",
        "text",
        outlet=outlet,
        published=dt.date(2024, 3, 12),
    )
    return ArticleAnalysis(
        article=article, entities=[legion], claims=[claim], quantities=figures, events=[event]
    )


def _rows(
    analyses: list[ArticleAnalysis], gazetteer: Gazetteer | None = None
) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export(analyses, "csv", out, gazetteer=gazetteer)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_export_csv_opens_in_pandas_with_acled_columns_and_a_tyotkino_row(
    example_ledger: Path,
) -> None:
    out = io.StringIO(newline="")
    result = export_ledger(example_ledger, "csv", out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) == result.records >= 1
    tyotkino = frame[frame["location"] == "Tëtkino"]
    assert len(tyotkino) >= 1
    row = tyotkino.iloc[0]
    assert row["admin1"] == "Kursk Oblast"
    assert row["geo_precision"] == "1"
    assert abs(float(row["latitude"]) - 51.28) < 0.01
    assert abs(float(row["longitude"]) - 34.29) < 0.01
    assert row["event_type"] in EVENT_TYPES
    assert row["sub_event_type"] in EVENT_TYPES[row["event_type"]]
    assert "Tjotkino" in row["notes"] or "Tyotkino" in row["notes"]
    assert row["source"]
    assert frame["fatalities"].str.isdigit().all()
    assert set(frame["geo_precision"]) <= {"1", "2", "3", ""}


def test_export_csv_one_row_per_event_across_articles() -> None:
    rows = _rows(
        [
            _analysis("a", "The Legion said it took the village of Tyotkino.", place=_tyotkino()),
            _analysis(
                "b",
                "Fighters of the Legion claimed control over Tyotkino by the afternoon.",
                outlet="Reuters",
                place=_tyotkino(),
            ),
        ]
    )
    assert len(rows) == 1
    [row] = rows
    assert row["source"] == "Meduza; Reuters"
    assert row["actor1"] == "Freedom of Russia Legion"
    assert row["actor2"] == "Russian Armed Forces"
    assert "2 claims in 2 articles" in row["notes"]


def test_export_csv_fatalities_lowest_claim_never_summed_across_claims() -> None:
    rows = _rows(
        [
            # One claim naming two groups of dead states 3 + 2 = 5.
            _analysis(
                "a",
                "Three soldiers and two civilians were killed in Tyotkino, the Legion said.",
                place=_tyotkino(),
                killed=(3, 2),
            ),
            _analysis(
                "b",
                "Twelve people died in the fighting at Tyotkino, according to the Legion.",
                outlet="Reuters",
                place=_tyotkino(),
                killed=(12,),
            ),
            # A denial states no toll, so it does not make the lowest figure 0.
            _analysis(
                "c",
                "Nobody was killed at Tyotkino at all, a spokesman of the Legion insisted.",
                outlet="TASS",
                place=_tyotkino(),
                killed=(0,),
                polarity="negative",
            ),
        ]
    )
    assert [row["fatalities"] for row in rows] == ["5"]


def test_export_csv_no_killed_figure_is_zero() -> None:
    [row] = _rows([_analysis("a", "The Legion said it took Tyotkino.", place=_tyotkino())])
    assert row["fatalities"] == "0"


def test_export_csv_quotes_commas_quotes_and_line_breaks() -> None:
    text = 'The Legion said, "we took Tyotkino",\nand more\r\nlater.'
    out = io.StringIO(newline="")
    export([_analysis("a", text, outlet='Outlet, "the"', place=_tyotkino())], "csv", out)
    raw = out.getvalue()
    assert raw.count("\r\n") == 2  # header and one row: the notes hold no line break
    assert '""we took Tyotkino""' in raw
    [row] = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert row["source"] == 'Outlet, "the"'
    assert 'The Legion said, "we took Tyotkino", and more later.' in row["notes"]


def test_export_csv_geo_precision_codes() -> None:
    def place(precision: PlacePrecision) -> PlaceMention:
        return PlaceMention(Span(0, 1, "X"), "X", 50.0, 36.0, "Kursk Oblast", "RU", precision, 1)

    expected: dict[PlacePrecision, str] = {
        "settlement": "1",
        "district": "2",
        "region": "3",
        "country": "3",
    }
    for precision, code in expected.items():
        [row] = _rows(
            [_analysis("a", "The Legion said it took the place.", place=place(precision))]
        )
        assert row["geo_precision"] == code, precision
    [row] = _rows([_analysis("a", "The Legion said it took the place.", place=None)])
    assert (row["geo_precision"], row["latitude"], row["location"]) == ("", "", "")


def test_export_csv_admin1_from_gazetteer_else_empty_with_a_note() -> None:
    unnamed = [_analysis("a", "The Legion said it took Tyotkino.", place=_tyotkino(admin1=None))]
    with Gazetteer.open(build_if_missing=False) as gazetteer:
        [row] = _rows(unnamed, gazetteer)
    assert row["admin1"] == "Kursk Oblast"
    out = io.StringIO(newline="")
    result = export(unnamed, "csv", out, gazetteer=None)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["admin1"] == ""
    assert any("admin1" in note for note in result.notes)


def test_export_csv_event_date_of_a_range_and_a_month() -> None:
    assert event_date("2024-03-12") == "2024-03-12"
    assert event_date("2024-03-11/2024-03-12") == "2024-03-11"
    assert event_date("2024-03") == "2024-03"
    assert event_date(None) == ""
    [row] = _rows([_analysis("a", "The Legion said so.", date="2024-03-11/2024-03-12")])
    assert row["event_date"] == "2024-03-11"
    assert row["notes"].startswith("2024-03-11/2024-03-12:")
