"""The offline gazetteer: GeoNames places, the regions of Russia and Ukraine, countries.

from corroborate.geo import Gazetteer

with Gazetteer.open() as gazetteer:  # built on first use, then cached
    gazetteer.lookup("Tjotkino")  # [GazPlace(name='Tëtkino', admin1_name='Kursk Oblast', ...)]
    gazetteer.regions_named("Kharkov region")  # [GazPlace(name='Kharkiv Oblast', ...)]
"""

from corroborate.geo.build import BuildStats, build_gazetteer
from corroborate.geo.dump import DumpStats
from corroborate.geo.gazetteer import Gazetteer, GazetteerInfo, GazPlace, default_index_path

__all__ = [
    "BuildStats",
    "DumpStats",
    "GazPlace",
    "Gazetteer",
    "GazetteerInfo",
    "build_gazetteer",
    "default_index_path",
]
