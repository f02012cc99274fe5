"""Russian articles: natasha's parse read into the same records as English articles.

:class:`RussianAnalyzer` builds an :class:`~corroborate.models.ArticleAnalysis` for an
article in Russian: sentences, names linked to the actor base, places in the gazetteer,
attributed claims with their slots, casualty figures, dates and events.
"""

from corroborate.ru.analysis import RussianAnalyzer
from corroborate.ru.pipeline import load_models

__all__ = ["RussianAnalyzer", "load_models"]
