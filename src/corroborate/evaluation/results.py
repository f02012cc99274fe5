"""Running the scorers over gold files and turning their tallies into figures.

Figures are micro-averaged: the tallies (counts) of all files are added up first and
divided once. A figure whose denominator is zero follows one rule throughout:

* precision with no predictions is 0.0 when there was gold to find, 1.0 when there was
  none either (nothing to find and nothing found wrongly);
* recall with no gold items is 1.0 (nothing was missed);
* an accuracy among matched items with none matched is 0.0 when gold items exist
  (none of them was got right), 1.0 when there are none;
* F1 of a zero precision and a zero recall is 0.0.

A field is reported when at least one gold file annotates it (even with an empty
list). ``hedge_accuracy``, ``status_accuracy`` and ``sub_type_accuracy`` are reported
only when some gold item gives ``hedged``, ``status`` or ``sub_type``: like a field no
file annotates, they are otherwise left out rather than invented.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.errors import CorroborateError
from corroborate.evaluation.clusters import ClusterResult, f1_score
from corroborate.evaluation.gold import FIELDS, GoldFile
from corroborate.evaluation.scoring import (
    Tally,
    score_captions,
    score_claims,
    score_contradictions,
    score_dates,
    score_entities,
    score_events,
    score_places,
    score_quantities,
    score_verification_statements,
)
from corroborate.models import Article, ArticleAnalysis

logger = logging.getLogger(__name__)

Analyzer = Callable[[Article], ArticleAnalysis]
Figures = dict[str, float]


@dataclass(frozen=True)
class FileResult:
    """The tallies of one gold file, for the fields it annotates."""

    path: Path
    article_id: str
    tallies: dict[str, Tally]
    analysed: bool = True
    skipped_reason: str | None = None

    def figures(self) -> dict[str, Figures]:
        return {name: field_figures(name, tally) for name, tally in self.tallies.items()}


@dataclass
class EvalResult:
    """Per-file tallies, their micro-averaged figures and, optionally, cluster figures."""

    files: list[FileResult]
    clusters: ClusterResult | None = field(default=None)

    def fields(self) -> list[str]:
        """The fields some file annotates, in the order of the gold format."""
        return [name for name in FIELDS if any(name in f.tallies for f in self.files)]

    def total(self, name: str) -> Tally:
        summed: Tally = {}
        for file_result in self.files:
            for key, value in file_result.tallies.get(name, {}).items():
                summed[key] = summed.get(key, 0) + value
        return summed

    def figures(self) -> dict[str, Figures]:
        """Micro-averaged figures per annotated field."""
        return {name: field_figures(name, self.total(name)) for name in self.fields()}


def evaluate(golds: Sequence[GoldFile], analyzer: Analyzer) -> EvalResult:
    """Analyse the article of every gold file and score each field it annotates.

    An article the analyzer fails on (a :class:`CorroborateError`) is scored as if
    nothing was found in it and marked not analysed, so one failure does not hide the
    scores of the other files.
    """
    return EvalResult(files=[score_file(gold, _analyse(analyzer, gold.article)) for gold in golds])


def _analyse(analyzer: Analyzer, article: Article) -> ArticleAnalysis:
    try:
        return analyzer(article)
    except CorroborateError as error:
        logger.warning("%s: analysis failed, scored as finding nothing: %s", article.source, error)
        return ArticleAnalysis(article=article, analysed=False, skipped_reason=str(error))


def score_file(gold: GoldFile, analysis: ArticleAnalysis) -> FileResult:
    """The tallies of one gold file against the analysis of its article."""
    claim_tally, pairs = score_claims(gold, analysis)
    scorers: dict[str, Callable[[], Tally]] = {
        "claims": lambda: claim_tally,
        "entities": lambda: score_entities(gold, analysis),
        "places": lambda: score_places(gold, analysis),
        "contradictions": lambda: score_contradictions(gold, analysis, pairs),
        "dates": lambda: score_dates(gold, analysis),
        "events": lambda: score_events(gold, analysis),
        "quantities": lambda: score_quantities(gold, analysis, pairs),
        "captions": lambda: score_captions(gold, analysis),
        "verification_statements": lambda: score_verification_statements(gold, analysis),
    }
    tallies = {name: scorers[name]() for name in FIELDS if gold.annotated(name)}
    return FileResult(
        gold.path, gold.article.id, tallies, analysis.analysed, analysis.skipped_reason
    )


def precision(hits: float, predicted: float, gold: float) -> float:
    if predicted:
        return hits / predicted
    return 0.0 if gold else 1.0


def recall(hits: float, gold: float) -> float:
    return hits / gold if gold else 1.0


def accuracy(correct: float, scored: float, gold: float) -> float:
    if scored:
        return correct / scored
    return 0.0 if gold else 1.0


def _detection(t: Tally) -> Figures:
    p = precision(t["matched"], t["predicted"], t["gold"])
    r = recall(t["matched"], t["gold"])
    return {
        "gold": int(t["gold"]),
        "predicted": int(t["predicted"]),
        "precision": p,
        "recall": r,
        "f1": f1_score(p, r),
    }


def _claims(t: Tally) -> Figures:
    figures = _detection(t)
    figures["source_accuracy"] = accuracy(t["source_correct"], t["matched"], t["gold"])
    figures["relay_accuracy"] = accuracy(t["relay_correct"], t["matched"], t["gold"])
    if t["hedge_gold"]:
        figures["hedge_accuracy"] = accuracy(t["hedge_correct"], t["hedge_scored"], 1)
    if t["status_gold"]:
        figures["status_accuracy"] = accuracy(t["status_correct"], t["status_scored"], 1)
    return figures


def _entities(t: Tally) -> Figures:
    p = t["precision_sum"] / t["items"] if t["items"] else 1.0
    r = t["recall_sum"] / t["items"] if t["items"] else 1.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1_score(p, r),
        "canonical_accuracy": accuracy(t["canonical_correct"], t["named"], t["gold_entities"]),
    }


def _places(t: Tally) -> Figures:
    return {
        "gold": int(t["gold"]),
        "accuracy": accuracy(t["correct"], t["gold"], t["gold"]),
        "accuracy_161km": accuracy(t["correct_161km"], t["gold"], t["gold"]),
        "country_accuracy": accuracy(t["country_correct"], t["gold"], t["gold"]),
    }


def _events(t: Tally) -> Figures:
    figures = _detection(t)
    if t["sub_type_gold"]:
        figures["sub_type_accuracy"] = accuracy(t["sub_type_correct"], t["sub_type_scored"], 1)
    return figures


def _captions(t: Tally) -> Figures:
    return {
        "gold": int(t["gold"]),
        "precision": precision(t["precise"], t["predicted"], t["gold"]),
        "recall": recall(t["found"], t["gold"]),
    }


_FIGURES: dict[str, Callable[[Tally], Figures]] = {
    "claims": _claims,
    "entities": _entities,
    "places": _places,
    "contradictions": _detection,
    "dates": lambda t: {"gold": int(t["gold"]), "accuracy": accuracy(t["correct"], t["gold"], 0)},
    "events": _events,
    "quantities": lambda t: {"gold": int(t["gold"]), "recall": recall(t["found"], t["gold"])},
    "captions": _captions,
    "verification_statements": lambda t: {
        "gold": int(t["gold"]),
        "recall": recall(t["found"], t["gold"]),
    },
}


def field_figures(name: str, tally: Tally) -> Figures:
    """The figures of the gold format for one field, from its (summed) tally."""
    return _FIGURES[name](tally)
