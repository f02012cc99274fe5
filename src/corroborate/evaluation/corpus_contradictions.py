"""Contradictions across the articles of a corpus, scored against a file of disputes.

A dispute is what the parties to one event disagree on, and who holds which position,
each party with the words that show it::

    {"disputes": [{
        "event": "2024-04-16/churovichi-raid", "aspect": "control",
        "why": "whether the attackers took the village",
        "positions": [
            {"says": "taken", "by": [{"party": "Freedom of Russia Legion",
                                      "aliases": ["the Legion"],
                                      "doc": "a.json", "quote": "under our full control"}]},
            {"says": "repelled", "by": [{"party": "Russian Defence Ministry",
                                         "doc": "b.json", "quote": "the attack was repelled"}]}]}]}

``aliases`` (optional) are other names the articles give the party ("the agency's
interlocutor" for "Russian security source"). Every two parties in different positions of
a dispute are one gold contradiction:
``(event, aspect, {party, party})``. ``event`` is a ``main_event`` label of the clusters
file, ``aspect`` one of the words the system gives its contradictions (``control``,
``attacker``, ``start``, ``damage``, ``target``, ``killed``, ``wounded``; others, such as
``cause``, are scored too and count as missed when the system has no such aspect).

A predicted contradiction is a pair of claims; it becomes the same triple: the event of
its cluster (the gold event most of the cluster's contradicting articles are about, from
the clusters file), its aspect, and its two sources. A source stands for a gold party
when it and the party's name or an alias name the same actor of the actor base, or when
the words of one name are all in the other ("Legion", "Freedom of Russia Legion").
Copies and repeated claims give the same triple, so each disagreement counts once.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from corroborate.evaluation.clusters import f1_score
from corroborate.evaluation.gold_checks import FieldReader
from corroborate.evaluation.gold_sources import read_article, resolve_doc
from corroborate.merge.digest import ContradictionPair, digest
from corroborate.models import ArticleAnalysis
from corroborate.resolve.actors import ActorBase, load_actors
from corroborate.resolve.names import name_key, names_one_party

Unit = tuple[str, str, frozenset[str]]  # event, aspect, the two parties


@dataclass(frozen=True)
class Dispute:
    event: str
    aspect: str
    why: str
    positions: tuple[tuple[str, ...], ...]  # the parties of each position
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # party -> its other names


@dataclass(frozen=True)
class ContradictionResult:
    """How the contradictions found across articles agree with the gold disputes."""

    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float


def load_disputes(path: Path, corpus: Path) -> list[Dispute]:
    """The disputes of ``path``; fails naming the field when a doc or quote is wrong."""
    reader = FieldReader(path)
    items = reader.object_list(reader.load_object(), "disputes")
    if items is None:
        reader.fail(
            "disputes",
            'is missing; write {"disputes": [{"event", "aspect", "why", "positions": '
            '[{"says", "by": [{"party", "doc", "quote"}]}, ...]}]}',
        )
    disputes = []
    for index, item in enumerate(items):
        where = f"disputes[{index}]"
        positions = reader.object_list(item, "positions") or []
        if len(positions) < 2:
            reader.fail(f"{where}.positions", "a dispute needs at least two positions")
        parties = []
        aliases: list[tuple[str, tuple[str, ...]]] = []
        for p_index, position in enumerate(positions):
            at = f"{where}.positions[{p_index}]"
            reader.text(position, "says", at)
            holders = reader.object_list(position, "by") or []
            if not holders:
                reader.fail(f"{at}.by", "name at least one party holding this position")
            names = []
            for h_index, holder in enumerate(holders):
                there = f"{at}.by[{h_index}]"
                doc = resolve_doc(reader, reader.text(holder, "doc", there), corpus, f"{there}.doc")
                article = read_article(reader, doc, None, f"{there}.doc")
                quote = reader.text(holder, "quote", there)
                reader.require_in_text(article.text, quote, f"{there}.quote", doc)
                names.append(reader.text(holder, "party", there))
                others = reader.text_list_field(holder, "aliases")
                if others:
                    aliases.append((names[-1], others))
            parties.append(tuple(names))
        disputes.append(
            Dispute(
                event=reader.text(item, "event", where),
                aspect=reader.text(item, "aspect", where),
                why=reader.text(item, "why", where),
                positions=tuple(parties),
                aliases=tuple(aliases),
            )
        )
    return disputes


def gold_units(disputes: Sequence[Dispute]) -> set[Unit]:
    units = set()
    for dispute in disputes:
        for first, second in itertools.combinations(dispute.positions, 2):
            for a, b in itertools.product(first, second):
                if a != b:
                    units.add((dispute.event, dispute.aspect, frozenset((a, b))))
    return units


class PartyMatcher:
    """Which gold party a source name stands for."""

    def __init__(self, actors: ActorBase, aliases: Mapping[str, Sequence[str]]) -> None:
        self.actors = actors
        self.aliases = aliases

    def _same(self, source: str, name: str) -> bool:
        if name_key(source) == name_key(name):
            return True
        actor_a, actor_b = self.actors.match(source), self.actors.match(name)
        if actor_a is not None and actor_b is not None:
            return actor_a.id == actor_b.id
        return names_one_party(source, name)

    def party(self, source: str, parties: Iterable[str]) -> str:
        for party in parties:
            if any(self._same(source, n) for n in (party, *self.aliases.get(party, ()))):
                return party
        return name_key(source)


def score_contradictions(
    disputes: Sequence[Dispute],
    predicted: Iterable[ContradictionPair],
    event_of_article: Mapping[str, str],
    actors: ActorBase,
    cluster_of_pair: Mapping[ContradictionPair, str] | None = None,
) -> ContradictionResult:
    """Match predicted pairs of claims, as triples, to the gold triples.

    ``cluster_of_pair`` groups the pairs by event cluster; a pair is then about the gold
    event most articles of its cluster's pairs are about. Without it, a pair is about the
    event of its first article.
    """
    gold = gold_units(disputes)
    parties_of: dict[tuple[str, str], set[str]] = {}
    for event, aspect, parties in gold:
        parties_of.setdefault((event, aspect), set()).update(parties)
    aliases: dict[str, list[str]] = {}
    for dispute in disputes:
        for party, names in dispute.aliases:
            aliases.setdefault(party, []).extend(names)
    matcher = PartyMatcher(actors, aliases)
    pairs = list(predicted)
    event_of_pair = _events_of_pairs(pairs, event_of_article, cluster_of_pair or {})
    found: set[Unit] = set()
    for pair in pairs:
        event = event_of_pair[pair]
        candidates = sorted(parties_of.get((event, pair.aspect), ()))
        a = matcher.party(pair.source_a, candidates)
        b = matcher.party(pair.source_b, candidates)
        if a != b:
            found.add((event, pair.aspect, frozenset((a, b))))
    matched = len(found & gold)
    precision = matched / len(found) if found else 1.0
    recall = matched / len(gold) if gold else 1.0
    return ContradictionResult(
        gold=len(gold),
        predicted=len(found),
        matched=matched,
        precision=precision,
        recall=recall,
        f1=f1_score(precision, recall),
    )


def _events_of_pairs(
    pairs: Sequence[ContradictionPair],
    event_of_article: Mapping[str, str],
    cluster_of_pair: Mapping[ContradictionPair, str],
) -> dict[ContradictionPair, str]:
    votes: dict[str, Counter[str]] = {}
    for pair in pairs:
        cluster = cluster_of_pair.get(pair, f"pair:{id(pair)}")
        for article in (pair.article_a, pair.article_b):
            label = event_of_article.get(article)
            if label is not None:
                votes.setdefault(cluster, Counter())[label] += 1
    found = {}
    for pair in pairs:
        cluster = cluster_of_pair.get(pair, f"pair:{id(pair)}")
        counts = votes.get(cluster)
        found[pair] = counts.most_common(1)[0][0] if counts else f"unlabelled:{pair.article_a}"
    return found


def evaluate_contradictions(
    path: Path,
    corpus: Path,
    analyses: Sequence[ArticleAnalysis],
    event_of_article: Mapping[str, str],
    actors: ActorBase | None = None,
) -> ContradictionResult:
    """Score the contradictions the event clusters of ``analyses`` hold against ``path``.

    ``event_of_article`` maps article ids to the gold event labels of the clusters file.
    """
    disputes = load_disputes(path, corpus)
    cluster_of_pair = {pair: cluster.id for cluster in digest(analyses) for pair in cluster.pairs}
    return score_contradictions(
        disputes, list(cluster_of_pair), event_of_article, actors or load_actors(), cluster_of_pair
    )


def contradiction_result_to_json(result: ContradictionResult) -> dict[str, float | int]:
    return {
        "gold": result.gold,
        "predicted": result.predicted,
        "precision": result.precision,
        "recall": result.recall,
        "f1": result.f1,
    }
