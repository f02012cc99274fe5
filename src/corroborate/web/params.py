"""Query parameters shared by the list endpoints, checked with messages a person can act on.

A bad value is answered with 422 and a message naming the parameter, what is wrong and
the form expected; the app turns it into the server's one error shape.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


def invalid(parameter: str, problem: str) -> HTTPException:
    return HTTPException(status_code=422, detail=f"{parameter}: {problem}")


@dataclass(frozen=True)
class Pagination:
    limit: int
    offset: int


def pagination(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many items (1–{MAX_LIMIT}).")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Skip this many items first.")] = 0,
) -> Pagination:
    return Pagination(limit, offset)


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds, either open; ISO dates compare as strings."""

    start: str | None
    end: str | None


def parse_date(parameter: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise invalid(
            parameter, f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-12."
        ) from None


def date_range(
    date_from: Annotated[
        str | None,
        Query(description="Only on or after this day (YYYY-MM-DD).", examples=["2024-03-12"]),
    ] = None,
    date_to: Annotated[
        str | None,
        Query(description="Only on or before this day (YYYY-MM-DD).", examples=["2024-03-12"]),
    ] = None,
) -> DateRange:
    start, end = parse_date("date_from", date_from), parse_date("date_to", date_to)
    if start is not None and end is not None and start > end:
        raise invalid("date_to", f"{end} is before date_from {start}; give date_from <= date_to.")
    return DateRange(start, end)


@dataclass(frozen=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


_BBOX_FORM = "write it as min_lon,min_lat,max_lon,max_lat in degrees, e.g. 34.0,51.0,34.6,51.5"


def parse_bbox(value: str | None) -> BBox | None:
    """``min_lon,min_lat,max_lon,max_lat`` (the GeoJSON order) in WGS 84 degrees."""
    if value is None or not value.strip():
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 4:
        raise invalid("bbox", f"'{value}' has {len(parts)} numbers, not 4; {_BBOX_FORM}.")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise invalid("bbox", f"'{value}' is not four numbers; {_BBOX_FORM}.") from None
    if not all(math.isfinite(number) for number in numbers):
        raise invalid("bbox", f"'{value}' holds a value that is not a finite number.")
    box = BBox(*numbers)
    for name, number, bound in (
        ("min_lon", box.min_lon, 180),
        ("max_lon", box.max_lon, 180),
        ("min_lat", box.min_lat, 90),
        ("max_lat", box.max_lat, 90),
    ):
        if abs(number) > bound:
            raise invalid("bbox", f"{name} {number} is outside -{bound}..{bound}; {_BBOX_FORM}.")
    if box.min_lon > box.max_lon or box.min_lat > box.max_lat:
        raise invalid(
            "bbox",
            f"'{value}' has a minimum above its maximum; {_BBOX_FORM} (west, south, east, north).",
        )
    return box


def bbox_query(
    bbox: Annotated[
        str | None,
        Query(
            description="Only within min_lon,min_lat,max_lon,max_lat (degrees, WGS 84).",
            examples=["34.0,51.0,34.6,51.5"],
        ),
    ] = None,
) -> BBox | None:
    return parse_bbox(bbox)


def parse_place_id(value: str) -> int | None:
    """A gazetteer id (regions have negative ones), or None when ``value`` is a name."""
    stripped = value.strip()
    digits = stripped[1:] if stripped.startswith("-") else stripped
    return int(stripped) if digits.isdigit() else None
