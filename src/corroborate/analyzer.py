"""Analyse articles: repair the text, run the spaCy pipeline, build the records.

One :class:`Analyzer` holds one loaded pipeline; build it once and feed it every
article of a batch (loading the model takes seconds, analysing an article
milliseconds).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from corroborate.analysis import build_analysis
from corroborate.events.classify import EventClassifier
from corroborate.geo.geoparse import Geoparser, default_geoparser
from corroborate.models import Article, ArticleAnalysis
from corroborate.nlp import build_pipeline, load_config
from corroborate.nlp.frames import release, remember_text
from corroborate.repair import RepairedText, repair_text
from corroborate.resolve.actors import load_actors
from corroborate.ru import RussianAnalyzer

SUPPORTED_LANGUAGES = frozenset({"en", "ru"})


def unsupported_reason(article: Article) -> str | None:
    """Why an article is stored but not analysed, or None when it can be analysed."""
    if article.language is not None and article.language not in SUPPORTED_LANGUAGES:
        return f"not analysed: language {article.language} not supported yet"
    if not article.text.strip():
        return "not analysed: the article has no text"
    return None


class Analyzer:
    """The pipeline, plus the geoparser when a gazetteer is given.

    By default the user's gazetteer is opened (and built on first use, see
    :func:`corroborate.geo.geoparse.default_geoparser`); ``geoparser=None`` leaves places
    unresolved (their names are still found as entities). ``actor_files`` are the user's
    own actor files, read after the packaged knowledge base.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        config_path: Path | None = None,
        geoparser: Geoparser | Literal["default"] | None = "default",
        actor_files: Sequence[Path] = (),
        progress: bool = False,
    ) -> None:
        self.nlp = nlp if nlp is not None else build_pipeline(load_config(config_path))
        self.actors = load_actors(actor_files)
        if isinstance(geoparser, str):
            geoparser = default_geoparser(self.actors, progress)
        self.geoparser = geoparser
        self.classifier = EventClassifier()
        # The loaded pipeline lives as long as the process, yet every full collection of
        # the cycle collector walks its objects again, the cost of a few articles' work
        # each time. Frozen, they are left out; what is garbage now is collected first.
        gc.collect()
        gc.freeze()

    def analyze(self, article: Article) -> ArticleAnalysis:
        return next(iter(self.analyze_many([article])))

    def analyze_many(
        self, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[ArticleAnalysis]:
        """Analyses in input order; articles that cannot be analysed come back skipped."""
        pending: list[tuple[Article, RepairedText | None]] = []
        for article in articles:
            reason = unsupported_reason(article)
            pending.append((article, None if reason else repair_text(article.text)))
            if len(pending) >= batch_size:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, pending: list[tuple[Article, RepairedText | None]]) -> Iterator[ArticleAnalysis]:
        docs = [self._doc(a, r) for a, r in pending if r and a.language != "ru"]
        analysed = iter(self.nlp.pipe(docs))
        for article, repaired in pending:
            if repaired is None:
                yield ArticleAnalysis(
                    article=article, analysed=False, skipped_reason=unsupported_reason(article)
                )
            elif article.language == "ru":
                yield self.russian.analyze(article, repaired)
            else:
                doc = next(analysed)
                places = self.geoparser.parse(doc) if self.geoparser is not None else []
                analysis = build_analysis(
                    article, repaired, doc, places, self.actors, self.classifier
                )
                release(doc)
                yield analysis

    @cached_property
    def russian(self) -> RussianAnalyzer:
        """Russian articles' analyser (natasha), loaded with the first of them."""
        gazetteer = self.geoparser.gazetteer if self.geoparser is not None else None
        return RussianAnalyzer(gazetteer, self.actors)

    def _doc(self, article: Article, repaired: RepairedText) -> Doc:
        doc = self.nlp.make_doc(repaired.text)
        remember_text(doc, repaired.text)
        doc._.article_date = article.published
        doc._.excluded = list(repaired.excluded)
        return doc
