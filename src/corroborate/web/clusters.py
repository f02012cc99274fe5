"""Event clusters across articles for the API, computed once per state of the ledger.

Clustering reads every analysis and embeds every claim (:func:`corroborate.merge.digest
.digest`), which takes about a second for a small ledger and grows with it, so the result
is kept until an article is added. Cluster ids (``k1``, ``k2``, ...) follow the order the
articles were stored in: adding articles never renumbers the clusters that exist.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import FastAPI

from corroborate.merge.clusters import EventClusterer
from corroborate.merge.digest import ClusterDigest, digest
from corroborate.models import ArticleAnalysis
from corroborate.store import Ledger
from corroborate.web.params import DateRange, Pagination
from corroborate.web.schemas import ClusterOut, CorroborationOut, GroupedClaimOut, Page

_CREATE_LOCK = threading.Lock()


def cluster_out(item: ClusterDigest, event_ids: list[str]) -> ClusterOut:
    return ClusterOut(
        id=item.id,
        title=item.title,
        first_date=item.first_date,
        articles=item.articles,
        origins=item.origins,
        event_ids=event_ids,
        claims=[
            GroupedClaimOut(source=c.source, text=c.text, citations=c.citations)
            for c in item.claims
        ],
        contradictions=item.contradictions,
        corroboration=CorroborationOut(
            origins=item.corroboration.origins,
            disputed_by=item.corroboration.disputed_by,
            unconfirmed_by_reporter=item.corroboration.unconfirmed_by_reporter,
            verdict=item.corroboration.verdict,
        ),
    )


def build_clusters(analyses: Sequence[ArticleAnalysis]) -> list[ClusterOut]:
    """The digest of every cluster, with the ids of the events in it."""
    # The digest does not say which events it grouped; the clusterer is deterministic
    # and cheap, so running it over the same analyses in the same order gives the ids.
    clusterer = EventClusterer()
    for analysis in analyses:
        clusterer.add(analysis)
    events = {
        cluster.id: [event.id for _, event in cluster.events]
        for cluster in clusterer.clusters.values()
    }
    return [cluster_out(item, events.get(item.id, [])) for item in digest(analyses)]


@dataclass(frozen=True)
class _Computed:
    state: tuple[int, int]
    clusters: list[ClusterOut]


class ClusterCache:
    """The clusters of one ledger, recomputed when its articles change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._computed: _Computed | None = None

    def get(self, ledger: Ledger) -> list[ClusterOut]:
        row = ledger.connection.execute("SELECT count(*), coalesce(max(seq), 0) FROM articles")
        count, last = row.fetchone()
        state = (int(count), int(last))
        # One request computes while the others wait, rather than all computing at once.
        with self._lock:
            if self._computed is None or self._computed.state != state:
                analyses = list(ledger.iter_analyses())
                self._computed = _Computed(state, build_clusters(analyses))
            return self._computed.clusters


def cluster_cache(app: FastAPI) -> ClusterCache:
    with _CREATE_LOCK:
        cache: ClusterCache | None = getattr(app.state, "clusters", None)
        if cache is None:
            cache = ClusterCache()
            app.state.clusters = cache
        return cache


def _in_range(first_date: str | None, dates: DateRange) -> bool:
    if dates.start is None and dates.end is None:
        return True
    if not first_date:
        return False
    start, _, end = first_date.partition("/")
    end = (end or start) + "~"  # a month or year sorts after each of its days
    if dates.start is not None and end < dates.start:
        return False
    return dates.end is None or start <= dates.end


def filter_clusters(
    clusters: Sequence[ClusterOut],
    page: Pagination,
    *,
    dates: DateRange,
    min_articles: int = 1,
    event: str | None = None,
) -> Page[ClusterOut]:
    kept = [
        c
        for c in clusters
        if len(c.articles) >= min_articles
        and _in_range(c.first_date, dates)
        and (not event or event.strip() in c.event_ids)
    ]
    return Page[ClusterOut](
        items=kept[page.offset : page.offset + page.limit],
        total=len(kept),
        limit=page.limit,
        offset=page.offset,
    )
