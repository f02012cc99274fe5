"""The part of a situation report across articles: each event several articles report.

The events of all articles are grouped into event clusters by the merger: the digest
(:func:`corroborate.merge.digest.digest`) gives each cluster's title, independent origins,
contradiction pairs and corroboration verdict, the same ones ``corroborate clusters`` and
the web page show; the same :class:`EventClusterer` run over the same analyses in the same
order gives each cluster's events under the same ids. For each cluster reported by at
least ``min_articles`` articles, in date order, the report shows:

- what each side says: the claims the cluster's events rest on, and those the
  contradiction finder set against each other, by the side of their source (Ukrainian,
  Russian, independent observers, wires and others), the same source saying the same
  thing in several articles being one line citing every sentence
  (:func:`corroborate.merge.claims.group_claims`);
- contradictions: one line per two parties and what they disagree on, citing every claim
  of each party;
- the corroboration verdict in words, which counts independent origins only;
- a timeline of its reports (:mod:`corroborate.report.timeline`).

Claims are worded and cited by the report's one writer, so a claim keeps the label the
per-article part gave its sentence. A ledger of fewer than ``min_articles`` articles has
nothing to compare, and the merger is then not run at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from corroborate.merge.claims import ClaimMention, group_claims
from corroborate.merge.clusters import Cluster, EventClusterer
from corroborate.merge.digest import ClusterDigest, ContradictionPair, digest
from corroborate.models import ArticleAnalysis, Claim, Event
from corroborate.report.across_records import (
    ORIGIN_GROUPS,
    SIDE_LABELS,
    Across,
    ClusterClaim,
    ClusterContradiction,
    ClusterReport,
    Position,
    SideClaims,
)
from corroborate.report.citations import Writer
from corroborate.report.records import article_label, one_line, source_name
from corroborate.report.timeline import Report, build_timeline

_SIDES = {"ukraine", "russia"}
_INDEPENDENT = {"independent", "international"}
_PRECISION_RANK = {"settlement": 0, "district": 1, "region": 2, "country": 3}

ArticleClaim = tuple[ArticleAnalysis, Claim]


def build_across(
    analyses: Sequence[ArticleAnalysis], writer: Writer, *, min_articles: int = 2
) -> Across:
    """Compare the events of ``analyses`` reported by at least ``min_articles`` articles."""
    every = list(analyses)
    analysed = {a.article.id: a for a in every if a.analysed}
    if len(analysed) < min_articles:
        return Across(compared=len(analysed), min_articles=min_articles)
    clusterer = EventClusterer()
    for analysis in every:
        clusterer.add(analysis)
    wanted = {
        key
        for key, cluster in clusterer.clusters.items()
        if len({a for a, _ in cluster.events if a in analysed}) >= min_articles
    }
    reports: tuple[ClusterReport, ...] = ()
    if wanted:
        # The digest embeds every claim of every cluster: only run it when one is shown.
        context = _Context(
            writer, analysed, clusterer, {a.article.id: i for i, a in enumerate(every)}
        )
        reports = tuple(
            context.report(item, clusterer.clusters[item.id])
            for item in digest(every)
            if item.id in wanted
        )
    return Across(reports, len(analysed), len(clusterer.clusters), min_articles)


def _side_of(analysis: ArticleAnalysis, claim: Claim) -> str:
    """``ukraine``, ``russia``, ``independent`` or ``other``, from the claim's first source."""
    entity = analysis.entity(claim.sources[0].entity_id) if claim.sources else None
    if entity is None:
        return "other"
    if entity.side in _SIDES:
        return entity.side
    return "independent" if entity.affiliation in _INDEPENDENT else "other"


@dataclass
class _Dispute:
    """The pairs of one cluster that state the same two positions on the same aspect."""

    aspect: str
    first_text: str
    second_text: str
    first: list[str] = field(default_factory=list)  # claim ids
    second: list[str] = field(default_factory=list)


@dataclass
class _Context:
    writer: Writer
    analysed: dict[str, ArticleAnalysis]
    clusterer: EventClusterer
    order: dict[str, int]  # article id -> its place in the input
    claims: dict[str, ArticleClaim] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.claims = {c.id: (a, c) for a in self.analysed.values() for c in a.claims}

    def report(self, item: ClusterDigest, cluster: Cluster) -> ClusterReport:
        events = [(a, e) for a, e in cluster.events if a in self.analysed]
        claims = self._claims(events, item.pairs)
        groups, group_of = self._group(claims)
        articles = sorted(dict.fromkeys(a for a, _ in events), key=self._rank)
        timeline = build_timeline(
            self.writer,
            [self._article_report(a, events, claims) for a in articles],
            group_of,
        )
        first = _first(events)
        return ClusterReport(
            id=item.id,
            title=one_line(item.title),
            place=_place(first, [e for _, e in events]),
            when=_when([e for _, e in events]),
            kinds=tuple(dict.fromkeys(_kind(e) for e in (first, *(e for _, e in events)))),
            articles=tuple(article_label(self.analysed[a].article) for a in articles),
            origins=item.origins,
            sides=tuple(
                SideClaims(side, tuple(g for g in groups if g.side == side))
                for side in SIDE_LABELS
                if any(g.side == side for g in groups)
            ),
            contradictions=self._contradictions(item.pairs),
            verdict=one_line(item.corroboration.verdict),
            origin_groups=tuple(
                (group, tuple(one_line(name) for name in item.corroboration.origins[group]))
                for group in sorted(item.corroboration.origins, key=_origin_rank)
            ),
            timeline=timeline,
        )

    def _rank(self, article_id: str) -> tuple[dt.date, int]:
        published = self.analysed[article_id].article.published
        return published or dt.date.max, self.order.get(article_id, len(self.order))

    def _claims(
        self, events: list[tuple[str, Event]], pairs: list[ContradictionPair]
    ) -> list[ArticleClaim]:
        """The claims the events rest on or name, and the claims of the cluster's pairs."""
        ids: list[str] = []
        for article_id, event in events:
            ids += event.claim_ids
            ids += [c.id for c in self.analysed[article_id].claims if c.event_id == event.id]
        ids += [claim_id for pair in pairs for claim_id in (pair.claim_a, pair.claim_b)]
        found = [self.claims[i] for i in dict.fromkeys(ids) if i in self.claims]
        return sorted(found, key=lambda ac: (self._rank(ac[0].article.id), ac[1].content.start))

    def _group(self, claims: list[ArticleClaim]) -> tuple[list[ClusterClaim], dict[str, int]]:
        """One line per source and statement; the claim ids of each line."""
        mentions = [
            ClaimMention(_source_key(a, c), _source(a, c), c.content.text, c.id) for a, c in claims
        ]
        groups: list[ClusterClaim] = []
        group_of: dict[str, int] = {}
        for index, grouped in enumerate(group_claims(mentions)):
            group_of.update((claim_id, index) for claim_id in grouped.citations)
            groups.append(self._cluster_claim(grouped.citations))
        return groups, group_of

    def _cluster_claim(self, claim_ids: list[str]) -> ClusterClaim:
        members = [self.claims[i] for i in dict.fromkeys(claim_ids)]
        lines = tuple(self.writer.claim_line(a, c) for a, c in members)
        analysis, claim = members[0]
        return ClusterClaim(
            source=lines[0].source,
            side=_side_of(analysis, claim),
            lines=lines,
            articles=tuple(dict.fromkeys(article_label(a.article) for a, _ in members)),
        )

    def _contradictions(self, pairs: list[ContradictionPair]) -> tuple[ClusterContradiction, ...]:
        """One entry per aspect and two positions; each source's claims in reading order."""
        disputes: dict[tuple[str, str, str], _Dispute] = {}
        for pair in pairs:
            if pair.claim_a not in self.claims or pair.claim_b not in self.claims:
                continue
            (first, first_claim), (second, second_claim) = self._positions(pair)
            dispute = disputes.setdefault(
                (pair.aspect, first, second), _Dispute(pair.aspect, first, second)
            )
            dispute.first.append(first_claim)
            dispute.second.append(second_claim)
        return tuple(
            ClusterContradiction(
                d.aspect,
                Position(d.first_text, self._parties(d.first)),
                Position(d.second_text, self._parties(d.second)),
            )
            for d in disputes.values()
        )

    def _positions(self, pair: ContradictionPair) -> tuple[tuple[str, str], tuple[str, str]]:
        """(position, claim id) of each side, in the order the reason states them.

        The reason reads ``A: position vs B: position``; A is either claim of the pair, so
        the claim whose source is named first is found by its names. A reason in another
        form stays whole, as the first position.
        """
        halves = [half.split(": ", 1) for half in one_line(pair.why).split(" vs ")]
        if len(halves) != 2 or any(len(half) != 2 for half in halves):
            return (one_line(pair.why), pair.claim_a), ("", pair.claim_b)
        (named_first, first), (_, second) = halves
        swapped = _fold(named_first) in self._names(pair.claim_b, pair.source_b) and (
            _fold(named_first) not in self._names(pair.claim_a, pair.source_a)
        )
        if swapped:
            return (first, pair.claim_b), (second, pair.claim_a)
        return (first, pair.claim_a), (second, pair.claim_b)

    def _names(self, claim_id: str, source: str) -> set[str]:
        """Every name the source of a claim goes by: as stored, as written, as resolved."""
        analysis, claim = self.claims[claim_id]
        names = {_fold(source), _fold(_source(analysis, claim))}
        names.update(_fold(ref.name) for ref in claim.sources[:1])
        return names

    def _parties(self, claim_ids: list[str]) -> tuple[ClusterClaim, ...]:
        """The claims holding one position, one entry per source, in reading order."""
        by_source: dict[str, list[str]] = {}
        for claim_id in self._in_order(claim_ids):
            analysis, claim = self.claims[claim_id]
            by_source.setdefault(_source_key(analysis, claim), []).append(claim_id)
        return tuple(self._cluster_claim(ids) for ids in by_source.values())

    def _in_order(self, claim_ids: list[str]) -> list[str]:
        def position(claim_id: str) -> tuple[tuple[dt.date, int], int]:
            analysis, claim = self.claims[claim_id]
            return self._rank(analysis.article.id), claim.content.start

        return sorted(dict.fromkeys(claim_ids), key=position)

    def _article_report(
        self, article_id: str, events: list[tuple[str, Event]], claims: list[ArticleClaim]
    ) -> Report:
        analysis = self.analysed[article_id]
        origin = self.clusterer.copies.origin(article_id) or article_id
        copied = self.analysed.get(origin) if origin != article_id else None
        return Report(
            analysis,
            [c for a, c in claims if a is analysis],
            [e for a, e in events if a == article_id],
            article_label(copied.article) if copied is not None else None,
        )


def _source(analysis: ArticleAnalysis, claim: Claim) -> str:
    return source_name(analysis, claim.sources[0]) if claim.sources else "unnamed source"


def _source_key(analysis: ArticleAnalysis, claim: Claim) -> str:
    """The same actor in every article; an actor the base does not know, by its name."""
    entity = analysis.entity(claim.sources[0].entity_id) if claim.sources else None
    if entity is not None and entity.actor_id:
        return entity.actor_id
    return _fold(_source(analysis, claim))


def _fold(name: str) -> str:
    return one_line(name).casefold()


def _origin_rank(group: str) -> int:
    return list(ORIGIN_GROUPS).index(group) if group in ORIGIN_GROUPS else len(ORIGIN_GROUPS)


def _first(events: list[tuple[str, Event]]) -> Event:
    """The report the digest names the cluster after: the earliest dated."""
    return min((e for _, e in events), key=lambda e: e.date or "9999")


def _kind(event: Event) -> str:
    return one_line(event.type + (f" / {event.sub_type}" if event.sub_type else ""))


def _place(first: Event, events: list[Event]) -> str | None:
    """The title report's place, else the most precise place another report gives."""
    mentions = [e.place_mention for e in events if e.place_mention is not None]
    best = first.place_mention or min(
        mentions,
        key=lambda m: _PRECISION_RANK.get(m.precision or "", len(_PRECISION_RANK)),
        default=None,
    )
    if best is None:
        return one_line(first.place) if first.place else None
    admin1 = best.admin1 if best.admin1 != best.name else None
    return one_line(", ".join(part for part in (best.name, admin1, best.country) if part))


def _when(events: list[Event]) -> str | None:
    """``2024-04-16``, or the span of the dates the reports give."""
    days = sorted(part for e in events if e.date for part in e.date.split("/"))
    if not days:
        return None
    return days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
