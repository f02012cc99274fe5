"""Checks of the hand-written multi-article corpus under tests/data/corpus.

The corpus is gold data for cross-article merging, so a typo in it silently skews every
score measured on it: these tests hold the articles, the clusters file, the contradiction
pairs and the syndicated copies to what the README in that folder promises.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from corroborate.ingest.identity import article_id

CORPUS = Path(__file__).parent / "data" / "corpus"
GOLD_FILES = frozenset({"clusters.json", "contradictions.json"})
REQUIRED = ("url", "outlet", "published", "language", "title", "text")
EVENT_ID = re.compile(r"^\d{4}-\d{2}-\d{2}/[a-z0-9]+(?:-[a-z0-9]+)*$")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
COPY_SHARE = 0.8
# Independent reports of one event share names and stock phrases, never whole passages;
# far below this, a pair is certainly not a copy.
INDEPENDENT_SHARE = 0.5

# Syndicated copy -> the wire report it reproduces (README.md lists the same pairs).
COPIES = {
    "2024-04-16-yahoo-churovichi-raid.json": "2024-04-16-reuters-churovichi-raid.json",
    "2024-04-16-usnews-bryansk-village.json": "2024-04-16-reuters-churovichi-raid.json",
    "2024-04-16-moscowtimes-churovichi.json": "2024-04-16-reuters-churovichi-raid.json",
    "2024-06-05-france24-sumy.json": "2024-06-05-afp-sumy-strike.json",
    "2024-06-05-barrons-ukraine-sumy-missile.json": "2024-06-05-afp-sumy-strike.json",
    "2024-06-05-moscowtimes-sumy.json": "2024-06-05-afp-sumy-strike.json",
    "2024-07-20-abcnews-voronezh-drones.json": "2024-07-20-ap-voronezh-drones.json",
    "2024-07-20-washingtonpost-russia-drones.json": "2024-07-20-ap-voronezh-drones.json",
    "2024-07-20-independent-ostrogozhsk.json": "2024-07-20-ap-voronezh-drones.json",
    "2024-08-27-yahoo-ukraine-village.json": "2024-08-27-reuters-verbove.json",
    "2024-08-27-investing-verbove.json": "2024-08-27-reuters-verbove.json",
    "2024-08-27-kyivpost-verbove.json": "2024-08-27-reuters-verbove.json",
}


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def article_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.json") if p.name not in GOLD_FILES)


def articles() -> dict[str, dict[str, Any]]:
    return {path.name: load_json(path) for path in article_files()}


def gold_clusters() -> list[dict[str, str]]:
    data = load_json(CORPUS / "clusters.json")
    assert isinstance(data, dict) and list(data) == ["clusters"]
    items: list[dict[str, str]] = data["clusters"]
    return items


def five_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def shared_share(copy: str, original: str) -> float:
    """Share of the copy's word 5-grams that also occur in the original."""
    grams = five_grams(copy)
    return len(grams & five_grams(original)) / len(grams) if grams else 0.0


def family(name: str) -> str:
    """The wire report an article reproduces, or the article itself."""
    return COPIES.get(name, name)


def test_corpus_shared_share_hand_examples() -> None:
    text = "the ministry said the attack had been repelled near the village on Tuesday"
    assert shared_share(text, text) == 1.0
    assert shared_share(text, "nothing in common with that sentence at all here") == 0.0
    trimmed = "the ministry said the attack had been repelled"
    assert shared_share(trimmed, text) == 1.0  # a trimmed copy is wholly contained
    assert shared_share(text, trimmed) == pytest.approx(4 / 9)  # 13 words: 9 five-grams
    assert shared_share("too short", text) == 0.0


def test_corpus_articles_have_required_fields() -> None:
    files = article_files()
    assert len(files) >= 30
    for path in files:
        data = load_json(path)
        assert isinstance(data, dict), path.name
        for key in REQUIRED:
            assert isinstance(data.get(key), str) and data[key].strip(), f"{path.name}: {key}"
        assert data["language"] == "en", path.name
        assert data["url"].startswith("https://example.org/"), path.name
        assert dt.date.fromisoformat(data["published"]).year == 2024, path.name
        words = len(data["text"].split())
        assert 80 <= words <= 250, f"{path.name}: {words} words"
        # paragraphs are separated by one blank line and never broken inside
        for paragraph in data["text"].split("\n\n"):
            assert paragraph.strip() == paragraph and paragraph and "\n" not in paragraph


def test_corpus_urls_and_texts_are_distinct() -> None:
    corpus = articles()
    assert len({a["url"] for a in corpus.values()}) == len(corpus)
    # articles are identified by a hash of their text: two equal texts would be one article
    assert len({article_id(a["text"]) for a in corpus.values()}) == len(corpus)


def test_corpus_weekdays_match_publication_dates() -> None:
    # wire copy says "on Tuesday" for the day of publication and, in follow-ups, the day
    # before; any other weekday means the date or the text is wrong
    for name, article in articles().items():
        published = dt.date.fromisoformat(article["published"])
        allowed = {
            published.strftime("%A"),
            (published - dt.timedelta(days=1)).strftime("%A"),
        }
        named = set(WEEKDAY.findall(article["text"]))
        assert named <= allowed, f"{name}: {sorted(named - allowed)} vs {published}"


def test_corpus_clusters_list_every_article_once() -> None:
    items = gold_clusters()
    docs = [item["doc"] for item in items]
    assert len(docs) == len(set(docs))
    assert set(docs) == {path.name for path in article_files()}
    corpus = articles()
    for item in items:
        assert set(item) == {"doc", "main_event"}
        assert EVENT_ID.match(item["main_event"]), item
        published = dt.date.fromisoformat(corpus[item["doc"]]["published"])
        event_day = dt.date.fromisoformat(item["main_event"][:10])
        assert dt.timedelta(0) <= published - event_day <= dt.timedelta(days=1), item
    events = [item["main_event"] for item in items]
    sizes = sorted((events.count(event) for event in set(events)), reverse=True)
    assert len(sizes) >= 4
    assert sizes[3] >= 5  # four well-covered events, the rest decoys


def test_corpus_dispute_quotes_are_exact() -> None:
    data = load_json(CORPUS / "contradictions.json")
    assert isinstance(data, dict) and set(data) == {"disputes"}
    disputes = data["disputes"]
    assert isinstance(disputes, list) and len(disputes) >= 8
    corpus = articles()
    events = {item["main_event"] for item in gold_clusters()}
    for dispute in disputes:
        assert set(dispute) == {"event", "aspect", "why", "positions"}, dispute
        assert dispute["event"] in events and dispute["why"].strip(), dispute
        assert len(dispute["positions"]) >= 2, dispute
        parties = []
        for position in dispute["positions"]:
            assert set(position) == {"says", "by"} and position["by"], position
            for holder in position["by"]:
                assert set(holder) <= {"party", "aliases", "doc", "quote"}, holder
                assert holder["quote"] in corpus[holder["doc"]]["text"], holder["quote"]
                parties.append(holder["party"])
        # A party holds one position in a dispute, or it would contradict itself.
        assert len(parties) == len(set(parties)), dispute["why"]


def test_corpus_copies_are_near_identical_to_their_original() -> None:
    corpus = articles()
    event_of = {item["doc"]: item["main_event"] for item in gold_clusters()}
    for copy, original in COPIES.items():
        share = shared_share(corpus[copy]["text"], corpus[original]["text"])
        assert share >= COPY_SHARE, f"{copy}: {share:.2f} of its 5-grams in {original}"
        assert event_of[copy] == event_of[original], copy
        assert corpus[copy]["outlet"] != corpus[original]["outlet"], copy


def test_corpus_independent_reports_are_not_copies() -> None:
    corpus = articles()
    for a, b in itertools.combinations(sorted(corpus), 2):
        if family(a) == family(b):
            continue
        share = max(
            shared_share(corpus[a]["text"], corpus[b]["text"]),
            shared_share(corpus[b]["text"], corpus[a]["text"]),
        )
        assert share < INDEPENDENT_SHARE, f"{a} and {b} share {share:.2f}: a copy not listed?"
