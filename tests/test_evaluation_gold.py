"""Tests of reading gold files: what is accepted, and a precise error for each mistake."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corroborate.errors import GoldFormatError
from corroborate.evaluation import collect_gold_paths, load_gold

TEXT = (
    "The “Legion of Free Russia” claimed to have taken over the village of Tyotkino "
    "on Tuesday morning, Reuters reports.\n"
    "The information could not be independently confirmed.\n"
    "In the photo, the flag of the Legion."
)

GOLD: dict[str, Any] = {
    "doc": "article.txt",
    "date": "2024-03-12",
    "weekday": "Tuesday",
    "entities": [
        {"id": "legion", "canonical": "Freedom of Russia Legion", "kind": "armed_group",
         "side": "pro-Ukraine", "mentions": ["Legion of Free Russia", "Legion"]},
        {"id": "reuters", "canonical": "Reuters", "kind": "media", "mentions": ["Reuters"]},
    ],
    "places": [
        {"id": "tyotkino", "canonical": "Tyotkino", "admin1": "Kursk Oblast", "country": "RU",
         "lat": 51.28, "lon": 34.29, "tolerance_km": 10, "mentions": ["Tyotkino"]},
    ],
    "claims": [
        {"id": "C1", "quote": "claimed to have taken over the village of Tyotkino",
         "source": "legion", "via": ["reuters"], "kind": "assertion", "hedged": True},
        {"id": "C2", "quote": "The information could not be independently confirmed.",
         "source": ["reuters"], "kind": "verification_status", "status": "unconfirmed"},
    ],
    "contradictions": [{"a": "C1", "b": "C2", "why": "for the test"}],
    "dates": [{"text": "on Tuesday morning", "value": "2024-03-12"}],
    "events": [{"id": "E1", "date": "2024-03-12", "type": "Battles", "place": "tyotkino",
                "status": "claimed", "date_note": "morning"}],
    "quantities": [{"claim": "C1", "what": "villages", "value": 1}],
    "captions": ["In the photo, the flag of the Legion."],
    "verification_statements": ["The information could not be independently confirmed."],
    "text_artifacts": {"glued_words": []},
}  # fmt: skip


def write(tmp_path: Path, gold: Any, text: str = TEXT, name: str = "gold.json") -> Path:
    (tmp_path / "article.txt").write_text(f"date 2024-03-12 {text}", encoding="utf-8")
    path = tmp_path / name
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_evaluation_gold_reads_every_field_and_ignores_unknown_keys(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    assert gold.article.text == TEXT
    assert gold.date == dt.date(2024, 3, 12)
    assert gold.claims is not None and gold.claims[0].via == ("reuters",)
    assert gold.claims[0].sources == ("legion",) and gold.claims[1].sources == ("reuters",)
    assert gold.claims[0].hedged is True and gold.claims[1].hedged is None
    assert gold.places is not None and gold.places[0].tolerance_km == 10
    assert gold.quantities is not None and gold.quantities[0].value == 1.0
    assert gold.events is not None and gold.events[0].place == "tyotkino"
    assert gold.annotated("captions") and gold.captions == (GOLD["captions"][0],)


def test_evaluation_gold_left_out_field_is_not_annotated(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, {"doc": "article.txt", "captions": []}))
    assert gold.annotated("captions")
    assert not gold.annotated("claims") and gold.claims is None
    assert gold.date is None and gold.article.published == dt.date(2024, 3, 12)


def test_evaluation_gold_reads_json_article_from_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {"text": TEXT, "url": "https://example.org/a", "outlet": "Example"}
    (corpus / "a.json").write_text(json.dumps(record), encoding="utf-8")
    dated = {"text": f"date 2024-03-11\n{TEXT}", "title": "Raid"}
    (corpus / "b.json").write_text(json.dumps(dated), encoding="utf-8")
    path = write(tmp_path, {"doc": "a.json", "date": "2024-03-12", "captions": []})
    gold = load_gold(path, corpus=corpus)
    assert gold.article.text == TEXT and gold.article.url == "https://example.org/a"
    assert gold.article.published == dt.date(2024, 3, 12)  # anchored on the gold date
    path.write_text(json.dumps({"doc": "b.json"}), encoding="utf-8")
    gold = load_gold(path, corpus=corpus)
    assert gold.article.text == TEXT and gold.article.published == dt.date(2024, 3, 11)
    assert gold.article.title == "Raid"


def test_evaluation_collect_gold_paths_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "set" / "deep").mkdir(parents=True)
    for name in ("set/b.json", "set/deep/a.json", "set/notes.txt", "single.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = collect_gold_paths([tmp_path / "set", tmp_path / "single.json", tmp_path / "set"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "set/b.json", "set/deep/a.json", "single.json",
    ]  # fmt: skip
    with pytest.raises(GoldFormatError, match="no such file"):
        collect_gold_paths([tmp_path / "missing"])


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """A mutation setting ``a.0.b`` style paths (``None`` value with DELETE removes)."""

    def mutate(gold: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = gold
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if value is DELETE:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


DELETE = object()

MALFORMED: list[tuple[Mutation, str, str]] = [
    (_set("claims.1.quote", "could not be confirmed"), "claims[1].quote", "exact substring"),
    (_set("claims.0.quote", 'The "Legion of Free Russia"'), "claims[0].quote", "quote marks"),
    (_set("claims.0.source", DELETE), "claims[0].source", "missing"),
    (_set("claims.0.source", 7), "claims[0].source", "list of strings"),
    (_set("claims.0.via", "reuters"), "claims[0].via", "list of strings"),
    (_set("claims.0.hedged", "yes"), "claims[0].hedged", "true or false"),
    (_set("claims.1.id", "C1"), "claims[1].id", "used twice"),
    (_set("contradictions.0.b", "C9"), "contradictions[0].b", "'C9' is not the id"),
    (_set("quantities.0.claim", "C7"), "quantities[0].claim", "'C7' is not the id"),
    (_set("quantities.0.value", None), "quantities[0].value", "a number"),
    (_set("dates.0.value", "2024-13-01"), "dates[0].value", "not a date"),
    (_set("dates.0.value", "2024-02-30"), "dates[0].value", "not a date"),
    (_set("dates.0.value", "2024-03-12/2024-03-11"), "dates[0].value", "ends before"),
    (_set("dates.0.text", "on Wednesday"), "dates[0].text", "exact substring"),
    (_set("entities", {"id": "x"}), "entities", "list of objects"),
    (_set("entities.1", "Reuters"), "entities[1]", "an object"),
    (_set("entities.0.mentions.1", "Legione"), "entities[0].mentions[1]", "exact substring"),
    (_set("entities.0.mentions", []), "entities[0].mentions", "empty"),
    (_set("places.0.lat", "51.28"), "places[0].lat", "a number"),
    (_set("places.0.lon", None), "places[0].lat", "both"),
    (_set("places.0.tolerance_km", None), "places[0].tolerance_km", "positive number"),
    (_set("places.0.country", "Russia"), "places[0].country", "two-letter"),
    (_set("events.0.place", DELETE), "events[0].place", "missing"),
    (_set("events.0.date", "12.03.2024"), "events[0].date", "not a date"),
    (_set("captions.0", "A caption that is not there."), "captions[0]", "exact substring"),
    (_set("verification_statements", "none"), "verification_statements", "list of strings"),
    (_set("date", "March 12"), "date", "YYYY-MM-DD"),
    (_set("date", "2024-03-13"), "date", "differs from the article's own date"),
    (_set("doc", "missing.txt"), "doc", "was not found"),
    (_set("doc", DELETE), "doc", "missing"),
]


@pytest.mark.parametrize(("mutate", "field", "problem"), MALFORMED)
def test_evaluation_malformed_gold_names_file_and_field(
    tmp_path: Path, mutate: Mutation, field: str, problem: str
) -> None:
    gold = copy.deepcopy(GOLD)
    mutate(gold)
    path = write(tmp_path, gold)
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    assert (caught.value.path, caught.value.field) == (str(path), field)
    assert problem in caught.value.problem
    assert str(path) in str(caught.value) and field in str(caught.value)


def test_evaluation_null_coordinates_need_admin1(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD)
    gold["places"][0].update(lat=None, lon=None, tolerance_km=None)
    del gold["places"][0]["admin1"]
    with pytest.raises(GoldFormatError) as caught:
        load_gold(write(tmp_path, gold))
    assert caught.value.field == "places[0].admin1"


@pytest.mark.parametrize(
    ("content", "problem"),
    [('{"doc": "article.txt",}', "not valid JSON"), ("[1, 2]", "one JSON object")],
)
def test_evaluation_unreadable_gold_file_is_reported(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = write(tmp_path, {})
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=problem) as caught:
        load_gold(path)
    assert caught.value.field == "(file)"


def test_evaluation_missing_quote_suggests_the_closest_passage(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD)
    gold["claims"][0]["quote"] = "claimed to have taken the village of Tyotkino"
    with pytest.raises(GoldFormatError) as caught:
        load_gold(write(tmp_path, gold))
    assert "closest passage" in caught.value.problem
    assert "village of Tyotkino" in caught.value.problem
