"""Scoring contradictions across articles against a disputes file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.errors import GoldFormatError
from corroborate.evaluation import gold_units, load_disputes, score_contradictions
from corroborate.merge.digest import ContradictionPair
from corroborate.resolve.actors import load_actors

EVENT = "2024-04-16/churovichi-raid"


def _corpus(tmp_path: Path, quote: str = "Churovichi is under our full control") -> Path:
    texts = {
        "a.json": "The Legion said: Churovichi is under our full control.",
        "b.json": "The ministry said the attack was repelled.",
        "c.json": "The governor said the capture is a fake.",
    }
    for name, text in texts.items():
        article = {"url": f"https://example.org/{name}", "published": "2024-04-16"}
        (tmp_path / name).write_text(json.dumps(article | {"text": text}), encoding="utf-8")
    disputes = {
        "disputes": [
            {
                "event": EVENT,
                "aspect": "control",
                "why": "whether the village was taken",
                "positions": [
                    {
                        "says": "taken",
                        "by": [
                            {
                                "party": "Freedom of Russia Legion",
                                "aliases": ["the Legion"],
                                "doc": "a.json",
                                "quote": quote,
                            }
                        ],
                    },
                    {
                        "says": "repelled",
                        "by": [
                            {
                                "party": "Russian Defence Ministry",
                                "doc": "b.json",
                                "quote": "the attack was repelled",
                            },
                            {
                                "party": "Alexander Bogomaz",
                                "doc": "c.json",
                                "quote": "the capture is a fake",
                            },
                        ],
                    },
                ],
            }
        ]
    }
    path = tmp_path / "disputes.json"
    path.write_text(json.dumps(disputes), encoding="utf-8")
    return path


def _pair(
    a: str, b: str, source_a: str, source_b: str, aspect: str = "control"
) -> ContradictionPair:
    return ContradictionPair(a, f"{a}-c1", b, f"{b}-c1", "why", aspect, source_a, source_b)


def test_evaluation_corpus_contradictions_parties_in_different_positions(tmp_path: Path) -> None:
    units = gold_units(load_disputes(_corpus(tmp_path), tmp_path))
    assert {frozenset(parties) for _, _, parties in units} == {
        frozenset({"Freedom of Russia Legion", "Russian Defence Ministry"}),
        frozenset({"Freedom of Russia Legion", "Alexander Bogomaz"}),
    }


def test_evaluation_corpus_contradictions_quote_must_be_in_the_article(tmp_path: Path) -> None:
    path = _corpus(tmp_path, quote="Churovichi is ours")
    with pytest.raises(GoldFormatError, match=r"disputes\[0\]\.positions\[0\]\.by\[0\]\.quote"):
        load_disputes(path, tmp_path)


def test_evaluation_corpus_contradictions_copies_count_once(tmp_path: Path) -> None:
    disputes = load_disputes(_corpus(tmp_path), tmp_path)
    events = {"a": EVENT, "b": EVENT, "a-copy": EVENT, "x": "2024-04-03/other"}
    predicted = [
        _pair("a", "b", "Legion", "Russian Ministry of Defence"),
        _pair("a-copy", "b", "the Legion", "Defence Ministry"),  # the same disagreement
        _pair("a", "b", "Legion", "MOSCOW"),  # a city read as a speaker
        _pair("a", "b", "Legion", "Russian Ministry of Defence", aspect="attacker"),
    ]
    result = score_contradictions(disputes, predicted, events, load_actors())
    assert (result.gold, result.predicted, result.matched) == (2, 3, 1)
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == pytest.approx(1 / 2)


def test_evaluation_corpus_contradictions_cluster_decides_the_event(tmp_path: Path) -> None:
    disputes = load_disputes(_corpus(tmp_path), tmp_path)
    # The first article is mainly about another event, but its claim sits in the
    # cluster most of whose articles are about this one.
    events = {"x": "2024-04-03/other", "b": EVENT, "c": EVENT}
    pair = _pair("x", "b", "Freedom of Russia Legion", "Russian Defence Ministry")
    other = _pair("b", "c", "Russian Defence Ministry", "Alexander Bogomaz")
    alone = score_contradictions(disputes, [pair], events, load_actors())
    grouped = score_contradictions(
        disputes, [pair, other], events, load_actors(), {pair: "k1", other: "k1"}
    )
    assert alone.matched == 0
    assert grouped.matched == 1
