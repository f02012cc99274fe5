"""GeoJSON (RFC 7946): the ledger's events as a FeatureCollection of points.

One Feature per event cluster, at the place of the report that places it most precisely,
as ``[longitude, latitude]`` in WGS 84 (the order RFC 7946 prescribes, the reverse of
the usual spoken order). An event whose place has no coordinates is kept, with a null
geometry, as RFC 7946 allows for unlocated features: a map leaves it out, a table still
lists it and its claims.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TextIO

from corroborate.export.events import ExportData, ExportEvent, outlet
from corroborate.report.sitrep import one_line

# Six decimals are about 10 cm, the precision RFC 7946 suggests as ample.
_DECIMALS = 6


@dataclass(frozen=True)
class GeoJSONCounts:
    features: int
    unlocated: int  # features with a null geometry


def feature_collection(data: ExportData) -> dict[str, Any]:
    """The FeatureCollection of every event, earliest first."""
    return {"type": "FeatureCollection", "features": [feature(e) for e in data.events]}


def write_geojson(data: ExportData, out: TextIO) -> GeoJSONCounts:
    """Write the FeatureCollection as UTF-8 JSON text to ``out``."""
    collection = feature_collection(data)
    json.dump(collection, out, ensure_ascii=False, indent=2)
    out.write("\n")
    features = collection["features"]
    return GeoJSONCounts(
        features=len(features),
        unlocated=sum(1 for f in features if f["geometry"] is None),
    )


def feature(event: ExportEvent) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry(event),
        "properties": properties(event),
    }


def geometry(event: ExportEvent) -> dict[str, Any] | None:
    """A Point at ``[lon, lat]``, or None when the place has no coordinates."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    return {
        "type": "Point",
        "coordinates": [round(place.lon, _DECIMALS), round(place.lat, _DECIMALS)],
    }


def properties(event: ExportEvent) -> dict[str, Any]:
    main = event.main.event
    place = event.place
    return {
        "id": event.id,
        "date": event.date,
        "date_precision": main.date_precision,
        "type": main.type,
        "sub_type": main.sub_type,
        "place": one_line(event.place_name) if event.place_name else None,
        "place_id": place.place_id if place is not None else None,
        "admin1": event.admin1,
        "country": place.country if place is not None else None,
        "precision": place.precision if place is not None else None,
        "acted_by": event.acted_by,
        "targets": event.targets,
        "actors": event.actors,
        "articles": [
            {
                "id": article.id,
                "url": article.url,
                "outlet": outlet(article),
                "published": article.published.isoformat() if article.published else None,
            }
            for article in event.articles
        ],
        "reports": len(event.reports),
        "claims": len(event.claims),
        "fatalities": event.fatalities,
        "verdict": event.corroboration.verdict,
        "origins": event.corroboration.origins,
        "disputed_by": event.corroboration.disputed_by,
    }
