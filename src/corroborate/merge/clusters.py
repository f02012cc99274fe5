"""Event clusters across articles: one raid, many reports.

An article's events join an existing cluster when date and place agree, and type too
unless the place is a settlement: dates at most a day apart (reports of a night attack
carry either date), and places that are the same place, within a few kilometres, or one
inside the other (a village and its region). At one village on one day the two sides
describe one event in different terms (a raid repelled, a village taken). Syndicated
copies always join their origin's cluster. The same village attacked on another day is
another event.

Candidates are found through blocks keyed by country, day and place (a grid cell of
about 25 km, or the region), so the cost of adding
an article does not grow with the size of the ledger, and clusters are built
incrementally: a new article joins the clusters that exist without recomputing them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborate.geo.distance import haversine_km
from corroborate.merge.copies import CopyIndex
from corroborate.models import ArticleAnalysis, Event, PlaceMention

_NEAR_KM = 25.0
_DAY_WINDOW = 1


@dataclass
class Cluster:
    id: str
    events: list[tuple[str, Event]] = field(default_factory=list)  # (article id, event)


@dataclass
class EventClusterer:
    """Clusters events as articles arrive; ``assign`` gives each article's main cluster."""

    copies: CopyIndex = field(default_factory=CopyIndex)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    _blocks: dict[BlockKey, list[str]] = field(default_factory=dict)
    _article_cluster: dict[str, str] = field(default_factory=dict)
    _event_cluster: dict[str, str] = field(default_factory=dict)

    def add(self, analysis: ArticleAnalysis) -> str | None:
        """Cluster an article's events; return the cluster of its main event."""
        article = analysis.article
        origin = self.copies.add(article.id, article.text, article.published)
        main = main_event(analysis)
        for event in analysis.events:
            cluster_id = self._place_event(article.id, event)
            self._event_cluster[event.id] = cluster_id
        if origin != article.id and origin in self._article_cluster:
            # A copy reports what its origin reports, whatever our reading of it found.
            self._article_cluster[article.id] = self._article_cluster[origin]
        elif main is not None:
            self._article_cluster[article.id] = self._event_cluster[main.id]
        return self._article_cluster.get(article.id)

    def cluster_of_article(self, article_id: str) -> str | None:
        return self._article_cluster.get(article_id)

    def cluster_of_event(self, event_id: str) -> str | None:
        return self._event_cluster.get(event_id)

    def _place_event(self, article_id: str, event: Event) -> str:
        day = _day(event.date)
        best: Cluster | None = None
        if day is not None:
            for key in _query_keys(event, day):
                for cluster_id in self._blocks.get(key, ()):
                    cluster = self.clusters[cluster_id]
                    # The latest reports stand for the cluster: comparing with all of a
                    # cluster of a thousand reports would make big events slow to join.
                    recent = cluster.events[-_COMPARED:]
                    if any(_same_event(event, other) for _, other in recent):
                        best = cluster
                        break
                if best is not None:
                    break
        if best is None:
            best = Cluster(id=f"k{len(self.clusters) + 1}")
            self.clusters[best.id] = best
        best.events.append((article_id, event))
        if day is not None:
            for key in _own_keys(event, day):
                if best.id not in self._blocks.setdefault(key, []):
                    self._blocks[key].append(best.id)
        return best.id


def assign_clusters(analyses: Iterable[ArticleAnalysis]) -> dict[str, str]:
    """Article id -> the cluster of its main event (an article without events: its own)."""
    clusterer = EventClusterer()
    found: dict[str, str] = {}
    for analysis in analyses:
        cluster = clusterer.add(analysis)
        found[analysis.article.id] = cluster or f"article:{analysis.article.id}"
    return found


def main_event(analysis: ArticleAnalysis) -> Event | None:
    """The event an article is mainly about: the best supported, the earliest on a tie."""
    placed = [e for e in analysis.events if e.place_mention is not None and e.date]
    candidates = placed or analysis.events
    if not candidates:
        return None
    return max(
        enumerate(candidates),
        key=lambda item: (len(item[1].claim_ids) + (1 if item[0] == 0 else 0), -item[0]),
    )[1]


# Blocks: a settlement sits in a grid cell of about 25 km and in its region; a region-wide
# event sits in its region only. A settlement looks in the cells around its own (so that
# places a few kilometres apart across a cell edge meet) and in its region; a region
# looks in its region, where every settlement inside it also sits.
_CELL_DEGREES = 0.25
_COMPARED = 8
BlockKey = tuple[str, int, str]


def _own_keys(event: Event, day: int) -> list[BlockKey]:
    place = event.place_mention
    if place is None:
        return [("", day, "")]
    keys: list[BlockKey] = [(place.country or "", day, f"r:{place.admin1 or place.name}")]
    cell = _cell(place)
    if cell is not None:
        keys.append((place.country or "", day, f"c:{cell[0]}:{cell[1]}"))
    return keys


def _query_keys(event: Event, day: int) -> list[BlockKey]:
    place = event.place_mention
    days = [day + d for d in range(-_DAY_WINDOW, _DAY_WINDOW + 1)]
    if place is None:
        return [("", d, "") for d in days]
    country = place.country or ""
    keys: list[BlockKey] = [(country, d, f"r:{place.admin1 or place.name}") for d in days]
    cell = _cell(place)
    if cell is not None:
        keys += [
            (country, d, f"c:{cell[0] + i}:{cell[1] + j}")
            for d in days
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
        ]
    return keys


def _cell(place: PlaceMention) -> tuple[int, int] | None:
    if place.precision != "settlement" or place.lat is None or place.lon is None:
        return None
    return math.floor(place.lat / _CELL_DEGREES), math.floor(place.lon / _CELL_DEGREES)


def _day(value: str | None) -> int | None:
    """The first day of a date value (a day, a month, or a range) as an ordinal."""
    if not value:
        return None
    first = value.split("/")[0]
    try:
        if len(first) == 10:
            return dt.date.fromisoformat(first).toordinal()
        if len(first) == 7:
            return dt.date.fromisoformat(f"{first}-01").toordinal()
    except ValueError:
        return None
    return None


def _same_event(a: Event, b: Event) -> bool:
    day_a, day_b = _day(a.date), _day(b.date)
    if day_a is None or day_b is None or abs(day_a - day_b) > _DAY_WINDOW:
        return False
    if a.place_mention is None or b.place_mention is None:
        return False
    if not places_agree(a.place_mention, b.place_mention):
        return False
    # At one village on one day, the two sides describe one event in different terms (a
    # raid repelled, a village taken, a sabotage group destroyed); over a whole region,
    # only reports of the same type are taken to be one event.
    precise = a.place_mention.precision == b.place_mention.precision == "settlement"
    return precise or a.type == b.type or _attack_and_interception(a, b)


def _attack_and_interception(a: Event, b: Event) -> bool:
    """A strike and the interception of it are one event told by each side: drones that
    hit a depot, and drones "shot down over the region" the same night."""
    kinds = {(a.type, a.sub_type), (b.type, b.sub_type)}
    intercepted = ("Strategic developments", "Disrupted weapons use") in kinds
    return intercepted and any(kind == "Explosions/Remote violence" for kind, _ in kinds)


def places_agree(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place, near places, or one inside the other (a village and its region)."""
    if a.country and b.country and a.country != b.country:
        return False
    if a.place_id is not None and a.place_id == b.place_id and a.name == b.name:
        return True
    if a.precision == "country" or b.precision == "country":
        return False  # "in Russia" is too wide to tie two reports together
    if a.precision == "region" or b.precision == "region":
        return bool(a.admin1) and a.admin1 == b.admin1
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return _km(a, b) <= _NEAR_KM


def _km(a: PlaceMention, b: PlaceMention) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
