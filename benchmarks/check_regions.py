"""Check the regions file against a cities JSON file: does every region resolve?

Each region of ``data/regions.yaml`` must find its capital (and its ``locator``, if it
has one) among the cities, and through it an admin1 code that no other region takes.
The script also lists the admin1 codes of Russia and Ukraine that no region covers. It
reports every problem at once, with same-key spellings found in the cities file as hints,
where the build stops at the first.

    .venv/bin/python benchmarks/check_regions.py [--cities PATH] [--regions PATH]

Exit status: 0 when every region resolves and every admin1 code is covered, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from corroborate.errors import ConfigError
from corroborate.geo.build import (
    CityHit,
    default_cities_path,
    default_regions_path,
    resolve_regions,
)
from corroborate.geo.dump import iter_cities, load_region_file
from corroborate.resolve.names import name_key

COUNTRIES = ("RU", "UA")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=Path, default=default_cities_path())
    parser.add_argument("--regions", type=Path, default=default_regions_path())
    args = parser.parse_args()

    specs, _ = load_region_file(args.regions)
    wanted = {(s.country, s.capital) for s in specs}
    wanted |= {(s.country, s.locator) for s in specs if s.locator}
    wanted_keys = {(country, name_key(name)) for country, name in wanted}
    hits: dict[tuple[str, str], CityHit] = {}
    hints: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    codes: Counter[tuple[str, str]] = Counter()
    for city in iter_cities(args.cities):
        geonameid, name, country, admin1, population, lat, lon, _ = city.row
        if country not in COUNTRIES:
            continue
        if admin1:
            codes[country, admin1] += 1
        hit = hits.get((country, name))
        if (country, name) in wanted and (hit is None or population > hit.population):
            hits[country, name] = CityHit(geonameid, admin1, population, lat, lon)
        if (country, name_key(name)) in wanted_keys:
            hints[country, name_key(name)][name] += population

    problems = 0
    covered: dict[tuple[str, str], str] = {}
    print(f"{'country':7} {'admin1':6} {'region':32} capital")
    for spec in specs:
        try:
            [(_, admin1, capital)] = resolve_regions([spec], hits, args.cities)
        except ConfigError as exc:
            problems += 1
            for name in filter(None, (spec.capital, spec.locator)):
                if (spec.country, name) not in hits:
                    spelt = hints[spec.country, name_key(name)].most_common(3)
                    exc.add_note(f"  same key in the cities file: {spelt or 'none'}")
            print(f"PROBLEM {exc}", *getattr(exc, "__notes__", []), sep="\n")
            continue
        if (spec.country, admin1) in covered:
            problems += 1
            print(f"PROBLEM {spec.name} and {covered[spec.country, admin1]} share {admin1}")
        covered[spec.country, admin1] = spec.name
        where = f"{spec.capital} ({capital.id})"
        if spec.locator:
            where += f", found through {spec.locator}"
        print(f"{spec.country:7} {admin1:6} {spec.name:32} {where}")

    for country in COUNTRIES:
        resolved = sum(1 for c, _ in covered if c == country)
        missing = sorted(code for c, code in codes if c == country and (c, code) not in covered)
        problems += len(missing)
        print(
            f"{country}: {sum(1 for s in specs if s.country == country)} regions in the file,"
            f" {resolved} resolved; admin1 codes in the cities file:"
            f" {sum(1 for c, _ in codes if c == country)}; not covered: {missing or 'none'}"
        )
    print(f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
