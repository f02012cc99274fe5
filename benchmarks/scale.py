"""How merging grows with the ledger: synthetic ledgers of 10k and 100k articles.

Each synthetic article carries one to three events (a type, a day in a year, a place among
a few thousand villages of two countries) and a short text; one article in five is a
near-verbatim copy of an earlier one. The benchmark times copy detection and event
clustering over the whole ledger, once for the small and once for the large size, and
prints the time ratio: a linear method gives about 10x for ten times the articles, a
quadratic one about 100x. Peak memory (resident set, from the operating system) is
printed too.

    .venv/bin/python benchmarks/scale.py [--sizes 10000 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time

from corroborate.merge import EventClusterer
from corroborate.models import Article, ArticleAnalysis, Event, PlaceMention, Span

TYPES = ("Battles", "Explosions/Remote violence", "Strategic developments", "Protests")
WORDS = [
    "forces",
    "village",
    "shelling",
    "drone",
    "attack",
    "border",
    "region",
    "governor",
    "said",
    "claimed",
    "repelled",
    "wounded",
    "killed",
    "residents",
    "damage",
    "ministry",
    "statement",
    "overnight",
    "troops",
    "fighting",
    "reported",
    "according",
    "sources",
    "army",
    "brigade",
    "positions",
    "artillery",
    "strike",
]


def synthetic_ledger(size: int, seed: int) -> list[ArticleAnalysis]:
    rng = random.Random(seed)
    villages = [
        (f"Village{n}", 48 + rng.random() * 5, 30 + rng.random() * 8, rng.choice(("RU", "UA")))
        for n in range(4000)
    ]
    start = dt.date(2024, 1, 1)
    analyses: list[ArticleAnalysis] = []
    for n in range(size):
        if analyses and rng.random() < 0.2:
            original = rng.choice(analyses[-500:])
            text = "COPY " + original.article.text
            events = original.events
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(80))
            events = []
            for k in range(rng.randint(1, 3)):
                name, lat, lon, country = rng.choice(villages)
                day = start + dt.timedelta(days=rng.randrange(366))
                place = PlaceMention(
                    Span(0, len(name), name),
                    name,
                    lat,
                    lon,
                    None,
                    country,
                    "settlement",
                    place_id=hash(name) % 10_000_000,
                )
                events.append(
                    Event(
                        id=f"s{n}-v{k}",
                        article_id=f"s{n}",
                        type=rng.choice(TYPES),
                        sub_type=None,
                        date=day.isoformat(),
                        place=name,
                        claim_ids=[f"s{n}-c{k}"],
                        place_mention=place,
                    )
                )
        article = Article(
            id=f"s{n}",
            text=text,
            source="synthetic",
            format="json",
            published=start + dt.timedelta(days=n % 366),
        )
        analyses.append(ArticleAnalysis(article=article, events=events))
    return analyses


def merge_seconds(analyses: list[ArticleAnalysis]) -> float:
    clusterer = EventClusterer()
    started = time.perf_counter()
    for analysis in analyses:
        clusterer.add(analysis)
    return time.perf_counter() - started


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 100_000))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    small, large = args.sizes
    timings = []
    for size in (small, large):
        ledger = synthetic_ledger(size, args.seed)
        seconds = merge_seconds(ledger)
        timings.append(seconds)
        print(
            f"{size:>7} articles: merged in {seconds:7.1f} s "
            f"({1e6 * seconds / size:6.0f} µs/article), peak memory {peak_mb():6.0f} MB"
        )
    ratio = timings[1] / timings[0]
    print(
        f"time ratio {large // small}x articles: {ratio:.1f}x "
        f"(linear ~{large // small}x, quadratic ~{(large // small) ** 2}x)"
    )


if __name__ == "__main__":
    main()
