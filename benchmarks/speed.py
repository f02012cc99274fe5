"""Throughput of the full analysis against bare spaCy on the same texts, in one process.

Time on shared machines is noisy, so the figure that matters is the ratio: our
pipeline (repair, our components, record building) against ``nlp.pipe`` of the same
model with our components switched off, on the same texts, alternating runs.

    .venv/bin/python benchmarks/speed.py [PATH ...] [--copies N] [--rounds R]

PATH defaults to ``examples/``; every article found is used, repeated ``--copies``
times with a varying first line so that no cache can help.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(args.paths, args.copies)
    texts = [a.text for a in articles]
    analyzer = Analyzer()
    nlp = analyzer.nlp
    chars = sum(len(t) for t in texts)
    bare_times, full_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        with nlp.select_pipes(disable=OUR_COMPONENTS):
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _analysis in analyzer.analyze_many(articles, batch_size=16):
            pass
        full_times.append(time.perf_counter() - start)
    bare, full = min(bare_times), min(full_times)
    print(f"articles: {len(articles)}  characters: {chars}  rounds: {args.rounds}")
    print(
        f"bare spaCy ({', '.join(n for n in nlp.pipe_names if n not in OUR_COMPONENTS)}):"
        f" {len(articles) / bare:.1f} articles/s"
    )
    print(f"full analysis: {len(articles) / full:.1f} articles/s")
    print(f"throughput ratio (full / bare): {bare / full:.2f}")


if __name__ == "__main__":
    main()
