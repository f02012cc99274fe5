"""Score the claim extractor's source, cue and content spans against PolNeAR.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is 1,008 US political news articles
with every attribution marked as a source, a cue and a content span in BRAT standoff
files whose character offsets point into ``text/<article>.txt``.

    .venv/bin/python benchmarks/polnear.py [--split dev] [--limit N] [--json]
                                           [--data PATH] [--no-via] [--show-errors N]

How the gold spans are read:

* Only spans linked into an attribution (an ``E`` line) count; the role comes from the
  argument name (``Content2`` is a second content span, read as content).
* PolNeAR is univocal: every token carries at most one label, so an annotation is a tag
  sequence. A role with several fragments ("“A,” she said. “B.”") is therefore scored as
  several spans, one per run of tokens, not as one range that would swallow the source
  and cue between them. Fragments separated only by whitespace (BRAT splits at line
  breaks) are one run and are merged. Identical spans of a role in one article (two
  attributions sharing a source) count once.
* Some articles were annotated by several people; the annotator whose file sorts first
  is used, so runs are repeatable.

How the predictions are read: every claim's content, its cue, and the span as written
(``SourceMention.span``) of each source and, unless ``--no-via``, each relay. Relays
count as sources because PolNeAR marks only the outermost of nested attributions, whose
source is what we call the relay; an outlet that is only spoken to ("he told CNBC") says
nothing and is not one. Sources of one claim coordinated in the text ("the Corps and the
Legion said") are one span, the noun phrase PolNeAR marks. We record a quotation that runs
over several sentences as one claim per sentence, each with the quotation's cue; claims
that follow each other with the same cue and nothing but space and quotation marks between
are one content span, as PolNeAR marks the quotation. Unnamed sources have no span and
predict nothing.
The text is passed to the pipeline as it is on disk, so offsets compare directly.

Measures, per role, micro-averaged over the articles:

* exact: same character range (whitespace at the edges ignored);
* trimmed: same range once punctuation and quotation marks at both edges are dropped
  (PolNeAR keeps the quotation marks of direct quotes; we drop them);
* overlap: a prediction matches a gold span when they share at least one word token
  (punctuation does not count), each gold span and prediction matched at most once,
  greedily by the number of shared tokens (the lenient measure of BBC Citron on PARC 3.0).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
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

from corroborate.nlp import build_pipeline

CharRange = tuple[int, int]
ROLES = ("source", "cue", "content")
MEASURES = ("exact", "trimmed", "overlap")
SPLITS = ("train", "dev", "test")
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval" / "data" / "polnear"


@dataclass
class GoldArticle:
    name: str
    text: str
    spans: dict[str, set[CharRange]]
    attributions: int
    mismatched: int  # spans whose text in the .ann file differs from the article's


@dataclass
class Tally:
    matched: int = 0
    gold: int = 0
    predicted: int = 0

    def scores(self) -> dict[str, float]:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Mistake:
    article: str
    role: str
    kind: str  # missed, spurious, boundary (overlap match, not exact)
    gold: CharRange | None
    predicted: CharRange | None


@dataclass
class Results:
    tallies: dict[tuple[str, str], Tally] = field(
        default_factory=lambda: {(r, m): Tally() for r in ROLES for m in MEASURES}
    )
    mistakes: list[Mistake] = field(default_factory=list)


# -- reading PolNeAR ----------------------------------------------------------------------


def split_dir(data: Path, split: str) -> Path:
    """The folder holding ``text/`` and ``attributions/`` of a split, or exit saying why."""
    for candidate in (data / "data" / split, data / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise SystemExit(
        f"PolNeAR not found at {data}: expected {data / 'data' / split}/text and "
        f"{data / 'data' / split}/attributions. Pass --data PATH pointing at a copy of "
        "PolNeAR (github.com/networkdynamics/PolNeAR)."
    )


def read_text(path: Path) -> str:
    # newline="" keeps the characters the offsets were counted over.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def list_articles(folder: Path) -> list[tuple[str, Path, Path]]:
    """Each article with text and one annotation file: (name, text path, .ann path)."""
    annotations: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article, _, _annotator = ann.stem.rpartition("_")
        annotations.setdefault(article, []).append(ann)
    found = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        files = annotations.get(text_path.stem)
        if files:
            found.append((text_path.stem, text_path, files[0]))
    return found


def parse_ranges(field_text: str) -> list[CharRange] | None:
    try:
        pairs = [tuple(int(n) for n in part.split()) for part in field_text.split(";")]
    except ValueError:
        return None
    if not pairs or any(len(p) != 2 or p[0] > p[1] for p in pairs):
        return None
    return [(p[0], p[1]) for p in pairs]


def strip_space(text: str, span: CharRange) -> CharRange | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def token_runs(text: str, fragments: list[CharRange]) -> list[CharRange]:
    """Fragments as runs of tokens: those separated by whitespace alone are one run."""
    runs: list[list[int]] = []
    for start, end in sorted(fragments):
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    stripped = (strip_space(text, (s, e)) for s, e in runs)
    return [span for span in stripped if span is not None]


def read_gold(name: str, text_path: Path, ann_path: Path) -> GoldArticle:
    text = read_text(text_path)
    bound: dict[str, tuple[list[CharRange], str | None]] = {}
    links: list[tuple[str, str]] = []
    attributions = 0
    for line in read_text(ann_path).splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # continuation lines of multi-line annotator notes
        if fields[0].startswith("T"):
            ranges = parse_ranges(fields[1].partition(" ")[2])
            if ranges is not None:
                bound[fields[0]] = (ranges, fields[2] if len(fields) > 2 else None)
        elif fields[0].startswith("E"):
            attributions += 1
            for argument in fields[1].split()[1:]:
                role, _, target = argument.partition(":")
                role = role.rstrip("0123456789").lower()
                if role in ROLES:
                    links.append((role, target))
    spans: dict[str, set[CharRange]] = {role: set() for role in ROLES}
    mismatched = 0
    for role, target in links:
        if target not in bound:
            continue
        fragments, written = bound[target]
        if written is not None and " ".join(text[s:e] for s, e in fragments) != written:
            mismatched += 1
        spans[role].update(token_runs(text, fragments))
    return GoldArticle(name, text, spans, attributions, mismatched)


# -- predictions ----------------------------------------------------------------------------


def predicted_spans(doc: Any, with_via: bool) -> dict[str, set[CharRange]]:
    text: str = doc.text
    found: dict[str, list[CharRange]] = {role: [] for role in ROLES}
    quoted_on: CharRange | None = None  # the content of the quotation's last claim
    previous_cue: CharRange | None = None
    for claim in doc._.claims or []:
        between = text[quoted_on[1] : claim.content[0]] if quoted_on else None
        if (
            quoted_on is not None
            and between is not None
            and claim.cue == previous_cue
            and not between.strip(" \n\t\"“”‘’'«»")
        ):
            # The next sentence of one quotation: one content span, as PolNeAR marks it.
            found["content"][-1] = (found["content"][-1][0], claim.content[1])
        else:
            found["content"].append(claim.content)
        quoted_on, previous_cue = claim.content, claim.cue
        if claim.cue is not None:
            found["cue"].append(claim.cue)
        relays = [m for m in claim.via if not m.addressed] if with_via else []
        found["source"].extend(_joined(text, [m.span for m in claim.sources if m.span]))
        found["source"].extend(m.span for m in relays if m.span is not None)
    return {
        role: {s for s in (strip_space(text, span) for span in spans) if s is not None}
        for role, spans in found.items()
    }


def _joined(text: str, spans: list[CharRange]) -> list[CharRange]:
    """Sources of one claim coordinated in the text ("the Corps and the Legion") as the one
    noun phrase PolNeAR marks."""
    merged: list[CharRange] = []
    for span in sorted(spans):
        if merged and text[merged[-1][1] : span[0]].strip(" ,").lower() in ("and", "or", ""):
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return merged


def run_pipeline(nlp: Any, texts: list[str], console: Console) -> Iterator[Any]:
    def docs() -> Iterator[Any]:
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.article_date = None
            yield doc

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("extracting claims", total=len(texts))
        for doc in nlp.pipe(docs(), batch_size=8):
            progress.advance(task)
            yield doc


# -- matching -------------------------------------------------------------------------------


class WordTokens:
    """The article's word tokens (no spaces, no punctuation), for overlap counting."""

    def __init__(self, doc: Any) -> None:
        words = [t for t in doc if not t.is_space and not t.is_punct]
        self.starts = [t.idx for t in words]
        self.ends = [t.idx + len(t.text) for t in words]

    def covered(self, span: CharRange) -> tuple[int, int]:
        """Indices [first, last) of the tokens that the span touches."""
        return bisect.bisect_right(self.ends, span[0]), bisect.bisect_left(self.starts, span[1])


def trim_edges(text: str, span: CharRange) -> CharRange:
    start, end = span
    while start < end and (text[start].isspace() or unicodedata.category(text[start])[0] == "P"):
        start += 1
    while end > start and (
        text[end - 1].isspace() or unicodedata.category(text[end - 1])[0] == "P"
    ):
        end -= 1
    return start, end


def match_overlap(
    gold: set[CharRange], predicted: set[CharRange], words: WordTokens
) -> list[tuple[CharRange, CharRange]]:
    candidates = []
    for g in gold:
        g_first, g_last = words.covered(g)
        for p in predicted:
            p_first, p_last = words.covered(p)
            shared = min(g_last, p_last) - max(g_first, p_first)
            if shared > 0:
                candidates.append((-shared, g, p))
    candidates.sort()
    used_gold: set[CharRange] = set()
    used_predicted: set[CharRange] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return pairs


def score_article(gold: GoldArticle, doc: Any, with_via: bool, results: Results) -> None:
    predicted = predicted_spans(doc, with_via)
    words = WordTokens(doc)
    for role in ROLES:
        g, p = gold.spans[role], predicted[role]
        trimmed_gold = Counter(trim_edges(gold.text, s) for s in g)
        trimmed_predicted = Counter(trim_edges(gold.text, s) for s in p)
        pairs = match_overlap(g, p, words)
        matched = {
            "exact": len(g & p),
            "trimmed": sum((trimmed_gold & trimmed_predicted).values()),
            "overlap": len(pairs),
        }
        for measure in MEASURES:
            tally = results.tallies[role, measure]
            tally.matched += matched[measure]
            tally.gold += len(g)
            tally.predicted += len(p)
        paired_gold = {a for a, _ in pairs}
        paired_predicted = {b for _, b in pairs}
        results.mistakes.extend(
            [Mistake(gold.name, role, "missed", s, None) for s in sorted(g - paired_gold)]
            + [Mistake(gold.name, role, "spurious", None, s) for s in sorted(p - paired_predicted)]
            + [Mistake(gold.name, role, "boundary", a, b) for a, b in pairs if a != b]
        )


# -- reporting ------------------------------------------------------------------------------


def score_table(split: str, results: Results) -> Table:
    table = Table(title=f"PolNeAR {split}: claim extractor spans")
    for name in ("role", "measure", "P", "R", "F1", "matched", "gold", "predicted"):
        table.add_column(name, justify="left" if name in ("role", "measure") else "right")
    for role in ROLES:
        for measure in MEASURES:
            tally = results.tallies[role, measure]
            s = tally.scores()
            table.add_row(
                role if measure == MEASURES[0] else "",
                measure,
                *(f"{100 * s[k]:.1f}" for k in ("precision", "recall", "f1")),
                str(tally.matched),
                str(tally.gold),
                str(tally.predicted),
                end_section=measure == MEASURES[-1],
            )
    return table


def in_context(text: str, span: CharRange, width: int = 110) -> str:
    """The span marked with brackets inside its paragraph, cut to ``width`` either side."""
    start, end = span
    left = text[max(0, start - width) : start].rpartition("\n")[2]
    right = text[end : end + width].partition("\n")[0]
    return f"…{left}⟦{text[start:end]}⟧{right}…".replace("\n", " ")


def show_mistakes(console: Console, gold: dict[str, GoldArticle], results: Results, n: int) -> None:
    """A fixed random sample of each kind of error, each span marked in its paragraph."""
    sampler = random.Random(0)
    for role in ROLES:
        for kind in ("missed", "spurious", "boundary"):
            found = [m for m in results.mistakes if m.role == role and m.kind == kind]
            console.rule(f"{role}: {kind} ({len(found)} in all, {min(n, len(found))} shown)")
            for mistake in sampler.sample(found, min(n, len(found))):
                text = gold[mistake.article].text
                lines = [mistake.article]
                if mistake.gold is not None:
                    lines.append(f"  gold: {in_context(text, mistake.gold)}")
                if mistake.predicted is not None:
                    lines.append(f"  ours: {in_context(text, mistake.predicted)}")
                console.print("\n".join(lines), markup=False, highlight=False)


def as_json(split: str, articles: list[GoldArticle], seconds: float, results: Results) -> str:
    scores = {
        role: {
            measure: {
                "matched": results.tallies[role, measure].matched,
                "gold": results.tallies[role, measure].gold,
                "predicted": results.tallies[role, measure].predicted,
                **results.tallies[role, measure].scores(),
            }
            for measure in MEASURES
        }
        for role in ROLES
    }
    summary = {
        "split": split,
        "articles": len(articles),
        "attributions": sum(a.attributions for a in articles),
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(articles) / seconds, 2) if seconds else None,
        "scores": scores,
    }
    return json.dumps(summary, indent=2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--no-via", action="store_true", help="do not count relays as sources")
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print N sampled errors of each kind",
    )
    args = parser.parse_args()
    console = Console(stderr=True)
    listed = list_articles(split_dir(args.data, args.split))[: args.limit]
    if not listed:
        raise SystemExit(f"no annotated article under {args.data} for split {args.split}")
    articles = [read_gold(*entry) for entry in listed]
    mismatched = sum(a.mismatched for a in articles)
    if mismatched:
        console.print(
            f"note: {mismatched} gold spans differ from the article text at their offsets"
        )
    loading = time.perf_counter()
    nlp = build_pipeline()
    load_seconds = time.perf_counter() - loading
    results = Results()
    started = time.perf_counter()
    texts = [a.text for a in articles]
    for article, doc in zip(articles, run_pipeline(nlp, texts, console), strict=True):
        score_article(article, doc, not args.no_via, results)
    seconds = time.perf_counter() - started
    if args.json:
        print(as_json(args.split, articles, seconds, results))
    else:
        out = Console()
        out.print(score_table(args.split, results))
        attributions = sum(a.attributions for a in articles)
        out.print(
            f"{len(articles)} articles, {attributions} attributions; model loaded in "
            f"{load_seconds:.1f} s, then {seconds:.1f} s: {len(articles) / seconds:.2f} articles/s",
            highlight=False,
        )
    if args.show_errors:
        errors_to = console if args.json else Console()
        show_mistakes(errors_to, {a.name: a for a in articles}, results, args.show_errors)


if __name__ == "__main__":
    main()
