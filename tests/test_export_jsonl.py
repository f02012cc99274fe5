"""The JSON Lines export: one claim per line, each with its provenance."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from corroborate.export import export, export_ledger
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    Entity,
    SourceRef,
    Span,
    VerificationStatement,
)
from corroborate.store import Ledger

PROVENANCE_KEYS = {
    "claim_id",
    "article",
    "sentence",
    "content",
    "cue",
    "sources",
    "via",
    "channel",
    "hedged",
    "hedge_cues",
    "certainty",
    "polarity",
    "status",
    "verification",
    "event_ids",
}


def _lines(text: str) -> list[dict[str, Any]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_export_jsonl_example_lines_parse_and_point_into_the_article(
    example_ledger: Path,
) -> None:
    out = io.StringIO()
    result = export_ledger(example_ledger, "jsonl", out)
    lines = _lines(out.getvalue())
    assert len(lines) == result.records >= 1
    with Ledger.open(example_ledger) as ledger:
        texts = {a.article.id: a.article.text for a in ledger.iter_analyses()}
    for line in lines:
        assert set(line) >= PROVENANCE_KEYS, line["claim_id"]
        text = texts[line["article"]["id"]]
        for part in ("sentence", "content"):
            span = line[part]
            assert text[span["start"] : span["end"]] == span["text"], (line["claim_id"], part)
        assert line["article"]["published"] == "2024-03-12"
    geojson = io.StringIO()
    export_ledger(example_ledger, "geojson", geojson)
    feature_ids = {f["id"] for f in json.loads(geojson.getvalue())["features"]}
    linked = {event_id for line in lines for event_id in line["event_ids"]}
    assert linked and linked <= feature_ids
    tyotkino = [line for line in lines if "Tyotkino" in line["content"]["text"]]
    assert tyotkino and tyotkino[0]["sources"][0]["side"] == "ukraine"


def _relayed() -> ArticleAnalysis:
    text = (
        "Reuters reports, citing the Legion's Telegram channel, that the group would have "
        "taken Tyotkino. The information could not be independently confirmed. "
        "The ministry said the attack was repelled."
    )
    first = text.index("Reuters")
    second = text.index("The ministry")
    note = text.index("The information")

    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part), part)

    taken = Claim(
        id="a-c1",
        article_id="a",
        content=span("the group would have taken Tyotkino"),
        sentence=Span(first, note - 1, text[first : note - 1]),
        sources=[SourceRef("Freedom of Russia Legion", span("the Legion"), "a-e1")],
        via=[SourceRef("Reuters", span("Reuters"), "a-e2")],
        cue=span("citing"),
        channel="telegram",
        hedged=True,
        hedge_cues=["would"],
        certainty="possible",
        status="unconfirmed",
    )
    repelled = Claim(
        id="a-c2",
        article_id="a",
        content=span("the attack was repelled"),
        sentence=Span(second, len(text), text[second:]),
        sources=[SourceRef("the ministry", span("The ministry"), None)],
        cue=span("said"),
    )
    entities = [
        Entity("a-e1", "Freedom of Russia Legion", "organisation", actor_id="legion",
               affiliation="pro_ukrainian", side="ukraine"),
        Entity("a-e2", "Reuters", "organisation", actor_id="reuters",
               affiliation="international_wire", side="none"),
    ]  # fmt: skip
    statement = VerificationStatement(
        span("The information could not be independently confirmed."), "unconfirmed", ["a-c1"]
    )
    article = Article(
        "a", text, "a.json", "json", url="https://example.org/a", outlet="Example News",
        language="en", published=dt.date(2024, 3, 12), title="Raid",
    )  # fmt: skip
    return ArticleAnalysis(
        article=article,
        entities=entities,
        claims=[taken, repelled],
        verification_statements=[statement],
        contradictions=[Contradiction("a-c1", "a-c2", "taken vs repelled")],
    )


def test_export_jsonl_relay_chain_hedge_and_verification() -> None:
    out = io.StringIO()
    export([_relayed()], "jsonl", out)
    taken, repelled = _lines(out.getvalue())
    assert taken["article"] == {
        "id": "a",
        "url": "https://example.org/a",
        "outlet": "Example News",
        "published": "2024-03-12",
        "title": "Raid",
        "language": "en",
        "input": "a.json",
    }
    [source] = taken["sources"]
    assert (source["name"], source["actor_id"], source["side"]) == (
        "Freedom of Russia Legion",
        "legion",
        "ukraine",
    )
    assert source["written"]["text"] == "the Legion"
    assert [relay["name"] for relay in taken["via"]] == ["Reuters"]
    assert taken["via"][0]["affiliation"] == "international_wire"
    assert (taken["channel"], taken["cue"]["text"]) == ("telegram", "citing")
    assert (taken["hedged"], taken["hedge_cues"], taken["certainty"]) == (
        True,
        ["would"],
        "possible",
    )
    assert taken["status"] == "unconfirmed"
    assert [v["text"] for v in taken["verification"]] == [
        "The information could not be independently confirmed."
    ]
    assert taken["contradicts"] == [{"claim_id": "a-c2", "why": "taken vs repelled"}]
    assert taken["event_ids"] == []
    # The statement qualifies only the claim before it; an unresolved source keeps its name.
    assert repelled["verification"] == []
    assert repelled["sources"][0]["name"] == "the ministry"
    assert repelled["sources"][0]["entity_id"] is None
