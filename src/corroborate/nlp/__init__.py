"""The spaCy pipeline: the English model plus Corroborate's own components."""

from corroborate.nlp.pipeline import build_pipeline, load_config

__all__ = ["build_pipeline", "load_config"]
