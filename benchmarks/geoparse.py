"""Geocoding accuracy on GeoWebNews, LGL, TR-News and GeoVirus, given the gold toponyms.

Each corpus marks place names in news text with their coordinates (and, except GeoVirus,
their GeoNames id). The script hands the gold spans to Corroborate's geoparser
(:meth:`corroborate.geo.geoparse.Geoparser.resolve_spans`), which reads each name in its
phrase and article and picks a gazetteer entry, and prints per corpus:

- accuracy within 161 km (100 miles, the field's usual threshold),
- exact-match rate: the chosen GeoNames id is the gold id (where the gold has one),
- how many gold places are absent from our gazetteer (their id is not in it), and how many
  names found no candidate at all.

    .venv/bin/python benchmarks/geoparse.py [--data DIR] [--corpus NAME ...] [--limit N] [--json]

Data: the ``geowebnews_gritta`` folder (default ``../shared/eval/data/geowebnews_gritta``).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from corroborate.geo.distance import haversine_km
from corroborate.geo.gazetteer import Gazetteer
from corroborate.geo.geoparse import Geoparser
from corroborate.nlp import build_pipeline
from corroborate.resolve.actors import load_actors

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval" / "data" / "geowebnews_gritta"
CORPORA = ("GeoWebNews", "LGL", "TR-News", "GeoVirus")
WITHIN_KM = 161.0


@dataclass
class Toponym:
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None


@dataclass
class GoldArticle:
    text: str
    toponyms: list[Toponym]


@dataclass
class Score:
    gold: int = 0
    within: int = 0
    with_id: int = 0
    exact: int = 0
    absent: int = 0
    unresolved: int = 0
    errors_km: list[float] = field(default_factory=list)


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def read_gwn(data: Path) -> Iterator[GoldArticle]:
    root = ET.parse(data / "data" / "GWN.xml").getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            lat, lon = _float(node.find("latitude")), _float(node.find("longitude"))
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if lat is None or lon is None or start is None or end is None:
                continue  # non-locational and unresolved names carry no coordinates
            toponyms.append(Toponym(start, end, lat, lon, _int(node.findtext("geonamesID"))))
        yield GoldArticle(text, toponyms)


def read_gaztag_corpus(path: Path) -> Iterator[GoldArticle]:
    """LGL and TR-News: ``<toponym><start/><end/><gaztag geonameid><lat/><lon/>``."""
    root = ET.parse(path).getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            tag = node.find("gaztag")
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if tag is None or start is None or end is None:
                continue
            lat, lon = _float(tag.find("lat")), _float(tag.find("lon"))
            if lat is None or lon is None:
                continue
            toponyms.append(Toponym(start, end, lat, lon, _int(tag.get("geonameid"))))
        yield GoldArticle(text, toponyms)


def read_geovirus(path: Path) -> Iterator[GoldArticle]:
    root = ET.parse(path).getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("location"):
            lat, lon = _float(node.find("lat")), _float(node.find("lon"))
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if lat is None or lon is None or start is None or end is None:
                continue
            toponyms.append(Toponym(start, end, lat, lon, None))
        yield GoldArticle(text, toponyms)


def read_corpus(data: Path, name: str) -> list[GoldArticle]:
    corpora = data / "data" / "Corpora"
    if name == "GeoWebNews":
        articles = read_gwn(data)
    elif name == "LGL":
        articles = read_gaztag_corpus(corpora / "lgl.xml")
    elif name == "TR-News":
        articles = read_gaztag_corpus(corpora / "TR-News.xml")
    else:
        articles = read_geovirus(corpora / "GeoVirus.xml")
    return [a for a in articles if a.text and a.toponyms]


def score_corpus(
    articles: list[GoldArticle], nlp: object, geoparser: Geoparser, gazetteer: Gazetteer
) -> Score:
    score = Score()
    texts = [a.text for a in articles]
    columns = (TextColumn("geocoding"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=len(texts))
        for article, doc in zip(articles, nlp.pipe(texts, batch_size=8), strict=True):  # type: ignore[attr-defined]
            bar.advance(task)
            spans = [(t.start, t.end) for t in article.toponyms]
            resolved = {f.span: f for f in geoparser.resolve_spans(doc, spans)}
            for toponym in article.toponyms:
                score.gold += 1
                if toponym.geonameid is not None:
                    score.with_id += 1
                    if not gazetteer.has_id(toponym.geonameid):
                        score.absent += 1
                frame = resolved.get((toponym.start, toponym.end))
                if frame is None or frame.place is None:
                    score.unresolved += 1
                    score.errors_km.append(20038.0)  # half the earth: the worst possible
                    continue
                error = haversine_km(toponym.lat, toponym.lon, frame.place.lat, frame.place.lon)
                score.errors_km.append(error)
                score.within += error <= WITHIN_KM
                score.exact += toponym.geonameid is not None and frame.place.id == toponym.geonameid
    return score


def auc(errors: list[float]) -> float:
    """Area under the curve of log error distances (Gritta et al.): lower is better."""
    if not errors:
        return 0.0
    top = math.log(20039.0)
    return sum(math.log(e + 1) / top for e in errors) / len(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="geowebnews_gritta folder")
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="repeatable")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per corpus")
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    args = parser.parse_args()
    if not (args.data / "data" / "GWN.xml").is_file():
        sys.exit(
            f"{args.data}: no data/GWN.xml here; pass --data with the geowebnews_gritta folder"
        )
    console = Console(stderr=True)
    gazetteer = Gazetteer.open(progress=True)
    geoparser = Geoparser(gazetteer, load_actors())
    nlp = build_pipeline()
    results: dict[str, dict[str, float]] = {}
    started = time.perf_counter()
    for name in args.corpus or CORPORA:
        articles = read_corpus(args.data, name)[: args.limit]
        console.print(f"{name}: {len(articles)} articles")
        s = score_corpus(articles, nlp, geoparser, gazetteer)
        results[name] = {
            "articles": len(articles),
            "toponyms": s.gold,
            "accuracy_161km": s.within / s.gold if s.gold else 0.0,
            "exact_match": s.exact / s.with_id if s.with_id else float("nan"),
            "with_geonames_id": s.with_id,
            "absent_from_gazetteer": s.absent,
            "unresolved": s.unresolved,
            "auc": auc(s.errors_km),
        }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    table = Table(title="Geocoding given gold toponyms")
    for column in ("corpus", "toponyms", "acc@161km", "exact id", "absent", "unresolved", "AUC"):
        table.add_column(column, justify="right" if column != "corpus" else "left")
    for name, r in results.items():
        table.add_row(
            name,
            str(int(r["toponyms"])),
            f"{100 * r['accuracy_161km']:.1f}",
            "–" if math.isnan(r["exact_match"]) else f"{100 * r['exact_match']:.1f}",
            f"{int(r['absent_from_gazetteer'])}/{int(r['with_geonames_id'])}",
            str(int(r["unresolved"])),
            f"{r['auc']:.3f}",
        )
    macro = sum(r["accuracy_161km"] for r in results.values()) / max(1, len(results))
    Console().print(table)
    Console().print(
        f"macro accuracy@161km: {100 * macro:.1f}  ({time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
