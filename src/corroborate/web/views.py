"""What the web page shows: the ledger's event clusters, worded for reading.

An event on the page is an event cluster of the digest (:func:`digest`): the reports of
one real-world event across articles, with the digest's id (``k1``, ``k2``...), title,
corroboration verdict and contradictions. The digest sums claims up; the page keeps each
one, so it reads the cluster's reports from the same merger (:class:`EventClusterer`,
which forms the same clusters under the same ids from the same articles in the same
order) and words each claim as the situation report does (:func:`build_sitrep`). A claim
from another event that contradicts one of this event's claims is shown too, marked as
such: the other side's word on the matter belongs beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from anyascii import anyascii

from corroborate.merge.clusters import Cluster, EventClusterer
from corroborate.merge.digest import ClusterDigest, digest
from corroborate.models import Article, ArticleAnalysis, Claim, Event
from corroborate.report.sitrep import ClaimLine, article_label, build_sitrep, one_line

SIDES = {
    "ukraine": "Ukrainian side",
    "russia": "Russian side",
    "none": "Neither side",
    "unknown": "Side unknown",
}
_PRECISION_RANK = {"settlement": 0, "district": 1, "region": 2, "country": 3}


def fold(text: str) -> str:
    """Text for matching: transliterated to ASCII and case-folded (Tëtkino -> tetkino)."""
    return anyascii(text).casefold()


@dataclass(frozen=True)
class ArticleRef:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    source: str
    label: str

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        published = article.published.isoformat() if article.published else None
        title = one_line(article.title) if article.title else None
        label = article_label(article)
        return cls(article.id, title, article.outlet, article.url, published, article.source, label)

    @property
    def web_url(self) -> str | None:
        """The URL when it is a web address, the only kind the page links to."""
        url = (self.url or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else None


@dataclass(frozen=True)
class ClaimView:
    """One claim as the event page shows it, worded as the situation report words it."""

    id: str
    line: ClaimLine
    side: str
    affiliation: str | None
    article: ArticleRef
    disputed: bool
    elsewhere: bool  # not one of the event's claims: shown because it contradicts one
    other_events: tuple[tuple[str, str], ...] = ()  # (id, title) of the events it is about

    @property
    def side_label(self) -> str:
        return SIDES[self.side]

    @property
    def affiliation_label(self) -> str | None:
        return self.affiliation.replace("_", " ") if self.affiliation else None


@dataclass(frozen=True)
class SideGroup:
    side: str
    label: str
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True)
class ContradictionView:
    why: str
    first: ClaimView
    second: ClaimView


@dataclass(frozen=True)
class PlaceView:
    """Where an event happened: the gazetteer's place and the words the text used."""

    name: str
    written: tuple[str, ...]
    admin1: str | None
    country: str | None
    precision: str | None
    lat: float | None
    lon: float | None

    @property
    def label(self) -> str:
        admin1 = self.admin1 if self.admin1 != self.name else None
        return ", ".join(part for part in (self.name, admin1, self.country) if part)

    @property
    def spellings(self) -> tuple[str, ...]:
        """The ways the texts wrote the place that differ from the gazetteer's name."""
        return tuple(w for w in self.written if w != self.name)

    @property
    def key(self) -> str | None:
        """One key per map position, so that events at one point share one marker."""
        if self.lat is None or self.lon is None:
            return None
        return f"{self.lat:.4f},{self.lon:.4f}"


@dataclass(frozen=True)
class EventView:
    id: str
    title: str
    type: str
    sub_type: str | None
    kinds: tuple[str, ...]  # every "type / sub-type" the reports give, the first one first
    date: str | None
    date_precision: str | None
    first_day: dt.date | None
    last_day: dt.date | None
    place: PlaceView | None
    other_places: tuple[str, ...]  # places of the cluster's other reports (a village in it)
    actors: tuple[str, ...]
    acted_by: tuple[str, ...]
    targets: tuple[str, ...]
    sides: frozenset[str]  # the sides of the sources of the event's own claims
    sources: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    origins: int
    verdict: str
    origin_groups: tuple[tuple[str, tuple[str, ...]], ...]
    groups: tuple[SideGroup, ...]
    contradictions: tuple[ContradictionView, ...]
    event_ids: tuple[str, ...]
    search_text: str

    @property
    def heading(self) -> str:
        """``Armed clash at Tëtkino``: the title without the broad type."""
        what = self.sub_type or self.type
        return f"{what} at {self.place.name}" if self.place else what

    @property
    def day(self) -> str:
        return self.first_day.isoformat() if self.first_day else "undated"

    @property
    def claim_count(self) -> int:
        return sum(1 for group in self.groups for claim in group.claims if not claim.elsewhere)


@dataclass(frozen=True)
class Board:
    """Every event of a ledger, by date, and the values the filters offer."""

    events: tuple[EventView, ...]
    cluster_of_event: dict[str, str]
    types: tuple[tuple[str, tuple[str, ...]], ...]  # type -> its sub-types
    actors: tuple[str, ...]

    def event(self, event_id: str) -> EventView | None:
        return next((event for event in self.events if event.id == event_id), None)


def build_board(analyses: Iterable[ArticleAnalysis]) -> Board:
    """Cluster the events of ``analyses`` and word each cluster for the page."""
    every = list(analyses)
    analysed = [analysis for analysis in every if analysis.analysed]
    clusterer = EventClusterer()
    for analysis in every:
        clusterer.add(analysis)
    sitrep = build_sitrep(analysed, across=False)  # the page builds its own clusters
    context = _Context(
        by_article={analysis.article.id: analysis for analysis in analysed},
        claims={claim.id: (analysis, claim) for analysis in analysed for claim in analysis.claims},
        lines={
            line.claim_id: line
            for section in sitrep.sections
            for group in section.groups
            for line in group.claims
        },
        clusterer=clusterer,
        digests={item.id: item for item in digest(every)},
        claim_clusters={},
    )
    for key, cluster in clusterer.clusters.items():
        for _, event in cluster.events:
            for claim_id in event.claim_ids:
                context.claim_clusters.setdefault(claim_id, []).append(key)
    events = [context.event(cluster) for cluster in clusterer.clusters.values() if cluster.events]
    # A stable sort: events of one day keep the order their clusters were formed in.
    events.sort(key=lambda e: (e.first_day or dt.date.max, e.date or ""))
    kinds: dict[str, set[str]] = {}
    for _, reported in (pair for c in clusterer.clusters.values() for pair in c.events):
        kinds.setdefault(reported.type, set()).update(
            [reported.sub_type] if reported.sub_type else []
        )
    actors = {name for e in events for name in (*e.actors, *e.acted_by, *e.targets, *e.sources)}
    return Board(
        events=tuple(events),
        cluster_of_event={event_id: event.id for event in events for event_id in event.event_ids},
        types=tuple((t, tuple(sorted(subs))) for t, subs in sorted(kinds.items())),
        actors=tuple(sorted(actors, key=str.casefold)),
    )


@dataclass
class _Context:
    by_article: dict[str, ArticleAnalysis]
    claims: dict[str, tuple[ArticleAnalysis, Claim]]
    lines: dict[str, ClaimLine]
    clusterer: EventClusterer
    digests: dict[str, ClusterDigest]
    claim_clusters: dict[str, list[str]]  # claim id -> the clusters whose events rest on it

    def event(self, cluster: Cluster) -> EventView:
        pairs = [(a, e) for a, e in cluster.events if a in self.by_article]
        articles = list(dict.fromkeys(article_id for article_id, _ in cluster.events))
        first = _first(cluster)
        summary = self.digests.get(cluster.id) or ClusterDigest(
            cluster.id, _title(first), first.date, [], len(articles)
        )
        own = self._own_claims(pairs)
        contradictions = list(
            dict.fromkeys((p.claim_a, p.claim_b, one_line(p.why)) for p in summary.pairs)
        )
        disputed = {claim_id for a, b, _ in contradictions for claim_id in (a, b)}
        shown = list(dict.fromkeys([*own, *(i for a, b, _ in contradictions for i in (a, b))]))
        views = {
            claim_id: found
            for claim_id in shown
            if (found := self._claim(claim_id, claim_id in disputed, cluster.id, claim_id in own))
        }
        place = _place(first, (e for _, e in cluster.events))
        days = [span for _, e in cluster.events if (span := day_span(e.date)) is not None]
        actors = [
            entity.canonical if (entity := self.by_article[a].entity(actor)) else actor
            for a, e in pairs
            for actor in e.actors
        ]
        own_views = [views[i] for i in own if i in views]
        view = EventView(
            id=cluster.id,
            title=one_line(summary.title),
            type=first.type,
            sub_type=first.sub_type,
            kinds=tuple(
                dict.fromkeys(
                    e.type + (f" / {e.sub_type}" if e.sub_type else "")
                    for e in (first, *(e for _, e in cluster.events))
                )
            ),
            date=first.date,
            date_precision=first.date_precision,
            first_day=min((start for start, _ in days), default=None),
            last_day=max((end for _, end in days), default=None),
            place=place,
            other_places=_names(
                e.place_mention.name
                for _, e in cluster.events
                if e.place_mention is not None
                and (place is None or e.place_mention.name != place.name)
            ),
            actors=_names(actors),
            acted_by=_names(name for _, e in cluster.events for name in e.acted_by),
            targets=_names(name for _, e in cluster.events for name in e.targets),
            sides=frozenset(claim.side for claim in own_views),
            sources=_names(claim.line.source for claim in own_views),
            articles=tuple(ArticleRef.of(self.by_article[a].article) for a in articles),
            origins=summary.origins,
            verdict=summary.corroboration.verdict,
            origin_groups=tuple(
                (group, tuple(names))
                for group, names in sorted(summary.corroboration.origins.items())
            ),
            groups=_side_groups(views.values()),
            contradictions=tuple(
                ContradictionView(why, views[a], views[b])
                for a, b, why in contradictions
                if a in views and b in views
            ),
            event_ids=tuple(e.id for _, e in cluster.events),
            search_text="",
        )
        return _with_search_text(view)

    def _own_claims(self, pairs: Sequence[tuple[str, Event]]) -> list[str]:
        """The claims the cluster's events rest on, and those that name one of them."""
        ids: list[str] = []
        for article_id, event in pairs:
            ids.extend(event.claim_ids)
            ids.extend(c.id for c in self.by_article[article_id].claims if c.event_id == event.id)
        return [claim_id for claim_id in dict.fromkeys(ids) if claim_id in self.claims]

    def _claim(self, claim_id: str, disputed: bool, cluster: str, own: bool) -> ClaimView | None:
        if claim_id not in self.claims or claim_id not in self.lines:
            return None
        analysis, claim = self.claims[claim_id]
        entity = analysis.entity(claim.sources[0].entity_id) if claim.sources else None
        side = entity.side if entity is not None and entity.side in SIDES else "unknown"
        return ClaimView(
            id=claim_id,
            line=self.lines[claim_id],
            side=side,
            affiliation=entity.affiliation if entity is not None else None,
            article=ArticleRef.of(analysis.article),
            disputed=disputed,
            elsewhere=not own,
            other_events=tuple(
                (key, one_line(self.digests[key].title))
                for key in dict.fromkeys(self.claim_clusters.get(claim_id, []))
                if key != cluster and key in self.digests and not own
            ),
        )


def _side_groups(claims: Iterable[ClaimView]) -> tuple[SideGroup, ...]:
    by_side: dict[str, list[ClaimView]] = {}
    for claim in claims:
        by_side.setdefault(claim.side, []).append(claim)
    return tuple(
        SideGroup(side, label, tuple(sorted(by_side[side], key=lambda c: c.elsewhere)))
        for side, label in SIDES.items()
        if side in by_side
    )


def _names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(one_line(name) for name in names if name.strip()))


def _first(cluster: Cluster) -> Event:
    """The report the digest names the cluster after: the earliest dated."""
    return min((e for _, e in cluster.events), key=lambda e: e.date or "9999")


def _title(event: Event) -> str:
    title = event.type + (f" / {event.sub_type}" if event.sub_type else "")
    return one_line(title + (f" at {event.place}" if event.place else ""))


def _place(first: Event, events: Iterable[Event]) -> PlaceView | None:
    """The place of the title's report, with every spelling the texts gave it.

    When that report has no place, the most precise place of the others stands in.
    """
    mentions = [e.place_mention for e in events if e.place_mention is not None]
    if not mentions:
        return None
    best = first.place_mention or min(
        mentions,
        key=lambda m: (m.lat is None, _PRECISION_RANK.get(m.precision or "", len(_PRECISION_RANK))),
    )
    written = _names(m.span.text for m in mentions if m.name == best.name)
    return PlaceView(
        best.name, written, best.admin1, best.country, best.precision, best.lat, best.lon
    )


def day_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a date value covers: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``A/B``."""
    if not value:
        return None
    parts = value.split("/")
    first, last = _bounds(parts[0]), _bounds(parts[-1])
    if first is None or last is None:
        return None
    return first[0], last[1]


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            start = dt.date.fromisoformat(f"{value}-01")
            following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return start, following - dt.timedelta(days=1)
        if len(value) == 4:
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None


def _with_search_text(view: EventView) -> EventView:
    place = view.place
    words = [
        view.title,
        *view.kinds,
        *(place.written if place else ()),
        *view.other_places,
        place.label if place else "",
        *view.actors,
        *view.acted_by,
        *view.targets,
        *view.sources,
        *(a.label for a in view.articles),
        *(a.title or "" for a in view.articles),
        *(c.why for c in view.contradictions),
        *(
            f"{claim.line.source} {claim.line.quote} {claim.line.citation.sentence}"
            for group in view.groups
            for claim in group.claims
        ),
    ]
    return replace(view, search_text=fold(one_line(" ".join(words))))
