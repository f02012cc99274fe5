"""Merging across articles: syndicated copies, and event clusters.

``copies`` finds republications of the same text (one origin, many outlets);
``clusters`` merges the events of many articles into clusters of one real event each.
"""

from corroborate.merge.clusters import EventClusterer, assign_clusters, main_event
from corroborate.merge.copies import CopyIndex

__all__ = ["CopyIndex", "EventClusterer", "assign_clusters", "main_event"]
