"""Exports of the ledger for other tools: CSV in ACLED's layout, GeoJSON, JSON Lines, ClaimReview.

from corroborate.export import export_ledger

with open("events.csv", "w", encoding="utf-8", newline="") as out:
    result = export_ledger(Path("corroborate.db"), "csv", out)

Events are exported one per event cluster (the same event across articles); claims one
per claim. ``docs/exports.md`` explains every column and field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from corroborate.errors import ConfigError, InputError, LedgerError
from corroborate.export.acled import COLUMNS, write_csv
from corroborate.export.claimreview import (
    DEFAULT_REVIEWER,
    ReviewOptions,
    claim_reviews,
    write_claimreview,
)
from corroborate.export.events import ExportData, ExportEvent, RegionNames, collect
from corroborate.export.geojson import feature_collection, write_geojson
from corroborate.export.jsonl import write_jsonl
from corroborate.geo.gazetteer import Gazetteer
from corroborate.models import ArticleAnalysis
from corroborate.store import Ledger

FORMATS: tuple[str, ...] = ("csv", "geojson", "jsonl", "claimreview")
_NEEDS_REGIONS = ("csv", "geojson")


@dataclass
class ExportResult:
    """How many records were written, and what the reader of the export should know."""

    format: str
    records: int
    notes: list[str] = field(default_factory=list)


def export(
    analyses: Iterable[ArticleAnalysis],
    fmt: str,
    out: TextIO,
    *,
    gazetteer: Gazetteer | None = None,
    review: ReviewOptions | None = None,
) -> ExportResult:
    """Write ``analyses`` to ``out`` in the format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise InputError(fmt, f"not an export format; use one of {', '.join(FORMATS)}")
    data = collect(analyses, RegionNames(gazetteer))
    if fmt == "csv":
        result = ExportResult(fmt, write_csv(data, out))
    elif fmt == "geojson":
        counts = write_geojson(data, out)
        result = ExportResult(fmt, counts.features)
        if counts.unlocated:
            result.notes.append(
                f"{counts.unlocated} of {counts.features} events have no coordinates; "
                "their features have a null geometry"
            )
    elif fmt == "jsonl":
        result = ExportResult(fmt, write_jsonl(data, out))
    else:
        reviews = write_claimreview(data, out, review)
        result = ExportResult(fmt, reviews.reviews)
        if reviews.without_event:
            result.notes.append(
                f"{reviews.without_event} claims support no event and have no verdict, so no review"
            )
    if fmt in _NEEDS_REGIONS and gazetteer is None:
        missing = sum(1 for event in data.events if _lacks_region(event))
        if missing:
            result.notes.append(
                f"{missing} events have no admin1: the ledger does not name their region "
                "and no gazetteer is available (run `corroborate gazetteer build`)"
            )
    if result.records == 0:
        result.notes.append("nothing to export: the ledger holds no " + _unit(fmt))
    return result


def export_ledger(
    db: Path,
    fmt: str,
    out: TextIO,
    *,
    reviewer: str = DEFAULT_REVIEWER,
    base_url: str | None = None,
    gazetteer_path: Path | None = None,
) -> ExportResult:
    """Export the ledger at ``db``; the gazetteer is used when it is there, never built.

    ClaimReviews are dated by the ledger's latest run, so exporting the same ledger twice
    gives the same file.
    """
    if not db.is_file():
        # Ledger.open would create an empty ledger, and the export would say nothing.
        what = "a folder, not a ledger file" if db.is_dir() else "no such ledger"
        raise LedgerError(
            f"{db}: {what}; run `corroborate analyze` first, or give the path of an "
            "existing ledger file"
        )
    with Ledger.open(db) as ledger:
        analyses = list(ledger.iter_analyses())
        runs = ledger.runs()
    published = None
    if runs:
        last = runs[-1]
        published = (last.finished_at or last.started_at).date()
    review = ReviewOptions(reviewer=reviewer, published=published, base_url=base_url)
    gazetteer: Gazetteer | None = None
    reason: str | None = None
    if fmt in _NEEDS_REGIONS:
        try:
            gazetteer = Gazetteer.open(gazetteer_path, build_if_missing=False)
        except ConfigError as exc:
            reason = str(exc)
    try:
        result = export(analyses, fmt, out, gazetteer=gazetteer, review=review)
    finally:
        if gazetteer is not None:
            gazetteer.close()
    if reason is not None and any("admin1" in note for note in result.notes):
        result.notes.append(f"gazetteer: {reason}")
    return result


def export_ledger_file(
    db: Path,
    fmt: str,
    output: Path,
    *,
    reviewer: str = DEFAULT_REVIEWER,
    base_url: str | None = None,
    gazetteer_path: Path | None = None,
) -> ExportResult:
    """Export the ledger at ``db`` to the file ``output``, as :func:`export_ledger` does.

    The export is written aside and moved into place, so a failed export never leaves a
    half-written file, and a file already there is only replaced by a complete one.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            result = export_ledger(
                db,
                fmt,
                handle,
                reviewer=reviewer,
                base_url=base_url,
                gazetteer_path=gazetteer_path,
            )
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return result


def _lacks_region(event: ExportEvent) -> bool:
    place = event.place
    return place is not None and place.precision in ("settlement", "district") and not event.admin1


def _unit(fmt: str) -> str:
    return {"csv": "events", "geojson": "events", "jsonl": "claims"}.get(
        fmt, "claims tied to an event"
    )


__all__ = [
    "COLUMNS",
    "FORMATS",
    "ExportData",
    "ExportEvent",
    "ExportResult",
    "RegionNames",
    "ReviewOptions",
    "claim_reviews",
    "collect",
    "export",
    "export_ledger",
    "export_ledger_file",
    "feature_collection",
    "write_claimreview",
    "write_csv",
    "write_geojson",
    "write_jsonl",
]
