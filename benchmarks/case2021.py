"""Score the event classifier on the CASE 2021 shared task 2 test set (event sub-types).

CASE 2021 task 2 (Haneczok et al., "Fine-grained event classification in news-like text
snippets", CASE workshop 2021) asks for the ACLED sub-type of short news-like snippets.
Its test set holds 1,019 labelled snippets: 25 ACLED sub-types ("seen" classes, the ones a
system trained on ACLED has seen) and five classes ACLED does not code ("unseen":
ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB).

    .venv/bin/python benchmarks/case2021.py [--data PATH] [--json] [--confusions N]

The classifier (``corroborate.events.classify.EventClassifier``) is not trained on this
data nor on any ACLED data: its lexicon was written from the category definitions and
tuned on hand-written snippets (``tests/data/event_snippets.tsv``). This set is a test
set; read its figures, not its snippets.

Each snippet is run through the analysis pipeline (``corroborate.nlp.build_pipeline()``)
and ``EventClassifier.classify`` gives one label for it (or none).

Measures:

* seen: the snippets whose gold label is one of the 25 ACLED sub-types. Per class,
  precision, recall and F1; a prediction outside the 25 (one of the other labels, or no
  label) is simply wrong. Weighted F1 averages the per-class F1 weighted by gold support,
  the shared task's headline measure; macro F1 is their plain mean.
* all: every snippet and all 30 classes, the same way.
* accuracy: share of snippets whose predicted label is the gold one.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from corroborate.events.classify import EventClassifier
from corroborate.events.taxonomy import ACLED_SUB_TYPES, ALL_LABELS, CASE_CODES
from corroborate.nlp import build_pipeline

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval" / "data" / "case2021_task2_event_types"
TEST_FILE = "test_set_final_release_with_labels.tsv"
NO_LABEL = "(none)"


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    gold: str  # our label name for the gold code


@dataclass
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def read_snippets(data: Path) -> list[Snippet]:
    """The labelled snippets, or exit saying what is missing or wrong."""
    path = data / TEST_FILE if data.is_dir() else data
    if not path.is_file():
        raise SystemExit(
            f"CASE 2021 task 2 test set not found at {path}: pass --data PATH pointing at the "
            f"folder holding {TEST_FILE} (or at the file itself)."
        )
    snippets = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"id", "EventSnippet", "SubType"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{path}: header lacks the columns {sorted(missing)}")
        for line, row in enumerate(reader, start=2):
            code = row["SubType"].strip()
            if code not in CASE_CODES:
                raise SystemExit(f"{path}:{line}: unknown label code {code!r}")
            snippets.append(Snippet(row["id"], row["EventSnippet"], CASE_CODES[code]))
    return snippets


def classify_all(snippets: list[Snippet], console: Console) -> list[str]:
    nlp = build_pipeline()
    classifier = EventClassifier()

    def docs() -> Iterator[Any]:
        for snippet in snippets:
            doc = nlp.make_doc(snippet.text)
            doc._.article_date = None
            yield doc

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    predicted = []
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("classifying snippets", total=len(snippets))
        for doc in nlp.pipe(docs(), batch_size=32):
            cue = classifier.classify(doc)
            predicted.append(cue.sub_type if cue is not None else NO_LABEL)
            progress.advance(task)
    return predicted


def class_scores(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> list[ClassScore]:
    """Per-class scores over (gold, predicted) pairs, for the classes in ``labels``."""
    gold_counts = Counter(g for g, _ in pairs)
    predicted_counts = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    scores = []
    for label in labels:
        hits, support, predicted = correct[label], gold_counts[label], predicted_counts[label]
        precision = hits / predicted if predicted else 0.0
        recall = hits / support if support else 0.0
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        scores.append(ClassScore(label, precision, recall, f1, support, predicted))
    return scores


def summary(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> dict[str, Any]:
    scores = class_scores(pairs, labels)
    support = sum(s.support for s in scores)
    return {
        "snippets": len(pairs),
        "accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        "weighted_f1": sum(s.f1 * s.support for s in scores) / support if support else 0.0,
        "macro_f1": sum(s.f1 for s in scores) / len(scores),
        "classes": scores,
    }


def scores_table(title: str, scores: list[ClassScore]) -> Table:
    table = Table(title=title)
    for name in ("class", "P", "R", "F1", "support", "predicted"):
        table.add_column(name, justify="left" if name == "class" else "right")
    for s in sorted(scores, key=lambda s: -s.support):
        table.add_row(
            s.label,
            f"{100 * s.precision:.1f}",
            f"{100 * s.recall:.1f}",
            f"{100 * s.f1:.1f}",
            str(s.support),
            str(s.predicted),
        )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CASE task 2 folder")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--confusions", type=int, default=15, metavar="N", help="show the N commonest confusions"
    )
    args = parser.parse_args()
    console = Console(stderr=True)
    snippets = read_snippets(args.data)
    started = time.perf_counter()
    predicted = classify_all(snippets, console)
    seconds = time.perf_counter() - started
    pairs = [(s.gold, p) for s, p in zip(snippets, predicted, strict=True)]
    seen_pairs = [(g, p) for g, p in pairs if g in ACLED_SUB_TYPES]
    seen = summary(seen_pairs, ACLED_SUB_TYPES)
    every = summary(pairs, ALL_LABELS)
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(args.confusions)
    if args.json:
        result = {
            "snippets": len(snippets),
            "seconds": round(seconds, 2),
            **{
                name: {k: v for k, v in part.items() if k != "classes"}
                | {"classes": [vars(s) for s in part["classes"]]}
                for name, part in (("seen", seen), ("all", every))
            },
            "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions],
        }
        print(json.dumps(result, indent=2))
        return
    out = Console()
    for name, part in (("25 seen ACLED classes", seen), ("all 30 classes", every)):
        out.print(
            f"{name}: {part['snippets']} snippets, weighted F1 {100 * part['weighted_f1']:.1f}, "
            f"macro F1 {100 * part['macro_f1']:.1f}, accuracy {100 * part['accuracy']:.1f}",
            highlight=False,
        )
    out.print(scores_table("CASE 2021 task 2 test: per class (all 30)", every["classes"]))
    confusion_table = Table(title="Commonest confusions")
    for name in ("gold", "predicted", "count"):
        confusion_table.add_column(name, justify="right" if name == "count" else "left")
    for (gold, guess), count in confusions:
        confusion_table.add_row(gold, guess, str(count))
    out.print(confusion_table)
    out.print(
        f"{len(snippets)} snippets in {seconds:.1f} s ({len(snippets) / seconds:.0f} snippets/s, "
        "model load included)",
        highlight=False,
    )


if __name__ == "__main__":
    main()
