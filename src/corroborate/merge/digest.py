"""The ledger's events across articles: one line of account per event cluster.

For each cluster: what happened where and when, how many articles and independent
origins report it, what each side says (with the sentence cited), the contradictions
between the parties, and the corroboration verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborate.contradict.across import contradictions_with_aspects, stored_claims
from corroborate.merge.claims import ClaimMention, GroupedClaim, group_claims
from corroborate.merge.clusters import EventClusterer
from corroborate.merge.corroboration import Corroboration, corroborate_event
from corroborate.models import ArticleAnalysis, Claim, Contradiction, Event, PlaceMention


@dataclass(frozen=True)
class ContradictionPair:
    """Two claims of one cluster that cannot both hold, and why, in words."""

    article_a: str
    claim_a: str
    article_b: str
    claim_b: str
    why: str
    aspect: str = "other"  # control, attacker, start, damage, target, killed, wounded
    source_a: str = ""
    source_b: str = ""


@dataclass
class ClusterDigest:
    id: str
    title: str
    first_date: str | None
    articles: list[str]
    origins: int
    claims: list[GroupedClaim] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    pairs: list[ContradictionPair] = field(default_factory=list)
    corroboration: Corroboration = field(default_factory=Corroboration)


def digest(analyses: Iterable[ArticleAnalysis]) -> list[ClusterDigest]:
    """Cluster the events of every analysis and account for each cluster, by date."""
    by_id: dict[str, ArticleAnalysis] = {}
    clusterer = EventClusterer()
    for analysis in analyses:
        by_id[analysis.article.id] = analysis
        clusterer.add(analysis)
    digests = []
    for cluster in clusterer.clusters.values():
        articles = list(dict.fromkeys(article_id for article_id, _ in cluster.events))
        origins = {clusterer.copies.origin(a) or a for a in articles}
        origin_of = {a: clusterer.copies.origin(a) or a for a in articles}
        first = min(cluster.events, key=lambda item: item[1].date or "9999")[1]
        title = first.type + (f" / {first.sub_type}" if first.sub_type else "")
        if first.place:
            title += f" at {first.place}"
        item = ClusterDigest(
            id=cluster.id,
            title=title,
            first_date=first.date,
            articles=[by_id[a].article.url or by_id[a].article.source for a in articles],
            origins=len(origins),
            corroboration=corroborate_event(cluster.events, by_id, origin_of),
        )
        mentions: list[ClaimMention] = []
        for article_id, event in cluster.events:
            analysis = by_id[article_id]
            claims = {c.id: c for c in analysis.claims}
            for claim_id in event.claim_ids:
                claim = claims.get(claim_id)
                if claim is None:
                    continue
                ref = claim.sources[0] if claim.sources else None
                entity = analysis.entity(ref.entity_id) if ref is not None else None
                source = ref.name if ref is not None else "unnamed source"
                key = entity.actor_id if entity and entity.actor_id else source.lower()
                where = analysis.article.url or analysis.article.source
                mentions.append(ClaimMention(key, source, claim.content.text, where))
        item.claims = group_claims(mentions)
        # Across articles: claims of different origins whose slots cannot both hold.
        stored = [
            c
            for article_id in articles
            for c in stored_claims(
                by_id[article_id],
                origin_of[article_id],
                _claims_about(clusterer, cluster.id, by_id[article_id], cluster.events),
                _place_of(by_id[article_id], cluster.events),
            )
        ]
        for a, b, aspect, why in contradictions_with_aspects(stored):
            item.pairs.append(
                ContradictionPair(
                    a.article_id,
                    a.claim.id,
                    b.article_id,
                    b.claim.id,
                    why,
                    aspect,
                    a.source,
                    b.source,
                )
            )
        for article_id, event in cluster.events:
            analysis = by_id[article_id]
            for contradiction in analysis.contradictions:
                if {contradiction.a, contradiction.b} & set(event.claim_ids):
                    pair = _within(analysis, contradiction)
                    if pair is not None and pair not in item.pairs:
                        item.pairs.append(pair)
        item.contradictions = list(dict.fromkeys(pair.why for pair in item.pairs))
        digests.append(item)
    return sorted(digests, key=lambda d: (d.first_date or "9999", d.id))


def _claims_about(
    clusterer: EventClusterer,
    cluster_id: str,
    analysis: ArticleAnalysis,
    events: list[tuple[str, Event]],
) -> set[str]:
    """The claims of an article that speak of a cluster's event.

    Claims tied to one of the cluster's events, and, when the article is mainly about
    this cluster, every claim of it: a report quotes each side on its main event in
    sentences that need not name the event again ("The village is under our control").
    """
    article_id = analysis.article.id
    ids = {i for a, e in events if a == article_id for i in e.claim_ids}
    if clusterer.cluster_of_article(article_id) == cluster_id:
        ids |= {c.id for c in analysis.claims}
    return ids


def _place_of(analysis: ArticleAnalysis, events: list[tuple[str, Event]]) -> PlaceMention | None:
    """Where the article places the cluster's event: its most precise placed event."""
    article_id = analysis.article.id
    placed = [e.place_mention for a, e in events if a == article_id and e.place_mention]
    rank = {"settlement": 0, "district": 1, "region": 2, "country": 3}
    placed.sort(key=lambda p: rank.get(p.precision or "", 4))
    return placed[0] if placed else None


def _within(analysis: ArticleAnalysis, contradiction: Contradiction) -> ContradictionPair | None:
    """A contradiction found inside one article, as a pair of the cluster."""
    claims = {c.id: c for c in analysis.claims}
    a, b = claims.get(contradiction.a), claims.get(contradiction.b)
    if a is None or b is None:
        return None
    article_id = analysis.article.id
    return ContradictionPair(
        article_id,
        a.id,
        article_id,
        b.id,
        contradiction.why,
        _aspect(a, b),
        _name(analysis, a),
        _name(analysis, b),
    )


def _aspect(a: Claim, b: Claim) -> str:
    for aspect, slot in (("control", "outcome"), ("attacker", "attacker"), ("start", "start")):
        if slot in a.slots and slot in b.slots:
            return aspect
    return "other"


def _name(analysis: ArticleAnalysis, claim: Claim) -> str:
    """The source's canonical name when it is a known actor, else its name as written."""
    if not claim.sources:
        return "unnamed source"
    entity = analysis.entity(claim.sources[0].entity_id)
    return entity.canonical if entity is not None and entity.actor_id else claim.sources[0].name
