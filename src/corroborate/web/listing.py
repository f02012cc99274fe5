"""The front page's list: events filtered, grouped by day (timeline) and by position (map).

Filters come from a query string a person typed or a form sent, so a value that cannot be
read (a date that is not ``YYYY-MM-DD``, an unknown side) does not fail the page: it is
left out of the filter and reported beside the form, saying what was expected.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from corroborate.web.views import SIDES, Board, EventView, PlaceView, fold

BAR_STEPS = 10  # the timeline's bar heights, as CSS classes h1..h10


@dataclass(frozen=True)
class EventFilter:
    """What the reader asked for; every field left empty matches every event."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: str | None = None
    side: str | None = None
    actor: str | None = None
    q: str | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(
        cls,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        type: str | None = None,
        side: str | None = None,
        actor: str | None = None,
        q: str | None = None,
    ) -> EventFilter:
        problems: list[str] = []
        start = _date("date_from", date_from, problems)
        end = _date("date_to", date_to, problems)
        if start and end and start > end:
            problems.append(
                f"date_from {start} is after date_to {end}: swap them to see events in between."
            )
            start, end = end, start
        side = _text(side)
        if side is not None and side not in SIDES:
            problems.append(f"side {side!r} is not known: choose one of {', '.join(SIDES)}.")
            side = None
        return cls(start, end, _text(type), side, _text(actor), _text(q), tuple(problems))

    @property
    def active(self) -> bool:
        return any(
            value is not None
            for value in (self.date_from, self.date_to, self.type, self.side, self.actor, self.q)
        )

    def query_string(self) -> str:
        """The filter as the query string of the front page, for links and the address bar."""
        values = {
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "type": self.type,
            "side": self.side,
            "actor": self.actor,
            "q": self.q,
        }
        return urlencode({key: value for key, value in values.items() if value is not None})

    def matches(self, event: EventView) -> bool:
        if (self.date_from or self.date_to) and not _overlaps(event, self.date_from, self.date_to):
            return False
        if self.type is not None and not _has_kind(event, self.type):
            return False
        if self.side is not None and self.side not in event.sides:
            return False
        if self.actor is not None:
            wanted = fold(self.actor)
            names = (*event.actors, *event.acted_by, *event.targets, *event.sources)
            if not any(wanted in fold(name) for name in names):
                return False
        return self.q is None or all(word in event.search_text for word in fold(self.q).split())


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(name: str, value: str | None, problems: list[str]) -> dt.date | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{name} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2024-03-12.")
        return None


def _overlaps(event: EventView, start: dt.date | None, end: dt.date | None) -> bool:
    if event.first_day is None or event.last_day is None:
        return False
    return (end is None or event.first_day <= end) and (start is None or event.last_day >= start)


def _has_kind(event: EventView, wanted: str) -> bool:
    """The type or the sub-type of any of the event's reports, e.g. 'Battles'."""
    return any(wanted == kind or wanted in kind.split(" / ", 1) for kind in event.kinds)


@dataclass(frozen=True)
class Day:
    """One day of the timeline, with a bar step for its number of events."""

    key: str
    events: tuple[EventView, ...]
    bar: int

    @property
    def label(self) -> str:
        if self.key == "undated":
            return "Date unknown"
        day = dt.date.fromisoformat(self.key)
        return f"{day:%a} {day.day} {day:%b %Y}"


@dataclass(frozen=True)
class MapPlace:
    """One marker: every listed event at one position."""

    key: str
    place: PlaceView
    events: tuple[EventView, ...]
    written: tuple[str, ...]

    @property
    def title(self) -> str:
        """The marker's tooltip: the gazetteer's name and how the texts wrote it."""
        names = list(dict.fromkeys(e.place.label for e in self.events if e.place is not None))
        title = "; ".join(names)
        other = [
            w for w in self.written if not any(w == e.place.name for e in self.events if e.place)
        ]
        if other:
            title += f" (written {', '.join(other)})"
        count = len(self.events)
        return f"{title}: {count} event" + ("" if count == 1 else "s")


@dataclass(frozen=True)
class Listing:
    events: tuple[EventView, ...]
    days: tuple[Day, ...]
    places: tuple[MapPlace, ...]
    total: int

    @property
    def unmapped(self) -> int:
        return sum(1 for event in self.events if event.place is None or event.place.key is None)


def listing(board: Board, wanted: EventFilter) -> Listing:
    events = tuple(event for event in board.events if wanted.matches(event))
    return Listing(events, timeline(events), map_places(events), len(board.events))


def timeline(events: Sequence[EventView]) -> tuple[Day, ...]:
    """Events by their first day, in date order; undated events last."""
    by_day: dict[str, list[EventView]] = {}
    for event in events:
        by_day.setdefault(event.day, []).append(event)
    most = max((len(day) for day in by_day.values()), default=1)
    keys = sorted(by_day, key=lambda key: (key == "undated", key))
    return tuple(
        Day(key, tuple(by_day[key]), max(1, math.ceil(BAR_STEPS * len(by_day[key]) / most)))
        for key in keys
    )


def map_places(events: Sequence[EventView]) -> tuple[MapPlace, ...]:
    """Events with coordinates, one marker per position (a village and its reports)."""
    grouped: dict[str, list[EventView]] = {}
    first: dict[str, PlaceView] = {}
    for event in events:
        place = event.place
        if place is None or place.key is None:
            continue
        grouped.setdefault(place.key, []).append(event)
        first.setdefault(place.key, place)
    return tuple(
        MapPlace(
            key=key,
            place=first[key],
            events=tuple(members),
            written=tuple(
                dict.fromkeys(w for event in members if event.place for w in event.place.written)
            ),
        )
        for key, members in grouped.items()
    )
