"""The ledger's events as the exports see them: one record per event cluster.

The same raid reported by ten articles is one event in an export, not ten: the events of
every article are clustered across articles (:class:`corroborate.merge.EventClusterer`)
and each cluster becomes one :class:`ExportEvent`. Its id is the id of the first report
of it in the ledger, which stays the same while the ledger grows (clusters only ever
gain reports). Its type, sub-type and place come from one report, the best supported
(most claims), then the one with the most precise place, so that the row's type, place
and quoted sentence tell one story; its date is the earliest any report gives. Actors,
articles, claims and the death toll are those of every report.

The CSV and GeoJSON exports write these records; the JSON Lines and ClaimReview exports
use them to tie each claim to the events it supports and to their verdicts.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlparse

from corroborate.geo.gazetteer import Gazetteer
from corroborate.merge.clusters import EventClusterer
from corroborate.merge.corroboration import Corroboration, corroborate_event
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    PlaceMention,
    PlacePrecision,
)
from corroborate.report.sitrep import article_label, one_line

logger = logging.getLogger(__name__)

# Finest first: among equally supported reports, the most precise place stands for the
# cluster (a village rather than its region).
_PRECISION_RANK: dict[PlacePrecision | None, int] = {
    "settlement": 0,
    "district": 1,
    "region": 2,
    "country": 3,
    None: 4,
}
# ACLED's geo_precision: 1 the town itself, 2 near a town or part of a region, 3 a region
# or province. ACLED has no coarser code, so a country-wide place is 3 as well.
ACLED_GEO_PRECISION: dict[PlacePrecision, int] = {
    "settlement": 1,
    "district": 2,
    "region": 3,
    "country": 3,
}


@dataclass(frozen=True)
class Report:
    """One article's event within a cluster."""

    analysis: ArticleAnalysis
    event: Event


@dataclass
class ExportEvent:
    """One real-world event: a cluster of reports from one or many articles."""

    id: str
    reports: list[Report]
    main: Report  # the report whose type, sub-type and place the export shows
    date: str | None  # the earliest date value any report gives (a day, range or month)
    admin1: str | None
    claims: list[tuple[ArticleAnalysis, Claim]]
    corroboration: Corroboration
    fatalities: int

    @property
    def place(self) -> PlaceMention | None:
        return self.main.event.place_mention

    @property
    def place_name(self) -> str | None:
        return self.main.event.place

    @property
    def geo_precision(self) -> int | None:
        place = self.place
        if place is None or place.precision is None:
            return None
        return ACLED_GEO_PRECISION[place.precision]

    @property
    def articles(self) -> list[Article]:
        seen: dict[str, Article] = {}
        for report in self.reports:
            seen.setdefault(report.analysis.article.id, report.analysis.article)
        return list(seen.values())

    @property
    def acted_by(self) -> list[str]:
        return _union(name for r in self._reports_main_first() for name in r.event.acted_by)

    @property
    def targets(self) -> list[str]:
        return _union(name for r in self._reports_main_first() for name in r.event.targets)

    @property
    def actors(self) -> list[str]:
        """The canonical names of the entities the reports tie to the event."""
        names = []
        for report in self._reports_main_first():
            for entity_id in report.event.actors:
                entity = report.analysis.entity(entity_id)
                if entity is not None:
                    names.append(one_line(entity.canonical))
        return _union(names)

    def _reports_main_first(self) -> list[Report]:
        return [self.main] + [r for r in self.reports if r is not self.main]


@dataclass
class ExportData:
    """What every export reads: the analyses, their events, and each claim's events."""

    analyses: list[ArticleAnalysis]
    events: list[ExportEvent]
    events_of_claim: dict[str, list[str]] = field(default_factory=dict)
    _by_id: dict[str, ExportEvent] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {event.id: event for event in self.events}

    def event(self, event_id: str) -> ExportEvent | None:
        return self._by_id.get(event_id)


class RegionNames:
    """The first-level region (ACLED's admin1) of a place.

    The ledger stores the region's name with each place it could resolve. When it has
    none for a settlement, the gazetteer is asked, if there is one: an export must still
    work on a machine whose gazetteer was never built, with the column left empty.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._cache: dict[tuple[str, str | None, int], str | None] = {}

    def admin1(self, place: PlaceMention | None) -> str | None:
        if place is None or place.precision == "country":
            return None
        if place.admin1:
            return place.admin1
        if place.precision == "region":
            return place.name
        if self._gazetteer is None or place.place_id is None:
            return None
        key = (place.name, place.country, place.place_id)
        if key not in self._cache:
            self._cache[key] = self._ask(self._gazetteer, place, place.place_id)
        return self._cache[key]

    @staticmethod
    def _ask(gazetteer: Gazetteer, place: PlaceMention, place_id: int) -> str | None:
        try:
            for found in gazetteer.lookup(place.name, place.country):
                if found.id != place_id:
                    continue
                if found.admin1_name:
                    return found.admin1_name
                region = gazetteer.region(found.country, found.admin1) if found.admin1 else None
                return region.name if region is not None else None
        except sqlite3.Error as exc:
            # A damaged index costs the column, not the export.
            logger.warning("%s: gazetteer lookup failed: %s", place.name, exc)
        return None


def collect(analyses: Iterable[ArticleAnalysis], regions: RegionNames | None = None) -> ExportData:
    """Cluster the events of ``analyses`` and account for each cluster, earliest first."""
    regions = regions or RegionNames()
    clusterer = EventClusterer()
    by_id: dict[str, ArticleAnalysis] = {}
    for analysis in analyses:
        if analysis.article.id in by_id:
            continue  # the same article twice would report its events twice
        by_id[analysis.article.id] = analysis
        clusterer.add(analysis)
    origin_of = {a: clusterer.copies.origin(a) or a for a in by_id}
    events: list[tuple[tuple[str, int], ExportEvent]] = []
    for order, cluster in enumerate(clusterer.clusters.values()):
        reports = [Report(by_id[article_id], event) for article_id, event in cluster.events]
        event = _export_event(reports, regions)
        event.corroboration = corroborate_event(cluster.events, by_id, origin_of)
        events.append(((_start(event.date) or "9999", order), event))
    ordered = [event for _, event in sorted(events, key=lambda item: item[0])]
    data = ExportData(analyses=list(by_id.values()), events=ordered)
    for event in ordered:
        for _, claim in event.claims:
            ids = data.events_of_claim.setdefault(claim.id, [])
            if event.id not in ids:
                ids.append(event.id)
    return data


def _export_event(reports: list[Report], regions: RegionNames) -> ExportEvent:
    main = min(
        enumerate(reports),
        key=lambda item: (
            -len(item[1].event.claim_ids),
            _PRECISION_RANK[_precision(item[1].event)],
            item[0],
        ),
    )[1]
    dated = [r.event.date for r in reports if r.event.date]
    claims = _claims(reports)
    return ExportEvent(
        id=reports[0].event.id,
        reports=reports,
        main=main,
        date=min(dated, key=_start) if dated else None,
        admin1=regions.admin1(main.event.place_mention),
        claims=claims,
        corroboration=Corroboration(),
        fatalities=fatalities(claims),
    )


def _precision(event: Event) -> PlacePrecision | None:
    return event.place_mention.precision if event.place_mention is not None else None


def _claims(reports: list[Report]) -> list[tuple[ArticleAnalysis, Claim]]:
    found: dict[str, tuple[ArticleAnalysis, Claim]] = {}
    for report in reports:
        claims = {c.id: c for c in report.analysis.claims}
        for claim_id in report.event.claim_ids:
            claim = claims.get(claim_id)
            if claim is not None:
                found.setdefault(claim.id, (report.analysis, claim))
    return list(found.values())


def fatalities(claims: Iterable[tuple[ArticleAnalysis, Claim]]) -> int:
    """The lowest death toll any claim states; 0 when none states one.

    One claim's figures add up ("three soldiers and two civilians were killed" is 5); the
    figures of different claims are never added, since two sources may count the same
    dead. A vague figure counts by its lower bound ("dozens" is 24). A denial ("no one
    was killed") states no toll of its own.
    """
    tolls: list[float] = []
    for analysis, claim in claims:
        if claim.polarity == "negative":
            continue
        figures = [
            q.low
            for q in analysis.quantities
            if q.claim_id == claim.id and q.kind == "killed" and q.low is not None
        ]
        if figures:
            tolls.append(sum(figures))
    return int(min(tolls)) if tolls else 0


def _start(value: str | None) -> str:
    """Where a date value begins, comparable as text: ``2024-03`` sorts before its days."""
    return value.split("/")[0] if value else ""


def first_day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for a day or a range (its first day); None for a month or year."""
    start = _start(value)
    return start if len(start) == 10 else None


def outlet(article: Article) -> str:
    """The outlet that published an article: its name, else its site, else the input."""
    if article.outlet:
        return one_line(article.outlet)
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article_label(article)


def _union(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))
