"""Throughput of the full analysis against bare spaCy on the same texts, in one process.

Time on shared machines is noisy, so the figure that matters is the ratio against
``nlp.pipe`` of the same model with our components switched off, on the same texts,
alternating runs. Two ratios are printed: the spaCy pipeline with our components
(attribution, hedging, verification, dates, line breaks), and the full analysis (text
repair, the components, geoparsing, events, entities, contradictions and the records).

    .venv/bin/python benchmarks/speed.py [PATH ...] [--copies N] [--rounds R]

PATH defaults to ``examples/``; every article found is used, repeated ``--copies``
times with a varying first line so that no cache can help.

Both runs are warmed up first (lazily loaded word lists and indexes), and garbage is
collected before each timed run so that one run's garbage is not collected in the
other's time. Each round times bare spaCy, then the two others; the ratio of a
round compares runs made seconds apart, so the median of the rounds' ratios is the
figure least moved by other load on the machine. The ratio of the best times is shown too.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from corroborate.analyzer import Analyzer
from corroborate.errors import InputError
from corroborate.ingest import read_paths
from corroborate.models import Article

OUR_COMPONENTS = ["line_breaks", "attribution", "hedging", "verification", "dates"]


def load_articles(paths: list[Path], copies: int) -> list[Article]:
    found = [a for a in read_paths(paths) if not isinstance(a, InputError)]
    if not found:
        raise SystemExit(f"no readable article under {', '.join(map(str, paths))}")
    articles = []
    for n in range(copies):
        for article in found:
            text = f"Report {n}.\n\n{article.text}"
            articles.append(
                Article(
                    id=f"{article.id}-{n}",
                    text=text,
                    source=article.source,
                    format=article.format,
                    language="en",
                    published=article.published,
                )
            )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("examples")])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = load_articles(args.paths, args.copies)
    texts = [a.text for a in articles]
    analyzer = Analyzer()
    nlp = analyzer.nlp

    def pipe_run(batch: list[str], disable: list[str]) -> float:
        gc.collect()
        start = time.perf_counter()
        with nlp.select_pipes(disable=disable):
            for _doc in nlp.pipe(batch, batch_size=16):
                pass
        return time.perf_counter() - start

    def bare_run(batch: list[str]) -> float:
        return pipe_run(batch, OUR_COMPONENTS)

    def components_run(batch: list[str]) -> float:
        return pipe_run(batch, [])

    def full_run(batch: list[Article]) -> float:
        gc.collect()
        start = time.perf_counter()
        for _analysis in analyzer.analyze_many(batch, batch_size=16):
            pass
        return time.perf_counter() - start

    bare_run(texts[:16])
    components_run(texts[:16])
    full_run(articles[:16])
    chars = sum(len(t) for t in texts)
    bare_times, component_times, full_times = [], [], []
    for _ in range(args.rounds):
        bare_times.append(bare_run(texts))
        component_times.append(components_run(texts))
        full_times.append(full_run(articles))
    print(f"articles: {len(articles)}  characters: {chars}  rounds: {args.rounds}")
    print(
        f"bare spaCy ({', '.join(n for n in nlp.pipe_names if n not in OUR_COMPONENTS)}):"
        f" {len(articles) / min(bare_times):.1f} articles/s"
    )
    for label, times in (
        (f"spaCy with our components ({', '.join(OUR_COMPONENTS)})", component_times),
        ("full analysis (repair, components, places, events, records)", full_times),
    ):
        ratios = [b / t for b, t in zip(bare_times, times, strict=True)]
        print(f"{label}: {len(articles) / min(times):.1f} articles/s")
        print(f"  ratio per round: {' '.join(f'{r:.2f}' for r in ratios)}")
        print(f"  throughput ratio to bare, best times: {min(bare_times) / min(times):.2f}")
        print(f"  throughput ratio to bare, median of rounds: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
